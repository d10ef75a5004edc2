using System.Text.Json;
using AssetBridge.Cli.Tests.Infrastructure;
using AssetBridge.Emulators.ServiceNow;

namespace AssetBridge.Cli.Tests.Commands;

public sealed class SyncTests
{
    private const string Devices = "cmdb_ci_computer";

    [Fact]
    public async Task FullSync_IngestsEveryDevice_WithAdaptersApplicationsAndCriticality()
    {
        await using var scenario = await ServiceNowScenario.StartAsync();

        var sync = (await scenario.RunAsync("sync", "sn", "--full")).Code(0);
        var devices = DevicesJson.Parse((await scenario.RunAsync("devices", "--json")).Code(0));

        Assert.Contains("completed", sync.Out, StringComparison.Ordinal);
        Assert.Equal(scenario.Emulator.Instance.Count(Devices), devices.Count);
        Assert.All(devices, d => Assert.Equal(2, d.GetProperty("networkAdapters").GetArrayLength()));
        Assert.Contains(devices, d => d.GetProperty("businessApplications").GetArrayLength() > 0);
        foreach (var device in devices)
        {
            var level = device.GetProperty("criticalityLevel");
            var reason = device.Str("criticalityReason");
            Assert.Equal(level.ValueKind == JsonValueKind.Null, reason is null);
        }

        var sample = devices[0];
        var source = scenario.Emulator.Instance.Get(Devices, sample.Str("sysId")!)!;
        Assert.Equal(source["name"], sample.Str("name"));
        Assert.Equal(source["os"], sample.Str("os"));
        Assert.Equal(source["business_criticality"] is { Length: > 0 } c ? c : null, sample.Str("serviceNowCriticality"));
    }

    [Fact]
    public async Task IncrementalSync_ReadsOnlyChanges_AndAppliesThem()
    {
        await using var scenario = await ServiceNowScenario.StartAsync();
        (await scenario.RunAsync("sync", "sn", "--full")).Code(0);
        var changed = scenario.Emulator.Instance.SysIds(Devices).Take(3).ToList();
        var at = DateTimeOffset.UtcNow.AddDays(1);
        foreach (var sysId in changed)
        {
            scenario.Emulator.Instance.Update(Devices, sysId, new Dictionary<string, string?> { ["os"] = "Plan 9" }, at);
        }

        var run = JsonDocument.Parse((await scenario.RunAsync("sync", "sn", "--json")).Code(0).Out).RootElement;
        var devices = DevicesJson.Parse((await scenario.RunAsync("devices", "--json")).Code(0));

        Assert.Equal(3, run.GetProperty("counts").GetProperty("devices").GetInt64());
        Assert.Equal(changed.Order(), devices.Where(d => d.Str("os") == "Plan 9").Select(d => d.Str("sysId")!).Order());
    }

    [Fact]
    public async Task Deletions_AreMarkedOnlyByACompletedFullSync()
    {
        await using var scenario = await ServiceNowScenario.StartAsync();
        (await scenario.RunAsync("sync", "sn", "--full")).Code(0);
        var gone = scenario.Emulator.Instance.SysIds(Devices).First();
        Assert.True(scenario.Emulator.Instance.Delete(Devices, gone));

        (await scenario.RunAsync("sync", "sn")).Code(0);
        var afterIncremental = DevicesJson.Parse((await scenario.RunAsync("devices", "--json")).Code(0));
        Assert.Contains(afterIncremental, d => d.Str("sysId") == gone);

        var full = (await scenario.RunAsync("sync", "sn", "--full")).Code(0);
        var afterFull = DevicesJson.Parse((await scenario.RunAsync("devices", "--json")).Code(0));
        var withDeleted = DevicesJson.Parse((await scenario.RunAsync("devices", "--json", "--include-deleted")).Code(0));

        Assert.DoesNotContain(afterFull, d => d.Str("sysId") == gone);
        var deleted = Assert.Single(withDeleted, d => d.Str("sysId") == gone);
        Assert.NotEqual(JsonValueKind.Null, deleted.GetProperty("deletedAt").ValueKind);
        Assert.Contains("marked deleted", full.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedFullSync_MarksNothingDeleted_AndKeepsInventory()
    {
        await using var scenario = await ServiceNowScenario.StartAsync();
        (await scenario.RunAsync("sync", "sn", "--full")).Code(0);
        var before = (await scenario.RunAsync("devices", "--json")).Code(0).Out;
        foreach (var sysId in scenario.Emulator.Instance.SysIds(Devices).Take(10).ToList())
        {
            scenario.Emulator.Instance.Delete(Devices, sysId);
        }

        // Every later request fails for good: the full run cannot complete.
        for (var i = 0; i < 200; i++)
        {
            scenario.Emulator.Instance.EnqueueFault(EmulatorFault.ServerError500);
        }

        var failed = await scenario.RunAsync("sync", "sn", "--full");
        var after = (await scenario.RunAsync("devices", "--json")).Code(0).Out;

        Assert.NotEqual(0, failed.ExitCode);
        Assert.Contains("Nothing was marked deleted", failed.Error, StringComparison.Ordinal);
        Assert.Equal(before, after);
        var runs = JsonDocument.Parse((await scenario.RunAsync("runs", "--json")).Code(0).Out).RootElement;
        Assert.Equal("failed", runs[0].GetProperty("state").GetString());
    }

    [Fact]
    public async Task Sync_WithWrongPassword_FailsWithSentence_AndKeepsInventory()
    {
        await using var scenario = await ServiceNowScenario.StartAsync();
        (await scenario.RunAsync("sync", "sn", "--full")).Code(0);
        var before = (await scenario.RunAsync("devices", "--json")).Code(0).Out;
        (await scenario.Sandbox.RunWithInputAsync("wrong-password\n", "credential", "add", "servicenow-basic", "--name", "bad", "--username", ServiceNowScenario.Username)).Code(0);
        (await scenario.RunAsync("connector", "add", "servicenow", "--name", "sn-bad", "--instance", scenario.Emulator.BaseAddress.ToString(), "--credential", "bad")).Code(0);

        var run = await scenario.RunAsync("sync", "sn-bad", "--full");

        run.Code(10).OneSentenceError("401");
        Assert.Single(run.Error.Split("(401", StringSplitOptions.None).Skip(1)); // said once, not once per table
        Assert.Equal(before, (await scenario.RunAsync("devices", "--json", "--connector", "sn")).Code(0).Out);
    }

    [Fact]
    public async Task Sync_WithoutCmdbRead_SaysTheRoleIsMissing()
    {
        await using var scenario = await ServiceNowScenario.StartAsync(o => o.Users.Add(new EmulatorUser("norole", "pw", [])));
        (await scenario.Sandbox.RunWithInputAsync("pw\n", "credential", "add", "servicenow-basic", "--name", "norole", "--username", "norole")).Code(0);
        (await scenario.RunAsync("connector", "add", "servicenow", "--name", "sn-norole", "--instance", scenario.Emulator.BaseAddress.ToString(), "--credential", "norole")).Code(0);

        (await scenario.RunAsync("sync", "sn-norole", "--full")).Code(10).OneSentenceError("cmdb_read");
    }

    [Fact]
    public async Task Sync_UnknownConnector_IsUsageError()
    {
        await using var scenario = await ServiceNowScenario.StartAsync();

        (await scenario.RunAsync("sync", "nope")).Code(2).OneSentenceError("'nope'", "connector list");
    }

    [Fact]
    public async Task Sync_WithTamperedVault_FailsLoudly_AndKeepsInventory()
    {
        await using var scenario = await ServiceNowScenario.StartAsync();
        (await scenario.RunAsync("sync", "sn", "--full")).Code(0);
        var before = (await scenario.RunAsync("devices", "--json")).Code(0).Out;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(scenario.Sandbox.DataDirectory, "assetbridge.db")}"))
        {
            await connection.OpenAsync();
            var read = connection.CreateCommand();
            read.CommandText = "SELECT id, envelope FROM credentials";
            long id;
            byte[] envelope;
            await using (var reader = await read.ExecuteReaderAsync())
            {
                Assert.True(await reader.ReadAsync());
                id = reader.GetInt64(0);
                envelope = (byte[])reader.GetValue(1);
            }

            envelope[^1] ^= 0x01; // one flipped bit in the ciphertext
            var write = connection.CreateCommand();
            write.CommandText = "UPDATE credentials SET envelope = $e WHERE id = $id";
            write.Parameters.AddWithValue("$e", envelope);
            write.Parameters.AddWithValue("$id", id);
            Assert.Equal(1, await write.ExecuteNonQueryAsync());
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var run = await scenario.RunAsync("sync", "sn", "--full");

        run.Code(10).OneSentenceError("integrity");
        Assert.Equal(before, (await scenario.RunAsync("devices", "--json")).Code(0).Out);
    }

    [Fact]
    public async Task DevicesCsv_AndMinCriticality_FilterAndFormat()
    {
        await using var scenario = await ServiceNowScenario.StartAsync();
        (await scenario.RunAsync("sync", "sn", "--full")).Code(0);

        var all = DevicesJson.Parse((await scenario.RunAsync("devices", "--json")).Code(0));
        var critical = DevicesJson.Parse((await scenario.RunAsync("devices", "--json", "--min-criticality", "1")).Code(0));
        var csv = (await scenario.RunAsync("devices", "--csv")).Code(0).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(all.Count(d => d.GetProperty("criticalityLevel").ValueKind == JsonValueKind.Number && d.GetProperty("criticalityLevel").GetInt32() <= 1), critical.Count);
        Assert.All(critical, d => Assert.True(d.GetProperty("criticalityLevel").GetInt32() <= 1));
        Assert.StartsWith("connector,sysId,name", csv[0], StringComparison.Ordinal);
        Assert.Equal(all.Count + 1, csv.Length);
        (await scenario.RunAsync("devices", "--min-criticality", "7")).Code(2).OneSentenceError("--min-criticality");
    }

    [Fact]
    public async Task CanarySecret_NeverInOutputLogsOrDatabase_AcrossASync()
    {
        await using var scenario = await ServiceNowScenario.StartAsync();

        (await scenario.RunAsync("sync", "sn", "--full", "--verbose")).Code(0);
        (await scenario.RunAsync("runs", "--json")).Code(0);
        (await scenario.RunAsync("connector", "list", "--json")).Code(0);

        Assert.DoesNotContain(ServiceNowScenario.Password, scenario.Sandbox.Transcript.ToString(), StringComparison.Ordinal);
        var canary = System.Text.Encoding.UTF8.GetBytes(ServiceNowScenario.Password);
        foreach (var (path, bytes) in scenario.Sandbox.DataFiles())
        {
            Assert.False(bytes.AsSpan().IndexOf(canary) >= 0, $"the canary secret is in clear in {path}");
        }
    }

    [Fact]
    public async Task CancelledSync_HandsItsJobsBack_AndTheNextSyncResumesTheRun()
    {
        await using var scenario = await ServiceNowScenario.StartAsync();
        scenario.Emulator.Instance.SlowResponseDelay = TimeSpan.FromMinutes(5);
        scenario.Emulator.Instance.EnqueueFault(EmulatorFault.SlowResponse);
        using var stop = new CancellationTokenSource();

        var first = scenario.Sandbox.RunAsync(null, stop.Token, "sync", "sn", "--full");
        while (scenario.Emulator.Stats.InFlightRequests == 0)
        {
            await Task.Delay(10); // waits for the sync to be inside a request, not for time to pass
        }

        await stop.CancelAsync();
        var cancelled = await first;
        scenario.Emulator.Instance.ClearFaults();
        var resumed = (await scenario.RunAsync("sync", "sn", "--full")).Code(0);

        Assert.Equal(130, cancelled.ExitCode);
        Assert.Contains("resuming it", resumed.Error, StringComparison.Ordinal);
        Assert.Contains("Run 1 ", resumed.Out, StringComparison.Ordinal);
        Assert.Equal(scenario.Emulator.Instance.Count(Devices), DevicesJson.Parse((await scenario.RunAsync("devices", "--json")).Code(0)).Count);
    }
}
