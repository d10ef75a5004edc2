using System.Net;
using System.Text.Json;
using AssetBridge.Emulators.ServiceNow;
using AssetBridge.Emulators.Tests.ServiceNow.Support;
using static AssetBridge.Emulators.Tests.ServiceNow.Support.Emulator;

namespace AssetBridge.Emulators.Tests.ServiceNow.Faults;

public sealed class FaultTests
{
    [Theory]
    [InlineData(EmulatorFault.ServerError500, HttpStatusCode.InternalServerError)]
    [InlineData(EmulatorFault.ServiceUnavailable503, HttpStatusCode.ServiceUnavailable)]
    public async Task ServerFaults_AnswerTheirStatusWithTheErrorEnvelope(EmulatorFault fault, HttpStatusCode status)
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);
        emulator.Instance.EnqueueFault(fault);

        using var faulted = await client.GetTableAsync(Computers);
        using var next = await client.GetTableAsync(Computers);

        Assert.Equal(status, faulted.StatusCode);
        Assert.Equal("failure", (await faulted.JsonAsync()).Text("status"));
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(1, emulator.Stats.FaultsInjected[fault]);
    }

    [Fact]
    public async Task ConnectionReset_FailsTheRequestWithoutAResponse()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);
        emulator.Instance.EnqueueFault(EmulatorFault.ConnectionReset);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetTableAsync(Computers));

        Assert.Equal(1, emulator.Stats.CountOfStatus(0));
    }

    [Fact]
    public async Task TruncatedBody_SendsHeadersThenDiesHalfWay()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);
        emulator.Instance.EnqueueFault(EmulatorFault.TruncatedBody);

        using var response = await client.GetAsync(TablePath(Computers), HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(60, response.TotalCount());
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => response.Content.ReadAsStringAsync());
        Assert.IsType<HttpIOException>(error.InnerException);
    }

    [Fact]
    public async Task TransactionCancelled_Answers200WithMalformedJsonCarryingTheError()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);
        emulator.Instance.EnqueueFault(EmulatorFault.TransactionCancelled);

        using var response = await client.GetTableAsync(Computers, ("sysparm_fields", "sys_id,name"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("""{"result":[{""", body, StringComparison.Ordinal);
        Assert.EndsWith(
            """}""],"error":{"detail":"Transaction cancelled: maximum execution time exceeded. Check logs for error trace.","message":"Transaction cancelled: maximum execution time exceeded"},"status":"failure"}""",
            body, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
    }

    [Fact]
    public async Task SlowResponse_AnswersOnlyAfterTheDelayHasPassed()
    {
        var clock = new ManualClock();
        await using var emulator = await StartAsync(o => o.TimeProvider = clock);
        using var client = Client(emulator);
        emulator.Instance.SlowResponseDelay = TimeSpan.FromSeconds(30);
        emulator.Instance.EnqueueFault(EmulatorFault.SlowResponse);
        var waiting = clock.TimerCreated;

        var request = client.GetTableAsync(Applications);
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(request.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        using var response = await request.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(6, (await response.ResultAsync()).Count);
    }

    [Fact]
    public async Task SlowResponse_TimesOutAClientThatWillNotWait()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);
        client.Timeout = TimeSpan.FromMilliseconds(200);
        emulator.Instance.SlowResponseDelay = TimeSpan.FromMinutes(5);
        emulator.Instance.EnqueueFault(EmulatorFault.SlowResponse);

        await Assert.ThrowsAsync<TaskCanceledException>(() => client.GetTableAsync(Applications));
    }

    [Fact]
    public async Task RateLimitedFault_Answers429AndCountsAnImpatientRetryAsAViolation()
    {
        var clock = new ManualClock();
        await using var emulator = await StartAsync(o => o.TimeProvider = clock);
        using var client = Client(emulator);
        emulator.Instance.EnqueueFault(EmulatorFault.RateLimited);

        using var limited = await client.GetTableAsync(Applications);
        using var impatient = await client.GetTableAsync(Applications);
        clock.Advance(TimeSpan.FromSeconds(1));
        using var patient = await client.GetTableAsync(Applications);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), limited.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.TooManyRequests, impatient.StatusCode);
        Assert.Equal(HttpStatusCode.OK, patient.StatusCode);
        Assert.Equal(1, emulator.Stats.RateLimitViolations);
    }

    [Fact]
    public async Task ScriptedFaults_AreServedInOrder_OnePerRequest()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);
        emulator.Instance.EnqueueFaults([EmulatorFault.ServiceUnavailable503, EmulatorFault.ServerError500, EmulatorFault.ServiceUnavailable503]);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.GetTableAsync(Applications);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.InternalServerError, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], statuses);
        Assert.Equal(0, emulator.Instance.PendingFaults);
    }

    [Fact]
    public async Task RandomFaults_FollowTheSeed()
    {
        var first = await FaultedRequestsAsync(seed: 7);
        var second = await FaultedRequestsAsync(seed: 7);

        Assert.Equal(first, second);
        Assert.Contains(true, first);
        Assert.Contains(false, first);
    }

    private static async Task<List<bool>> FaultedRequestsAsync(int seed)
    {
        await using var emulator = await StartAsync(o => (o.Seed, o.FaultRate) = (seed, 0.5));
        emulator.Instance.SlowResponseDelay = TimeSpan.Zero;
        using var client = Client(emulator);
        var faulted = new List<bool>();
        for (var i = 0; i < 20; i++)
        {
            var before = emulator.Stats.FaultsInjected.Values.Sum();
            try
            {
                using var response = await client.GetTableAsync(Applications);
                await response.Content.ReadAsStringAsync();
            }
            catch (HttpRequestException)
            {
                // Connection reset and truncated body.
            }

            faulted.Add(emulator.Stats.FaultsInjected.Values.Sum() > before);
        }

        return faulted;
    }
}
