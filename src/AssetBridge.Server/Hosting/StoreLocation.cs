using AssetBridge.Core.Errors;
using AssetBridge.Core.Storage;
using AssetBridge.Storage.PostgreSql;
using AssetBridge.Storage.Sqlite;

namespace AssetBridge.Server.Hosting;

/// <summary>Opens the store a <c>--store</c> value names: <c>sqlite:PATH</c> or <c>postgres:CONNSTRING</c>.</summary>
public static class StoreLocation
{
    public const string DatabaseFileName = "assetbridge.db";

    public static async Task<IStore> OpenAsync(string? spec, string dataDirectory, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(spec))
        {
            return await SqliteStore.OpenAsync(Path.Combine(dataDirectory, DatabaseFileName), time, null, cancellationToken).ConfigureAwait(false);
        }

        if (spec.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            var path = Path.GetFullPath(spec["sqlite:".Length..], dataDirectory);
            return await SqliteStore.OpenAsync(path, time, null, cancellationToken).ConfigureAwait(false);
        }

        if (spec.StartsWith("postgres:", StringComparison.OrdinalIgnoreCase))
        {
            return await PostgresStore.OpenAsync(spec["postgres:".Length..], time, null, cancellationToken).ConfigureAwait(false);
        }

        throw new AssetBridgeException(ErrorKind.Usage, $"--store takes sqlite:PATH or postgres:CONNSTRING, not '{Redact(spec)}'.");
    }

    // A connection string may carry a password: name only its scheme.
    private static string Redact(string spec) => spec.Contains(':', StringComparison.Ordinal) ? spec[..spec.IndexOf(':', StringComparison.Ordinal)] + ":…" : spec;
}
