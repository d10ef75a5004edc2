namespace AssetBridge.Core.Credentials;

/// <summary>
/// The secret parts of a credential (password, client secret), held in memory only for as long as a
/// job needs them. It never prints itself: <see cref="ToString"/> is redacted, so a secret cannot
/// reach a log or an exception message by accident.
/// </summary>
public sealed class CredentialSecret
{
    private readonly Dictionary<string, string> _values;

    public CredentialSecret(IReadOnlyDictionary<string, string> values)
    {
        _values = new Dictionary<string, string>(values, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Names => _values.Keys;

    /// <summary>The named secret value, or null when the credential has none by that name.</summary>
    public string? Get(string name) => _values.TryGetValue(name, out var value) ? value : null;

    /// <summary>The named secret value; a missing one is a configuration error naming the credential field.</summary>
    public string Require(string name) =>
        Get(name) ?? throw new Errors.AssetBridgeException(
            Errors.ErrorKind.Configuration,
            $"The credential has no '{name}'; remove it and add it again with that secret.");

    /// <summary>All values, for sealing or encrypting; never for display.</summary>
    public IReadOnlyDictionary<string, string> Reveal() => _values;

    public override string ToString() => "[redacted]";
}
