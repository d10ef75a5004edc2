using AssetBridge.Connectors.ServiceNow.Mapping;
using AssetBridge.Connectors.ServiceNow.Planning;
using AssetBridge.Connectors.ServiceNow.Reading;
using AssetBridge.Connectors.ServiceNow.Settings;
using AssetBridge.Connectors.ServiceNow.TableApi;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Inventory;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Operations;

namespace AssetBridge.Connectors.ServiceNow.Operations;

/// <summary>
/// One of the CMDB operations (<c>servicenow-cmdb-1.0-ListDevices</c> and its siblings): reads its
/// job's table by keyset and streams each page to the result writer as a batch of its record kind.
/// </summary>
internal sealed class ListTableOperation(EntityKind kind, TableApiClient client, HttpClient http) : IOperation
{
    public OperationKey Key { get; } = ServiceNowOperationKeys.For(kind);

    public async Task<JobOutcome> ExecuteAsync(OperationContext context, IResultWriter results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(results);

        var parameters = TableJobParameters.Parse(context.Job.Parameters);
        var instance = ServiceNowConnectorSettings.ValidateInstanceUrl(parameters.InstanceUrl);
        var authenticator = context.Authenticate(new AuthenticationTarget(instance, http));
        var columns = new ColumnSet(parameters.Columns);
        var reader = new KeysetReader(
            client,
            new KeysetSpec(
                instance,
                parameters.Table,
                ServiceNowConnectorSettings.TableOption(kind),
                columns,
                parameters.PageSize,
                parameters.MaxConcurrentRequests,
                parameters.Mode,
                parameters.Watermark,
                parameters.Filter),
            authenticator);

        OperationLog.Starting(context.Logger, parameters.Table, instance.IdnHost, parameters.Mode, parameters.Watermark?.UpdatedOn);
        long records = 0;
        long pages = 0;
        try
        {
            await foreach (var rows in reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                await results.WriteAsync(RecordMapper.ToBatch(kind, columns, rows, parameters.Table), cancellationToken).ConfigureAwait(false);
                records += rows.Count;
                pages++;
                OperationLog.PageRead(context.Logger, parameters.Table, pages, rows.Count, records);
            }
        }
        catch (TableApiException e) when (e.Failure == TableApiFailure.NoSuchTable && parameters.MissingTableIsEmpty && pages == 0)
        {
            // Decided here: an instance without the table (no cloud discovery) has none of its records,
            // so the job ends processed and empty, and a full run may then mark earlier ones deleted. A
            // 403 or rows hidden by ACLs still fail the job: the records may exist, unseen.
            OperationLog.VmInstanceTableMissing(context.Logger, parameters.Table, instance.IdnHost);
            return new JobOutcome(0, 0, parameters.Watermark, 0);
        }

        var outcome = new JobOutcome(records, pages, reader.Reached ?? parameters.Watermark, reader.SourceTotal);
        OperationLog.Finished(context.Logger, parameters.Table, records, pages, outcome.Hidden);
        return outcome;
    }
}
