using System.Runtime.CompilerServices;
using AssetBridge.Connectors.Azure.Arm;
using AssetBridge.Connectors.Azure.Authentication;
using AssetBridge.Connectors.Azure.Operations;
using AssetBridge.Connectors.Azure.Settings;
using AssetBridge.Core.Connectors;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Errors;

namespace AssetBridge.Connectors.Azure.Probe;

/// <summary>
/// <c>connector test</c> for Azure: the credential opens, the authority host and ARM endpoint resolve and
/// accept TLS, Entra ID issues a token, and "Get Subscriptions" finds readable subscriptions (each named
/// one among them). A failing step ends the test with one sentence saying whether the network,
/// authentication, consent or RBAC is the problem; the later steps could only fail the same way.
/// </summary>
internal sealed class AzureConnectorProbe(ArmClient client, HttpMessageInvoker http, AzureProbeAuthenticatorFactory authenticate, NetworkChecks network) : IConnectorProbe
{
    public string ConnectorKind => ConnectorKinds.Azure;

    public async IAsyncEnumerable<ProbeCheck> TestAsync(Connector connector, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connector);
        var (settings, settingsFailure) = ReadSettings(connector);
        if (settings is null)
        {
            yield return settingsFailure!;
            yield break;
        }

        var arm = settings.ArmEndpointUri;
        var authority = settings.AuthorityHostUri;
        var (authenticator, opened) = await OpenAsync(connector, arm, authority, cancellationToken).ConfigureAwait(false);
        if (authenticator is null)
        {
            yield return opened!;
            yield break;
        }

        // A managed identity gets its token from the machine's metadata endpoint, not from the authority host.
        var hosts = authenticator is EntraTokenAuthenticator { IsManagedIdentity: true }
            ? new[] { (arm, "ARM endpoint") }
            : [(authority, "authority host"), (arm, "ARM endpoint")];
        foreach (var (endpoint, role) in hosts)
        {
            var dns = await network.ResolveAsync(endpoint, role, cancellationToken).ConfigureAwait(false);
            yield return dns;
            if (!dns.Passed)
            {
                yield break;
            }

            var connect = await network.ConnectAsync(endpoint, role, client.Options.ConnectTimeout, cancellationToken).ConfigureAwait(false);
            yield return connect;
            if (!connect.Passed)
            {
                yield break;
            }
        }

        var token = await TokenAsync(authenticator, authority, cancellationToken).ConfigureAwait(false);
        yield return token;
        if (!token.Passed)
        {
            yield break;
        }

        SubscriptionListing? listing = null;
        ProbeCheck subscriptions;
        try
        {
            listing = await SubscriptionListing.ReadAsync(client, arm, authenticator, cancellationToken).ConfigureAwait(false);
            subscriptions = listing.Readable.Count == 0
                ? new ProbeCheck("Get Subscriptions", false, SubscriptionListing.NoneReadable(listing.Principal).Message)
                : new ProbeCheck("Get Subscriptions", true, $"{Capital(listing.Principal)} can read {listing.Readable.Count} subscription{(listing.Readable.Count == 1 ? string.Empty : "s")}{(settings.Subscriptions.Count == 0 ? "; all of them will be inventoried" : string.Empty)}.");
        }
        catch (AssetBridgeException e)
        {
            subscriptions = new ProbeCheck("Get Subscriptions", false, e.Message);
        }

        yield return subscriptions;
        if (listing is null)
        {
            yield break;
        }

        foreach (var id in settings.Subscriptions)
        {
            ProbeCheck check;
            try
            {
                listing.Select([id]);
                var name = listing.Readable.First(s => s.SubscriptionId == id).DisplayName;
                check = new ProbeCheck($"Subscription {id}", true, $"Readable{(string.IsNullOrWhiteSpace(name) ? string.Empty : $" ('{name}')")}.");
            }
            catch (AssetBridgeException e)
            {
                check = new ProbeCheck($"Subscription {id}", false, e.Message);
            }

            yield return check;
        }
    }

    private static (AzureConnectorSettings?, ProbeCheck?) ReadSettings(Connector connector)
    {
        try
        {
            return (AzureConnectorSettings.FromJson(connector.SettingsJson), null);
        }
        catch (AssetBridgeException e)
        {
            return (null, new ProbeCheck("Settings", false, e.Message));
        }
    }

    private async Task<(IAuthenticator?, ProbeCheck?)> OpenAsync(Connector connector, Uri arm, Uri authority, CancellationToken cancellationToken)
    {
        try
        {
            var authenticator = await authenticate(connector, new AuthenticationTarget(arm, http) { AuthorityHost = authority }, cancellationToken).ConfigureAwait(false);
            return (authenticator, null);
        }
        catch (AssetBridgeException e)
        {
            return (null, new ProbeCheck("Credential", false, e.Message));
        }
    }

    private static async Task<ProbeCheck> TokenAsync(IAuthenticator authenticator, Uri authority, CancellationToken cancellationToken)
    {
        const string name = "Authentication";
        var principal = ArmClient.PrincipalOf(authenticator);
        try
        {
            if (authenticator is EntraTokenAuthenticator entra)
            {
                var token = await entra.GetTokenAsync(cancellationToken).ConfigureAwait(false);
                return new ProbeCheck(name, true, $"Entra ID issued a token for {principal}, valid until {token.ExpiresOn.UtcDateTime:yyyy-MM-dd HH:mm} UTC.");
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, authority);
            await authenticator.AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
            return new ProbeCheck(name, true, $"A token was issued for {principal}.");
        }
        catch (AssetBridgeException e)
        {
            return new ProbeCheck(name, false, e.Message);
        }
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
