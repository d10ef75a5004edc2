using System.Net;
using AssetBridge.Connectors.Azure.Arm;
using AssetBridge.Connectors.Azure.Failures;
using AssetBridge.Connectors.Azure.Resources;
using AssetBridge.Connectors.Azure.Tests.Support;
using AssetBridge.Core.Errors;

namespace AssetBridge.Connectors.Azure.Tests.Arm;

public class ArmClientTests
{
    private static string Vm(int n) => $$"""{"id":"/subscriptions/291bba3f-e0a5-47bc-a099-3bdcb2a50a05/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm{{n}}"}""";
    private static readonly string First = $"https://management.azure.com/subscriptions/{ArmHarness.Subscription}/providers/Microsoft.Compute/virtualMachines?api-version=2025-04-01";

    [Fact]
    public async Task List_FollowsNextLink_ThroughShortAndEmptyPages_UntilItIsNull()
    {
        using var harness = new ArmHarness(request => request.RequestUri!.Query switch
        {
            var q when q.Contains("page=2", StringComparison.Ordinal) => StubHandler.Json(HttpStatusCode.OK, StubHandler.Page($"{First}&page=3")),
            var q when q.Contains("page=3", StringComparison.Ordinal) => StubHandler.Json(HttpStatusCode.OK, """{"value":[""" + Vm(3) + """],"nextLink":null}"""),
            _ => StubHandler.Json(HttpStatusCode.OK, StubHandler.Page($"{First}&page=2", Vm(1), Vm(2))),
        });

        var (pages, _) = await harness.Clock.DriveAsync(ListAsync(harness, new Uri(First)));

        Assert.Equal([2, 0, 1], pages.Select(p => p.Value!.Count));
        Assert.Equal(3, harness.Handler.Requests.Count);
        Assert.All(harness.Handler.Requests, r => Assert.Equal("Bearer test-token", r.Request.Headers.Authorization!.ToString()));
    }

    [Theory]
    [InlineData("http://nextlink", "points to http://nextlink, not to the ARM endpoint https://management.azure.com")]
    [InlineData("https://attacker.example/subscriptions?page=2", "points to https://attacker.example, not to the ARM endpoint")]
    [InlineData("https://management.azure.com:8443/x", "points to https://management.azure.com:8443")]
    [InlineData("a", "is not an absolute URL")]
    public async Task List_RefusesANextLinkThatWouldCarryTheTokenElsewhere(string nextLink, string expected)
    {
        using var harness = new ArmHarness(_ => StubHandler.Json(HttpStatusCode.OK, StubHandler.Page(nextLink)));

        var e = await Assert.ThrowsAsync<AzureApiException>(() => ListAsync(harness, new Uri(First)));

        Assert.Equal(AzureFailure.UnsafeNextLink, e.Failure);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Single(harness.Handler.Requests);
    }

    [Fact]
    public async Task List_StopsANextLinkLoop()
    {
        using var harness = new ArmHarness(request => StubHandler.Json(HttpStatusCode.OK, StubHandler.Page(request.RequestUri!.Query.Contains("page=2", StringComparison.Ordinal) ? First : $"{First}&page=2")));

        var e = await Assert.ThrowsAsync<AzureApiException>(() => ListAsync(harness, new Uri(First)));

        Assert.Equal(AzureFailure.UnsafeNextLink, e.Failure);
        Assert.Contains("it had sent before (after 2 pages)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WaitsOutRetryAfterInSeconds_ThenSucceeds()
    {
        var calls = 0;
        using var harness = new ArmHarness(_ => Interlocked.Increment(ref calls) == 1
            ? StubHandler.Json(HttpStatusCode.TooManyRequests, """{"error":{"code":"TooManyRequests","message":"slow down"}}""", ("Retry-After", "17"))
            : StubHandler.Json(HttpStatusCode.OK, StubHandler.Page(null)));

        var (_, elapsed) = await harness.Clock.DriveAsync(ListAsync(harness, new Uri(First)));

        var requests = harness.Handler.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(17), $"resent after {requests[1].At - requests[0].At}");
        Assert.True(elapsed < TimeSpan.FromSeconds(18), $"waited {elapsed}");
    }

    [Fact]
    public async Task Get_WaitsOutRetryAfterAsAnHttpDate()
    {
        var calls = 0;
        ArmHarness? harness = null;
        harness = new ArmHarness(_ => Interlocked.Increment(ref calls) == 1
            ? StubHandler.Json(HttpStatusCode.TooManyRequests, "{}", ("Retry-After", (harness!.Clock.GetUtcNow() + TimeSpan.FromSeconds(30)).ToString("R")))
            : StubHandler.Json(HttpStatusCode.OK, StubHandler.Page(null)));
        using var _ = harness;

        await harness.Clock.DriveAsync(ListAsync(harness, new Uri(First)));

        var requests = harness.Handler.Requests;
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Get_HoldsOtherJobsOfTheSamePrincipalAndSubscription_AfterA429()
    {
        var throttled = 0;
        using var harness = new ArmHarness(request => request.RequestUri!.Query.Contains("first", StringComparison.Ordinal) && Interlocked.Increment(ref throttled) == 1
            ? StubHandler.Json(HttpStatusCode.TooManyRequests, "{}", ("Retry-After", "10"))
            : StubHandler.Json(HttpStatusCode.OK, StubHandler.Page(null)));

        var first = ListAsync(harness, new Uri(First + "&first"));
        await harness.Clock.DriveAsync(Task.Delay(50));
        var second = ListAsync(harness, new Uri(First + "&second"));
        await harness.Clock.DriveAsync(Task.WhenAll(first, second));

        var requests = harness.Handler.Requests;
        var secondSent = requests.Single(r => r.Request.RequestUri!.Query.Contains("second", StringComparison.Ordinal)).At;
        Assert.True(secondSent - requests[0].At >= TimeSpan.FromSeconds(10), "the second job must not read into the throttled bucket");
    }

    [Fact]
    public async Task Get_PacesByRemainingReads_SoTheBucketIsNeverOverdrawn()
    {
        // An ARM that counts: 30 reads, refilled at 10/s, reported on every answer; a read on an empty bucket is a 429.
        var tokens = 30.0;
        var last = DateTimeOffset.MinValue;
        var overdrawn = 0;
        ArmHarness? harness = null;
        harness = new ArmHarness(request =>
        {
            var now = harness!.Clock.GetUtcNow();
            tokens = last == DateTimeOffset.MinValue ? tokens : Math.Min(30, tokens + ((now - last).TotalSeconds * 10));
            last = now;
            if (tokens < 1)
            {
                overdrawn++;
                return StubHandler.Json(HttpStatusCode.TooManyRequests, "{}", ("Retry-After", "1"));
            }

            tokens -= 1;
            var page = int.Parse(System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query)["page"] ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            return StubHandler.Json(
                HttpStatusCode.OK,
                StubHandler.Page(page < 99 ? $"{First}&page={page + 1}" : null),
                ("x-ms-ratelimit-remaining-subscription-reads", ((int)tokens).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }, o => { o.ReadBucketSize = 30; o.ReadRefillPerSecond = 10; o.PacingFloor = 3; });
        using var _ = harness;

        var (pages, elapsed) = await harness.Clock.DriveAsync(ListAsync(harness, new Uri(First)));

        Assert.Equal(100, pages.Count);
        Assert.Equal(0, overdrawn);
        // 100 reads from a bucket of 30 refilled at 10/s take at least (100 - 30 + floor) / 10 s.
        Assert.InRange(elapsed.TotalSeconds, 7.0, 8.5);
    }

    [Fact]
    public async Task Get_RetriesServerErrorsAndResets_WithBackoff_ThenSucceeds()
    {
        var calls = 0;
        using var harness = new ArmHarness(_ => Interlocked.Increment(ref calls) switch
        {
            1 => StubHandler.Json(HttpStatusCode.InternalServerError, """{"error":{"code":"InternalServerError","message":"boom"}}"""),
            2 => throw new HttpRequestException(HttpRequestError.ResponseEnded, "reset", new IOException("connection reset")),
            3 => StubHandler.Json(HttpStatusCode.OK, """{"value":[{"id":"x"},"""),
            _ => StubHandler.Json(HttpStatusCode.OK, StubHandler.Page(null, Vm(1))),
        });

        var (pages, elapsed) = await harness.Clock.DriveAsync(ListAsync(harness, new Uri(First)));

        Assert.Single(Assert.Single(pages).Value!);
        Assert.Equal(4, calls);
        Assert.True(elapsed > TimeSpan.Zero, "retries back off");
        Assert.Contains(harness.Logs.Lines, l => l.Contains("attempt 2 follows", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_FailsAsTransient_WhenServerErrorsOutlastTheAttempts()
    {
        using var harness = new ArmHarness(_ => StubHandler.Json(HttpStatusCode.ServiceUnavailable, """{"error":{"code":"ServiceUnavailable","message":"later"}}"""), o => o.MaxAttempts = 3);

        var e = await Assert.ThrowsAsync<AzureApiException>(() => harness.Clock.DriveAsync(ListAsync(harness, new Uri(First))));

        Assert.Equal(ErrorKind.Transient, e.Kind);
        Assert.Equal(3, harness.Handler.Requests.Count);
        Assert.Equal(
            "Azure Resource Manager answered 503 ServiceUnavailable ServiceUnavailable for the virtual machines of subscription 291bba3f-e0a5-47bc-a099-3bdcb2a50a05 on all 3 attempts; Azure may be degraded (see the Azure status page): run the sync again later.",
            e.Message);
    }

    [Fact]
    public async Task Get_RefreshesTheTokenOnce_After401()
    {
        using var harness = new ArmHarness(_ => StubHandler.Json(HttpStatusCode.Unauthorized, """{"error":{"code":"InvalidAuthenticationToken","message":"The access token is invalid."}}"""));

        var e = await Assert.ThrowsAsync<AzureApiException>(() => ListAsync(harness, new Uri(First)));

        Assert.Equal(1, harness.Authenticator.Refreshes);
        Assert.Equal(2, harness.Handler.Requests.Count);
        Assert.Equal(AzureFailure.TokenRejected, e.Failure);
        Assert.Equal(ErrorKind.Authentication, e.Kind);
    }

    [Fact]
    public async Task Get_AnswersAnEmptyLastPage_WhenTheProviderIsNotRegistered()
    {
        using var harness = new ArmHarness(_ => StubHandler.Json(HttpStatusCode.Conflict, """{"error":{"code":"MissingSubscriptionRegistration","message":"The subscription is not registered to use namespace 'Microsoft.Network'."}}"""));

        var pages = await ListAsync(harness, new Uri(First));

        Assert.Empty(Assert.Single(pages).Value!);
    }

    [Fact]
    public async Task Get_RefusesARunawayBody()
    {
        var big = new byte[2 * 1024 * 1024];
        Array.Fill(big, (byte)' ');
        using var harness = new ArmHarness(_ => StubHandler.Json(HttpStatusCode.OK, big), o => o.MaxResponseBytes = 1024 * 1024);

        var e = await Assert.ThrowsAsync<AzureApiException>(() => ListAsync(harness, new Uri(First)));

        Assert.Contains("exceeded 1 MiB", e.Message, StringComparison.Ordinal);
    }

    private static async Task<List<ArmList<VirtualMachineItem>>> ListAsync(ArmHarness harness, Uri first)
    {
        var pages = new List<ArmList<VirtualMachineItem>>();
        await foreach (var page in harness.Client.ListAsync(first, harness.Subject(), harness.Authenticator, ArmJsonContext.Default.ArmListVirtualMachineItem, CancellationToken.None))
        {
            pages.Add(page);
        }

        return pages;
    }
}
