using System.Data.Common;
using AssetBridge.Core.Runs;
using AssetBridge.Core.Storage;

namespace AssetBridge.Storage.Tests.Compliance;

public abstract partial class StoreCompliance
{
    [StoreFact]
    public async Task Migration_FromSchema2_KeepsRunsJobsAndInventory_EvenARunWithTwoJobsOfOneScope()
    {
        await Store.DisposeAsync();
        long connectorId, finishedRun, runningRun;
        long[] finishedJobs;
        await using (var connection = await RecreateAtSchemaVersionAsync(2))
        {
            var credential = await InsertAsync(connection, "INSERT INTO credentials (name, type, attributes_json, key_id, envelope, created_at) VALUES (@p0, 'basic', '{}', 'key-1', @p1, 0) RETURNING id", "reader", new byte[] { 1, 2, 3 });
            connectorId = await InsertAsync(connection, "INSERT INTO connectors (name, kind, target, credential_id, settings_json, created_at) VALUES ('prod-cmdb', 'servicenow', 'https://example.service-now.com', @p0, '{}', 0) RETURNING id", credential);
            finishedRun = await InsertAsync(connection, """
                INSERT INTO runs (connector_id, mode, state, started_at, finished_at, devices, network_adapters, business_applications, relationships, marked_deleted, hidden, error)
                VALUES (@p0, 'full', 'completed', 1000, 2000, 10, 20, 3, 4, 2, 1, NULL) RETURNING id
                """, connectorId);
            runningRun = await InsertAsync(connection, "INSERT INTO runs (connector_id, mode, state, started_at) VALUES (@p0, 'incremental', 'running', 3000) RETURNING id", connectorId);

            // Schema 2 let a connector that read one table for two kinds queue two jobs of one scope.
            finishedJobs =
            [
                await InsertJobAsync(connection, finishedRun, connectorId, Computers, "device", "processed"),
                await InsertJobAsync(connection, finishedRun, connectorId, Computers, "network_adapter", "processed"),
                await InsertJobAsync(connection, finishedRun, connectorId, Relations, "relationship", "processed"),
            ];
            await InsertJobAsync(connection, runningRun, connectorId, Computers, "device", "ready");
            await InsertAsync(connection, "INSERT INTO applied_chunks (job_id, attempt, seq) VALUES (@p0, 1, 0) RETURNING job_id", finishedJobs[0]);
            await InsertAsync(connection, "INSERT INTO devices (connector_id, source_table, sys_id, name, last_seen_run) VALUES (@p0, @p1, 'd1', 'web-01', @p2) RETURNING connector_id", connectorId, Computers, finishedRun);
        }

        Store = await ReopenStoreAsync(Clock);

        var finished = await Store.Runs.GetAsync(finishedRun, Ct);
        Assert.Equal((RunState.Completed, new RunCounts(10, 20, 3, 4, 2, 1)), (finished!.State, finished.Counts));
        Assert.Equal(finishedJobs, (await Store.Jobs.ListByRunAsync(finishedRun, Ct)).Select(j => j.Id));
        Assert.Equal(("d1", "web-01"), (await ReadDevicesAsync()).Select(d => (d.Device.SysId, d.Device.Name!)).Single());
        Assert.Empty(await Store.Jobs.EnqueueAsync([NewJobFor(finished, Computers)], Ct));
        Assert.Single(await Store.Jobs.EnqueueAsync([NewJobFor(finished, VmInstanceTable)], Ct));

        var running = (await Store.Runs.GetAsync(runningRun, Ct))!;
        Assert.Empty(await Store.Jobs.EnqueueAsync([NewJobFor(running, Computers)], Ct));
        var lease = await ClaimAsync();
        Assert.Equal((runningRun, Computers), (lease.Ticket.RunId, lease.Ticket.Scope));
        Assert.True(await Store.Runs.FinishAsync(runningRun, RunState.Completed, RunCounts.Zero with { VmInstances = 7 }, null, Clock.GetUtcNow(), Ct));
        Assert.Equal(7, (await Store.Runs.GetAsync(runningRun, Ct))!.Counts.VmInstances);
        Assert.Equal(new InventoryCounts(1, 0, 0, 0, 0), await Store.Inventory.CountAsync(connectorId, Ct));
    }

    private static Task<long> InsertJobAsync(DbConnection connection, long runId, long connectorId, string scope, string kind, string state) => InsertAsync(
        connection,
        """
        INSERT INTO jobs (run_id, connector_id, operation, scope, kind, credential_id, parameters, target, state, attempts, records_applied, created_at, updated_at)
        VALUES (@p0, @p1, 'servicenow-cmdb-1.0-ListDevices', @p2, @p3, NULL, '{}', NULL, @p4, 0, 0, 0, 0)
        RETURNING id
        """,
        runId,
        connectorId,
        scope,
        kind,
        state);

    /// <summary>Runs an INSERT … RETURNING with positional values bound as @p0, @p1…; returns the first column.</summary>
    private static async Task<long> InsertAsync(DbConnection connection, string sql, params object[] values)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "p" + i;
            parameter.Value = values[i];
            command.Parameters.Add(parameter);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
