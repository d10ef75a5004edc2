using AssetBridge.Core.Connectors;
using AssetBridge.Core.Credentials;

namespace AssetBridge.Connectors.Azure.Probe;

/// <summary>
/// The probe's credential seam: given the connector and where the authenticator will be used (the ARM
/// endpoint, this module's HTTP client, and the authority host), return an authenticator for the
/// connector's credential. The CLI opens the credential from its vault and passes it to the matching
/// provider of <see cref="AzureModule.AuthenticatorProviders"/>.
/// </summary>
public delegate ValueTask<IAuthenticator> AzureProbeAuthenticatorFactory(
    Connector connector,
    AuthenticationTarget target,
    CancellationToken cancellationToken);
