using System.Security.Cryptography;
using System.Text;

namespace AssetBridge.Emulators.Azure.State;

/// <summary>The tenant's app registrations and their Reader role assignments, which controls may change at run time.</summary>
internal sealed class PrincipalDirectory
{
    private readonly Dictionary<string, RegisteredPrincipal> byClientId = new(StringComparer.OrdinalIgnoreCase);

    public PrincipalDirectory(IEnumerable<AzureEmulatorPrincipal> principals)
    {
        foreach (var principal in principals)
        {
            byClientId[principal.ClientId] = new RegisteredPrincipal(principal);
        }
    }

    public RegisteredPrincipal? Find(string? clientId) =>
        clientId is not null && byClientId.TryGetValue(clientId, out var principal) ? principal : null;

    public RegisteredPrincipal Get(string clientId) =>
        Find(clientId) ?? throw new ArgumentException($"The emulator has no principal with client id '{clientId}'.", nameof(clientId));
}

/// <summary>One app registration: credentials, its service principal's object id, and what it may read.</summary>
internal sealed class RegisteredPrincipal
{
    private readonly Lock gate = new();
    private readonly HashSet<string>? readable;
    private readonly HashSet<string> revoked = new(StringComparer.OrdinalIgnoreCase);

    public RegisteredPrincipal(AzureEmulatorPrincipal registration)
    {
        Registration = registration;
        ObjectId = ObjectIdOf(registration.ClientId);
        readable = registration.ReadableSubscriptions is null ? null : new HashSet<string>(registration.ReadableSubscriptions, StringComparer.OrdinalIgnoreCase);
    }

    public AzureEmulatorPrincipal Registration { get; }

    public string ClientId => Registration.ClientId;

    /// <summary>The service principal's object id, the "client" ARM names in AuthorizationFailed.</summary>
    public string ObjectId { get; }

    public bool CanRead(string subscriptionId)
    {
        lock (gate)
        {
            return !revoked.Contains(subscriptionId) && (readable is null || readable.Contains(subscriptionId));
        }
    }

    public void Revoke(string subscriptionId)
    {
        lock (gate)
        {
            revoked.Add(subscriptionId);
        }
    }

    public void Grant(string subscriptionId)
    {
        lock (gate)
        {
            revoked.Remove(subscriptionId);
            readable?.Add(subscriptionId);
        }
    }

    /// <summary>A stable GUID per client id, so messages and tokens name the same principal every run.</summary>
    private static string ObjectIdOf(string clientId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("service principal:" + clientId.ToLowerInvariant()));
        return new Guid(hash.AsSpan(0, 16)).ToString("D");
    }
}
