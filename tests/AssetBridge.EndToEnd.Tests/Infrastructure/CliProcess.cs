using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace AssetBridge.EndToEnd.Tests.Infrastructure;

/// <summary>
/// <c>assetbridge</c> as a real child process (<c>dotnet assetbridge.dll …</c>): a server, an agent, or one
/// command. Output is captured line by line so a test can wait for a line, and kept whole so a test can
/// search it (for a canary secret, say).
/// </summary>
public sealed class CliProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly object _gate = new();
    private readonly List<(Regex Pattern, TaskCompletionSource<Match> Seen)> _waiters = [];

    private CliProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process wrote to stdout and stderr so far, interleaved by line.</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    public static string CliAssembly => Path.Combine(AppContext.BaseDirectory, "assetbridge.dll");

    public static CliProcess Start(string name, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(CliAssembly);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var cli = new CliProcess(process, name);
        process.OutputDataReceived += (_, e) => cli.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => cli.OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    /// <summary>Runs one command to its end and returns its exit code and output.</summary>
    public static async Task<(int Code, string Output)> RunAsync(IReadOnlyDictionary<string, string?> environment, string? input, params string[] args)
    {
        await using var process = Start(args.FirstOrDefault() ?? "cli", environment, args);
        if (input is not null)
        {
            await process._process.StandardInput.WriteAsync(input);
        }

        process._process.StandardInput.Close();
        var code = await process.WaitForExitAsync(TimeSpan.FromMinutes(2));
        return (code, process.Output);
    }

    /// <summary>Waits for a line matching <paramref name="pattern"/> (already written or still to come).</summary>
    public Task<Match> WaitForLineAsync(string pattern, TimeSpan timeout)
    {
        var regex = new Regex(pattern, RegexOptions.IgnoreCase);
        var seen = new TaskCompletionSource<Match>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            foreach (var line in _output.ToString().Split('\n'))
            {
                var match = regex.Match(line);
                if (match.Success)
                {
                    return Task.FromResult(match);
                }
            }

            _waiters.Add((regex, seen));
        }

        return WaitAsync(seen.Task, timeout, $"a line matching /{pattern}/");
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await WaitAsync(_process.WaitForExitAsync(), timeout, "the process to exit");
        _process.WaitForExit(); // flushes the redirected streams
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: the process dies at once, holding whatever it held.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>SIGTERM: the process is asked to stop and may drain first.</summary>
    public void Terminate()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        try
        {
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
        }

        _process.Dispose();
    }

    private async Task WaitAsync(Task task, TimeSpan timeout, string what)
    {
        try
        {
            await task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Name}: gave up waiting for {what} after {timeout}. Output so far:\n{Output}");
        }
    }

    private async Task<Match> WaitAsync(Task<Match> task, TimeSpan timeout, string what)
    {
        await WaitAsync((Task)task, timeout, what);
        return await task;
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        List<TaskCompletionSource<Match>> completed = [];
        List<Match> matches = [];
        lock (_gate)
        {
            _output.Append(line).Append('\n');
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                var match = _waiters[i].Pattern.Match(line);
                if (match.Success)
                {
                    completed.Add(_waiters[i].Seen);
                    matches.Add(match);
                    _waiters.RemoveAt(i);
                }
            }
        }

        for (var i = 0; i < completed.Count; i++)
        {
            completed[i].TrySetResult(matches[i]);
        }
    }
}
