using AssetBridge.Connectors.Azure.Settings;
using AssetBridge.Core.Connectors;
using AssetBridge.Core.Inventory;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Runs;

namespace AssetBridge.Connectors.Azure.Planning;

/// <summary>
/// Plans an Azure run the way ServiceNow's cloud discovery does: first "Get Subscriptions", then, from
/// what it discovered, one ListNodes job per subscription. ARM has no incremental read, so every run
/// lists everything, whatever its mode; watermarks only record which subscriptions were listed to the end.
/// </summary>
internal sealed class AzureSyncPlanner : ISyncPlanner
{
    public const string SubscriptionsScope = "subscriptions";
    private const string SubscriptionScopePrefix = "subscription:";

    public string ConnectorKind => ConnectorKinds.Azure;

    public IReadOnlyList<NewJob> Plan(Connector connector, SyncRun run, IReadOnlyDictionary<string, Watermark> watermarks)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(run);
        var settings = AzureConnectorSettings.FromJson(connector.SettingsJson);
        return
        [
            new NewJob(
                run.Id,
                connector.Id,
                AzureOperationKeys.GetSubscriptions,
                SubscriptionsScope,
                connector.CredentialId,
                AzureJobParameters.For(settings, null).ToJson(),
                settings.ArmEndpointUri.IdnHost,
                null),
        ];
    }

    public IReadOnlyList<NewJob> PlanFollowUps(Connector connector, SyncRun run, JobRecord processed)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(processed);
        if (processed.Operation != AzureOperationKeys.GetSubscriptions || processed.Outcome?.Discovered is not { } discovered)
        {
            return [];
        }

        var settings = AzureConnectorSettings.FromJson(connector.SettingsJson);
        return discovered
            .Select(AzureConnectorSettings.NormalizeSubscriptionId)
            .Distinct(StringComparer.Ordinal)
            .Select(id => new NewJob(
                run.Id,
                connector.Id,
                AzureOperationKeys.ListNodes,
                ScopeOf(id),
                connector.CredentialId,
                AzureJobParameters.For(settings, id).ToJson(),
                settings.ArmEndpointUri.IdnHost,
                EntityKind.CloudVm))
            .ToList();
    }

    /// <summary>A ListNodes job that processed listed its subscription completely: its unseen VMs are gone.</summary>
    public string? IndependentDeletionScope(JobRecord processed)
    {
        ArgumentNullException.ThrowIfNull(processed);
        if (processed.Operation != AzureOperationKeys.ListNodes
            || processed.State != JobState.Processed
            || !processed.Scope.StartsWith(SubscriptionScopePrefix, StringComparison.Ordinal)
            || !Guid.TryParseExact(processed.Scope[SubscriptionScopePrefix.Length..], "D", out var subscription))
        {
            return null;
        }

        return $"/subscriptions/{subscription:D}/";
    }

    /// <summary>The scope of a subscription's ListNodes job, stable across finalization attempts.</summary>
    public static string ScopeOf(string subscriptionId) => SubscriptionScopePrefix + subscriptionId;

    /// <summary>ARM has no incremental read: every run lists every subscription completely, so every run is full.</summary>
    public SyncMode ModeFor(SyncMode requested) => SyncMode.Full;
}
