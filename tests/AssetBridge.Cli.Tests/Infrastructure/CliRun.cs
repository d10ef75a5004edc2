namespace AssetBridge.Cli.Tests.Infrastructure;

/// <summary>What one CLI invocation printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public string All => Out + Error;

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
