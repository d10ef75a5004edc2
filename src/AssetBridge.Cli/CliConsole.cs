namespace AssetBridge.Cli;

/// <summary>
/// The streams and environment a command runs with. Tests pass their own writers and environment,
/// so every command is exercised in-process exactly as a user would run it.
/// </summary>
public sealed record CliConsole(
    TextReader In,
    TextWriter Out,
    TextWriter Error,
    Func<string, string?> Environment,
    bool IsInputRedirected,
    bool IsOutputTerminal,
    string WorkingDirectory)
{
    public static CliConsole FromProcess()
    {
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16) { AutoFlush = false };
        var stderr = new StreamWriter(Console.OpenStandardError(), new System.Text.UTF8Encoding(false)) { AutoFlush = true };
        return new CliConsole(
            Console.In,
            TextWriter.Synchronized(stdout),
            TextWriter.Synchronized(stderr),
            System.Environment.GetEnvironmentVariable,
            Console.IsInputRedirected,
            !Console.IsOutputRedirected,
            Directory.GetCurrentDirectory());
    }
}
