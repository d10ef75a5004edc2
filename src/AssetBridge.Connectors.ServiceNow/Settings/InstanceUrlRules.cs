using AssetBridge.Core.Errors;

namespace AssetBridge.Connectors.ServiceNow.Settings;

/// <summary>
/// Decides which instance URLs are accepted. Plain http is refused except to loopback, because the
/// credential (Basic or a bearer token) would otherwise cross the network unencrypted.
/// </summary>
internal static class InstanceUrlRules
{
    private const string Example = "https://contoso.service-now.com";

    public static Uri Validate(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new AssetBridgeException(ErrorKind.Usage, $"Give the ServiceNow instance URL, e.g. {Example}.");
        }

        var text = url.Trim();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || string.IsNullOrEmpty(uri.Host))
        {
            throw new AssetBridgeException(
                ErrorKind.Usage,
                $"'{text}' is not an instance URL; write it with its scheme, e.g. {Example}.");
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new AssetBridgeException(
                ErrorKind.Usage,
                "The instance URL must not carry a user name or password; remove them from the URL and store them in a credential.");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            throw new AssetBridgeException(
                ErrorKind.Usage,
                $"AssetBridge is refusing plain http to a non-loopback host ('{uri.Host}'), which would send credentials unencrypted; use https://{uri.Authority} instead.");
        }

        return new Uri(uri.GetLeftPart(UriPartial.Authority) + "/", UriKind.Absolute);
    }
}
