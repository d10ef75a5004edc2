namespace AssetBridge.Cli.Tests.Infrastructure;

internal static class Expect
{
    /// <summary>Asserts the run ended with the exit code, showing the whole transcript when it did not.</summary>
    public static CliRun Code(this CliRun run, int expected)
    {
        Assert.True(run.ExitCode == expected, $"expected exit {expected}, got {run}");
        return run;
    }

    /// <summary>Asserts an error is one line that names the cause (the given fragments).</summary>
    public static CliRun OneSentenceError(this CliRun run, params string[] fragments)
    {
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith("error:", StringComparison.Ordinal))
            .ToList();
        Assert.True(lines.Count >= 1, $"expected an 'error:' line, got {run}");
        foreach (var fragment in fragments)
        {
            Assert.True(lines.Any(l => l.Contains(fragment, StringComparison.OrdinalIgnoreCase)), $"expected '{fragment}' in the error, got {run}");
        }

        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal); // no stack trace
        return run;
    }
}
