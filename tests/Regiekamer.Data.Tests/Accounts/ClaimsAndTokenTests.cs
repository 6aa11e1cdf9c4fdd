using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;

namespace Regiekamer.Data.Tests.Accounts;

/// <summary>What a signed-in user or an API token is: the claims built from the role assignments, and the tokens that carry them.</summary>
public sealed class ClaimsAndTokenTests
{
    // The web app's policies read these claim types; a change here must be a change there.
    private const string PartnershipRoleClaim = "regiekamer:partnership-role";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Principal_CarriesDepartmentRolesAsRoles_AndPartnershipRolesWithTheirPartnership(DatabaseProvider provider)
    {
        await using var accounts = await Accounts.CreateAsync(provider);
        var durmeland = await accounts.PartnershipAsync("Regie Durmeland");
        var meetjesland = await accounts.PartnershipAsync("Regie Meetjesland");
        var user = await accounts.UserAsync(
            "an.peeters@vlaanderen.be", null, new RoleGrant(Role.CaseHandler), new RoleGrant(Role.Regisseur, durmeland), new RoleGrant(Role.MemberViewer, meetjesland));

        var principal = await PrincipalAsync(accounts, user.Id);

        Assert.Equal(user.Id.ToString(), principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal("an.peeters@vlaanderen.be", principal.Identity!.Name);
        Assert.Equal("an.peeters@vlaanderen.be", principal.FindFirstValue(ClaimTypes.Email));
        Assert.Equal("Test an.peeters@vlaanderen.be", principal.FindFirstValue(AccountClaims.DisplayName));
        Assert.Equal("false", principal.FindFirstValue(AccountClaims.TwoFactorEnabled));
        Assert.Equal(["CaseHandler"], principal.FindAll(ClaimTypes.Role).Select(c => c.Value));
        Assert.True(principal.IsInRole("CaseHandler"));
        Assert.False(principal.IsInRole("Regisseur"), "a partnership role is no global role");
        Assert.Equal(PartnershipRoleClaim, AccountClaims.PartnershipRole);
        Assert.Equal(
            [$"MemberViewer:{meetjesland}", $"Regisseur:{durmeland}"],
            principal.FindAll(PartnershipRoleClaim).Select(c => c.Value).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CreatedToken_IsRk_And32RandomBytes_StoredOnlyAsItsSha256(DatabaseProvider provider)
    {
        await using var accounts = await Accounts.CreateAsync(provider);
        var user = await accounts.UserAsync("script@vlaanderen.be", null, new RoleGrant(Role.PolicyOfficer));
        var last = await accounts.LastAuditIdAsync();

        var created = await accounts.AsAsync(Accounts.Administrator, s => s.GetRequiredService<ApiTokenService>().CreateAsync(user.Id, "rapportage"));

        Assert.True(created.IsSuccess, Accounts.Describe(created.Errors));
        var secret = created.Value!.Secret;
        Assert.Matches("^rk_[A-Za-z0-9_-]{43}$", secret);
        Assert.Equal(32, Convert.FromBase64String(secret[3..].Replace('-', '+').Replace('_', '/') + "=").Length);
        await using var db = accounts.Database.NewDb();
        var stored = Assert.Single(db.ApiTokens);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret))).ToLowerInvariant(), stored.TokenHash);
        Assert.Equal(secret[..12], stored.Prefix);
        var record = Assert.Single(await accounts.AuditSinceAsync(last));
        Assert.Equal(("ApiToken", stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "Created"), (record.EntityType, record.EntityId, record.Action));
        Assert.DoesNotContain(secret, record.After!, StringComparison.Ordinal);
        Assert.DoesNotContain(stored.TokenHash, record.After!, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ValidToken_ActsAsItsUser_AndNotesItsUseAtMostOnceAMinute(DatabaseProvider provider)
    {
        await using var accounts = await Accounts.CreateAsync(provider);
        var durmeland = await accounts.PartnershipAsync("Regie Durmeland");
        var user = await accounts.UserAsync("rita@durmeland.be", null, new RoleGrant(Role.Regisseur, durmeland));
        var secret = await CreateTokenAsync(accounts, user.Id);
        var created = accounts.Database.Time.GetUtcNow();

        accounts.Database.Time.Advance(TimeSpan.FromHours(1));
        var first = await AuthenticateAsync(accounts, secret);
        accounts.Database.Time.Advance(TimeSpan.FromSeconds(59));
        await AuthenticateAsync(accounts, secret);
        var afterSecond = await LastUsedAsync(accounts);
        accounts.Database.Time.Advance(TimeSpan.FromSeconds(1));
        await AuthenticateAsync(accounts, secret);

        Assert.True(first.IsValid);
        Assert.Equal(user.Id, first.User!.Id);
        Assert.Equal(created.AddHours(1).UtcDateTime, afterSecond);
        Assert.Equal(created.AddHours(1).AddMinutes(1).UtcDateTime, await LastUsedAsync(accounts));

        // The principal of a token is the principal of its user.
        var principal = await PrincipalAsync(accounts, first.User.Id);
        Assert.Equal([$"Regisseur:{durmeland}"], principal.FindAll(PartnershipRoleClaim).Select(c => c.Value));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RevokedExpiredUnknownAndGarbageTokens_AreRefused_SayingWhy(DatabaseProvider provider)
    {
        await using var accounts = await Accounts.CreateAsync(provider);
        var owner = await accounts.UserAsync("script@vlaanderen.be", null, new RoleGrant(Role.CaseHandler));
        var other = await accounts.UserAsync("other@vlaanderen.be", null, new RoleGrant(Role.CaseHandler));
        var revoked = await CreateTokenAsync(accounts, owner.Id);
        var expiring = await CreateTokenAsync(accounts, owner.Id, accounts.Database.Time.GetUtcNow().UtcDateTime.AddDays(1));
        var revokedId = await TokenIdAsync(accounts, revoked);

        var byAnother = await accounts.AsAsync(Accounts.Administrator, s => s.GetRequiredService<ApiTokenService>().RevokeAsync(revokedId, other.Id));
        var byOwner = await accounts.AsAsync(Accounts.Administrator, s => s.GetRequiredService<ApiTokenService>().RevokeAsync(revokedId, owner.Id));
        Assert.Equal(Regiekamer.Core.Common.ErrorKind.NotFound, Assert.Single(byAnother.Errors).Kind);
        Assert.True(byOwner.IsSuccess);

        Assert.True((await AuthenticateAsync(accounts, expiring)).IsValid, "valid before it expires");
        accounts.Database.Time.Advance(TimeSpan.FromDays(1));

        Assert.Equal("token-revoked", (await AuthenticateAsync(accounts, revoked)).Failure!.Code);
        Assert.Equal("token-expired", (await AuthenticateAsync(accounts, expiring)).Failure!.Code);
        Assert.Equal("token-unknown", (await AuthenticateAsync(accounts, "rk_" + new string('A', 43))).Failure!.Code);
        Assert.Equal("token-malformed", (await AuthenticateAsync(accounts, "rk_kort")).Failure!.Code);
        Assert.Equal("token-malformed", (await AuthenticateAsync(accounts, "Basic YWxhZGRpbjpvcGVuc2VzYW1l")).Failure!.Code);
        Assert.Equal("token-malformed", (await AuthenticateAsync(accounts, revoked[..^1] + "!")).Failure!.Code);
        Assert.Equal("token-malformed", (await AuthenticateAsync(accounts, null)).Failure!.Code);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TokenOfALockedUser_IsRefused(DatabaseProvider provider)
    {
        await using var accounts = await Accounts.CreateAsync(provider);
        var user = await accounts.UserAsync("script@vlaanderen.be", null, new RoleGrant(Role.CaseHandler));
        var secret = await CreateTokenAsync(accounts, user.Id);

        Assert.True((await accounts.AsAdministratorAsync(a => a.LockAsync(user.Id))).IsSuccess);

        Assert.Equal("account-locked", (await AuthenticateAsync(accounts, secret)).Failure!.Code);
    }

    private static Task<ClaimsPrincipal> PrincipalAsync(Accounts accounts, Guid userId) =>
        accounts.AsAsync(Actor.System, async s =>
        {
            var user = await s.GetRequiredService<UserManager<RegiekamerUser>>().FindByIdAsync(userId.ToString());
            return await s.GetRequiredService<IUserClaimsPrincipalFactory<RegiekamerUser>>().CreateAsync(user!);
        });

    private static async Task<string> CreateTokenAsync(Accounts accounts, Guid userId, DateTime? expires = null)
    {
        var created = await accounts.AsAsync(Actor.System, s => s.GetRequiredService<ApiTokenService>().CreateAsync(userId, "test", expires));
        Assert.True(created.IsSuccess, Accounts.Describe(created.Errors));
        return created.Value!.Secret;
    }

    private static Task<ApiTokenCheck> AuthenticateAsync(Accounts accounts, string? secret) =>
        accounts.AsAsync(Actor.System, s => s.GetRequiredService<ApiTokenService>().AuthenticateAsync(secret));

    private static async Task<int> TokenIdAsync(Accounts accounts, string secret)
    {
        await using var db = accounts.Database.NewDb();
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret))).ToLowerInvariant();
        return db.ApiTokens.Single(t => t.TokenHash == hash).Id;
    }

    private static async Task<DateTime?> LastUsedAsync(Accounts accounts)
    {
        await using var db = accounts.Database.NewDb();
        return db.ApiTokens.Single().LastUsedAtUtc;
    }
}
