using System.Security.Cryptography;
using System.Text.Json;
using AssetBridge.Core.Errors;

namespace AssetBridge.Agent.Remote;

/// <summary>
/// Who this agent is to its server: name, server address and pinned certificate thumbprint (in
/// <c>agent.json</c>), and two P-256 private keys, one to sign proofs and one to open sealed credentials
/// (in <c>agent.key</c>, owner-only). Only the public halves ever leave the machine.
/// </summary>
internal sealed class AgentIdentity : IDisposable
{
    public const string SettingsFile = "agent.json";
    public const string KeyFile = "agent.key";
    private const string SigningLabel = "ASSETBRIDGE AGENT SIGNING KEY";
    private const string SealingLabel = "ASSETBRIDGE AGENT SEALING KEY";

    public AgentIdentity(AgentSettings settings, ECDsa signing, ECDiffieHellman sealing)
    {
        Settings = settings;
        Signing = signing;
        Sealing = sealing;
    }

    public AgentSettings Settings { get; }

    public string Name => Settings.Name;

    public ECDsa Signing { get; }

    public ECDiffieHellman Sealing { get; }

    public byte[] SigningPublicKey => Signing.ExportSubjectPublicKeyInfo();

    public byte[] SealingPublicKey => Sealing.ExportSubjectPublicKeyInfo();

    public static (ECDsa Signing, ECDiffieHellman Sealing) NewKeys() =>
        (ECDsa.Create(ECCurve.NamedCurves.nistP256), ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256));

    public static bool Exists(string dataDirectory) => File.Exists(Path.Combine(dataDirectory, SettingsFile));

    public static AgentIdentity Load(string dataDirectory)
    {
        var settingsPath = Path.Combine(dataDirectory, SettingsFile);
        var keyPath = Path.Combine(dataDirectory, KeyFile);
        if (!File.Exists(settingsPath) || !File.Exists(keyPath))
        {
            throw new AssetBridgeException(ErrorKind.Configuration, $"No enrolled agent in '{dataDirectory}'; run `assetbridge agent enroll --server URL --enrollment-token T --name NAME` first.");
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(keyPath) & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0)
        {
            throw new AssetBridgeException(ErrorKind.Configuration, $"The agent's key file '{keyPath}' can be read by other users; run `chmod 600 {keyPath}` (and check who may have copied it), then start the agent again.");
        }

        var settings = JsonSerializer.Deserialize<AgentSettings>(File.ReadAllText(settingsPath), Protocol.AgentJson.Options)
            ?? throw new AssetBridgeException(ErrorKind.Configuration, $"'{settingsPath}' is empty; enrol the agent again.");
        var pem = File.ReadAllText(keyPath);
        var signing = ECDsa.Create();
        var sealing = ECDiffieHellman.Create();
        try
        {
            signing.ImportPkcs8PrivateKey(Block(pem, SigningLabel, keyPath), out _);
            sealing.ImportPkcs8PrivateKey(Block(pem, SealingLabel, keyPath), out _);
        }
        catch (CryptographicException)
        {
            signing.Dispose();
            sealing.Dispose();
            throw new AssetBridgeException(ErrorKind.Configuration, $"The agent's key file '{keyPath}' is damaged; enrol the agent again under a new name, and remove the old one (assetbridge agents remove).");
        }

        return new AgentIdentity(settings, signing, sealing);
    }

    /// <summary>Writes the key file (owner-only from the moment it exists) and the settings, each replaced atomically.</summary>
    public void Save(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var keyPath = Path.Combine(dataDirectory, KeyFile);
        var pem = new string(PemEncoding.Write(SigningLabel, Signing.ExportPkcs8PrivateKey())) + "\n"
            + new string(PemEncoding.Write(SealingLabel, Sealing.ExportPkcs8PrivateKey())) + "\n";
        WriteAtomically(keyPath, pem, ownerOnly: true);
        WriteAtomically(Path.Combine(dataDirectory, SettingsFile), JsonSerializer.Serialize(Settings, Protocol.AgentJson.Options), ownerOnly: false);
    }

    public AgentIdentity WithKeys(ECDsa signing, ECDiffieHellman sealing, int keyVersion) =>
        new(Settings with { KeyVersion = keyVersion }, signing, sealing);

    public void Dispose()
    {
        Signing.Dispose();
        Sealing.Dispose();
    }

    private static byte[] Block(string pem, string label, string path)
    {
        var rest = pem.AsSpan();
        while (PemEncoding.TryFind(rest, out var fields))
        {
            if (rest[fields.Label].SequenceEqual(label))
            {
                return Convert.FromBase64String(rest[fields.Base64Data].ToString());
            }

            rest = rest[fields.Location.End..];
        }

        throw new AssetBridgeException(ErrorKind.Configuration, $"The agent's key file '{path}' lacks its {label.ToLowerInvariant()}; enrol the agent again.");
    }

    private static void WriteAtomically(string path, string text, bool ownerOnly)
    {
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (ownerOnly && !OperatingSystem.IsWindows())
        {
            File.Delete(temporary);
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(text);
        }

        File.Move(temporary, path, overwrite: true);
    }
}

/// <summary>The non-secret half of an agent's identity, as kept in <c>agent.json</c>.</summary>
internal sealed record AgentSettings(Uri Server, string Name, long AgentId, string ServerThumbprint, int KeyVersion);
