namespace AssetBridge.Emulators.ServiceNow;

/// <summary>A user of the emulated instance (HTTP Basic, or OAuth password grant / client run-as user).</summary>
/// <param name="Username">user_name.</param>
/// <param name="Password">Password.</param>
/// <param name="Roles">Roles; cmdb tables need "cmdb_read" or "admin".</param>
/// <param name="Denial">How cmdb tables look to this user when they lack cmdb_read.</param>
public sealed record EmulatorUser(string Username, string Password, IReadOnlyList<string> Roles, AclDenial Denial = AclDenial.EmptyRows);

/// <summary>How a user without cmdb_read sees cmdb tables.</summary>
public enum AclDenial
{
    /// <summary>200 with an empty result while X-Total-Count still counts the rows (row-level ACLs).</summary>
    EmptyRows,

    /// <summary>403 "User Not Authorized" / "Failed API level ACL Validation" (API-level ACL).</summary>
    Forbidden,
}

/// <summary>An OAuth application registry entry.</summary>
/// <param name="ClientId">client_id.</param>
/// <param name="ClientSecret">client_secret.</param>
/// <param name="RunAsUser">The user a client_credentials token acts as; null refuses that grant, as an instance without an OAuth application user does.</param>
public sealed record EmulatorOAuthClient(string ClientId, string ClientSecret, string? RunAsUser);
