using System.Globalization;
using System.Text.RegularExpressions;
using AssetBridge.Emulators.Azure.Entra;
using AssetBridge.Emulators.Azure.Faults;
using AssetBridge.Emulators.Azure.Hosting;
using AssetBridge.Emulators.Azure.RateLimiting;
using AssetBridge.Emulators.Azure.State;
using Microsoft.AspNetCore.Http;

namespace AssetBridge.Emulators.Azure.Arm;

/// <summary>
/// What every ARM request goes through before its handler, in ARM's order: (1) the bearer token
/// (401), (2) api-version (400), (3) a due fault, (4) the read bucket (429). Faults come before the
/// bucket so that they never spend a token: a fault changes nothing but the one response. Every
/// response past the token check carries x-ms-ratelimit-remaining-{subscription|tenant}-reads.
/// </summary>
internal sealed partial class ArmGate(
    string tenantId,
    AccessTokens tokens,
    ArmAudiences audiences,
    PrincipalDirectory principals,
    AzureFaultInjector faults,
    ReadBuckets buckets,
    AzureEmulatorStats stats,
    TimeProvider time,
    RequestIds ids)
{
    /// <summary>Runs a read; <paramref name="subscriptionId"/> null means a tenant-level read (its own bucket).</summary>
    public async Task RunAsync(HttpContext context, string? subscriptionId, string exampleVersion, Func<RegisteredPrincipal, ArmResponse> handle)
    {
        var requestId = ids.Next();
        var headers = context.Response.Headers;
        headers["x-ms-request-id"] = requestId;
        var correlation = context.Request.Headers["x-ms-correlation-request-id"].ToString();
        headers["x-ms-correlation-request-id"] = correlation.Length > 0 ? correlation : requestId;

        // 1. Who is asking.
        var (principal, refusal) = Authenticate(context.Request);
        if (principal is null)
        {
            headers.WWWAuthenticate = $"Bearer authorization_uri=\"{context.Request.Scheme}://{context.Request.Host}/{tenantId}\", error=\"invalid_token\", error_description=\"{refusal!.Message}\"";
            await WriteAsync(context, ArmResponse.From(refusal)).ConfigureAwait(false);
            return;
        }

        AzureRequestRecorder.SetClient(context, principal.ClientId);

        // 2. Which contract.
        var apiVersion = context.Request.Query["api-version"].ToString();
        if (apiVersion.Length == 0 || !ApiVersionPattern().IsMatch(apiVersion))
        {
            await WriteAsync(context, ArmResponse.From(apiVersion.Length == 0 ? ArmError.MissingApiVersion : ArmError.InvalidApiVersion(apiVersion, exampleVersion))).ConfigureAwait(false);
            return;
        }

        var (bucket, header, scope) = subscriptionId is null
            ? (ReadBuckets.TenantKey(principal.ClientId), "x-ms-ratelimit-remaining-tenant-reads", $"tenant '{tenantId}'")
            : (ReadBuckets.SubscriptionKey(principal.ClientId, subscriptionId), "x-ms-ratelimit-remaining-subscription-reads", $"subscription '{subscriptionId}'");

        // 3. A fault due now answers instead, leaving the bucket as it was.
        var fault = faults.Next(context.Request.Path.Value ?? string.Empty, isArm: true);
        if (fault is { } injected)
        {
            stats.CountFault(injected);
            if (injected != AzureFault.MalformedJson)
            {
                headers[header] = buckets.Remaining(bucket).ToString(CultureInfo.InvariantCulture);
                await AzureFaultResponder.WriteArmFaultAsync(context, injected, principal, scope, requestId).ConfigureAwait(false);
                return;
            }
        }

        // 4. The read bucket.
        var decision = buckets.TryTake(bucket);
        headers[header] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        if (!decision.Allowed)
        {
            var seconds = (long)decision.RetryAfter.TotalSeconds;
            await WriteAsync(context, ArmResponse.From(ArmError.Throttled(scope, principal.ObjectId, seconds))
                .With("Retry-After", seconds.ToString(CultureInfo.InvariantCulture))).ConfigureAwait(false);
            return;
        }

        var response = handle(principal);
        await WriteAsync(context, response, cut: fault == AzureFault.MalformedJson && response.Status == StatusCodes.Status200OK).ConfigureAwait(false);
    }

    public static async Task WriteAsync(HttpContext context, ArmResponse result, bool cut = false)
    {
        var response = context.Response;
        response.StatusCode = result.Status;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers.Pragma = "no-cache";
        response.Headers.Expires = "-1";
        foreach (var (name, value) in result.Headers)
        {
            response.Headers[name] = value;
        }

        // A malformed body is cut half way; Content-Length tells the truth about what is sent, so
        // the client reads it whole and fails only when it parses.
        var body = cut ? result.Body.AsMemory(0, result.Body.Length / 2) : result.Body;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private (RegisteredPrincipal? Principal, ArmError? Refusal) Authenticate(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.Length == 0)
        {
            return (null, ArmError.MissingAuthorization);
        }

        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return (null, ArmError.MalformedAuthorization);
        }

        var check = tokens.Check(authorization["Bearer ".Length..].Trim());
        return check.Status switch
        {
            TokenStatus.Invalid => (null, ArmError.InvalidToken),
            TokenStatus.Expired => (null, ArmError.ExpiredToken(check.ExpiresOn ?? DateTimeOffset.UnixEpoch, time.GetUtcNow())),
            TokenStatus.WrongTenant => (null, ArmError.WrongTenant(tenantId)),
            _ when !audiences.Accepts(check.Audience) => (null, ArmError.WrongAudience(check.Audience)),
            _ => principals.Find(check.ClientId) is { } principal ? (principal, null) : (null, ArmError.InvalidToken),
        };
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(-preview|-beta|-alpha)?$")]
    private static partial Regex ApiVersionPattern();
}
