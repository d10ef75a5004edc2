using System.Collections.Concurrent;

namespace AssetBridge.Connectors.Azure.Arm;

/// <summary>
/// The read budgets of this process, one per (ARM endpoint, principal, scope), where scope is a
/// subscription id or "tenant". ARM throttles each principal per subscription, so two jobs of the
/// same principal in one subscription share a budget, whichever connector planned them.
/// </summary>
internal sealed class ReadBudgets(AzureModuleOptions options, TimeProvider time)
{
    public const string TenantScope = "tenant";

    private readonly ConcurrentDictionary<(string Endpoint, string Principal, string Scope), ReadBudget> _budgets = new();

    public ReadBudget For(Uri armEndpoint, string principal, string scope) =>
        _budgets.GetOrAdd(
            (armEndpoint.GetLeftPart(UriPartial.Authority).ToLowerInvariant(), principal, scope),
            static (_, state) => new ReadBudget(state.Options.ReadBucketSize, state.Options.ReadRefillPerSecond, state.Options.PacingFloor, state.Time),
            (Options: options, Time: time));
}
