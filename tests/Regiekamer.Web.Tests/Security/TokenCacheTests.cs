using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;

namespace Regiekamer.Web.Tests.Security;

/// <summary>
/// Issue 7, point 7: a validated API token is not checked against the database on every request, and a revoked token
/// stops working within <see cref="ApiTokenCache.Lifetime"/> (5 s) even when another app instance revoked it, at once
/// when this instance did.
/// </summary>
public sealed class TokenCacheTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RevokedElsewhere_StopsWorkingWithinTheCacheLifetime_RevokedHere_AtOnce(DatabaseProvider provider)
    {
        Assert.Equal(TimeSpan.FromSeconds(5), ApiTokenCache.Lifetime);
        await using var app = await TestApp.StartAsync(provider, realSignIn: true);
        var who = await Principals.CreateAsync(app);
        using var client = who.Client(app, Who.PolicyOfficer);
        var tokenId = await TokenIdAsync(app, Who.PolicyOfficer);

        using (var first = await client.GetAsync(new Uri("/api/v1/calls", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        // Another instance revokes the token: the database says so, this instance's cache does not know yet.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegiekamerDb>();
            Assert.Equal(1, await db.ApiTokens.Where(t => t.Id == tokenId).ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAtUtc, app.Time.GetUtcNow().UtcDateTime)));
        }

        app.Time.Advance(ApiTokenCache.Lifetime - TimeSpan.FromMilliseconds(1));
        using (var cached = await client.GetAsync(new Uri("/api/v1/calls", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        }

        app.Time.Advance(TimeSpan.FromMilliseconds(1));
        using (var refused = await client.GetAsync(new Uri("/api/v1/calls", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("token-revoked", (string?)(await refused.ReadJsonAsync(401, "GET /api/v1/calls"))["errorCode"]);
        }

        // Revoked through this instance's service: refused on the very next request.
        using var other = who.Client(app, Who.CaseHandler);
        using (var ok = await other.GetAsync(new Uri("/api/v1/calls", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var revoked = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().RevokeAsync(await TokenIdAsync(app, Who.CaseHandler), null);
            Assert.True(revoked.IsSuccess);
        }

        using var now = await other.GetAsync(new Uri("/api/v1/calls", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, now.StatusCode);
    }

    private static async Task<int> TokenIdAsync(TestApp app, Who who)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegiekamerDb>();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == Principals.Email(who));
        return await db.ApiTokens.Where(t => t.UserId == user.Id).Select(t => t.Id).SingleAsync();
    }
}
