using System.Net;
using AssetBridge.Emulators.ServiceNow;
using AssetBridge.Emulators.Tests.ServiceNow.Support;
using static AssetBridge.Emulators.Tests.ServiceNow.Support.Emulator;

namespace AssetBridge.Emulators.Tests.ServiceNow.Hosting;

public sealed class EmulatorHostTests
{
    [Fact]
    public async Task Emulator_ListensOnLoopbackOnAnEphemeralPort()
    {
        await using var emulator = await StartAsync();

        Assert.Equal("127.0.0.1", emulator.BaseAddress.Host);
        Assert.NotEqual(0, emulator.BaseAddress.Port);
        Assert.EndsWith("/", emulator.BaseAddress.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_PrintsOneLineAndRunsUntilCancelled()
    {
        using var output = new LineSignallingWriter();
        using var cancel = new CancellationTokenSource();
        var options = new ServiceNowEmulatorOptions { Devices = 12, AdaptersPerDevice = 3, Applications = 2 };

        var running = ServiceNowEmulatorHost.RunAsync(options, output, cancel.Token);
        await Task.WhenAny(output.FirstLine, running).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Matches(
            @"^ServiceNow emulator listening on http://127\.0\.0\.1:\d+/ \(12 devices, 36 adapters, 2 applications; user assetbridge\)\r?\n$",
            output.ToString());
        Assert.False(running.IsCompleted);
        using (var client = new HttpClient())
        {
            var address = output.ToString().Split(' ')[4];
            using var response = await client.GetAsync(new Uri(new Uri(address), "api/now/table/cmdb_ci_computer"));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        await cancel.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Dispose_CanBeCalledTwice()
    {
        var emulator = await StartAsync();

        await emulator.DisposeAsync();
        await emulator.DisposeAsync();
    }

    [Fact]
    public async Task Stats_CountRequestsByTableAndStatus_AndKeepTheirQueries()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);

        using (await client.GetTableAsync(Computers, ("sysparm_query", "ORDERBYsys_id"), ("sysparm_limit", "5")))
        using (await client.GetTableAsync(Computers))
        using (await client.GetTableAsync("nope"))
        {
        }

        var stats = emulator.Stats;
        Assert.Equal(3, stats.TotalRequests);
        Assert.Equal(2, stats.RequestsTo(Computers));
        Assert.Equal(2, stats.CountOfStatus(200));
        Assert.Equal(1, stats.CountOfStatus(400));
        Assert.Equal("ORDERBYsys_id", stats.RecentRequests[0].Parameter("sysparm_query"));
        Assert.Equal("assetbridge", stats.RecentRequests[0].Username);
        Assert.Equal(0, stats.InFlightRequests);
    }

    [Fact]
    public async Task Stats_RecordTheMostConcurrentRequests()
    {
        var clock = new ManualClock();
        await using var emulator = await StartAsync(o => o.TimeProvider = clock);
        using var client = Client(emulator);
        emulator.Instance.SlowResponseDelay = TimeSpan.FromSeconds(1);
        emulator.Instance.EnqueueFaults([EmulatorFault.SlowResponse, EmulatorFault.SlowResponse, EmulatorFault.SlowResponse]);

        var requests = new List<Task<HttpResponseMessage>>();
        for (var i = 0; i < 3; i++)
        {
            var waiting = clock.TimerCreated;
            requests.Add(client.GetTableAsync(Applications));
            await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        foreach (var response in await Task.WhenAll(requests).WaitAsync(TimeSpan.FromSeconds(10)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            response.Dispose();
        }

        Assert.Equal(3, emulator.Stats.MaxConcurrentRequests);
    }

    [Theory]
    [InlineData(nameof(ServiceNowEmulatorOptions.FaultRate), "FaultRate must be between 0 and 1")]
    [InlineData(nameof(ServiceNowEmulatorOptions.Devices), "Devices cannot be negative")]
    [InlineData(nameof(ServiceNowEmulatorOptions.HiddenFraction), "HiddenFraction must be between 0 and 1")]
    public async Task Start_FailsWithASentence_WhenAnOptionIsOutOfRange(string option, string sentence)
    {
        var options = new ServiceNowEmulatorOptions();
        switch (option)
        {
            case nameof(ServiceNowEmulatorOptions.FaultRate):
                options.FaultRate = 2;
                break;
            case nameof(ServiceNowEmulatorOptions.Devices):
                options.Devices = -1;
                break;
            default:
                options.HiddenFraction = -0.1;
                break;
        }

        var error = await Assert.ThrowsAsync<ArgumentException>(() => ServiceNowEmulator.StartAsync(options));

        Assert.StartsWith(sentence, error.Message, StringComparison.Ordinal);
    }

    /// <summary>Completes <see cref="FirstLine"/> when a line has been written.</summary>
    private sealed class LineSignallingWriter : StringWriter
    {
        private readonly TaskCompletionSource firstLine = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task FirstLine => firstLine.Task;

        public override async Task WriteLineAsync(string? value)
        {
            await base.WriteLineAsync(value);
            firstLine.TrySetResult();
        }
    }
}
