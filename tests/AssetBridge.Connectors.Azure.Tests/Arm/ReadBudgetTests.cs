using AssetBridge.Connectors.Azure.Arm;
using AssetBridge.Connectors.Azure.Tests.Support;

namespace AssetBridge.Connectors.Azure.Tests.Arm;

public class ReadBudgetTests
{
    [Fact]
    public async Task Spend_GoesAtOnce_UntilTheFloor_ThenWaitsJustForTheRefill()
    {
        var clock = new ManualTimeProvider();
        var budget = new ReadBudget(size: 20, refillPerSecond: 10, floor: 5, clock);

        for (var i = 0; i < 15; i++)
        {
            Assert.Equal(TimeSpan.Zero, await budget.SpendAsync(CancellationToken.None));
            budget.Complete(null);
        }

        var (waited, elapsed) = await clock.DriveAsync(budget.SpendAsync(CancellationToken.None).AsTask());

        // 5 left, floor 5: one more read needs 1 token = 0.1 s at 10/s.
        Assert.Equal(TimeSpan.FromMilliseconds(100), waited);
        Assert.Equal(TimeSpan.FromMilliseconds(100), elapsed);
    }

    [Fact]
    public async Task Complete_TakesArmsRemainingCount_AsTheTruth()
    {
        var clock = new ManualTimeProvider();
        var budget = new ReadBudget(size: 250, refillPerSecond: 25, floor: 10, clock);

        await budget.SpendAsync(CancellationToken.None);
        budget.Complete(remaining: 10); // another client drained the bucket

        var (waited, _) = await clock.DriveAsync(budget.SpendAsync(CancellationToken.None).AsTask());
        Assert.Equal(TimeSpan.FromMilliseconds(40), waited); // one read at 25/s
    }

    [Fact]
    public async Task Complete_LearnsALargerBucket_FromTheHeaders()
    {
        var clock = new ManualTimeProvider();
        var budget = new ReadBudget(size: 250, refillPerSecond: 25, floor: 10, clock);

        await budget.SpendAsync(CancellationToken.None);
        budget.Complete(remaining: 1199);

        Assert.Equal(1200, budget.Size);
        Assert.Equal(1199, budget.Available);
    }

    [Fact]
    public async Task Complete_CountsRequestsStillInFlight_AgainstTheReportedRemainder()
    {
        var clock = new ManualTimeProvider();
        var budget = new ReadBudget(size: 250, refillPerSecond: 25, floor: 0, clock);
        await budget.SpendAsync(CancellationToken.None);
        await budget.SpendAsync(CancellationToken.None);
        await budget.SpendAsync(CancellationToken.None);

        budget.Complete(remaining: 100);

        Assert.Equal(98, budget.Available); // two more are on the wire and may not be in ARM's count yet
    }

    [Fact]
    public async Task CloseUntil_HoldsEveryReadBack_UntilRetryAfterHasPassed()
    {
        var clock = new ManualTimeProvider();
        var budget = new ReadBudget(size: 250, refillPerSecond: 25, floor: 10, clock);
        await budget.SpendAsync(CancellationToken.None);
        budget.CloseUntil(clock.GetUtcNow() + TimeSpan.FromSeconds(7));

        var (waited, _) = await clock.DriveAsync(budget.SpendAsync(CancellationToken.None).AsTask());

        // 7 s closed; then the bucket starts empty and needs floor + 1 reads of refill.
        Assert.Equal(TimeSpan.FromSeconds(7) + TimeSpan.FromSeconds(11 / 25.0), waited);
    }

    [Fact]
    public async Task Budgets_AreSharedPerPrincipalAndSubscription_AndSeparateOtherwise()
    {
        var clock = new ManualTimeProvider();
        var budgets = new ReadBudgets(new AzureModuleOptions(), clock);
        var arm = new Uri("https://management.azure.com/");

        Assert.Same(budgets.For(arm, "t/a", "s1"), budgets.For(new Uri("https://MANAGEMENT.azure.com/"), "t/a", "s1"));
        Assert.NotSame(budgets.For(arm, "t/a", "s1"), budgets.For(arm, "t/a", "s2"));
        Assert.NotSame(budgets.For(arm, "t/a", "s1"), budgets.For(arm, "t/b", "s1"));
        await Task.CompletedTask;
    }
}
