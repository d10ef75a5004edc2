using AssetBridge.Core.Agents;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Runs;

namespace AssetBridge.Server.Api;

/// <summary>POST /api/v1/credentials. <see cref="Secrets"/> is sealed at once and never echoed.</summary>
public sealed record CredentialBody(string? Name, string? Type, Dictionary<string, string>? Attributes, Dictionary<string, string>? Secrets);

/// <summary>POST /api/v1/connectors.</summary>
public sealed record ConnectorBody(
    string? Name,
    string? Kind,
    string? Instance,
    string? Credential,
    string? DeviceTable,
    string[]? Maps,
    int? PageSize,
    int? MaxConcurrentRequests,
    TimeSpan? Every,
    AgentPlacement? Placement)
{
    /// <summary>ServiceNow: the VM instance table (default cmdb_ci_vm_instance).</summary>
    public string? VmInstanceTable { get; init; }

    /// <summary>Azure: subscription ids to read; none reads every readable subscription.</summary>
    public string[]? Subscriptions { get; init; }

    /// <summary>Azure: the Entra ID authority host (default the public cloud's).</summary>
    public string? AuthorityHost { get; init; }

    /// <summary>Azure: the Resource Manager endpoint (default the public cloud's).</summary>
    public string? ArmEndpoint { get; init; }
}

/// <summary>PUT /api/v1/connectors/{name}/schedule; a null <see cref="Every"/> turns the schedule off.</summary>
public sealed record ScheduleBody(TimeSpan? Every);

/// <summary>POST /api/v1/connectors/{name}/sync.</summary>
public sealed record SyncBody(SyncMode Mode);

/// <summary>POST /api/v1/agents/enrollment-tokens.</summary>
public sealed record EnrollmentBody(TimeSpan ExpiresIn, bool AutoApprove);

/// <summary>PUT /api/v1/clusters/{name}.</summary>
public sealed record ClusterBody(ClusterMode Mode, string[]? Members);

internal static class Body
{
    public static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new AssetBridgeException(ErrorKind.Usage, $"The request body needs '{field}'.")
            : value;
}
