using System.Net;

namespace AssetBridge.Core.Agents;

/// <summary>The host a job contacts, taken from its target (a URL or a bare host name or address).</summary>
public static class JobTarget
{
    /// <summary>The host part of <paramref name="target"/>, or null when it names none.</summary>
    public static string? Host(string? target)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            return null;
        }

        var text = target.Trim();
        if (text.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            return uri.IdnHost.Trim('[', ']');
        }

        if (IPAddress.TryParse(text.Trim('[', ']'), out var literal))
        {
            return literal.ToString();
        }

        // host or host:port
        var colon = text.LastIndexOf(':');
        return colon > 0 && text.IndexOf(':', StringComparison.Ordinal) == colon ? text[..colon] : text;
    }
}
