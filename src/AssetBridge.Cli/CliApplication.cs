using System.CommandLine;
using AssetBridge.Cli.Commands;
using AssetBridge.Core.Errors;

namespace AssetBridge.Cli;

/// <summary>Parses the command line, runs the command, and turns every user-caused failure into one sentence and an exit code.</summary>
public static class CliApplication
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        try
        {
            var root = RootCommandFactory.Create(console);
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var error in parse.Errors)
                {
                    await console.Error.WriteLineAsync($"error: {error.Message} Run 'assetbridge --help' for usage.").ConfigureAwait(false);
                }

                return ExitCodes.Usage;
            }

            var configuration = new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null, // signals are the host's (Program.cs), delivered through cancellationToken
            };
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (AssetBridgeException error)
        {
            await console.Error.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
            return error.ExitCode;
        }
        catch (OperationCanceledException)
        {
            await console.Error.WriteLineAsync("Cancelled.").ConfigureAwait(false);
            return 130;
        }
        finally
        {
            await console.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            await console.Error.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}
