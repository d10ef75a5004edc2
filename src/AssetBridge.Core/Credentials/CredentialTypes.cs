namespace AssetBridge.Core.Credentials;

/// <summary>Credential types, their attribute names and their secret names.</summary>
public static class CredentialTypes
{
    public const string ServiceNowBasic = "servicenow-basic";
    public const string ServiceNowOAuth = "servicenow-oauth";

    public const string Username = "username";
    public const string Password = "password";
    public const string ClientId = "client_id";
    public const string ClientSecret = "client_secret";
}
