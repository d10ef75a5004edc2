using AssetBridge.Emulators.Estate;

namespace AssetBridge.Emulators.Azure;

/// <summary>Settings of one emulated Azure tenant (Entra token endpoint + Resource Manager); checked when it starts.</summary>
public sealed class AzureEmulatorOptions
{
    /// <summary>The client id of the default principal.</summary>
    public const string DefaultClientId = "a5b1d9e0-7c3f-4e2a-9b8d-00000000c11e";

    /// <summary>The client secret of the default principal.</summary>
    public const string DefaultClientSecret = "assetbridge-secret";

    /// <summary>TCP port on 127.0.0.1. Default 0: an ephemeral port (read it from <see cref="AzureEmulator.BaseAddress"/>).</summary>
    public int Port { get; set; }

    /// <summary>The estate to generate when <see cref="CloudEstate"/> is null. Default: 3 subscriptions of 20 VMs.</summary>
    public CloudEstateOptions Estate { get; set; } = new();

    /// <summary>
    /// A prebuilt estate to serve instead of generating one from <see cref="Estate"/>; pass the same
    /// object to the ServiceNow emulator so the two sides overlap. Default null.
    /// </summary>
    public CloudEstate? CloudEstate { get; set; }

    /// <summary>App registrations. Default one: <see cref="DefaultClientId"/> / <see cref="DefaultClientSecret"/>, reader on every subscription.</summary>
    public List<AzureEmulatorPrincipal> Principals { get; set; } = [new AzureEmulatorPrincipal(DefaultClientId, DefaultClientSecret)];

    /// <summary>Most items on one list page. Default 100; 1 to 1000.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>
    /// Whether some pages come short or empty while still carrying a nextLink (decided by <see cref="Seed"/>),
    /// as ARM's paging contract allows. Default true.
    /// </summary>
    public bool IrregularPages { get; set; } = true;

    /// <summary>Access token lifetime (expires_in). Default 3599 s, as Entra.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(3599);

    /// <summary>Tokens in ARM's read bucket, per (principal, subscription) and per principal for tenant reads. Default 250.</summary>
    public int ReadBucketSize { get; set; } = 250;

    /// <summary>Tokens the read buckets regain per second. Default 25.</summary>
    public double ReadRefillPerSecond { get; set; } = 25;

    /// <summary>Share of ARM requests (0..1) that get a random fault (500, 503, sometimes 429). Default 0.</summary>
    public double FaultRate { get; set; }

    /// <summary>Seed of random faults and of page shapes. Default 1.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Clock for token expiry, client assertion times and bucket refills. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Fails with a sentence naming the setting and the allowed values.</summary>
    internal void Validate()
    {
        Require(Port is >= 0 and <= 65535, $"Port must be between 0 and 65535 (0 picks a free port); it is {Port}.");
        Require(CloudEstate is not null || Estate is not null, "Estate is required when no prebuilt CloudEstate is given.");
        if (CloudEstate is null)
        {
            Estate!.Validate();
        }

        Require(PageSize is > 0 and <= 1000, $"PageSize must be between 1 and 1000; it is {PageSize}.");
        Require(TokenLifetime > TimeSpan.Zero, "TokenLifetime must be positive.");
        Require(ReadBucketSize > 0, $"ReadBucketSize must be at least 1; it is {ReadBucketSize}.");
        Require(ReadRefillPerSecond > 0 && double.IsFinite(ReadRefillPerSecond), $"ReadRefillPerSecond must be a positive number; it is {ReadRefillPerSecond}.");
        Require(FaultRate is >= 0 and <= 1, $"FaultRate must be between 0 and 1; it is {FaultRate}.");
        Require(TimeProvider is not null, "TimeProvider is required.");
        Require(
            Principals is not null && Principals.TrueForAll(p => p is not null && !string.IsNullOrEmpty(p.ClientId)),
            "Principals must list app registrations with a client id.");
        Require(
            Principals!.TrueForAll(p => !string.IsNullOrEmpty(p.Secret) || p.Certificate is not null),
            "Every principal needs a client secret or a certificate to sign in with.");
        Require(
            Principals!.Select(p => p.ClientId).Distinct(StringComparer.OrdinalIgnoreCase).Count() == Principals!.Count,
            "Principals must not repeat a client id.");
    }

    private static void Require(bool condition, string sentence)
    {
        if (!condition)
        {
            throw new ArgumentException(sentence);
        }
    }
}
