using System.Net;
using AssetBridge.Emulators.ServiceNow;
using AssetBridge.Emulators.Tests.ServiceNow.Support;
using static AssetBridge.Emulators.Tests.ServiceNow.Support.Emulator;

namespace AssetBridge.Emulators.Tests.ServiceNow.Auth;

public sealed class AuthenticationTests
{
    private const string NotAuthenticated =
        """{"error":{"message":"User Not Authenticated","detail":"Required to provide Auth information"},"status":"failure"}""";

    [Fact]
    public async Task Request_Answers401_WithoutCredentials()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator, username: null);

        using var response = await client.GetTableAsync(Computers);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(NotAuthenticated, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Request_Answers401_WithAWrongPassword()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator, "assetbridge", "wrong");

        using var response = await client.GetTableAsync(Computers);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(NotAuthenticated, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UserWithoutCmdbRead_SeesEmptyRowsWithACount_ByDefault()
    {
        await using var emulator = await StartAsync(o => o.Users.Add(new EmulatorUser("itil", "pw", ["itil"])));
        using var client = Client(emulator, "itil", "pw");

        using var response = await client.GetTableAsync(Computers, ("sysparm_limit", "10"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.ResultAsync());
        Assert.Equal(60, response.TotalCount());
    }

    [Fact]
    public async Task UserWithoutCmdbRead_Answers403_WhenTheAclIsApiLevel()
    {
        await using var emulator = await StartAsync(o => o.Users.Add(new EmulatorUser("itil", "pw", ["itil"], AclDenial.Forbidden)));
        using var client = Client(emulator, "itil", "pw");

        using var response = await client.GetTableAsync(Computers);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(
            """{"error":{"message":"User Not Authorized","detail":"Failed API level ACL Validation"},"status":"failure"}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UserWithoutCmdbRead_StillReadsTablesOutsideTheCmdb()
    {
        await using var emulator = await StartAsync(o => o.Users.Add(new EmulatorUser("itil", "pw", ["itil"], AclDenial.Forbidden)));
        using var client = Client(emulator, "itil", "pw");

        using var response = await client.GetTableAsync("sys_user");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["assetbridge", "itil"], (await response.ResultAsync()).Select(r => r.Text("user_name")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Admin_ReadsTheCmdb()
    {
        await using var emulator = await StartAsync(o => o.Users = [new EmulatorUser("admin", "pw", ["admin"])]);
        using var client = Client(emulator, "admin", "pw");

        using var response = await client.GetTableAsync(Computers, ("sysparm_limit", "5"));

        Assert.Equal(5, (await response.ResultAsync()).Count);
    }

    [Fact]
    public async Task LosingCmdbRead_EmptiesPagesFromTheNextRequest()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);

        emulator.Instance.SetUserRoles("assetbridge", ["itil"]);
        using var response = await client.GetTableAsync(Computers, ("sysparm_limit", "5"));

        Assert.Empty(await response.ResultAsync());
        Assert.Equal(60, response.TotalCount());
    }
}
