using System.Globalization;

namespace AssetBridge.Core.Inventory;

/// <summary>
/// Normalises the identifiers that join cloud VMs to CMDB records, once, where records are built:
/// ARM resource ids compare case-insensitively, MAC addresses come as <c>00-0D-3A-1B-C7-21</c> from
/// Azure and <c>00:0d:3a:1b:c7:21</c> from ServiceNow.
/// </summary>
public static class CloudIds
{
    /// <summary>A resource id in lower case without a trailing slash; null for blank input.</summary>
    public static string? ResourceId(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        return id.Trim().TrimEnd('/').ToLowerInvariant();
    }

    /// <summary>A VM id (GUID) in lower case; null for blank input.</summary>
    public static string? VmId(string? id) => string.IsNullOrWhiteSpace(id) ? null : id.Trim().ToLowerInvariant();

    /// <summary>
    /// A MAC address as six lower-case hex pairs joined by colons, from any of the usual forms
    /// (<c>00-0D-3A-1B-C7-21</c>, <c>00:0d:3a:1b:c7:21</c>, <c>000D.3A1B.C721</c>, <c>000D3A1BC721</c>);
    /// null when the text is not a MAC address or is all zeros.
    /// </summary>
    public static string? Mac(string? mac)
    {
        if (string.IsNullOrWhiteSpace(mac))
        {
            return null;
        }

        Span<char> hex = stackalloc char[12];
        var count = 0;
        foreach (var c in mac)
        {
            if (c is ':' or '-' or '.' or ' ')
            {
                continue;
            }

            if (!char.IsAsciiHexDigit(c) || count == 12)
            {
                return null;
            }

            hex[count++] = char.ToLowerInvariant(c);
        }

        if (count != 12 || hex.IndexOfAnyExcept('0') < 0)
        {
            return null;
        }

        return string.Create(17, hex.ToString(), static (span, h) =>
        {
            for (var i = 0; i < 6; i++)
            {
                span[i * 3] = h[i * 2];
                span[(i * 3) + 1] = h[(i * 2) + 1];
                if (i < 5)
                {
                    span[(i * 3) + 2] = ':';
                }
            }
        });
    }

    /// <summary>The subscription id of a resource id (<c>/subscriptions/{id}/…</c>), lower-case; null when it has none.</summary>
    public static string? SubscriptionOf(string? resourceId)
    {
        var id = ResourceId(resourceId);
        const string prefix = "/subscriptions/";
        if (id is null || !id.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var end = id.IndexOf('/', prefix.Length);
        var sub = end < 0 ? id[prefix.Length..] : id[prefix.Length..end];
        return sub.Length == 0 ? null : sub;
    }

    /// <summary>A host name for comparison: the first DNS label, lower-case; null for blank input.</summary>
    public static string? HostName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var trimmed = name.Trim();
        var dot = trimmed.IndexOf('.', StringComparison.Ordinal);
        var label = dot > 0 && !System.Net.IPAddress.TryParse(trimmed, out _) ? trimmed[..dot] : trimmed;
        return label.ToLower(CultureInfo.InvariantCulture);
    }
}
