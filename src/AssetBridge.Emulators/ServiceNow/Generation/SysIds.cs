namespace AssetBridge.Emulators.ServiceNow.Generation;

/// <summary>sys_id: 32 lower-case hex characters (128 random bits).</summary>
internal static class SysIds
{
    public static string New(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>A Random for one table, derived from the seed so tables can be generated in parallel.</summary>
    public static Random RandomFor(int seed, string table) =>
        new(unchecked((seed * 486187739) + StableHash(table)));

    // string.GetHashCode and HashCode.Combine are randomised per process; seeds must not be.
    private static int StableHash(string text)
    {
        var hash = unchecked((int)2166136261);
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619);
        }

        return hash;
    }
}
