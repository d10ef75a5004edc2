namespace AssetBridge.Core.Credentials;

/// <summary>A credential opened for one job: metadata plus the secret, in memory only.</summary>
public sealed record OpenedCredential(CredentialInfo Info, CredentialSecret Secret)
{
    public override string ToString() => $"{Info.Type} credential '{Info.Name}' (id {Info.Id})";
}
