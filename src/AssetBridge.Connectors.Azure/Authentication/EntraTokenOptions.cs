using AssetBridge.Connectors.Azure.Settings;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;

namespace AssetBridge.Connectors.Azure.Authentication;

/// <summary>
/// Fills Azure.Identity's options the same way for every credential: the connector's authority host,
/// instance discovery only for the clouds Entra ID knows, the module's HTTP stack (so the token
/// endpoint gets the same TLS trust as ARM), the module's retry budget, and no content logging.
/// </summary>
internal static class EntraTokenOptions
{
    public static T Apply<T>(T options, Uri authorityHost, HttpMessageInvoker http, AzureModuleOptions module)
        where T : TokenCredentialOptions
    {
        options.AuthorityHost = authorityHost;
        // An HttpClient refuses a request another HttpClient already sent, so the module's own client is
        // handed over as it is; only a bare invoker is wrapped.
        options.Transport = http is HttpClient client
            ? new HttpClientTransport(client)
            : new HttpClientTransport(new HttpClient(new InvokerHandler(http), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan });
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = Math.Min(module.MaxAttempts - 1, 5);
        options.Retry.Delay = module.RetryBaseDelay;
        options.Retry.MaxDelay = module.RetryMaxDelay;
        options.Retry.NetworkTimeout = module.RequestTimeout;
        options.RetryPolicy = new EntraRetryPolicy(
            options.Retry.MaxRetries,
            DelayStrategy.CreateExponentialDelayStrategy(module.RetryBaseDelay, module.RetryMaxDelay));

        // Checkpoint: token requests carry the client secret or a signed assertion; their bodies must
        // never reach a log, whoever listens to Azure.Core's event source.
        options.Diagnostics.IsLoggingContentEnabled = false;
        options.Diagnostics.IsAccountIdentifierLoggingEnabled = false;
        options.IsUnsafeSupportLoggingEnabled = false;

        // Instance discovery asks login.microsoftonline.com about the authority; for a host it does
        // not know (an emulator, a private cloud) the answer is a refusal, so it is switched off there.
        var discover = AzureCloud.IsKnownAuthority(authorityHost);
        switch (options)
        {
            case ClientSecretCredentialOptions secret:
                secret.DisableInstanceDiscovery = !discover;
                break;
            case ClientCertificateCredentialOptions certificate:
                certificate.DisableInstanceDiscovery = !discover;
                certificate.SendCertificateChain = false;
                break;
        }

        return options;
    }
}
