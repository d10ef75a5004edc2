using System.Buffers.Binary;

namespace AssetBridge.Emulators.ServiceNow.Tables;

/// <summary>
/// sys_id: 32 lower-case hex characters, held as a 128-bit number. Read big-endian, the number
/// orders exactly as the text does ordinally, so sorted keys answer "sys_id&gt;X" like strings would.
/// </summary>
internal static class SysId
{
    public const int Length = 32;

    public static string Format(UInt128 id)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, id);
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>True only for the canonical form: 32 characters of 0-9 and a-f.</summary>
    public static bool TryParse(string? text, out UInt128 id)
    {
        id = UInt128.Zero;
        if (text is null || text.Length != Length)
        {
            return false;
        }

        foreach (var c in text)
        {
            var digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return false;
            }

            id = (id << 4) | (uint)digit;
        }

        return true;
    }
}
