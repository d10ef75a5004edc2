using System.Buffers;
using System.Globalization;
using System.Text.Json;
using AssetBridge.Emulators.ServiceNow.Acl;
using AssetBridge.Emulators.ServiceNow.Auth;
using AssetBridge.Emulators.ServiceNow.Query;
using AssetBridge.Emulators.ServiceNow.Tables;
using Microsoft.AspNetCore.Http;

namespace AssetBridge.Emulators.ServiceNow.Api;

/// <summary>
/// Answers an authenticated Table API GET (list or one record): table check, role check, query,
/// page, headers, body. Synchronous and under the store's read lock from the first look at the
/// data to the last byte of JSON, so a page is one consistent snapshot; the caller flushes after.
/// </summary>
internal sealed class TableReader(RecordStore store, RowVisibility visibility)
{
    public void Respond(HttpContext context, EmulatorUser user, string tableName, string? sysId, ApiVersion version, IBufferWriter<byte> body)
    {
        var response = context.Response;
        var parameters = TableRequestParameters.From(context.Request.Query);
        using var read = store.EnterRead();
        var sources = Sources(tableName);
        if (sources.Count == 0)
        {
            Error(response, body, StatusCodes.Status400BadRequest, $"Invalid table {tableName}", detail: null);
            return;
        }

        var denied = sources[0].Schema.RequiresCmdbRead && !UserDirectory.CanReadCmdb(user);
        if (denied && user.Denial == AclDenial.Forbidden)
        {
            Error(response, body, StatusCodes.Status403Forbidden, "User Not Authorized", "Failed API level ACL Validation");
            return;
        }

        var request = context.Request;
        var origin = $"{request.Scheme}://{request.Host}";
        var renderer = new RecordRenderer(store, parameters.DisplayValue, parameters.ExcludeReferenceLink, $"{origin}/api/now/{VersionSegment(version)}table/");
        if (sysId is not null)
        {
            RespondWithRecord(response, body, sources, sysId, denied, parameters, renderer);
            return;
        }

        var parsed = EncodedQueryParser.Parse(parameters.Query);
        var bound = sources.Select(t => BoundQuery.Bind(parsed, t, store)).ToList();
        var page = QueryExecutor.Execute(bound, parameters.Offset, parameters.Limit, countRequired: !parameters.NoCount);

        // sysparm_limit has already cut the page; the ACL now removes rows from it (short pages).
        var visible = denied ? [] : page.Rows.Where(r => !visibility.IsHidden(r)).ToList();
        if (version == ApiVersion.V1 && visible.Count == 0)
        {
            // v1 answers "nothing" with 404; v2 and the unversioned path answer 200 with [].
            NoRecord(response, body);
            return;
        }

        var total = parameters.NoCount ? null : page.TotalCount;
        if (total is { } count)
        {
            response.Headers["X-Total-Count"] = count.ToString(CultureInfo.InvariantCulture);
        }

        if (!parameters.SuppressPaginationHeader
            && PaginationLinks.Build(origin + request.PathBase + request.Path, request.Query, parameters.Offset, parameters.Limit, total, page.HasMore) is { } links)
        {
            response.Headers.Link = links;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ErrorEnvelope.JsonContentType;
        var fieldsByTable = new Dictionary<TableStore, IReadOnlyList<SelectedField>>();
        using var json = new Utf8JsonWriter(body, RecordRenderer.WriterOptions);
        json.WriteStartObject();
        json.WriteStartArray("result");
        foreach (var row in visible)
        {
            if (!fieldsByTable.TryGetValue(row.Table, out var fields))
            {
                fields = FieldSelection.For(row.Table.Schema, parameters.Fields, store);
                fieldsByTable.Add(row.Table, fields);
            }

            renderer.WriteRecord(json, row, fields);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private void RespondWithRecord(
        HttpResponse response, IBufferWriter<byte> body, IReadOnlyList<TableStore> sources, string sysId, bool denied,
        TableRequestParameters parameters, RecordRenderer renderer)
    {
        if (store.Find(sysId) is not { } row || !sources.Contains(row.Table) || denied || visibility.IsHidden(row))
        {
            NoRecord(response, body);
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ErrorEnvelope.JsonContentType;
        using var json = new Utf8JsonWriter(body, RecordRenderer.WriterOptions);
        json.WriteStartObject();
        json.WritePropertyName("result");
        renderer.WriteRecord(json, row, FieldSelection.For(row.Table.Schema, parameters.Fields, store));
        json.WriteEndObject();
    }

    /// <summary>The tables a path names; cmdb_ci (the base class) reads every configuration item table.</summary>
    private List<TableStore> Sources(string tableName) =>
        tableName == RecordStore.ConfigurationItemTable
            ? [.. store.TablesReferencedAs(RecordStore.ConfigurationItemTable)]
            : store.TryGetTable(tableName, out var table) ? [table] : [];

    private static string VersionSegment(ApiVersion version) => version switch
    {
        ApiVersion.V1 => "v1/",
        ApiVersion.V2 => "v2/",
        _ => string.Empty,
    };

    /// <summary>The 404 a real instance sends alike for a missing record and one an ACL hides.</summary>
    private static void NoRecord(HttpResponse response, IBufferWriter<byte> body) =>
        Error(response, body, StatusCodes.Status404NotFound, "No Record found", "Record doesn't exist or ACL restricts the record retrieval");

    private static void Error(HttpResponse response, IBufferWriter<byte> body, int status, string message, string? detail)
    {
        response.StatusCode = status;
        response.ContentType = ErrorEnvelope.JsonContentType;
        ErrorEnvelope.Write(body, message, detail);
    }
}
