using System.Globalization;

namespace AssetBridge.Emulators.Azure;

/// <summary>Runs an Azure emulator for the CLI (`assetbridge emulate azure`).</summary>
public static class AzureEmulatorHost
{
    /// <summary>Starts, prints one line with the address and what it serves, and runs until cancelled.</summary>
    public static Task RunAsync(AzureEmulatorOptions options, TextWriter output, CancellationToken ct) =>
        RunAsync(options, output, certificatePemPath: null, ct);

    /// <summary>
    /// Starts, writes the TLS certificate to <paramref name="certificatePemPath"/> when given (for
    /// clients to trust), prints one line with the address and what it serves, and runs until cancelled.
    /// </summary>
    public static async Task RunAsync(AzureEmulatorOptions options, TextWriter output, string? certificatePemPath, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var emulator = await AzureEmulator.StartAsync(options, ct).ConfigureAwait(false);
        await using (emulator.ConfigureAwait(false))
        {
            if (certificatePemPath is not null)
            {
                await File.WriteAllTextAsync(certificatePemPath, emulator.CertificatePem, ct).ConfigureAwait(false);
            }

            var estate = emulator.Estate;
            var client = options.Principals.Count > 0 ? options.Principals[0].ClientId : "(none)";
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"Azure emulator listening on {emulator.BaseAddress} (tenant {emulator.TenantId}; {estate.Subscriptions.Count} subscriptions, {estate.Vms.Count} VMs; client {client})")).ConfigureAwait(false);
            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Cancellation is the normal way to stop.
            }
        }
    }
}
