namespace AssetBridge.Connectors.ServiceNow.Authentication;

/// <summary>An access token and when it stops being used: renewal starts when less than max(60 s, 10 %) of its lifetime remains.</summary>
internal sealed record OAuthToken(string AccessToken, string? RefreshToken, DateTimeOffset IssuedAt, TimeSpan Lifetime)
{
    private static readonly TimeSpan MinimumMargin = TimeSpan.FromSeconds(60);

    public DateTimeOffset ExpiresAt => IssuedAt + Lifetime;

    /// <summary>The moment from which the token is renewed before use, so no request carries a token about to expire.</summary>
    public DateTimeOffset RenewAt => ExpiresAt - Max(MinimumMargin, Lifetime / 10);

    public bool NeedsRenewal(DateTimeOffset now) => now >= RenewAt;

    public override string ToString() => $"OAuth token issued {IssuedAt:O}, lifetime {Lifetime}";

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
