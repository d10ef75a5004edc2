using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace AssetBridge.Emulators.Azure.Arm;

/// <summary>
/// The opaque $skiptoken of a nextLink: the page number, whether the page before was empty, and the
/// key of the last item served. The key (not an offset) makes paging stable while VMs come and go.
/// </summary>
internal sealed record SkipToken(int Page, bool PreviousWasEmpty, string LastKey)
{
    private const string Version = "s1";

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Version}|{Page}|{(PreviousWasEmpty ? 1 : 0)}|{LastKey}")));

    public static bool TryDecode(string text, out SkipToken token)
    {
        token = null!;
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split('|', 4);
            if (parts.Length != 4 || parts[0] != Version
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var page)
                || parts[2] is not ("0" or "1"))
            {
                return false;
            }

            token = new SkipToken(page, parts[2] == "1", parts[3]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
