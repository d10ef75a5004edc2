using AssetBridge.Core.Runs;
using Microsoft.Extensions.Logging;

namespace AssetBridge.Connectors.ServiceNow.Operations;

/// <summary>Progress lines of the CMDB operations: tables, counts, watermarks; never headers or secrets.</summary>
internal static partial class OperationLog
{
    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Reading {Table} from {Host} ({Mode}, from {Watermark}).")]
    public static partial void Starting(ILogger logger, string table, string host, SyncMode mode, string? watermark);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Debug, Message = "Read page {Page} of {Table}: {Rows} rows, {Records} so far.")]
    public static partial void PageRead(ILogger logger, string table, long page, int rows, long records);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Information, Message = "Read {Records} records of {Table} in {Pages} pages; {Hidden} counted but hidden by ACLs.")]
    public static partial void Finished(ILogger logger, string table, long records, long pages, long hidden);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Warning, Message = "{Host} has no table {Table}, so it keeps no VM instance CIs there (no cloud discovery) and none are read; if they are kept in another table, set it on the connector (--vm-instance-table).")]
    public static partial void VmInstanceTableMissing(ILogger logger, string table, string host);
}
