using Microsoft.Extensions.Logging;

namespace AssetBridge.Connectors.ServiceNow.Authentication;

/// <summary>Log lines of the OAuth authenticator: who got a token and for how long; never the token or the secret.</summary>
internal static partial class OAuthLog
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Debug, Message = "Obtained an OAuth token for {Principal}, valid for {Lifetime}.")]
    public static partial void TokenIssued(ILogger logger, string principal, TimeSpan lifetime);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "The refresh token of {Principal} was refused ({Status}); asking for a new grant.")]
    public static partial void RefreshRefused(ILogger logger, string principal, int status);
}
