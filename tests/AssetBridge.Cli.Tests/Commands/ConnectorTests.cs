using AssetBridge.Cli.Tests.Infrastructure;

namespace AssetBridge.Cli.Tests.Commands;

public sealed class ConnectorTests
{
    [Fact]
    public async Task ConnectorAdd_PlainHttpToNonLoopback_IsRefused()
    {
        await using var scenario = await ServiceNowScenario.StartAsync();

        (await scenario.RunAsync("connector", "add", "servicenow", "--name", "x", "--instance", "http://contoso.service-now.com", "--credential", "sn-cred"))
            .Code(2).OneSentenceError("http");
    }

    [Fact]
    public async Task ConnectorAdd_UnknownCredential_IsUsageError()
    {
        await using var scenario = await ServiceNowScenario.StartAsync();

        (await scenario.RunAsync("connector", "add", "servicenow", "--name", "x", "--instance", "https://contoso.service-now.com", "--credential", "ghost"))
            .Code(2).OneSentenceError("'ghost'");
    }

    [Fact]
    public async Task ConnectorAdd_UnknownMappedField_IsUsageError()
    {
        await using var scenario = await ServiceNowScenario.StartAsync();

        (await scenario.RunAsync("connector", "add", "servicenow", "--name", "x", "--instance", "https://contoso.service-now.com", "--credential", "sn-cred", "--map", "colour=u_colour"))
            .Code(2).OneSentenceError("colour");
    }

    [Fact]
    public async Task ConnectorTest_PassesEveryCheck_AgainstTheEmulator()
    {
        await using var scenario = await ServiceNowScenario.StartAsync();

        var run = (await scenario.RunAsync("connector", "test", "sn")).Code(0);

        Assert.DoesNotContain("FAIL", run.Out, StringComparison.Ordinal);
        Assert.Contains("cmdb_ci_computer", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectorTest_UnresolvableHost_FailsTheDnsCheck()
    {
        await using var scenario = await ServiceNowScenario.StartAsync();
        (await scenario.RunAsync("connector", "add", "servicenow", "--name", "nowhere", "--instance", "https://no-such-instance.invalid", "--credential", "sn-cred")).Code(0);

        var run = (await scenario.RunAsync("connector", "test", "nowhere")).Code(11);

        Assert.Contains("does not resolve", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_UnresolvableHost_FailsWithSentence()
    {
        await using var scenario = await ServiceNowScenario.StartAsync();
        (await scenario.RunAsync("connector", "add", "servicenow", "--name", "nowhere", "--instance", "https://no-such-instance.invalid", "--credential", "sn-cred")).Code(0);

        (await scenario.RunAsync("sync", "nowhere", "--full")).Code(10).OneSentenceError("does not resolve");
    }

    [Fact]
    public async Task ConnectorRemove_DropsItsInventory()
    {
        await using var scenario = await ServiceNowScenario.StartAsync();
        (await scenario.RunAsync("sync", "sn", "--full")).Code(0);

        (await scenario.RunAsync("connector", "remove", "sn")).Code(0);

        Assert.Equal("[]", (await scenario.RunAsync("devices", "--json")).Code(0).Out.Trim());
    }

    [Fact]
    public async Task CredentialRemove_InUse_IsConflict()
    {
        await using var scenario = await ServiceNowScenario.StartAsync();

        (await scenario.RunAsync("credential", "remove", "sn-cred")).Code(9).OneSentenceError("used by a connector");
    }

    [Fact]
    public async Task Sync_OfAnUnknownDeviceTable_FailsWithSentence_NamingTheTable()
    {
        await using var scenario = await ServiceNowScenario.StartAsync();
        (await scenario.RunAsync("connector", "add", "servicenow", "--name", "typo", "--instance", scenario.Emulator.BaseAddress.ToString(), "--credential", "sn-cred", "--device-table", "cmdb_ci_computr")).Code(0);

        (await scenario.RunAsync("sync", "typo", "--full")).Code(10).OneSentenceError("cmdb_ci_computr");
    }
}
