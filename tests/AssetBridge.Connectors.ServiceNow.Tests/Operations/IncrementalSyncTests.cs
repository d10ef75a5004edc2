using AssetBridge.Connectors.ServiceNow.Settings;
using AssetBridge.Connectors.ServiceNow.Tests.Support;
using AssetBridge.Core.Inventory;
using AssetBridge.Core.Runs;
using AssetBridge.Emulators.ServiceNow;

namespace AssetBridge.Connectors.ServiceNow.Tests.Operations;

public class IncrementalSyncTests
{
    private static readonly Core.Credentials.OpenedCredential Reader = TestCredentials.Basic("assetbridge", "assetbridge");
    private static readonly DateTimeOffset SameSecond = new(2026, 2, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ServiceNowConnectorSettings SmallPages = new() { PageSize = 3 };

    [Fact]
    public async Task Incremental_ReadsEveryRecordUpdatedInTheSameSecond_AcrossPageBoundaries()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(new() { Devices = 30, AdaptersPerDevice = 0, Applications = 0, Seed = 4 });
        using var harness = SyncHarness.Create();
        var full = await harness.SyncAsync(emulator.BaseAddress, EntityKind.Device, Reader, SmallPages);
        var updated = UpdateInSameSecond(emulator, "cmdb_ci_computer", 10, every: 3);

        var (outcome, results) = await harness.SyncAsync(emulator.BaseAddress, EntityKind.Device, Reader, SmallPages, SyncMode.Incremental, full.Outcome.Watermark);

        Assert.Equal(updated, results.SysIds());
        Assert.Equal(new Watermark("2026-02-01 12:00:00", updated[^1]), outcome.Watermark);
        Assert.Equal(10, outcome.SourceTotal);
    }

    [Fact]
    public async Task FullRead_Watermark_NeverPassesTheInstanceClockAtItsStart_SoChangesBehindTheCursorAreRead()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(new() { Devices = 12, AdaptersPerDevice = 0, Applications = 0, Seed = 4 });
        using var harness = SyncHarness.Create();
        var ids = emulator.Instance.SysIds("cmdb_ci_computer").ToList();

        // A record far ahead of the cursor carries a timestamp later than the instance's clock (a record
        // changed while the full read ran); a record behind the cursor then changes "during" the read.
        var now = DateTimeOffset.UtcNow;
        emulator.Instance.Update("cmdb_ci_computer", ids[^1], new Dictionary<string, string?> { ["os"] = "later" }, now.AddHours(1));
        var full = await harness.SyncAsync(emulator.BaseAddress, EntityKind.Device, Reader, SmallPages);
        emulator.Instance.Update("cmdb_ci_computer", ids[0], new Dictionary<string, string?> { ["os"] = "behind the cursor" }, now.AddMinutes(1));

        var (_, results) = await harness.SyncAsync(emulator.BaseAddress, EntityKind.Device, Reader, SmallPages, SyncMode.Incremental, full.Outcome.Watermark);

        Assert.True(string.CompareOrdinal(full.Outcome.Watermark!.UpdatedOn, now.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)) < 0);
        Assert.Contains(ids[0], results.SysIds());
    }

    [Fact]
    public async Task Incremental_ResumesInsideASameSecondGroup_WithoutSkippingOrRepeating()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(new() { Devices = 30, AdaptersPerDevice = 0, Applications = 0, Seed = 4 });
        using var harness = SyncHarness.Create();
        var updated = UpdateInSameSecond(emulator, "cmdb_ci_computer", 10, every: 2);
        var resumeAfter = new Watermark("2026-02-01 12:00:00", updated[3]);

        var (outcome, results) = await harness.SyncAsync(emulator.BaseAddress, EntityKind.Device, Reader, SmallPages, SyncMode.Incremental, resumeAfter);

        Assert.Equal(updated.Skip(4), results.SysIds());
        Assert.Equal(new Watermark("2026-02-01 12:00:00", updated[^1]), outcome.Watermark);
    }

    [Fact]
    public async Task Incremental_KeepsTheWatermark_WhenNothingChanged()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(new() { Devices = 12, AdaptersPerDevice = 0, Applications = 0, Seed = 4 });
        using var harness = SyncHarness.Create();
        var full = await harness.SyncAsync(emulator.BaseAddress, EntityKind.Device, Reader, SmallPages);

        var (outcome, results) = await harness.SyncAsync(emulator.BaseAddress, EntityKind.Device, Reader, SmallPages, SyncMode.Incremental, full.Outcome.Watermark);

        Assert.Empty(results.SysIds());
        Assert.Equal(full.Outcome.Watermark, outcome.Watermark);
    }

    [Fact]
    public async Task Incremental_ReadsOnlyApplicationLinks_WhenOtherRelationshipsChangedInTheSameSecond()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(new() { Devices = 100, AdaptersPerDevice = 0, Applications = 4, Seed = 7 });
        using var harness = SyncHarness.Create();
        var instance = emulator.Instance;
        var full = await harness.SyncAsync(emulator.BaseAddress, EntityKind.Relationship, Reader, SmallPages);
        var applications = instance.SysIds("cmdb_ci_business_app").ToHashSet();
        foreach (var id in instance.SysIds("cmdb_rel_ci"))
        {
            instance.Update("cmdb_rel_ci", id, new Dictionary<string, string?>(), SameSecond);
        }

        var expected = instance.SysIds("cmdb_rel_ci")
            .Where(id => instance.Get("cmdb_rel_ci", id) is { } r && (applications.Contains(r["parent"]!) || applications.Contains(r["child"]!)))
            .ToList();
        Assert.NotEqual(instance.Count("cmdb_rel_ci"), expected.Count);

        var (_, results) = await harness.SyncAsync(emulator.BaseAddress, EntityKind.Relationship, Reader, SmallPages, SyncMode.Incremental, full.Outcome.Watermark);

        Assert.Equal(expected, results.SysIds());
    }

    [Fact]
    public async Task Incremental_StepsPastChangedRowsHiddenByAcls_WithoutFailingTheJob()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(new() { Devices = 80, AdaptersPerDevice = 0, Applications = 0, HiddenFraction = 0.45, Seed = 3 });
        using var harness = SyncHarness.Create();
        var all = emulator.Instance.SysIds("cmdb_ci_computer").ToList();
        var hidden = all.Where(emulator.Instance.IsHidden).Take(7).ToList();
        var visible = all.Where(id => !emulator.Instance.IsHidden(id)).Take(2).ToList();
        foreach (var id in hidden)
        {
            emulator.Instance.Update("cmdb_ci_computer", id, new Dictionary<string, string?>(), SameSecond);
        }

        foreach (var id in visible)
        {
            emulator.Instance.Update("cmdb_ci_computer", id, new Dictionary<string, string?>(), SameSecond.AddSeconds(1));
        }

        var from = new Watermark("2026-01-31 00:00:00", string.Empty);

        var (outcome, results) = await harness.SyncAsync(emulator.BaseAddress, EntityKind.Device, Reader, SmallPages, SyncMode.Incremental, from);

        Assert.Equal(visible, results.SysIds());
        Assert.Equal(9, outcome.SourceTotal);
        Assert.Equal(7, outcome.Hidden);
    }

    /// <summary>Updates <paramref name="count"/> records (every n-th by sys_id) in one second; returns their sys_ids in sys_id order.</summary>
    private static List<string> UpdateInSameSecond(ServiceNowEmulator emulator, string table, int count, int every)
    {
        var chosen = emulator.Instance.SysIds(table).Where((_, i) => i % every == 0).Take(count).ToList();
        foreach (var id in chosen)
        {
            emulator.Instance.Update(table, id, new Dictionary<string, string?> { ["name"] = "renamed " + id }, SameSecond);
        }

        Assert.Equal(count, chosen.Count);
        return chosen;
    }
}
