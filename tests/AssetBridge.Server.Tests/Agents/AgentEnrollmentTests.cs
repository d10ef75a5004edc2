using System.Net;
using System.Net.Http.Json;
using AssetBridge.Agent.Remote;
using AssetBridge.Core.Errors;

namespace AssetBridge.Server.Tests.Agents;

public sealed class AgentEnrollmentTests
{
    [Fact]
    public async Task Enroll_WithOneTimeToken_RegistersAgent_AndRefusesTheTokenASecondTime()
    {
        await using var server = await AgentServer.StartAsync();
        var token = await server.Agents.CreateEnrollmentTokenAsync(TimeSpan.FromHours(1), autoApprove: false, default);
        using var output = new StringWriter();
        var first = Path.Combine(server.Directory, "a1");
        await RemoteAgent.EnrollAsync(new AgentEnrollment(server.BaseAddress, token, "edge-1", ["servicenow"], ["10.0.0.0/8", "!10.9.0.0/16"], server.Thumbprint), first, output, default);

        var agent = (await server.Agents.ListAsync(default)).Single();
        Assert.Equal("edge-1", agent.Name);
        Assert.False(agent.Approved);
        Assert.Equal(["10.0.0.0/8", "!10.9.0.0/16"], agent.IpRanges);
        Assert.Contains("assetbridge agents approve edge-1", output.ToString(), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(first, AgentIdentity.KeyFile)));
        }

        var again = await Assert.ThrowsAsync<AgentRequestException>(() => RemoteAgent.EnrollAsync(
            new AgentEnrollment(server.BaseAddress, token, "edge-2", [], [], server.Thumbprint), Path.Combine(server.Directory, "a2"), output, default));
        Assert.Equal(HttpStatusCode.Unauthorized, again.Status);
        Assert.Contains("already used", again.Message, StringComparison.Ordinal);
        Assert.Single(await server.Agents.ListAsync(default));
    }

    [Fact]
    public async Task Enroll_WithoutThumbprint_PinsTheFirstCertificate_AndSaysItAloud()
    {
        await using var server = await AgentServer.StartAsync();
        var token = await server.Agents.CreateEnrollmentTokenAsync(TimeSpan.FromHours(1), autoApprove: true, default);
        using var output = new StringWriter();
        var directory = Path.Combine(server.Directory, "a1");
        await RemoteAgent.EnrollAsync(new AgentEnrollment(server.BaseAddress, token, "edge-1", [], [], null), directory, output, default);
        Assert.Contains(server.Thumbprint, output.ToString(), StringComparison.Ordinal);
        Assert.Contains(server.Thumbprint, await File.ReadAllTextAsync(Path.Combine(directory, AgentIdentity.SettingsFile)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enroll_WithWrongPinnedThumbprint_IsRefused_NamingBothThumbprints()
    {
        await using var server = await AgentServer.StartAsync();
        var token = await server.Agents.CreateEnrollmentTokenAsync(TimeSpan.FromHours(1), autoApprove: true, default);
        var wrong = new string('a', 64);
        var error = await Assert.ThrowsAsync<AssetBridgeException>(() => RemoteAgent.EnrollAsync(
            new AgentEnrollment(server.BaseAddress, token, "edge-1", [], [], wrong), Path.Combine(server.Directory, "a1"), TextWriter.Null, default));
        Assert.Equal(ErrorKind.Authentication, error.Kind);
        Assert.Contains(wrong, error.Message, StringComparison.Ordinal);
        Assert.Contains(server.Thumbprint, error.Message, StringComparison.Ordinal);
        Assert.Empty(await server.Agents.ListAsync(default));
    }

    [Fact]
    public async Task Run_RefusesAKeyFileOthersCanRead_NamingTheChmod()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        await using var server = await AgentServer.StartAsync();
        var directory = await server.EnrollAsync("edge-1");
        var keyFile = Path.Combine(directory, AgentIdentity.KeyFile);
        File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var error = await Assert.ThrowsAsync<AssetBridgeException>(() => server.Run(directory, new CanaryOperation()).Task);
        Assert.Equal(ErrorKind.Configuration, error.Kind);
        Assert.Contains($"chmod 600 {keyFile}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgentRoutes_WithoutSession_AnswerProblemDetails401()
    {
        await using var server = await AgentServer.StartAsync();
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
        using var http = new HttpClient(handler) { BaseAddress = server.BaseAddress };
        using var response = await http.PostAsJsonAsync("/agent/v1/jobs/claim", new { });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
