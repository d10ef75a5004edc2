using AssetBridge.Connectors.ServiceNow.Authentication;
using AssetBridge.Core.Credentials;

namespace AssetBridge.Connectors.ServiceNow.TableApi;

/// <summary>What a failure sentence needs to name: the instance, the table and its setting, the account, the retry budget.</summary>
internal sealed record RequestSubject(Uri Instance, string Table, string TableOption, string Principal, int Attempts)
{
    public string Host => Instance.IdnHost;

    public int Port => Instance.Port;

    public static string PrincipalOf(IAuthenticator authenticator) =>
        authenticator is IPrincipalDescription described ? described.Principal : "the connector's account";
}
