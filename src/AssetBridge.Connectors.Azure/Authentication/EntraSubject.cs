namespace AssetBridge.Connectors.Azure.Authentication;

/// <summary>What an Entra ID failure sentence names: where tokens come from, for which principal and resource.</summary>
internal sealed record EntraSubject(Uri AuthorityHost, Uri ArmEndpoint, string Principal, string? TenantId, string? ClientId, int Attempts)
{
    public const string Service = "Entra ID";

    /// <summary>The certificate's thumbprint, when the principal signs in with one.</summary>
    public string? Thumbprint { get; init; }

    public bool ManagedIdentity { get; init; }
}
