using AssetBridge.Emulators.Estate;

namespace AssetBridge.Emulators.ServiceNow;

/// <summary>Settings of one emulated instance; checked when it starts.</summary>
public sealed class ServiceNowEmulatorOptions
{
    /// <summary>The fixed default of <see cref="GeneratedAt"/>.</summary>
    public static readonly DateTimeOffset DefaultGeneratedAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>TCP port on 127.0.0.1. Default 0: an ephemeral port (read it from <see cref="ServiceNowEmulator.BaseAddress"/>).</summary>
    public int Port { get; set; }

    /// <summary>Rows generated in cmdb_ci_computer (computers, Windows and Linux servers). Default 100.</summary>
    public int Devices { get; set; } = 100;

    /// <summary>cmdb_ci_network_adapter rows per device. Default 2.</summary>
    public int AdaptersPerDevice { get; set; } = 2;

    /// <summary>Rows generated in cmdb_ci_business_app. Default 10.</summary>
    public int Applications { get; set; } = 10;

    /// <summary>Seed of everything random: data, hidden rows, random faults. Default 1.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Users. Default: "assetbridge" / "assetbridge" with role cmdb_read.</summary>
    public List<EmulatorUser> Users { get; set; } = [new EmulatorUser("assetbridge", "assetbridge", ["cmdb_read"])];

    /// <summary>OAuth clients. Default none.</summary>
    public List<EmulatorOAuthClient> OAuthClients { get; set; } = [];

    /// <summary>Access token lifetime (expires_in). Default 1799 s, as a real instance.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(1799);

    /// <summary>Table API requests per second per user; the bucket holds one second's worth. Default 0: no limit.</summary>
    public double RateLimitPerSecond { get; set; }

    /// <summary>Share of Table API requests (0..1) that get a random fault. Default 0.</summary>
    public double FaultRate { get; set; }

    /// <summary>
    /// Share of records (0..1) a row ACL hides from every user. Hidden rows are removed after
    /// sysparm_limit cuts the page, so pages come short. Default 0.
    /// </summary>
    public double HiddenFraction { get; set; }

    /// <summary>Clock for tokens, rate limits, slow responses and sys_updated_on of mutations. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// The latest sys_updated_on of generated data; generated records spread over the time before it.
    /// Default 2026-01-01T00:00:00Z.
    /// </summary>
    public DateTimeOffset GeneratedAt { get; set; } = DefaultGeneratedAt;

    /// <summary>
    /// A cloud estate whose CMDB side this instance holds: for each <see cref="CloudEstate.CmdbTwins"/>
    /// entry a computer, its adapter and its cmdb_ci_vm_instance (linked "Virtualized by::Virtualizes"),
    /// added after the generated devices, which stay as they are. Pass the same estate to the Azure
    /// emulator so the two overlap. Default null: no twins (cmdb_ci_vm_instance is then empty).
    /// </summary>
    public CloudEstate? CloudEstate { get; set; }

    /// <summary>Fails with a sentence naming the setting and the allowed values.</summary>
    internal void Validate()
    {
        Require(Port is >= 0 and <= 65535, $"Port must be between 0 and 65535 (0 picks a free port); it is {Port}.");
        Require(Devices >= 0, $"Devices cannot be negative; it is {Devices}.");
        Require(AdaptersPerDevice >= 0, $"AdaptersPerDevice cannot be negative; it is {AdaptersPerDevice}.");
        Require(Applications >= 0, $"Applications cannot be negative; it is {Applications}.");
        Require((long)Devices * (AdaptersPerDevice + 1) <= 50_000_000, "Devices × (AdaptersPerDevice + 1) must stay under 50 million rows.");
        Require(TokenLifetime > TimeSpan.Zero, "TokenLifetime must be positive.");
        Require(RateLimitPerSecond >= 0 && double.IsFinite(RateLimitPerSecond), "RateLimitPerSecond must be 0 (no limit) or a positive number.");
        Require(FaultRate is >= 0 and <= 1, $"FaultRate must be between 0 and 1; it is {FaultRate}.");
        Require(HiddenFraction is >= 0 and <= 1, $"HiddenFraction must be between 0 and 1; it is {HiddenFraction}.");
        Require(TimeProvider is not null, "TimeProvider is required.");
        Require(Users is not null && Users.TrueForAll(u => u is not null && !string.IsNullOrEmpty(u.Username) && u.Roles is not null),
            "Users must list users with a user name and roles.");
        Require(Users!.Select(u => u.Username).Distinct(StringComparer.Ordinal).Count() == Users!.Count, "Users must not repeat a user name.");
        Require(OAuthClients is not null && OAuthClients.TrueForAll(c => c is not null && !string.IsNullOrEmpty(c.ClientId)),
            "OAuthClients must list clients with a client id.");
    }

    private static void Require(bool condition, string sentence)
    {
        if (!condition)
        {
            throw new ArgumentException(sentence);
        }
    }
}
