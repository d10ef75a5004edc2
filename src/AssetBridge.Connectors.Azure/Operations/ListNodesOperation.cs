using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using AssetBridge.Connectors.Azure.Arm;
using AssetBridge.Connectors.Azure.Failures;
using AssetBridge.Connectors.Azure.Planning;
using AssetBridge.Connectors.Azure.Resources;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Ingestion;
using AssetBridge.Core.Inventory;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Operations;
using Microsoft.Extensions.Logging;

namespace AssetBridge.Connectors.Azure.Operations;

/// <summary>
/// <c>azure-compute-1.0-ListNodes</c> for one subscription: indexes its network interfaces and public
/// IP addresses (and, when enabled, its VMs' power states) with one paged list each, then pages through
/// its VMs and streams every page as a batch of <see cref="CloudVm"/> records joined with those
/// indexes. Three or four paged lists per subscription, never a call per VM.
/// </summary>
internal sealed class ListNodesOperation(ArmClient client, HttpMessageInvoker http) : IOperation
{
    public OperationKey Key => AzureOperationKeys.ListNodes;

    public async Task<JobOutcome> ExecuteAsync(OperationContext context, IResultWriter results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(results);
        var parameters = AzureJobParameters.Parse(context.Job.Parameters, needsSubscription: true);
        var arm = parameters.ArmEndpointUri;
        var subscription = parameters.SubscriptionId!;
        var authenticator = context.Authenticate(new AuthenticationTarget(arm, http) { AuthorityHost = parameters.AuthorityHostUri });
        var principal = ArmClient.PrincipalOf(authenticator);
        ArmSubject Subject(string what) => new(arm, principal, subscription, what, client.Options.MaxAttempts);

        var network = new NetworkIndex();
        var powerStates = await IndexAsync(arm, subscription, authenticator, network, Subject, context.Logger, cancellationToken).ConfigureAwait(false);
        OperationLog.NetworkIndexed(context.Logger, subscription, network.NetworkInterfaces, network.PublicIpAddresses, powerStates?.Count ?? 0);

        // Checkpoint: only resources under this subscription's prefix are written, so the per-subscription
        // deletion scope (/subscriptions/{id}/) covers exactly what this job can vouch for.
        var prefix = $"/subscriptions/{subscription}/";
        long records = 0;
        long pages = 0;
        var foreign = 0;
        await foreach (var page in client.ListAsync(ArmPaths.VirtualMachines(arm, subscription), Subject("virtual machines"), authenticator, ArmJsonContext.Default.ArmListVirtualMachineItem, cancellationToken).ConfigureAwait(false))
        {
            var vms = CloudVmMapper.ToRecords(page.Value!, subscription, network, powerStates);
            foreign += vms.RemoveAll(vm => !vm.ResourceId.StartsWith(prefix, StringComparison.Ordinal));
            if (vms.Count == 0)
            {
                continue;
            }

            await results.WriteAsync(new CloudVmBatch(vms), cancellationToken).ConfigureAwait(false);
            records += vms.Count;
            pages++;
            OperationLog.PageRead(context.Logger, subscription, pages, vms.Count, records);
        }

        if (foreign > 0)
        {
            OperationLog.ForeignVms(context.Logger, subscription, foreign);
        }

        OperationLog.Finished(context.Logger, subscription, records, pages);
        var completedAt = context.Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        return new JobOutcome(records, pages, new Watermark(completedAt, subscription), null);
    }

    /// <summary>
    /// Reads the network interfaces, public IPs and power states, up to the per-job limit at once; the
    /// first failure stops the others. Returns the power states, or null when they are not read.
    /// </summary>
    private async Task<Dictionary<string, string>?> IndexAsync(
        Uri arm, string subscription, IAuthenticator authenticator, NetworkIndex network, Func<string, ArmSubject> subject, ILogger logger, CancellationToken cancellationToken)
    {
        var powerStates = client.Options.ReadPowerState ? new Dictionary<string, string>(StringComparer.Ordinal) : null;
        using var slots = new SemaphoreSlim(client.Options.MaxConcurrentListsPerJob);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var lists = new List<Task>
        {
            ListAsync(ArmPaths.NetworkInterfaces(arm, subscription), subject("network interfaces"), ArmJsonContext.Default.ArmListNetworkInterfaceItem, network.Add),
            ListAsync(ArmPaths.PublicIpAddresses(arm, subscription), subject("public IP addresses"), ArmJsonContext.Default.ArmListPublicIpAddressItem, network.Add),
        };
        if (powerStates is not null)
        {
            lists.Add(PowerStatesAsync());
        }

        await Task.WhenAll(lists).ConfigureAwait(false);
        return powerStates;

        async Task ListAsync<T>(Uri first, ArmSubject what, JsonTypeInfo<ArmList<T>> type, Action<T?> add, bool optional = false)
        {
            await slots.WaitAsync(failed.Token).ConfigureAwait(false);
            try
            {
                await foreach (var page in client.ListAsync(first, what, authenticator, type, failed.Token).ConfigureAwait(false))
                {
                    page.Value!.ForEach(add);
                }
            }
            catch (AzureApiException e) when (optional && e.Failure == AzureFailure.Refused)
            {
                // A cloud that does not know statusOnly answers 400; VMs without a power state beat no VMs.
                OperationLog.NoPowerStates(logger, subscription, e.Message);
                powerStates = null;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await failed.CancelAsync().ConfigureAwait(false);
                throw;
            }
            finally
            {
                slots.Release();
            }
        }

        Task PowerStatesAsync() => ListAsync(
            ArmPaths.VirtualMachineStatuses(arm, subscription),
            subject("VM power states"),
            ArmJsonContext.Default.ArmListVirtualMachineItem,
            item =>
            {
                if (CloudIds.ResourceId(item?.Id) is { } id && CloudVmMapper.PowerState(item) is { } state)
                {
                    powerStates![id] = state;
                }
            },
            optional: true);
    }
}
