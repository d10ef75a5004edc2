using AssetBridge.Connectors.Azure.Arm;
using AssetBridge.Connectors.Azure.Planning;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Operations;

namespace AssetBridge.Connectors.Azure.Operations;

/// <summary>
/// <c>azure-resources-1.0-GetSubscriptions</c>: the seed's "Get Subscriptions" authorisation check. Lists
/// the subscriptions the principal can read and reports them as discovered scopes, from which the
/// planner adds one ListNodes job each. It writes no records.
/// </summary>
internal sealed class GetSubscriptionsOperation(ArmClient client, HttpMessageInvoker http) : IOperation
{
    public OperationKey Key => AzureOperationKeys.GetSubscriptions;

    public async Task<JobOutcome> ExecuteAsync(OperationContext context, IResultWriter results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parameters = AzureJobParameters.Parse(context.Job.Parameters, needsSubscription: false);
        var arm = parameters.ArmEndpointUri;
        var authenticator = context.Authenticate(new AuthenticationTarget(arm, http) { AuthorityHost = parameters.AuthorityHostUri });

        var listing = await SubscriptionListing.ReadAsync(client, arm, authenticator, cancellationToken).ConfigureAwait(false);
        var selected = listing.Select(parameters.Subscriptions);
        OperationLog.SubscriptionsFound(context.Logger, listing.Principal, listing.Readable.Count, arm.IdnHost, selected.Count);
        return new JobOutcome(0, listing.Pages, null, null) { Discovered = selected };
    }
}
