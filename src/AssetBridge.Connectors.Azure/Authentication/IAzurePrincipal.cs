namespace AssetBridge.Connectors.Azure.Authentication;

/// <summary>An authenticator that can name its principal (never its secret) for sentences, and key the read budgets ARM keeps per principal.</summary>
internal interface IAzurePrincipal
{
    /// <summary>For sentences, e.g. "application 'a1b2…'" or "the managed identity of this machine".</summary>
    string Principal { get; }

    /// <summary>Who ARM counts reads against: tenant and client id, or the managed identity.</summary>
    string BudgetKey { get; }
}
