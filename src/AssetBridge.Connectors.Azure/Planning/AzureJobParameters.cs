using System.Text.Json;
using AssetBridge.Connectors.Azure.Settings;
using AssetBridge.Core.Errors;

namespace AssetBridge.Connectors.Azure.Planning;

/// <summary>
/// What one Azure job needs, as JSON in the job's Parameters: the cloud's two hosts, and either the
/// subscriptions the connector names (GetSubscriptions) or the one subscription to list (ListNodes).
/// The credential travels by id, never here.
/// </summary>
internal sealed record AzureJobParameters(string ArmEndpoint, string AuthorityHost, string? SubscriptionId, IReadOnlyList<string> Subscriptions)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Uri ArmEndpointUri => EndpointRules.Validate(ArmEndpoint, "the job's ARM endpoint", "https://management.azure.com/");

    public Uri AuthorityHostUri => EndpointRules.Validate(AuthorityHost, "the job's authority host", "https://login.microsoftonline.com/");

    public static AzureJobParameters For(AzureConnectorSettings settings, string? subscriptionId) =>
        new(settings.ArmEndpointUri.AbsoluteUri, settings.AuthorityHostUri.AbsoluteUri, subscriptionId, subscriptionId is null ? settings.Subscriptions : []);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static AzureJobParameters Parse(string json, bool needsSubscription)
    {
        AzureJobParameters? parameters;
        try
        {
            parameters = JsonSerializer.Deserialize<AzureJobParameters>(json, Json);
        }
        catch (JsonException e)
        {
            throw Unreadable(e);
        }

        if (parameters is not { ArmEndpoint: not null, AuthorityHost: not null } || (needsSubscription && parameters.SubscriptionId is null))
        {
            throw Unreadable(null);
        }

        try
        {
            _ = parameters.ArmEndpointUri;
            _ = parameters.AuthorityHostUri;
            return parameters with
            {
                SubscriptionId = parameters.SubscriptionId is null ? null : AzureConnectorSettings.NormalizeSubscriptionId(parameters.SubscriptionId),
                Subscriptions = (parameters.Subscriptions ?? []).Select(AzureConnectorSettings.NormalizeSubscriptionId).ToList(),
            };
        }
        catch (AssetBridgeException e)
        {
            throw Unreadable(e);
        }
    }

    private static AssetBridgeException Unreadable(Exception? inner) => new(
        ErrorKind.Configuration,
        "The job's Azure parameters cannot be read (it was planned by a different AssetBridge version); start a new sync run.",
        inner);
}
