using AssetBridge.Core.Errors;

namespace AssetBridge.Connectors.Azure.Settings;

/// <summary>
/// Decides which authority hosts and ARM endpoints are accepted. Plain http is refused except to
/// loopback (emulators, tests), because client secrets and bearer tokens would cross the network in
/// clear text. Only the root (scheme, host, port) is kept.
/// </summary>
internal static class EndpointRules
{
    public static Uri Validate(string? url, string option, string example)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new AssetBridgeException(ErrorKind.Usage, $"Give {option}, e.g. {example}.");
        }

        var text = url.Trim();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || string.IsNullOrEmpty(uri.Host))
        {
            throw new AssetBridgeException(ErrorKind.Usage, $"'{text}' is not a URL for {option}; write it with its scheme, e.g. {example}.");
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new AssetBridgeException(ErrorKind.Usage, $"{option} must not carry a user name or password; remove them and store them in a credential.");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            throw new AssetBridgeException(
                ErrorKind.Usage,
                $"AssetBridge is refusing plain http to a non-loopback host ('{uri.Host}') for {option}, which would send secrets and tokens unencrypted; use https://{uri.Authority} instead.");
        }

        if (uri.AbsolutePath.Trim('/').Length > 0 || uri.Query.Length > 0)
        {
            throw new AssetBridgeException(
                ErrorKind.Usage,
                $"{option} is a host, not a path: use {uri.GetLeftPart(UriPartial.Authority)}/ instead of '{text}'.");
        }

        return new Uri(uri.GetLeftPart(UriPartial.Authority) + "/", UriKind.Absolute);
    }
}
