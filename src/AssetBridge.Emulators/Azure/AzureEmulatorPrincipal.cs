using System.Security.Cryptography.X509Certificates;

namespace AssetBridge.Emulators.Azure;

/// <summary>An app registration (service principal) of the emulated tenant.</summary>
/// <param name="ClientId">client_id (the application id).</param>
/// <param name="Secret">Its client secret, or null when it signs in with a certificate only.</param>
/// <param name="Certificate">The public certificate registered for client assertions (RS256, PS256 or ES256), or null.</param>
/// <param name="ReadableSubscriptions">Subscriptions it holds Reader on: null = all of them; empty = none (signs in, reads nothing).</param>
public sealed record AzureEmulatorPrincipal(
    string ClientId,
    string? Secret,
    X509Certificate2? Certificate = null,
    IReadOnlyList<string>? ReadableSubscriptions = null);
