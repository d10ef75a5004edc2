using AssetBridge.Core.Credentials;
using AssetBridge.Core.Ingestion;
using AssetBridge.Core.Inventory;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Operations;

namespace AssetBridge.Server.Tests.Agents;

/// <summary>
/// A ServiceNow-capability operation that opens its job's credential (recording the secret it saw, so
/// the test proves the sealed credential reached the agent) and yields a fixed set of device pages.
/// </summary>
internal sealed class CanaryOperation : IOperation, IAuthenticatorProvider
{
    public const string CredentialKind = "test-canary";
    public static readonly OperationKey ListDevicesKey = new("servicenow", "cmdb", "1.0", "ListDevices");

    public int Devices { get; set; } = 30;

    public int PageSize { get; set; } = 10;

    /// <summary>Awaited before each page after the first, so a test can hold a job mid-run.</summary>
    public Func<int, Task>? BetweenPages { get; set; }

    public System.Collections.Concurrent.ConcurrentQueue<string> SecretsSeen { get; } = new();

    public int Executions;

    public OperationKey Key => ListDevicesKey;

    public string CredentialType => CredentialKind;

    public IAuthenticator Create(OpenedCredential credential, AuthenticationTarget target)
    {
        SecretsSeen.Enqueue(credential.Secret.Require("password"));
        return new NoAuthenticator();
    }

    public async Task<JobOutcome> ExecuteAsync(OperationContext context, IResultWriter results, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Executions);
        using var http = new HttpClient();
        context.Authenticate(new AuthenticationTarget(new Uri("https://example.invalid/"), http));
        var pages = 0;
        for (var from = 0; from < Devices; from += PageSize)
        {
            if (from > 0 && BetweenPages is not null)
            {
                await BetweenPages(pages).WaitAsync(cancellationToken);
            }

            var page = Enumerable.Range(from, Math.Min(PageSize, Devices - from)).Select(i => new Device { SysId = $"d{i:D5}", Name = $"srv-{i}" }).ToList();
            await results.WriteAsync(new DeviceBatch(page), cancellationToken);
            pages++;
        }

        return new JobOutcome(Devices, pages, null, Devices);
    }

    private sealed class NoAuthenticator : IAuthenticator
    {
        public ValueTask AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask<bool> RefreshAsync(CancellationToken cancellationToken) => ValueTask.FromResult(false);
    }
}
