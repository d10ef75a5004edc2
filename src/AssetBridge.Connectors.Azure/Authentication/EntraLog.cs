using Microsoft.Extensions.Logging;

namespace AssetBridge.Connectors.Azure.Authentication;

/// <summary>Log lines of the Entra ID authenticators: whose token, until when; never the token, the secret or the certificate.</summary>
internal static partial class EntraLog
{
    [LoggerMessage(EventId = 2201, Level = LogLevel.Trace, Message = "Entra ID token for {Principal} valid until {ExpiresOn}.")]
    public static partial void TokenReady(ILogger logger, string principal, DateTimeOffset expiresOn);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Information, Message = "Azure Resource Manager refused the token of {Principal}; asking Entra ID for a new one.")]
    public static partial void TokenRefused(ILogger logger, string principal);
}
