using System.Runtime.CompilerServices;
using AssetBridge.Connectors.ServiceNow.Mapping;
using AssetBridge.Connectors.ServiceNow.TableApi;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Inventory;
using AssetBridge.Core.Runs;

namespace AssetBridge.Connectors.ServiceNow.Reading;

/// <summary>What one keyset read covers: the table, its columns, the mode and starting watermark, an extra filter.</summary>
internal sealed record KeysetSpec(
    Uri Instance,
    string Table,
    string TableOption,
    ColumnSet Columns,
    int PageSize,
    int MaxConcurrentRequests,
    SyncMode Mode,
    Watermark? From,
    string? Filter);

/// <summary>
/// Pages through a table by keyset, following design.md's reading rules. Pages are yielded as they
/// arrive; after the last one, <see cref="SourceTotal"/> holds the first page's X-Total-Count
/// (pre-ACL) and <see cref="Reached"/> the position a later incremental read may start from.
/// </summary>
internal sealed class KeysetReader(TableApiClient client, KeysetSpec spec, IAuthenticator authenticator)
{
    private readonly int _sysId = spec.Columns.IndexOfColumn(EntityFields.SysIdColumn);
    private readonly int _updatedOn = spec.Columns.IndexOfColumn(EntityFields.SysUpdatedOnColumn);

    public long? SourceTotal { get; private set; }

    /// <summary>
    /// Incremental: the greatest (sys_updated_on, sys_id) read. Full: the same, but never later than the
    /// instance's clock at the first page less <see cref="FullReadOverlap"/> — a full read goes by sys_id,
    /// so a record changed behind the cursor while it ran would otherwise fall under a watermark set by
    /// a later, greater timestamp and be missed until the next full run.
    /// </summary>
    public Watermark? Reached => spec.Mode == SyncMode.Full && _startedAt is { } started && _greatest is { } greatest
        ? Watermark.Min(greatest, new Watermark(started.Subtract(FullReadOverlap).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), string.Empty))
        : _greatest;

    /// <summary>
    /// How far before the first page's server time the next incremental read starts after a full read:
    /// covers transactions that committed after they stamped sys_updated_on. Re-reading is harmless.
    /// </summary>
    internal static readonly TimeSpan FullReadOverlap = TimeSpan.FromMinutes(5);

    private Watermark? _greatest;
    private DateTimeOffset? _startedAt;

    public async IAsyncEnumerable<IReadOnlyList<string?[]>> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Checkpoint: the cursor moves only past rows actually returned; the offset only steps over
        // windows that the instance counts but ACLs hide. Together they neither skip nor repeat a row.
        var cursor = spec.From;
        string? lastSysId = null;
        var offset = 0;
        long? remaining = null;
        var first = true;
        while (true)
        {
            var query = spec.Mode == SyncMode.Full ? KeysetQuery.Full(lastSysId, spec.Filter) : KeysetQuery.Incremental(cursor, spec.Filter);
            var withCount = first || (offset > 0 && remaining is null);
            var page = await client.GetPageAsync(
                new TableRequest(spec.Instance, spec.Table, spec.Columns, query, spec.PageSize, offset, withCount, spec.TableOption),
                authenticator,
                spec.MaxConcurrentRequests,
                cancellationToken).ConfigureAwait(false);
            if (first)
            {
                SourceTotal = page.TotalCount;
                _startedAt = page.ServerDate;
            }

            if (withCount)
            {
                remaining = page.TotalCount;
            }

            if (page.Rows.Count > 0)
            {
                var last = Advance(page.Rows, spec.Mode == SyncMode.Full ? lastSysId : null, spec.Mode == SyncMode.Full ? null : cursor);
                lastSysId = last.SysId;
                cursor = last;
                offset = 0;
                remaining = null;
                first = false;
                yield return page.Rows;
                continue;
            }

            // Checkpoint: a full read that sees nothing of a table the instance counts must fail the
            // job, or the run would mark the whole inventory deleted because a role was lost. An
            // incremental read deletes nothing, and a few changed rows hidden by ACLs are normal there,
            // so it steps past them like any hidden window.
            if (first && spec.Mode == SyncMode.Full && page.TotalCount is > 0 and var counted)
            {
                throw FailureSentences.AllRowsHidden(Subject(), counted);
            }

            first = false;

            // An empty window: the end, unless the same query, counted, says rows remain beyond it
            // (all hidden so far); then step past it. Without a count yet, ask for one at the next window.
            if (remaining is null && offset == 0)
            {
                offset = spec.PageSize;
                continue;
            }

            if (remaining is not { } left || offset + spec.PageSize >= left)
            {
                yield break;
            }

            offset += spec.PageSize;
        }
    }

    /// <summary>Checks the page moved past the cursor and returns its last row's key; tracks the greatest key seen.</summary>
    private Watermark Advance(IReadOnlyList<string?[]> rows, string? lastSysId, Watermark? cursor)
    {
        Watermark? lastKey = null;
        foreach (var row in rows)
        {
            var sysId = row[_sysId];
            if (string.IsNullOrEmpty(sysId))
            {
                throw new AssetBridgeException(
                    ErrorKind.BadResponse,
                    $"ServiceNow returned a row of {spec.Table} without a sys_id; check that the account may read the sys_id column.");
            }

            var key = new Watermark(row[_updatedOn] ?? string.Empty, sysId);
            _greatest = Watermark.Max(_greatest, key);
            lastKey = key;
        }

        // Checkpoint: an instance that ignored the keyset condition (invalid clauses are silently
        // dropped) would return the same page forever; refuse instead of looping.
        var moved = lastSysId is not null
            ? string.CompareOrdinal(lastKey!.SysId, lastSysId) > 0
            : cursor is null || lastKey!.CompareTo(cursor) > 0;
        if (!moved)
        {
            throw new AssetBridgeException(
                ErrorKind.BadResponse,
                $"ServiceNow returned rows of {spec.Table} out of keyset order (it may have ignored the query); check the table settings and that sys_id and sys_updated_on are readable.");
        }

        if (spec.Mode == SyncMode.Incremental && lastKey!.UpdatedOn.Length == 0)
        {
            throw new AssetBridgeException(
                ErrorKind.BadResponse,
                $"ServiceNow returned a row of {spec.Table} without sys_updated_on, so an incremental sync cannot continue; run a full sync.");
        }

        return lastKey!;
    }

    private RequestSubject Subject() =>
        new(spec.Instance, spec.Table, spec.TableOption, RequestSubject.PrincipalOf(authenticator), client.Options.MaxAttempts);
}
