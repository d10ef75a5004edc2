using System.Globalization;

namespace AssetBridge.Emulators.ServiceNow;

/// <summary>Runs an emulator for the CLI (`assetbridge emulate servicenow`).</summary>
public static class ServiceNowEmulatorHost
{
    /// <summary>Starts, prints one line with the address and what it serves, and runs until cancelled.</summary>
    public static async Task RunAsync(ServiceNowEmulatorOptions o, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(output);
        var emulator = await ServiceNowEmulator.StartAsync(o, ct).ConfigureAwait(false);
        await using (emulator.ConfigureAwait(false))
        {
            var adapters = (long)o.Devices * o.AdaptersPerDevice;
            var user = o.Users.Count > 0 ? o.Users[0].Username : "(none)";
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"ServiceNow emulator listening on {emulator.BaseAddress} ({o.Devices} devices, {adapters} adapters, {o.Applications} applications; user {user})")).ConfigureAwait(false);
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
