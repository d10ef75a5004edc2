using System.Text.Json;
using System.Text.Json.Serialization;
using AssetBridge.Core.Errors;

namespace AssetBridge.Connectors.Azure.Settings;

/// <summary>
/// An Azure connector's settings, stored as the connector's <c>SettingsJson</c>: which subscriptions to
/// read (none named = every subscription the principal can read), and the cloud: Entra ID's authority
/// host and the ARM endpoint. Build them with <see cref="Create"/> (or <see cref="Describe"/> for the
/// connector's target and JSON at once) and read them back with <see cref="FromJson"/>; all validate.
/// </summary>
public sealed record AzureConnectorSettings
{
    private const string AuthorityOption = "the authority host (--authority-host)";
    private const string ArmOption = "the ARM endpoint (--arm-endpoint)";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Subscription ids (lower-case GUIDs) to read; empty (default) means every subscription the principal can read.</summary>
    public IReadOnlyList<string> Subscriptions { get; init; } = [];

    /// <summary>Entra ID's authority host; default <c>https://login.microsoftonline.com/</c> (public cloud).</summary>
    public string AuthorityHost { get; init; } = AzureCloud.Public.AuthorityHost.AbsoluteUri;

    /// <summary>The Azure Resource Manager endpoint; default <c>https://management.azure.com/</c> (public cloud).</summary>
    public string ArmEndpoint { get; init; } = AzureCloud.Public.ArmEndpoint.AbsoluteUri;

    /// <summary>The authority host as a validated root URL.</summary>
    [JsonIgnore]
    public Uri AuthorityHostUri => EndpointRules.Validate(AuthorityHost, AuthorityOption, AzureCloud.Public.AuthorityHost.AbsoluteUri);

    /// <summary>The ARM endpoint as a validated root URL.</summary>
    [JsonIgnore]
    public Uri ArmEndpointUri => EndpointRules.Validate(ArmEndpoint, ArmOption, AzureCloud.Public.ArmEndpoint.AbsoluteUri);

    /// <summary>
    /// Validates an Azure connector's inputs and returns its target (the ARM endpoint URL) and settings
    /// JSON. Nulls choose the public cloud; naming one host of a known cloud (public, US Government,
    /// China) fills in the other. Throws <see cref="AssetBridgeException"/> (Usage) with the sentence to print.
    /// </summary>
    public static (string Target, string SettingsJson) Describe(IReadOnlyList<string>? subscriptions, string? authorityHost, string? armEndpoint)
    {
        var settings = Create(subscriptions, authorityHost, armEndpoint);
        return (settings.ArmEndpointUri.AbsoluteUri, settings.ToJson());
    }

    /// <summary>Settings from command-line inputs; see <see cref="Describe"/>.</summary>
    public static AzureConnectorSettings Create(IReadOnlyList<string>? subscriptions, string? authorityHost, string? armEndpoint)
    {
        var authority = string.IsNullOrWhiteSpace(authorityHost) ? null : EndpointRules.Validate(authorityHost, AuthorityOption, AzureCloud.Public.AuthorityHost.AbsoluteUri);
        var arm = string.IsNullOrWhiteSpace(armEndpoint) ? null : EndpointRules.Validate(armEndpoint, ArmOption, AzureCloud.Public.ArmEndpoint.AbsoluteUri);
        (authority, arm) = Pair(authority, arm);
        var settings = new AzureConnectorSettings
        {
            Subscriptions = NormalizeSubscriptions(subscriptions ?? []),
            AuthorityHost = authority.AbsoluteUri,
            ArmEndpoint = arm.AbsoluteUri,
        };
        settings.Validate();
        return settings;
    }

    /// <summary>Reads settings stored as a connector's SettingsJson; an empty document means the public cloud and every readable subscription.</summary>
    public static AzureConnectorSettings FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new AzureConnectorSettings();
        }

        AzureConnectorSettings? settings;
        try
        {
            settings = JsonSerializer.Deserialize<AzureConnectorSettings>(json, Json);
        }
        catch (JsonException e)
        {
            throw new AssetBridgeException(
                ErrorKind.Configuration,
                $"The connector's Azure settings are not valid JSON ({e.Message}); remove the connector and add it again.",
                e);
        }

        settings ??= new AzureConnectorSettings();
        settings = settings with
        {
            Subscriptions = NormalizeSubscriptions(settings.Subscriptions ?? []),
            AuthorityHost = settings.AuthorityHost ?? AzureCloud.Public.AuthorityHost.AbsoluteUri,
            ArmEndpoint = settings.ArmEndpoint ?? AzureCloud.Public.ArmEndpoint.AbsoluteUri,
        };
        settings.Validate();
        return settings;
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Throws a usage error with one sentence when a host or subscription id is not acceptable.</summary>
    public void Validate()
    {
        _ = AuthorityHostUri;
        _ = ArmEndpointUri;
        _ = NormalizeSubscriptions(Subscriptions);
    }

    /// <summary>
    /// A subscription id as ARM writes it in resource ids: a lower-case GUID. Throws a usage error
    /// naming the value when it is not a GUID.
    /// </summary>
    public static string NormalizeSubscriptionId(string? id)
    {
        var text = id?.Trim() ?? string.Empty;
        if (!Guid.TryParseExact(text, "D", out var guid))
        {
            throw new AssetBridgeException(
                ErrorKind.Usage,
                $"'{text}' is not a subscription id; give the subscription's GUID, e.g. 8d2c1d4e-3f0a-4b7e-9a61-5c2f0e7d9b13 (az account list --query [].id).");
        }

        return guid.ToString("D");
    }

    private static List<string> NormalizeSubscriptions(IEnumerable<string> ids) =>
        ids.Select(NormalizeSubscriptionId).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Fills in the host a known cloud implies and refuses pairs that cannot work together.</summary>
    private static (Uri Authority, Uri Arm) Pair(Uri? authority, Uri? arm)
    {
        var authorityCloud = authority is null ? null : AzureCloud.ByAuthority(authority);
        var armCloud = arm is null ? null : AzureCloud.ByArmEndpoint(arm);
        switch (authority, arm)
        {
            case (null, null):
                return (AzureCloud.Public.AuthorityHost, AzureCloud.Public.ArmEndpoint);
            case (not null, null):
                return authorityCloud is not null
                    ? (authority, authorityCloud.ArmEndpoint)
                    : throw new AssetBridgeException(
                        ErrorKind.Usage,
                        $"'{authority.IdnHost}' is not the authority host of a known Azure cloud, so AssetBridge cannot tell its ARM endpoint; give --arm-endpoint too.");
            case (null, not null):
                return armCloud is not null
                    ? (armCloud.AuthorityHost, arm)
                    : throw new AssetBridgeException(
                        ErrorKind.Usage,
                        $"'{arm.IdnHost}' is not the ARM endpoint of a known Azure cloud, so AssetBridge cannot tell where to get tokens for it; give --authority-host too.");
            default:
                if (authorityCloud is not null && armCloud is not null && authorityCloud != armCloud)
                {
                    throw new AssetBridgeException(
                        ErrorKind.Usage,
                        $"The authority host {authority!.IdnHost} belongs to the {authorityCloud.Name} cloud but the ARM endpoint {arm!.IdnHost} to the {armCloud.Name} cloud; tokens from one are refused by the other: use {authorityCloud.ArmEndpoint.IdnHost} or {armCloud.AuthorityHost.IdnHost}.");
                }

                return (authority!, arm!);
        }
    }
}
