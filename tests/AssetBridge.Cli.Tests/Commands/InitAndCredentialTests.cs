using System.Text;
using AssetBridge.Cli.Tests.Infrastructure;

namespace AssetBridge.Cli.Tests.Commands;

public sealed class InitAndCredentialTests : IDisposable
{
    private const string Canary = "canary-Secret-41d9-DO-NOT-LEAK";
    private readonly CliSandbox _sandbox = new();

    [Fact]
    public async Task Init_CreatesDatabaseAndOwnerOnlyMasterKey()
    {
        var run = (await _sandbox.RunAsync("init")).Code(0);

        var key = Path.Combine(_sandbox.DataDirectory, "master.key");
        Assert.True(File.Exists(key), run.ToString());
        Assert.True(File.Exists(Path.Combine(_sandbox.DataDirectory, "assetbridge.db")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        }
    }

    [Fact]
    public async Task Init_Twice_KeepsTheExistingKey()
    {
        (await _sandbox.RunAsync("init")).Code(0);
        var key = await File.ReadAllTextAsync(Path.Combine(_sandbox.DataDirectory, "master.key"));

        (await _sandbox.RunAsync("init")).Code(0);

        Assert.Equal(key, await File.ReadAllTextAsync(Path.Combine(_sandbox.DataDirectory, "master.key")));
    }

    [Fact]
    public async Task Commands_BeforeInit_SayToRunInit()
    {
        (await _sandbox.RunAsync("devices")).Code(3).OneSentenceError("run 'assetbridge init'");
    }

    [Fact]
    public async Task CredentialSecret_FromStdin_NeverAppearsInOutputOrDataFiles()
    {
        (await _sandbox.RunAsync("init")).Code(0);

        (await _sandbox.RunWithInputAsync(Canary + "\n", "credential", "add", "servicenow-basic", "--name", "sn", "--username", "reader")).Code(0);
        (await _sandbox.RunAsync("credential", "list")).Code(0);
        var json = (await _sandbox.RunAsync("credential", "list", "--json")).Code(0);

        Assert.Contains("\"reader\"", json.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, _sandbox.Transcript.ToString(), StringComparison.Ordinal);
        foreach (var (path, bytes) in _sandbox.DataFiles())
        {
            Assert.False(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Canary)) >= 0, $"the canary secret is in clear in {path}");
        }
    }

    [Fact]
    public async Task CredentialSecret_FromNamedEnvironmentVariable_IsAccepted()
    {
        (await _sandbox.RunAsync("init")).Code(0);
        _sandbox.SetEnvironment("SN_PASSWORD", Canary);

        var run = (await _sandbox.RunAsync("credential", "add", "servicenow-basic", "--name", "sn", "--username", "reader", "--password-env", "SN_PASSWORD")).Code(0);

        Assert.Contains("Added credential 'sn'", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CredentialAdd_WithUnsetEnvironmentVariable_IsUsageErrorNamingIt()
    {
        (await _sandbox.RunAsync("init")).Code(0);

        (await _sandbox.RunAsync("credential", "add", "servicenow-basic", "--name", "sn", "--username", "reader", "--password-env", "NOPE_NOT_SET"))
            .Code(2).OneSentenceError("NOPE_NOT_SET");
    }

    [Fact]
    public async Task CredentialAdd_WithNoSecretOnStdin_IsUsageError()
    {
        (await _sandbox.RunAsync("init")).Code(0);

        (await _sandbox.RunWithInputAsync(string.Empty, "credential", "add", "servicenow-basic", "--name", "sn", "--username", "reader"))
            .Code(2).OneSentenceError("stdin");
    }

    [Fact]
    public async Task CredentialAdd_DuplicateName_IsConflict()
    {
        (await _sandbox.RunAsync("init")).Code(0);
        (await _sandbox.RunWithInputAsync("pw\n", "credential", "add", "servicenow-basic", "--name", "sn", "--username", "a")).Code(0);

        (await _sandbox.RunWithInputAsync("pw\n", "credential", "add", "servicenow-basic", "--name", "sn", "--username", "b"))
            .Code(9).OneSentenceError("already exists");
    }

    [Fact]
    public async Task OAuthCredential_ReadsClientSecretThenPassword_FromStdin()
    {
        (await _sandbox.RunAsync("init")).Code(0);

        var run = (await _sandbox.RunWithInputAsync($"{Canary}-client\n{Canary}-user\n", "credential", "add", "servicenow-oauth", "--name", "o", "--client-id", "cid", "--username", "u")).Code(0);

        Assert.Contains("password grant", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, _sandbox.Transcript.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CredentialRemove_UnknownName_IsUsageErrorNamingList()
    {
        (await _sandbox.RunAsync("init")).Code(0);

        (await _sandbox.RunAsync("credential", "remove", "ghost")).Code(2).OneSentenceError("'ghost'", "credential list");
    }

    [Fact]
    public async Task WithoutTheMasterKey_ListingWorks_ButSecretsCannotBeAddedOrUsed()
    {
        (await _sandbox.RunAsync("init")).Code(0);
        (await _sandbox.RunWithInputAsync("pw\n", "credential", "add", "servicenow-basic", "--name", "sn", "--username", "reader")).Code(0);
        (await _sandbox.RunAsync("connector", "add", "servicenow", "--name", "c", "--instance", "https://contoso.service-now.com", "--credential", "sn")).Code(0);
        File.Delete(Path.Combine(_sandbox.DataDirectory, "master.key"));

        Assert.Contains("reader", (await _sandbox.RunAsync("credential", "list")).Code(0).Out, StringComparison.Ordinal);
        (await _sandbox.RunAsync("connector", "list")).Code(0);
        (await _sandbox.RunWithInputAsync("pw\n", "credential", "add", "servicenow-basic", "--name", "sn2", "--username", "x")).Code(3).OneSentenceError("No master key");
        (await _sandbox.RunAsync("sync", "c")).Code(3).OneSentenceError("No master key");
    }

    [Fact]
    public async Task UnknownOption_IsUsageError()
    {
        (await _sandbox.RunAsync("devices", "--frobnicate")).Code(2);
    }

    public void Dispose() => _sandbox.Dispose();
}
