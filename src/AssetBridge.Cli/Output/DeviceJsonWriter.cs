using System.Text.Json;
using AssetBridge.Core.Inventory;

namespace AssetBridge.Cli.Output;

/// <summary>Writes devices as one JSON array, one element at a time: nothing is buffered beyond the current device.</summary>
internal static class DeviceJsonWriter
{
    private static readonly JsonSerializerOptions Compact = new(JsonOutput.Options) { WriteIndented = false };

    public static async Task<long> WriteAsync(TextWriter output, IAsyncEnumerable<InventoryEntry> entries, CancellationToken cancellationToken)
    {
        long count = 0;
        await output.WriteAsync("[").ConfigureAwait(false);
        await foreach (var entry in entries.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            await output.WriteAsync(count == 0 ? "\n  " : ",\n  ").ConfigureAwait(false);
            await output.WriteAsync(JsonSerializer.Serialize(DeviceView.From(entry), Compact)).ConfigureAwait(false);
            count++;
        }

        await output.WriteLineAsync(count == 0 ? "]" : "\n]").ConfigureAwait(false);
        return count;
    }
}
