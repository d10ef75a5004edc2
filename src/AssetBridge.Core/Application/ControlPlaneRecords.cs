using AssetBridge.Core.Agents;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Runs;

namespace AssetBridge.Core.Application;

/// <summary>A credential to add: its non-secret attributes and its secret (which never prints itself).</summary>
public sealed record CredentialDraft(string Name, string Type, IReadOnlyDictionary<string, string> Attributes, CredentialSecret Secret);

/// <summary>
/// A connector to add, as the user typed it; the connector kind's module validates the kind-specific
/// parts (<see cref="Instance"/>, <see cref="DeviceTable"/>, <see cref="Maps"/>, paging) where it is added.
/// </summary>
public sealed record ConnectorDraft(
    string Name,
    string Kind,
    string Instance,
    string Credential,
    string? DeviceTable,
    IReadOnlyList<string> Maps,
    int? PageSize,
    int? MaxConcurrentRequests)
{
    /// <summary>How often the scheduler syncs it; null: only on demand.</summary>
    public TimeSpan? Every { get; init; }

    public AgentPlacement Placement { get; init; } = AgentPlacement.Any;

    /// <summary>ServiceNow: the VM instance table; null for cmdb_ci_vm_instance.</summary>
    public string? VmInstanceTable { get; init; }

    /// <summary>Azure: the subscriptions to read (ids); empty reads every subscription the principal can read.</summary>
    public IReadOnlyList<string> Subscriptions { get; init; } = [];

    /// <summary>Azure: the Entra ID authority host; null for the public cloud.</summary>
    public string? AuthorityHost { get; init; }

    /// <summary>Azure: the Resource Manager endpoint; null for the public cloud.</summary>
    public string? ArmEndpoint { get; init; }
}

/// <summary>A run and its jobs as they stand.</summary>
public sealed record RunStatus(SyncRun Run, IReadOnlyList<JobRecord> Jobs);

/// <summary>Which devices to read: of one connector (name or id), with deleted ones, at or above a criticality level.</summary>
public sealed record DeviceFilter(string? Connector = null, bool IncludeDeleted = false, int? MinCriticality = null)
{
    /// <summary>Only entries reachable from the internet (a public IP in Azure or on a CMDB adapter).</summary>
    public bool InternetFacingOnly { get; init; }
}

/// <summary>What an admin does to an agent.</summary>
public enum AgentAction
{
    Approve,
    Pause,
    Resume,
    Remove,
    Rekey,
}

/// <summary>An agent as operators see it: status derived from its heartbeat, and its load (ready and processing jobs).</summary>
public sealed record AgentView(
    long Id,
    string Name,
    AgentStatus Status,
    bool Approved,
    bool Embedded,
    IReadOnlyList<string> Capabilities,
    IReadOnlyList<string> IpRanges,
    int Load,
    int KeyVersion,
    bool RekeyPending,
    DateTimeOffset EnrolledAt,
    DateTimeOffset? LastSeenAt,
    string? Host,
    string? Version);

/// <summary>A new enrolment token, shown once.</summary>
public sealed record EnrollmentToken(string Token, DateTimeOffset ExpiresAt, bool AutoApprove);
