namespace AssetBridge.Connectors.ServiceNow.Authentication;

/// <summary>An authenticator that can name its account (never its secret) for error sentences, e.g. "user 'svc_cmdb'".</summary>
internal interface IPrincipalDescription
{
    string Principal { get; }
}
