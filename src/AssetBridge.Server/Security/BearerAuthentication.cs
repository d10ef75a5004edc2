using System.Security.Claims;
using System.Text.Encodings.Web;
using AssetBridge.Core.Access;
using AssetBridge.Core.Application;
using AssetBridge.Core.Errors;
using AssetBridge.Server.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AssetBridge.Server.Security;

/// <summary>
/// <c>Authorization: Bearer &lt;token&gt;</c> for the admin API: an admin token holds the roles admin and
/// reader, a reader token only reader. Refusals are problem bodies with the sentence to act on.
/// </summary>
internal sealed class BearerAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TokenService tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    public const string AdminPolicy = "admin";
    public const string ReaderPolicy = "reader";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = await tokens.AuthenticateAsync(header["Bearer ".Length..], Context.RequestAborted).ConfigureAwait(false);
        if (token is null || token.Kind is not (TokenKind.Admin or TokenKind.Reader))
        {
            return AuthenticateResult.Fail("unknown token");
        }

        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new(ClaimTypes.Role, ReaderPolicy) };
        if (token.Kind == TokenKind.Admin)
        {
            claims.Add(new Claim(ClaimTypes.Role, AdminPolicy));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var given = Request.Headers.Authorization.Count > 0;
        var sentence = given
            ? "The bearer token is unknown or expired; create one with 'assetbridge token create' on the server and pass it with --token or ASSETBRIDGE_TOKEN."
            : "This route needs a bearer token; create one with 'assetbridge token create' on the server and pass it with --token or ASSETBRIDGE_TOKEN.";
        Response.Headers.WWWAuthenticate = "Bearer";
        return Problems.WriteAsync(Context, new AssetBridgeException(ErrorKind.Authentication, sentence), StatusCodes401);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(
            Context,
            new AssetBridgeException(ErrorKind.Authentication, "This route changes AssetBridge and needs an admin token; the token given is a reader token."),
            StatusCodes403);

    private const int StatusCodes401 = 401;
    private const int StatusCodes403 = 403;
}
