using System.Net.Http.Headers;
using AssetBridge.Connectors.Azure.Transport;
using AssetBridge.Core.Credentials;
using Azure;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Identity.Client;

namespace AssetBridge.Connectors.Azure.Authentication;

/// <summary>
/// Puts an Entra ID access token for the ARM endpoint (<c>{arm}/.default</c>) on each request.
/// Azure.Identity caches the token and renews it before it expires; after a 401 the credential is
/// built afresh, so the next request carries a token that was certainly issued after the refusal.
/// Token requests are serialized, so the listings of one job that start together ask once.
/// </summary>
internal sealed class EntraTokenAuthenticator : IAuthenticator, IAzurePrincipal
{
    private readonly Func<TokenCredential> _create;
    private readonly TokenRequestContext _context;
    private readonly EntraSubject _subject;
    private readonly ServerTrust _trust;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _tokens = new(1, 1);
    private TokenCredential _credential;

    public EntraTokenAuthenticator(Func<TokenCredential> create, EntraSubject subject, string budgetKey, ServerTrust trust, ILogger logger)
    {
        _create = create;
        _subject = subject;
        _trust = trust;
        _logger = logger;
        _credential = create();
        _context = new TokenRequestContext([Scope(subject.ArmEndpoint)]);
        BudgetKey = budgetKey;
    }

    public string Principal => _subject.Principal;

    public string BudgetKey { get; }

    /// <summary>Whether the token comes from the machine's managed identity rather than the authority host.</summary>
    public bool IsManagedIdentity => _subject.ManagedIdentity;

    /// <summary>The scope of an ARM token: the endpoint's root with <c>/.default</c>, e.g. <c>https://management.azure.com/.default</c>.</summary>
    public static string Scope(Uri armEndpoint) => armEndpoint.GetLeftPart(UriPartial.Authority) + "/.default";

    public async ValueTask AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = await GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
    }

    public async ValueTask<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        await _tokens.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _credential = _create();
        }
        finally
        {
            _tokens.Release();
        }

        EntraLog.TokenRefused(_logger, Principal);
        return true;
    }

    /// <summary>A token now (from Azure.Identity's cache when it holds a fresh one); failures carry their sentence.</summary>
    public async ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        await _tokens.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var token = await _credential.GetTokenAsync(_context, cancellationToken).ConfigureAwait(false);
            EntraLog.TokenReady(_logger, Principal, token.ExpiresOn);
            return token;
        }
        catch (Exception e) when (e is AuthenticationFailedException or MsalException or RequestFailedException or HttpRequestException)
        {
            throw EntraFailures.Classify(e, _subject, _trust);
        }
        finally
        {
            _tokens.Release();
        }
    }

    public override string ToString() => $"Entra ID authenticator for {Principal}";
}
