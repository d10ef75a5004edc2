namespace AssetBridge.Connectors.Azure.Arm;

/// <summary>
/// What a failure sentence needs to name: the ARM endpoint, the principal (never its secret), the
/// subscription (null for tenant-level reads), what was being listed, and the retry budget.
/// </summary>
internal sealed record ArmSubject(Uri ArmEndpoint, string Principal, string? SubscriptionId, string What, int Attempts)
{
    public const string Service = "Azure Resource Manager";

    public string Host => ArmEndpoint.IdnHost;

    /// <summary>"subscription {id}" or "the tenant", for sentences.</summary>
    public string Scope => SubscriptionId is null ? "the tenant" : $"subscription {SubscriptionId}";
}
