using AssetBridge.Core.Access;

namespace AssetBridge.Storage.Tests.Compliance;

public abstract partial class StoreCompliance
{
    [StoreFact]
    public async Task Token_IsFoundByHash_UntilItExpires()
    {
        var created = await Store.Tokens.CreateAsync(
            new NewToken(TokenKind.Enrollment, "h-enrol", "for edge-1", null, AutoApprove: true, Clock.GetUtcNow(), Clock.GetUtcNow() + TimeSpan.FromHours(1)), Ct);

        var found = await Store.Tokens.FindAsync("h-enrol", Clock.GetUtcNow(), Ct);

        Assert.Equal(created, found);
        Assert.Equal((TokenKind.Enrollment, "for edge-1", true, (DateTimeOffset?)null), (found!.Kind, found.Description, found.AutoApprove, found.UsedAt));
        Assert.Null(await Store.Tokens.FindAsync("h-other", Clock.GetUtcNow(), Ct));
        Assert.NotNull(await Store.Tokens.FindAsync("h-enrol", Clock.GetUtcNow() + TimeSpan.FromHours(1) - TimeSpan.FromMilliseconds(1), Ct));
        Assert.Null(await Store.Tokens.FindAsync("h-enrol", Clock.GetUtcNow() + TimeSpan.FromHours(1), Ct));
    }

    [StoreFact]
    public async Task Token_WithoutExpiry_IsFoundForever()
    {
        await Store.Tokens.CreateAsync(NewTokenFor(TokenKind.Admin, "h-admin"), Ct);

        Assert.NotNull(await Store.Tokens.FindAsync("h-admin", Clock.GetUtcNow() + TimeSpan.FromDays(3650), Ct));
    }

    [StoreFact]
    public async Task Token_IsConsumedOnce_AndStaysFindableAsUsed()
    {
        await Store.Tokens.CreateAsync(NewTokenFor(TokenKind.Enrollment, "h-enrol", lifetime: TimeSpan.FromHours(1)), Ct);
        Clock.Advance(TimeSpan.FromMinutes(2));

        Assert.True(await Store.Tokens.ConsumeAsync("h-enrol", Clock.GetUtcNow(), Ct));
        Assert.False(await Store.Tokens.ConsumeAsync("h-enrol", Clock.GetUtcNow(), Ct));
        Assert.Equal(Clock.GetUtcNow(), (await Store.Tokens.FindAsync("h-enrol", Clock.GetUtcNow(), Ct))!.UsedAt);
        Assert.False(await Store.Tokens.ConsumeAsync("h-missing", Clock.GetUtcNow(), Ct));
    }

    [StoreFact]
    public async Task Token_Expired_CannotBeConsumed()
    {
        await Store.Tokens.CreateAsync(NewTokenFor(TokenKind.Enrollment, "h-enrol", lifetime: TimeSpan.FromMinutes(10)), Ct);

        Assert.False(await Store.Tokens.ConsumeAsync("h-enrol", Clock.GetUtcNow() + TimeSpan.FromMinutes(10), Ct));
        Assert.True(await Store.Tokens.ConsumeAsync("h-enrol", Clock.GetUtcNow() + TimeSpan.FromMinutes(9), Ct));
    }

    [StoreFact]
    public async Task Token_ConsumedByTwoCallersAtOnce_IsGrantedToExactlyOne()
    {
        for (var i = 0; i < 10; i++)
        {
            var hash = "h-race-" + i;
            await Store.Tokens.CreateAsync(NewTokenFor(TokenKind.Enrollment, hash, lifetime: TimeSpan.FromHours(1)), Ct);
            using var start = new ManualResetEventSlim();
            var racers = Enumerable.Range(0, 2)
                .Select(_ => Task.Run(async () =>
                {
                    start.Wait();
                    return await Store.Tokens.ConsumeAsync(hash, Clock.GetUtcNow(), Ct);
                }))
                .ToArray();
            start.Set();

            Assert.Equal(1, (await Task.WhenAll(racers)).Count(won => won));
        }
    }

    [StoreFact]
    public async Task Tokens_AreListedNewestFirst_FilteredByKind()
    {
        var admin = await Store.Tokens.CreateAsync(NewTokenFor(TokenKind.Admin, "h-1"), Ct);
        var reader = await Store.Tokens.CreateAsync(NewTokenFor(TokenKind.Reader, "h-2"), Ct);
        var enrol = await Store.Tokens.CreateAsync(NewTokenFor(TokenKind.Enrollment, "h-3"), Ct);

        Assert.Equal([enrol.Id, reader.Id, admin.Id], (await Store.Tokens.ListAsync([], Ct)).Select(t => t.Id));
        Assert.Equal([reader.Id, admin.Id], (await Store.Tokens.ListAsync([TokenKind.Admin, TokenKind.Reader], Ct)).Select(t => t.Id));
    }

    [StoreFact]
    public async Task Token_Revoked_IsGone()
    {
        var token = await Store.Tokens.CreateAsync(NewTokenFor(TokenKind.Admin, "h-admin"), Ct);

        Assert.True(await Store.Tokens.RevokeAsync(token.Id, Ct));

        Assert.False(await Store.Tokens.RevokeAsync(token.Id, Ct));
        Assert.Null(await Store.Tokens.FindAsync("h-admin", Clock.GetUtcNow(), Ct));
    }

    [StoreFact]
    public async Task RevokeAgentSessions_RemovesOnlyThatAgentsSessions()
    {
        var agent = await RegisterAgentAsync("edge-1");
        var other = await RegisterAgentAsync("edge-2");
        await Store.Tokens.CreateAsync(NewTokenFor(TokenKind.AgentSession, "h-s1", agent.Id), Ct);
        await Store.Tokens.CreateAsync(NewTokenFor(TokenKind.AgentSession, "h-s2", agent.Id), Ct);
        await Store.Tokens.CreateAsync(NewTokenFor(TokenKind.AgentSession, "h-s3", other.Id), Ct);
        await Store.Tokens.CreateAsync(NewTokenFor(TokenKind.Enrollment, "h-e1", agent.Id), Ct);

        Assert.Equal(2, await Store.Tokens.RevokeAgentSessionsAsync(agent.Id, Ct));

        Assert.Equal(["h-e1", "h-s3"], (await Store.Tokens.ListAsync([], Ct)).Select(t => t.Hash).Order(StringComparer.Ordinal));
    }

    [StoreFact]
    public async Task PurgeExpired_DeletesOnlyExpiredTokens()
    {
        await Store.Tokens.CreateAsync(NewTokenFor(TokenKind.Enrollment, "h-short", lifetime: TimeSpan.FromMinutes(5)), Ct);
        await Store.Tokens.CreateAsync(NewTokenFor(TokenKind.Enrollment, "h-long", lifetime: TimeSpan.FromHours(5)), Ct);
        await Store.Tokens.CreateAsync(NewTokenFor(TokenKind.Admin, "h-forever"), Ct);

        Assert.Equal(1, await Store.Tokens.PurgeExpiredAsync(Clock.GetUtcNow() + TimeSpan.FromHours(1), Ct));

        Assert.Equal(["h-forever", "h-long"], (await Store.Tokens.ListAsync([], Ct)).Select(t => t.Hash).Order(StringComparer.Ordinal));
    }
}
