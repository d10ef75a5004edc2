using AssetBridge.Connectors.Azure.Planning;
using AssetBridge.Connectors.Azure.Settings;
using AssetBridge.Core.Connectors;
using AssetBridge.Core.Inventory;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Runs;

namespace AssetBridge.Connectors.Azure.Tests.Planning;

public class AzureSyncPlannerTests
{
    private const string Sub1 = "291bba3f-e0a5-47bc-a099-3bdcb2a50a05";
    private const string Sub2 = "72ac930a-f34e-42d8-b06d-dc2a9e12ed71";
    private static readonly AzureSyncPlanner Planner = new();

    [Theory]
    [InlineData(SyncMode.Full)]
    [InlineData(SyncMode.Incremental)]
    public void Plan_IsOneGetSubscriptionsJob_WhateverTheMode(SyncMode mode)
    {
        var connector = Connector([Sub1]);

        var job = Assert.Single(Planner.Plan(connector, Run(mode), new Dictionary<string, Watermark> { ["subscriptions"] = new("x", "y") }));

        Assert.Equal("azure-resources-1.0-GetSubscriptions", job.Operation.ToString());
        Assert.Equal("subscriptions", job.Scope);
        Assert.Null(job.Kind);
        Assert.Equal("management.azure.com", job.Target);
        Assert.Equal(3, job.CredentialId);
        var parameters = AzureJobParameters.Parse(job.Parameters, needsSubscription: false);
        Assert.Equal([Sub1], parameters.Subscriptions);
        Assert.Equal("https://login.microsoftonline.com/", parameters.AuthorityHost);
    }

    [Fact]
    public void PlanFollowUps_IsOneListNodesJobPerDiscoveredSubscription_WithStableScopes()
    {
        var processed = Job(AzureOperationKeys.GetSubscriptions, "subscriptions", JobState.Processed, new JobOutcome(0, 1, null, null) { Discovered = [Sub2, Sub1.ToUpperInvariant()] });

        var jobs = Planner.PlanFollowUps(Connector([]), Run(SyncMode.Full), processed);

        Assert.Equal([$"subscription:{Sub2}", $"subscription:{Sub1}"], jobs.Select(j => j.Scope));
        Assert.All(jobs, j =>
        {
            Assert.Equal("azure-compute-1.0-ListNodes", j.Operation.ToString());
            Assert.Equal(EntityKind.CloudVm, j.Kind);
            Assert.Equal(j.Scope["subscription:".Length..], AzureJobParameters.Parse(j.Parameters, needsSubscription: true).SubscriptionId);
        });
        Assert.Equal(jobs.Select(j => j.Scope), Planner.PlanFollowUps(Connector([]), Run(SyncMode.Full), processed).Select(j => j.Scope));
    }

    [Fact]
    public void PlanFollowUps_IsNothing_ForOtherJobsOrWithoutDiscoveries()
    {
        Assert.Empty(Planner.PlanFollowUps(Connector([]), Run(SyncMode.Full), Job(AzureOperationKeys.GetSubscriptions, "subscriptions", JobState.Processed, new JobOutcome(0, 1, null, null))));
        Assert.Empty(Planner.PlanFollowUps(Connector([]), Run(SyncMode.Full), Job(AzureOperationKeys.ListNodes, $"subscription:{Sub1}", JobState.Processed, new JobOutcome(0, 1, null, null) { Discovered = [Sub2] })));
    }

    [Fact]
    public void IndependentDeletionScope_IsTheSubscriptionPrefix_OfAProcessedListNodesJobOnly()
    {
        Assert.Equal($"/subscriptions/{Sub1}/", Planner.IndependentDeletionScope(Job(AzureOperationKeys.ListNodes, $"subscription:{Sub1}", JobState.Processed, null)));
        Assert.Null(Planner.IndependentDeletionScope(Job(AzureOperationKeys.ListNodes, $"subscription:{Sub1}", JobState.Error, null)));
        Assert.Null(Planner.IndependentDeletionScope(Job(AzureOperationKeys.GetSubscriptions, "subscriptions", JobState.Processed, null)));
    }

    private static Connector Connector(IReadOnlyList<string> subscriptions) =>
        new(7, "tenant", ConnectorKinds.Azure, "https://management.azure.com/", 3, AzureConnectorSettings.Create(subscriptions, null, null).ToJson(), DateTimeOffset.UnixEpoch);

    private static SyncRun Run(SyncMode mode) => new(11, 7, "tenant", mode, RunState.Running, DateTimeOffset.UnixEpoch, null, RunCounts.Zero, null);

    private static JobRecord Job(OperationKey operation, string scope, JobState state, JobOutcome? outcome) =>
        new(21, 11, 7, operation, scope, null, state, 1, null, null, 0, outcome, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
}
