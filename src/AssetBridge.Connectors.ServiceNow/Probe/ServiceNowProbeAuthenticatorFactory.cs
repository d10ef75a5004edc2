using AssetBridge.Core.Connectors;
using AssetBridge.Core.Credentials;

namespace AssetBridge.Connectors.ServiceNow.Probe;

/// <summary>
/// The probe's credential seam: given the connector and where the authenticator will be used (the
/// instance root and this module's HTTP client), return an authenticator for the connector's
/// credential. The CLI opens the credential from its vault and passes it to the matching provider of
/// <see cref="ServiceNowModule.AuthenticatorProviders"/>.
/// </summary>
public delegate ValueTask<IAuthenticator> ServiceNowProbeAuthenticatorFactory(
    Connector connector,
    AuthenticationTarget target,
    CancellationToken cancellationToken);
