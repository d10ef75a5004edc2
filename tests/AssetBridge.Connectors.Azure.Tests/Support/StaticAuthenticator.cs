using System.Net.Http.Headers;
using AssetBridge.Connectors.Azure.Authentication;
using AssetBridge.Core.Credentials;

namespace AssetBridge.Connectors.Azure.Tests.Support;

/// <summary>A bearer token that never changes, for ARM client tests; counts refreshes.</summary>
internal sealed class StaticAuthenticator(string principal = "application 'test-client'", string budgetKey = "tenant/test-client") : IAuthenticator, IAzurePrincipal
{
    private int _refreshes;

    public string Principal => principal;

    public string BudgetKey => budgetKey;

    public int Refreshes => _refreshes;

    public ValueTask AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "test-token");
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _refreshes);
        return ValueTask.FromResult(true);
    }
}
