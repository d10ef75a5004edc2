using AssetBridge.Core.Errors;

namespace AssetBridge.Cli.Remote;

/// <summary>The server a command acts against: --server/--token/--server-thumbprint, else ASSETBRIDGE_SERVER, ASSETBRIDGE_TOKEN, ASSETBRIDGE_SERVER_THUMBPRINT.</summary>
internal sealed record RemoteTarget(Uri Server, string Token, string? Thumbprint)
{
    public const string ServerVariable = "ASSETBRIDGE_SERVER";
    public const string TokenVariable = "ASSETBRIDGE_TOKEN";
    public const string ThumbprintVariable = "ASSETBRIDGE_SERVER_THUMBPRINT";

    /// <summary>The target, or null when neither the option nor the variable names a server (local mode).</summary>
    public static RemoteTarget? Resolve(string? server, string? token, string? thumbprint, Func<string, string?> environment)
    {
        server = First(server, environment(ServerVariable));
        if (server is null)
        {
            return null;
        }

        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new AssetBridgeException(ErrorKind.Usage, $"--server takes the server's https address, such as https://assetbridge.example:8443, not '{server}'.");
        }

        token = First(token, environment(TokenVariable))
            ?? throw new AssetBridgeException(ErrorKind.Usage, $"Acting against {uri} needs an API token; pass --token or set {TokenVariable} (create one with 'assetbridge token create' on the server).");
        return new RemoteTarget(uri, token, First(thumbprint, environment(ThumbprintVariable)));
    }

    private static string? First(string? option, string? variable) =>
        !string.IsNullOrWhiteSpace(option) ? option.Trim() : !string.IsNullOrWhiteSpace(variable) ? variable.Trim() : null;
}
