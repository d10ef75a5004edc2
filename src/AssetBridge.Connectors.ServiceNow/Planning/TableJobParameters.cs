using System.Text.Json;
using System.Text.Json.Serialization;
using AssetBridge.Connectors.ServiceNow.Mapping;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Inventory;
using AssetBridge.Core.Runs;

namespace AssetBridge.Connectors.ServiceNow.Planning;

/// <summary>
/// What one table job needs, as JSON in the job's Parameters: everything but the credential, which
/// travels by id. <see cref="Filter"/> is an encoded query ANDed into every page's query.
/// <see cref="MissingTableIsEmpty"/>: the instance may lack the table, and then has no such records
/// (the job ends with none and a warning instead of failing).
/// </summary>
internal sealed record TableJobParameters(
    string InstanceUrl,
    string Table,
    IReadOnlyDictionary<string, string> Columns,
    int PageSize,
    int MaxConcurrentRequests,
    SyncMode Mode,
    Watermark? Watermark,
    string? Filter,
    bool MissingTableIsEmpty = false)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static TableJobParameters Parse(string json)
    {
        try
        {
            var parameters = JsonSerializer.Deserialize<TableJobParameters>(json, Json);
            // The keyset reader pages on sys_id and sys_updated_on; a job without them cannot run.
            if (parameters is { Table: not null, Columns: not null, InstanceUrl: not null, PageSize: > 0, MaxConcurrentRequests: > 0 }
                && parameters.Columns.Values.Contains(EntityFields.SysIdColumn)
                && parameters.Columns.Values.Contains(EntityFields.SysUpdatedOnColumn))
            {
                return parameters;
            }
        }
        catch (JsonException e)
        {
            throw Unreadable(e);
        }

        throw Unreadable(null);
    }

    private static AssetBridgeException Unreadable(Exception? inner) => new(
        ErrorKind.Configuration,
        "The job's ServiceNow parameters cannot be read (it was planned by a different AssetBridge version); start a new sync run.",
        inner);
}
