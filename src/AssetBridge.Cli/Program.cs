using System.Runtime.InteropServices;
using AssetBridge.Cli;

// Ctrl+C and SIGTERM cancel the command instead of killing the process, so a sync hands its leased
// jobs back to the queue and the next 'sync' resumes the run at once.
using var stop = new CancellationTokenSource();
void Cancel(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
return await CliApplication.RunAsync(args, CliConsole.FromProcess(), stop.Token).ConfigureAwait(false);
