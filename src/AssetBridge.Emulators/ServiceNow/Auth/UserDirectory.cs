using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace AssetBridge.Emulators.ServiceNow.Auth;

/// <summary>The instance's users and OAuth clients. Roles can change while running (lost-role tests).</summary>
internal sealed class UserDirectory
{
    public const string CmdbReadRole = "cmdb_read";
    public const string AdminRole = "admin";

    private readonly ConcurrentDictionary<string, EmulatorUser> users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EmulatorOAuthClient> clients = new(StringComparer.Ordinal);

    public UserDirectory(IEnumerable<EmulatorUser> users, IEnumerable<EmulatorOAuthClient> clients)
    {
        foreach (var user in users)
        {
            this.users[user.Username] = user;
        }

        foreach (var client in clients)
        {
            this.clients[client.ClientId] = client;
        }
    }

    public static bool CanReadCmdb(EmulatorUser user) =>
        user.Roles.Contains(CmdbReadRole, StringComparer.Ordinal) || user.Roles.Contains(AdminRole, StringComparer.Ordinal);

    public EmulatorUser? Find(string username) => users.TryGetValue(username, out var user) ? user : null;

    public EmulatorUser? SignIn(string username, string password) =>
        users.TryGetValue(username, out var user) && SecretEquals(user.Password, password) ? user : null;

    public EmulatorOAuthClient? FindClient(string? clientId, string? clientSecret) =>
        clientId is not null && clientSecret is not null && clients.TryGetValue(clientId, out var client)
            && SecretEquals(client.ClientSecret, clientSecret)
            ? client
            : null;

    public void SetRoles(string username, IReadOnlyList<string> roles)
    {
        var user = Find(username) ?? throw new ArgumentException($"The emulator has no user '{username}'.", nameof(username));
        users[username] = user with { Roles = roles.ToArray() };
    }

    private static bool SecretEquals(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
}
