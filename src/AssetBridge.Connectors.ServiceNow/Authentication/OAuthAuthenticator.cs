using System.Net.Http.Headers;
using AssetBridge.Connectors.ServiceNow.TableApi;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Errors;
using Microsoft.Extensions.Logging;

namespace AssetBridge.Connectors.ServiceNow.Authentication;

/// <summary>
/// OAuth 2 bearer tokens from the instance's <c>oauth_token.do</c>: the client_credentials grant, or the
/// password grant when the credential names a username. The token is cached and renewed before it
/// expires (refresh_token grant when one was issued, else a new grant); after a 401 it is renewed once.
/// </summary>
internal sealed class OAuthAuthenticator : IAuthenticator, IPrincipalDescription
{
    private readonly OAuthTokenClient _tokens;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _clientId;
    private readonly string _clientSecret;
    private readonly string? _username;
    private readonly string? _password;
    private readonly SemaphoreSlim _renewal = new(1, 1);
    private OAuthToken? _token;

    public OAuthAuthenticator(OpenedCredential credential, OAuthTokenClient tokens, TimeProvider time, ILogger logger)
    {
        _tokens = tokens;
        _time = time;
        _logger = logger;
        _clientId = CredentialAttributes.Require(credential, CredentialTypes.ClientId);
        _clientSecret = credential.Secret.Require(CredentialTypes.ClientSecret);
        _username = CredentialAttributes.Get(credential, CredentialTypes.Username);
        _password = _username is null ? null : credential.Secret.Require(CredentialTypes.Password);
        Principal = _username is null ? $"OAuth client '{_clientId}'" : $"user '{_username}'";
    }

    public string Principal { get; }

    public async ValueTask AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = _token;
        if (token is null || token.NeedsRenewal(_time.GetUtcNow()))
        {
            token = await RenewAsync(token, cancellationToken).ConfigureAwait(false);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
    }

    public async ValueTask<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        await RenewAsync(_token, force: true, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public override string ToString() => $"OAuth authenticator for {Principal}";

    private Task<OAuthToken> RenewAsync(OAuthToken? seen, CancellationToken cancellationToken) => RenewAsync(seen, force: false, cancellationToken);

    private async Task<OAuthToken> RenewAsync(OAuthToken? seen, bool force, CancellationToken cancellationToken)
    {
        await _renewal.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another request renewed while this one waited: use its token rather than asking again.
            if (_token is not null && !ReferenceEquals(_token, seen) && (force || !_token.NeedsRenewal(_time.GetUtcNow())))
            {
                return _token;
            }

            var token = await FromRefreshTokenAsync(_token, cancellationToken).ConfigureAwait(false)
                ?? await FromGrantAsync(cancellationToken).ConfigureAwait(false);
            _token = token;
            OAuthLog.TokenIssued(_logger, Principal, token.Lifetime);
            return token;
        }
        finally
        {
            _renewal.Release();
        }
    }

    private async Task<OAuthToken?> FromRefreshTokenAsync(OAuthToken? current, CancellationToken cancellationToken)
    {
        if (current?.RefreshToken is not { } refresh)
        {
            return null;
        }

        try
        {
            var token = await _tokens.RequestAsync(
                [
                    new("grant_type", "refresh_token"),
                    new("client_id", _clientId),
                    new("client_secret", _clientSecret),
                    new("refresh_token", refresh),
                ],
                Principal,
                cancellationToken).ConfigureAwait(false);

            // A refresh reply may omit the refresh token; keep using the one we hold.
            return token.RefreshToken is null ? token with { RefreshToken = refresh } : token;
        }
        catch (TokenRefusedException e)
        {
            OAuthLog.RefreshRefused(_logger, Principal, e.Status);
            return null;
        }
    }

    private async Task<OAuthToken> FromGrantAsync(CancellationToken cancellationToken)
    {
        List<KeyValuePair<string, string>> form = _username is null
            ? [new("grant_type", "client_credentials"), new("client_id", _clientId), new("client_secret", _clientSecret)]
            : [new("grant_type", "password"), new("client_id", _clientId), new("client_secret", _clientSecret), new("username", _username), new("password", _password!)];
        try
        {
            return await _tokens.RequestAsync(form, Principal, cancellationToken).ConfigureAwait(false);
        }
        catch (TokenRefusedException e)
        {
            throw Refused(e);
        }
    }

    private TableApiException Refused(TokenRefusedException e)
    {
        var detail = $"{e.Status}{FailureSentences.Quote(e.Error)}";
        var sentence = _username is null
            ? $"ServiceNow's token endpoint refused OAuth client '{_clientId}' ({detail}); check the client id and secret (System OAuth > Application Registry) and that the client_credentials grant is enabled (glide.oauth.inbound.client.credential.grant_type.enabled) with an OAuth application user."
            : $"ServiceNow's token endpoint refused user '{_username}' with OAuth client '{_clientId}' ({detail}); check the username and password, and the client id and secret (System OAuth > Application Registry).";
        return new TableApiException(TableApiFailure.Unauthorized, ErrorKind.Authentication, retryHere: false, sentence);
    }
}

/// <summary>Builds <see cref="OAuthAuthenticator"/>s for <c>servicenow-oauth</c> credentials.</summary>
internal sealed class OAuthAuthenticatorProvider(TableApiClientOptions options, TimeProvider time, ILogger logger) : IAuthenticatorProvider
{
    public string CredentialType => CredentialTypes.ServiceNowOAuth;

    public IAuthenticator Create(OpenedCredential credential, AuthenticationTarget target)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(target);
        var tokens = new OAuthTokenClient(target.Http, target.BaseAddress, time, options.RequestTimeout, options.MaxAttempts);
        return new OAuthAuthenticator(credential, tokens, time, logger);
    }
}
