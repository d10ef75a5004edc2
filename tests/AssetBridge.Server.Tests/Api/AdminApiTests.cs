using System.Net;
using System.Text;
using System.Text.Json;
using AssetBridge.Server.Tests.Infrastructure;

namespace AssetBridge.Server.Tests.Api;

public sealed class AdminApiTests
{
    [Fact]
    public async Task Healthz_AnswersWithoutToken()
    {
        await using var sandbox = await ServerSandbox.StartAsync();
        using var client = sandbox.Client(null);
        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await sandbox.BodyAsync(response));
    }

    [Fact]
    public async Task AdminRoutes_RefuseMissingTokenWith401_AndReaderTokenOnWritesWith403_ButLetReadersList()
    {
        await using var sandbox = await ServerSandbox.StartAsync();
        using var anonymous = sandbox.Client(null);
        var unauthenticated = await anonymous.GetAsync("/api/v1/connectors");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal("application/problem+json", unauthenticated.Content.Headers.ContentType?.MediaType);
        Assert.Contains("needs a bearer token", Detail(await sandbox.BodyAsync(unauthenticated)), StringComparison.Ordinal);

        using var wrong = sandbox.Client("abt_not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/api/v1/connectors")).StatusCode);

        using var reader = sandbox.Client(sandbox.ReaderToken);
        var write = await reader.PostAsync("/api/v1/credentials", Json("""{"name":"x","type":"servicenow-basic","attributes":{"username":"u"},"secrets":{"password":"p"}}"""));
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Contains("needs an admin token", Detail(await sandbox.BodyAsync(write)), StringComparison.Ordinal);

        var list = await reader.GetAsync("/api/v1/connectors");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal("[]", await sandbox.BodyAsync(list));
    }

    [Fact]
    public async Task BadRequests_AreProblemBodiesWithTheSentenceAndKind()
    {
        await using var sandbox = await ServerSandbox.StartAsync();
        using var admin = sandbox.Client(sandbox.AdminToken);

        var malformed = await admin.PostAsync("/api/v1/credentials", Json("{not json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        using (var problem = JsonDocument.Parse(await sandbox.BodyAsync(malformed)))
        {
            Assert.Equal("usage", problem.RootElement.GetProperty("kind").GetString());
            Assert.Contains("could not be read", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var unknownType = await admin.PostAsync("/api/v1/credentials", Json("""{"name":"x","type":"ftp","attributes":{},"secrets":{}}"""));
        Assert.Equal(HttpStatusCode.BadRequest, unknownType.StatusCode);
        Assert.Contains("'ftp' is not a credential type", Detail(await sandbox.BodyAsync(unknownType)), StringComparison.Ordinal);

        var missing = await admin.GetAsync("/api/v1/connectors/nope");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("No connector is named 'nope'", Detail(await sandbox.BodyAsync(missing)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_ExposeEveryFamily_ToReaders()
    {
        await using var sandbox = await ServerSandbox.StartAsync();
        using var anonymous = sandbox.Client(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/metrics")).StatusCode);

        using var reader = sandbox.Client(sandbox.ReaderToken);
        var response = await reader.GetAsync("/metrics");
        var text = await sandbox.BodyAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        foreach (var family in new[] { "# TYPE assetbridge_jobs gauge", "assetbridge_jobs{state=\"ready\"} 0", "# TYPE assetbridge_agents gauge", "# TYPE assetbridge_runs gauge", "# TYPE assetbridge_sync_records_total counter", "# TYPE assetbridge_job_duration_seconds histogram", "assetbridge_job_duration_seconds_bucket{le=\"+Inf\"} 0" })
        {
            Assert.Contains(family, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OpenApiDocument_ListsTheRoutesWithTheirRoles()
    {
        await using var sandbox = await ServerSandbox.StartAsync();
        using var client = sandbox.Client(null);
        using var document = JsonDocument.Parse(await sandbox.BodyAsync(await client.GetAsync("/openapi/v1.json")));
        var paths = document.RootElement.GetProperty("paths");
        Assert.Equal("3.0.3", document.RootElement.GetProperty("openapi").GetString());
        Assert.Equal("admin", paths.GetProperty("/api/v1/connectors/{name}/sync").GetProperty("post").GetProperty("x-assetbridge-role").GetString());
        Assert.Equal("reader", paths.GetProperty("/api/v1/devices").GetProperty("get").GetProperty("x-assetbridge-role").GetString());
        Assert.True(paths.GetProperty("/api/v1/runs/{id}").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/v1/credentials").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/healthz").TryGetProperty("get", out _));
        Assert.False(paths.GetProperty("/healthz").GetProperty("get").TryGetProperty("security", out _));
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static string Detail(string body)
    {
        using var problem = JsonDocument.Parse(body);
        return problem.RootElement.GetProperty("detail").GetString()!;
    }
}
