using System.Text.RegularExpressions;
using AssetBridge.Server.Tests.Infrastructure;

namespace AssetBridge.Server.Tests.Api;

public sealed partial class RemoteCliTests
{
    [Fact]
    public async Task Sync_ThroughTheServer_PrintsWhatALocalSyncPrints_AndLeaksNoSecret()
    {
        await using var sandbox = await ServerSandbox.StartAsync();
        (await sandbox.RunRemoteAsync(ServerSandbox.Password + "\n", "credential", "add", "servicenow-basic", "--name", "sn-cred", "--username", ServerSandbox.Username)).Code(0);
        var added = (await sandbox.RunRemoteAsync(null, "connector", "add", "servicenow", "--name", "sn", "--instance", sandbox.Emulator.BaseAddress.ToString(), "--credential", "sn-cred", "--every", "6h")).Code(0);
        Assert.StartsWith("Added connector 'sn' (id 1)", added.Out, StringComparison.Ordinal);

        var test = (await sandbox.RunRemoteAsync(null, "connector", "test", "sn")).Code(0);
        Assert.Contains("ok  ", test.Out, StringComparison.Ordinal);

        var remote = (await sandbox.RunRemoteAsync(null, "sync", "sn", "--full")).Code(0);
        Assert.Matches(@"^Run 1 of 'sn' \(full\) completed in \d+\.\d s\.\n  devices\s+40\n  network adapters\s+80\n", remote.Out);

        // The same data directory read locally and through the server prints the same bytes.
        foreach (var args in new[] { new[] { "devices", "--json" }, ["devices", "--csv"], ["devices"], ["runs", "--json"], ["runs"], ["connector", "list", "--json"], ["credential", "list", "--json"], ["credential", "list"], ["agents", "list", "--json"] })
        {
            var local = (await sandbox.RunLocalAsync(null, args)).Code(0);
            var viaServer = (await sandbox.RunRemoteAsync(null, args)).Code(0);
            Assert.Equal(MaskSeen(local.Out), MaskSeen(viaServer.Out));
        }

        var again = (await sandbox.RunLocalAsync(null, "sync", "sn", "--full")).Code(0);
        Assert.Equal(MaskDuration(again.Out).Replace("Run 2", "Run 1", StringComparison.Ordinal), MaskDuration(remote.Out));

        var transcript = sandbox.Transcript.ToString() + sandbox.ServerLog;
        Assert.DoesNotContain(ServerSandbox.Password, transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemoteErrors_KeepTheirSentenceAndExitCode()
    {
        await using var sandbox = await ServerSandbox.StartAsync();
        var missing = (await sandbox.RunRemoteAsync(null, "sync", "nope")).Code(2);
        Assert.Contains("error: No connector is named 'nope'", missing.Error, StringComparison.Ordinal);

        var reader = (await sandbox.RunRemoteAsync(null, "connector", "remove", "x", "--token", sandbox.ReaderToken)).Code(4);
        Assert.Contains("needs an admin token", reader.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongPinnedThumbprint_IsRefusedWithOneSentenceNamingBoth()
    {
        await using var sandbox = await ServerSandbox.StartAsync();
        var wrong = new string('A', 64);
        var run = (await sandbox.RunRemoteAsync(null, "connector", "list", "--server-thumbprint", wrong)).Code(5);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.Contains(wrong, line, StringComparison.Ordinal);
        Assert.Contains(sandbox.Server.Thumbprint, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerCommand_GeneratesAnOwnerOnlyCertificate_AndPrintsItsThumbprint()
    {
        await using var sandbox = await ServerSandbox.StartAsync(); // holds an initialised data directory
        var data = Path.Combine(sandbox.Root, "second");
        (await sandbox.RunInAsync(data, "init")).Code(0);
        var output = new StringWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var console = new Cli.CliConsole(new StringReader(string.Empty), TextWriter.Synchronized(output), new StringWriter(), sandbox.Environment, true, false, sandbox.Root);
        var server = Cli.CliApplication.RunAsync(["server", "--urls", "https://127.0.0.1:0", "--data-dir", data], console, stop.Token);
        while (!output.ToString().Contains("Listening on", StringComparison.Ordinal) && !server.IsCompleted)
        {
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        Assert.Equal(0, await server);
        var match = ListeningLine().Match(output.ToString());
        Assert.True(match.Success, output.ToString());
        var pfx = Path.Combine(data, "server.pfx");
        using var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(pfx, null);
        Assert.Equal(AssetBridge.Server.Security.CertificateThumbprint.Of(certificate), match.Groups["thumbprint"].Value);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(pfx));
        }
    }

    private static string MaskDuration(string text) => Duration().Replace(text, "in ? s.");

    // The embedded agent's heartbeat moves between two reads; nothing else may differ.
    private static string MaskSeen(string text) => LastSeen().Replace(text, "\"lastSeenAt\": \"?\"");

    [GeneratedRegex(@"in \d+\.\d s\.")]
    private static partial Regex Duration();

    [GeneratedRegex("\"lastSeenAt\": \"[^\"]*\"")]
    private static partial Regex LastSeen();

    [GeneratedRegex(@"^Listening on https://127\.0\.0\.1:\d+ \(certificate SHA-256 thumbprint (?<thumbprint>[0-9A-F]{64})\)$", RegexOptions.Multiline)]
    private static partial Regex ListeningLine();
}
