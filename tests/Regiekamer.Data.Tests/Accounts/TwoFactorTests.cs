using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;

namespace Regiekamer.Data.Tests.Accounts;

/// <summary>Authenticator-app sign-in: codes an app would compute from the shared key (RFC 6238) turn it on; administrators keep it on; the demo administrator has it.</summary>
public sealed class TwoFactorTests
{
    [Fact]
    public void Totp_MatchesTheRfc6238TestVector()
    {
        // RFC 6238 appendix B, SHA-1: secret "12345678901234567890", T = 59 s gives 94287082; an app shows the last 6 digits.
        var key = Base32(Encoding.ASCII.GetBytes("12345678901234567890"));

        Assert.Equal("287082", Totp(key, DateTimeOffset.FromUnixTimeSeconds(59)));
        Assert.Equal("081804", Totp(key, DateTimeOffset.FromUnixTimeSeconds(1111111109)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Enable_WithTheCodeAnAppComputes_TurnsItOn_GivesTenRecoveryCodes_AndOneRecord(DatabaseProvider provider)
    {
        await using var accounts = await Accounts.CreateAsync(provider);
        var user = await accounts.UserAsync("jef@vlaanderen.be", null, new RoleGrant(Role.Administrator));
        var key = await accounts.AsAsync(Actor.System, async s =>
        {
            var a = s.GetRequiredService<AccountService>();
            return await a.AuthenticatorKeyAsync((await a.FindAsync(user.Id))!);
        });
        Assert.Matches("^[A-Z2-7]{32}$", key);
        var last = await accounts.LastAuditIdAsync();

        var wrong = await EnableAsync(accounts, user.Id, Totp(key, DateTimeOffset.UtcNow.AddMinutes(-10)));
        Assert.Equal("code", Assert.Single(wrong.Errors).Field);
        Assert.False((await accounts.ReloadAsync(user.Id)).TwoFactorEnabled);

        var enabled = await EnableAsync(accounts, user.Id, Totp(key, DateTimeOffset.UtcNow));

        Assert.True(enabled.IsSuccess, Accounts.Describe(enabled.Errors));
        Assert.Equal(AccountService.RecoveryCodeCount, enabled.Value!.Distinct().Count());
        Assert.True((await accounts.ReloadAsync(user.Id)).TwoFactorEnabled);
        var record = Assert.Single(await accounts.AuditSinceAsync(last));
        Assert.Equal("TwoFactorEnabled", record.Action);
        Assert.False(Accounts.Json(record.Before).GetProperty("TwoFactor").GetBoolean());
        Assert.True(Accounts.Json(record.After).GetProperty("TwoFactor").GetBoolean());
        Assert.DoesNotContain(key, record.After!, StringComparison.Ordinal);
        Assert.All(enabled.Value!, c => Assert.DoesNotContain(c, record.After!, StringComparison.Ordinal));

        // The second step of signing in accepts the app's code, and a recovery code once.
        var signIn = await accounts.AsAsync(Actor.System, async s =>
        {
            var users = s.GetRequiredService<UserManager<RegiekamerUser>>();
            var stored = (await users.FindByIdAsync(user.Id.ToString()))!;
            var app = await users.VerifyTwoFactorTokenAsync(stored, users.Options.Tokens.AuthenticatorTokenProvider, Totp(key, DateTimeOffset.UtcNow));
            var recovery = await users.RedeemTwoFactorRecoveryCodeAsync(stored, enabled.Value![0]);
            var again = await users.RedeemTwoFactorRecoveryCodeAsync(stored, enabled.Value![0]);
            return (app, recovery.Succeeded, again.Succeeded);
        });
        Assert.Equal((true, true, false), signIn);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Disable_IsRefusedForAnAdministrator_AndAllowedForOthers(DatabaseProvider provider)
    {
        await using var accounts = await Accounts.CreateAsync(provider);
        var admin = await accounts.UserAsync("jef@vlaanderen.be", null, new RoleGrant(Role.Administrator));
        var handler = await accounts.UserAsync("dirk@vlaanderen.be", null, new RoleGrant(Role.CaseHandler));
        foreach (var id in new[] { admin.Id, handler.Id })
        {
            var key = await accounts.AsAsync(Actor.System, async s =>
            {
                var a = s.GetRequiredService<AccountService>();
                return await a.AuthenticatorKeyAsync((await a.FindAsync(id))!);
            });
            Assert.True((await EnableAsync(accounts, id, Totp(key, DateTimeOffset.UtcNow))).IsSuccess);
        }

        var last = await accounts.LastAuditIdAsync();
        var adminOff = await DisableAsync(accounts, admin.Id);
        var handlerOff = await DisableAsync(accounts, handler.Id);

        Assert.Equal("administrator-two-factor", Assert.Single(adminOff.Errors).Code);
        Assert.True(handlerOff.IsSuccess);
        Assert.True((await accounts.ReloadAsync(admin.Id)).TwoFactorEnabled);
        Assert.False((await accounts.ReloadAsync(handler.Id)).TwoFactorEnabled);
        var record = Assert.Single(await accounts.AuditSinceAsync(last));
        Assert.Equal(("TwoFactorDisabled", handler.Id.ToString("D")), (record.Action, record.EntityId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DemoAccounts_OnePerRole_SeededOnce_AdministratorWithTheShownAuthenticatorKey(DatabaseProvider provider)
    {
        await using var accounts = await Accounts.CreateAsync(provider, demo: true);

        var first = await SeedDemoAsync(accounts);
        var second = await SeedDemoAsync(accounts);

        Assert.Equal(6, first.Count);
        Assert.Empty(second);
        int scheldeland;
        await using (var db = accounts.Database.NewDb())
        {
            scheldeland = db.Partnerships.Single(p => p.Name == "Interlokale Vereniging Sociale Economie Scheldeland").Id;
        }

        var expected = new Dictionary<string, string>
        {
            ["beheerder@regiekamer.demo"] = "Administrator",
            ["dossier@regiekamer.demo"] = "CaseHandler",
            ["beleid@regiekamer.demo"] = "PolicyOfficer",
            ["regisseur@regiekamer.demo"] = $"Regisseur:{scheldeland}",
            ["ondertekenaar@regiekamer.demo"] = $"Signatory:{scheldeland}",
            ["lid@regiekamer.demo"] = $"MemberViewer:{scheldeland}",
        };
        foreach (var (email, role) in expected)
        {
            var outcome = await accounts.AsAsync(Actor.System, async s =>
            {
                var users = s.GetRequiredService<UserManager<RegiekamerUser>>();
                var user = (await users.FindByEmailAsync(email))!;
                var code = Totp("KJSWO2LFNNQW2ZLSFVSGK3LPFUZDAMRW", DateTimeOffset.UtcNow);
                return (user.Id, await users.CheckPasswordAsync(user, "Regiekamer-demo-2026"), user.TwoFactorEnabled,
                    await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code));
            });
            Assert.Equal([role], await accounts.StoredRolesAsync(outcome.Id));
            Assert.True(outcome.Item2, email + " signs in with the demo password");
            Assert.Equal(role == "Administrator", outcome.TwoFactorEnabled);
            Assert.Equal(role == "Administrator", outcome.Item4);
        }
    }

    /// <summary>RFC 6238 TOTP as an authenticator app computes it: HMAC-SHA1 over the 30-second step, dynamic truncation, 6 digits.</summary>
    internal static string Totp(string base32Key, DateTimeOffset at)
    {
        var step = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(step, at.ToUnixTimeSeconds() / 30);
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1; the test must compute what they compute.
        var hash = HMACSHA1.HashData(FromBase32(base32Key), step);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFFFFFF;
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] FromBase32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var bytes = new List<byte>();
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            value = (value << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)((value >> (bits - 8)) & 0xFF));
                bits -= 8;
            }
        }

        return [.. bytes];
    }

    private static string Base32(byte[] data)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var text = new StringBuilder();
        var bits = 0;
        var value = 0;
        foreach (var b in data)
        {
            value = (value << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(Alphabet[(value >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            text.Append(Alphabet[(value << (5 - bits)) & 31]);
        }

        return text.ToString();
    }

    private static Task<Regiekamer.Core.Common.Result<IReadOnlyList<string>>> EnableAsync(Accounts accounts, Guid id, string code) =>
        accounts.AsAsync(Actor.System, async s =>
        {
            var a = s.GetRequiredService<AccountService>();
            return await a.EnableTwoFactorAsync((await a.FindAsync(id))!, code);
        });

    private static Task<Regiekamer.Core.Common.Result<RegiekamerUser>> DisableAsync(Accounts accounts, Guid id) =>
        accounts.AsAsync(Actor.System, async s =>
        {
            var a = s.GetRequiredService<AccountService>();
            return await a.DisableTwoFactorAsync((await a.FindAsync(id))!);
        });

    private static Task<IReadOnlyList<string>> SeedDemoAsync(Accounts accounts) =>
        accounts.AsAsync(Actor.System, s => DemoAccounts.SeedAsync(
            s.GetRequiredService<AccountService>(),
            s.GetRequiredService<UserManager<RegiekamerUser>>(),
            s.GetRequiredService<IUserStore<RegiekamerUser>>(),
            s.GetRequiredService<RegiekamerDb>()));
}
