using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;

namespace Regiekamer.Data.Tests.Accounts;

/// <summary>Users and roles: the role rules, and exactly one audit record per action with who did it and the state before and after.</summary>
public sealed class AccountServiceTests
{
    private const string Password = "een zin van vier woorden";

    /// <summary>2 March 2023 09:15:30.250 UTC: whole milliseconds, as the audit trail stores them.</summary>
    private static readonly DateTimeOffset Morning = new(2023, 3, 2, 9, 15, 30, 250, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_StoresUserAndRoles_AndWritesOneAuditRecordWithoutSecrets(DatabaseProvider provider)
    {
        await using var accounts = await Accounts.CreateAsync(provider);
        accounts.Database.Time.SetUtcNow(Morning);
        var durmeland = await accounts.PartnershipAsync("Regie Durmeland");
        var last = await accounts.LastAuditIdAsync();

        var created = await accounts.AsAdministratorAsync(a => a.CreateAsync(
            "  Lies.Maes@Durmeland.be ", "Lies Maes", [new RoleGrant(Role.PolicyOfficer), new RoleGrant(Role.Regisseur, durmeland)], Password));

        Assert.True(created.IsSuccess, Accounts.Describe(created.Errors));
        var user = await accounts.ReloadAsync(created.Value!.Id);
        Assert.Equal(("Lies.Maes@Durmeland.be", "Lies.Maes@Durmeland.be", "Lies Maes", Morning.UtcDateTime), (user.Email, user.UserName, user.DisplayName, user.CreatedAtUtc));
        Assert.Equal(["PolicyOfficer", $"Regisseur:{durmeland}"], await accounts.StoredRolesAsync(user.Id));

        var record = Assert.Single(await accounts.AuditSinceAsync(last));
        Assert.Equal(("User", user.Id.ToString("D"), "Created"), (record.EntityType, record.EntityId, record.Action));
        Assert.Equal((Accounts.Administrator.UserId, Accounts.Administrator.Name, Accounts.Administrator.Role), (record.ActorUserId, record.ActorName, record.ActorRole));
        Assert.Equal(Morning.UtcDateTime, record.AtUtc);
        Assert.Null(record.Before);
        var after = Accounts.Json(record.After);
        Assert.Equal("Lies.Maes@Durmeland.be", after.GetProperty("Email").GetString());
        Assert.Equal(["PolicyOfficer", $"Regisseur:{durmeland}"], Accounts.Strings(after, "Roles"));
        Assert.True(after.GetProperty("HasPassword").GetBoolean());
        Assert.DoesNotContain(user.PasswordHash!, record.After!, StringComparison.Ordinal);
        Assert.DoesNotContain(user.SecurityStamp!, record.After!, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, record.After!, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_BreakingTheRoleRules_IsRefused_AndWritesNothing(DatabaseProvider provider)
    {
        await using var accounts = await Accounts.CreateAsync(provider);
        var durmeland = await accounts.PartnershipAsync("Regie Durmeland");
        var last = await accounts.LastAuditIdAsync();

        var departmentForOnePartnership = await accounts.AsAdministratorAsync(a => a.CreateAsync("a@example.be", "A", [new RoleGrant(Role.CaseHandler, durmeland)]));
        var partnershipRoleWithoutPartnership = await accounts.AsAdministratorAsync(a => a.CreateAsync("b@example.be", "B", [new RoleGrant(Role.Signatory)]));
        var unknownPartnership = await accounts.AsAdministratorAsync(a => a.CreateAsync("c@example.be", "C", [new RoleGrant(Role.MemberViewer, durmeland + 1000)]));
        var shortPassword = await accounts.AsAdministratorAsync(a => a.CreateAsync("d@example.be", "D", [new RoleGrant(Role.CaseHandler)], "te kort"));
        var noEmailNoName = await accounts.AsAdministratorAsync(a => a.CreateAsync(" ", "", []));

        Assert.Equal(("validation", "partnershipId"), Only(departmentForOnePartnership.Errors));
        Assert.Equal(("validation", "partnershipId"), Only(partnershipRoleWithoutPartnership.Errors));
        Assert.Equal(("validation", "partnershipId"), Only(unknownPartnership.Errors));
        Assert.Contains($"{durmeland + 1000}", unknownPartnership.Errors[0].Message.En, StringComparison.Ordinal);
        Assert.Equal(("validation", "password"), Only(shortPassword.Errors));
        Assert.Equal(["displayName", "email"], noEmailNoName.Errors.Select(e => e.Field!).Order(StringComparer.Ordinal));
        Assert.Empty(await accounts.AuditSinceAsync(last));
        await using var db = accounts.Database.NewDb();
        Assert.Empty(db.Users);
        Assert.Empty(db.RoleAssignments);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_WithAnAddressAlreadyInUse_IsAConflict_AndLeavesNoRolesOrRecordBehind(DatabaseProvider provider)
    {
        await using var accounts = await Accounts.CreateAsync(provider);
        var first = await accounts.UserAsync("an.peeters@vlaanderen.be", null, new RoleGrant(Role.CaseHandler));
        var last = await accounts.LastAuditIdAsync();

        var second = await accounts.AsAdministratorAsync(a => a.CreateAsync("AN.PEETERS@vlaanderen.be", "Someone else", [new RoleGrant(Role.Administrator)]));

        var error = Assert.Single(second.Errors);
        Assert.Equal(("duplicate-email", "email", ErrorKind.Conflict), (error.Code, error.Field, error.Kind));
        Assert.Empty(await accounts.AuditSinceAsync(last));
        Assert.Equal(["CaseHandler"], await accounts.StoredRolesAsync(first.Id));
        await using var db = accounts.Database.NewDb();
        Assert.Equal(1, db.RoleAssignments.Count());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AddAndRemoveRole_EachWriteOneRecord_WithTheRolesBeforeAndAfter(DatabaseProvider provider)
    {
        await using var accounts = await Accounts.CreateAsync(provider);
        var durmeland = await accounts.PartnershipAsync("Regie Durmeland");
        var meetjesland = await accounts.PartnershipAsync("Regie Meetjesland");
        var user = await accounts.UserAsync("lies.maes@durmeland.be", null, new RoleGrant(Role.Regisseur, durmeland));

        // One person, roles in two partnerships.
        var last = await accounts.LastAuditIdAsync();
        var added = await accounts.AsAdministratorAsync(a => a.AddRoleAsync(user.Id, new RoleGrant(Role.MemberViewer, meetjesland)));
        var duplicate = await accounts.AsAdministratorAsync(a => a.AddRoleAsync(user.Id, new RoleGrant(Role.MemberViewer, meetjesland)));

        Assert.True(added.IsSuccess, Accounts.Describe(added.Errors));
        Assert.Equal(("duplicate-role", ErrorKind.Conflict), (Assert.Single(duplicate.Errors).Code, duplicate.Errors[0].Kind));
        var addition = Assert.Single(await accounts.AuditSinceAsync(last));
        Assert.Equal("RoleAdded", addition.Action);
        Assert.Equal([$"Regisseur:{durmeland}"], Accounts.Strings(Accounts.Json(addition.Before), "Roles"));
        Assert.Equal([$"MemberViewer:{meetjesland}", $"Regisseur:{durmeland}"], Accounts.Strings(Accounts.Json(addition.After), "Roles"));

        last = await accounts.LastAuditIdAsync();
        var removed = await accounts.AsAdministratorAsync(a => a.RemoveRoleAsync(user.Id, new RoleGrant(Role.Regisseur, durmeland)));
        var notHeld = await accounts.AsAdministratorAsync(a => a.RemoveRoleAsync(user.Id, new RoleGrant(Role.Regisseur, durmeland)));

        Assert.True(removed.IsSuccess, Accounts.Describe(removed.Errors));
        Assert.Equal(ErrorKind.NotFound, Assert.Single(notHeld.Errors).Kind);
        var removal = Assert.Single(await accounts.AuditSinceAsync(last));
        Assert.Equal("RoleRemoved", removal.Action);
        Assert.Equal([$"MemberViewer:{meetjesland}"], Accounts.Strings(Accounts.Json(removal.After), "Roles"));
        Assert.Equal([$"MemberViewer:{meetjesland}"], await accounts.StoredRolesAsync(user.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheLastActiveAdministrator_CannotBeRemovedOrLocked(DatabaseProvider provider)
    {
        await using var accounts = await Accounts.CreateAsync(provider);
        var jef = await accounts.UserAsync("jef@vlaanderen.be", null, new RoleGrant(Role.Administrator));
        var an = await accounts.UserAsync("an@vlaanderen.be", null, new RoleGrant(Role.Administrator));

        // With two administrators one may go; then the other is the last.
        Assert.True((await accounts.AsAdministratorAsync(a => a.LockAsync(an.Id))).IsSuccess);
        var last = await accounts.LastAuditIdAsync();
        var removeJef = await accounts.AsAdministratorAsync(a => a.RemoveRoleAsync(jef.Id, new RoleGrant(Role.Administrator)));
        var lockJef = await accounts.AsAdministratorAsync(a => a.LockAsync(jef.Id));

        Assert.Equal("last-administrator", Assert.Single(removeJef.Errors).Code);
        Assert.Equal("last-administrator", Assert.Single(lockJef.Errors).Code);
        Assert.Empty(await accounts.AuditSinceAsync(last));
        Assert.Equal(["Administrator"], await accounts.StoredRolesAsync(jef.Id));

        // A locked administrator does not count: unlocking An makes Jef removable.
        Assert.True((await accounts.AsAdministratorAsync(a => a.UnlockAsync(an.Id))).IsSuccess);
        Assert.True((await accounts.AsAdministratorAsync(a => a.RemoveRoleAsync(jef.Id, new RoleGrant(Role.Administrator)))).IsSuccess);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LockAndUnlock_EndSessionsAndSignIn_EachWithOneRecord(DatabaseProvider provider)
    {
        await using var accounts = await Accounts.CreateAsync(provider);
        var user = await accounts.UserAsync("dirk@vlaanderen.be", Password, new RoleGrant(Role.CaseHandler));
        var stamp = (await accounts.ReloadAsync(user.Id)).SecurityStamp;
        var last = await accounts.LastAuditIdAsync();

        var locked = await accounts.AsAdministratorAsync(a => a.LockAsync(user.Id));
        var again = await accounts.AsAdministratorAsync(a => a.LockAsync(user.Id));

        Assert.True(locked.IsSuccess, Accounts.Describe(locked.Errors));
        Assert.Equal("already-locked", Assert.Single(again.Errors).Code);
        var stored = await accounts.ReloadAsync(user.Id);
        Assert.Equal(DateTimeOffset.MaxValue, stored.LockoutEnd);
        Assert.NotEqual(stamp, stored.SecurityStamp);
        Assert.True(await SignInAsync(accounts, user.Email!, Password) is { IsLockedOut: true });
        var lockRecord = Assert.Single(await accounts.AuditSinceAsync(last));
        Assert.Equal("Locked", lockRecord.Action);
        Assert.False(Accounts.Json(lockRecord.Before).GetProperty("Locked").GetBoolean());
        Assert.True(Accounts.Json(lockRecord.After).GetProperty("Locked").GetBoolean());

        last = await accounts.LastAuditIdAsync();
        var unlocked = await accounts.AsAdministratorAsync(a => a.UnlockAsync(user.Id));

        Assert.True(unlocked.IsSuccess, Accounts.Describe(unlocked.Errors));
        Assert.Null((await accounts.ReloadAsync(user.Id)).LockoutEnd);
        Assert.True(await SignInAsync(accounts, user.Email!, Password) is { Succeeded: true });
        Assert.Equal("Unlocked", Assert.Single(await accounts.AuditSinceAsync(last)).Action);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SetPassword_ReplacesThePassword_AndIsAuditedWithoutIt(DatabaseProvider provider)
    {
        await using var accounts = await Accounts.CreateAsync(provider);
        var user = await accounts.UserAsync("bert@vlaanderen.be", Password, new RoleGrant(Role.PolicyOfficer));
        var last = await accounts.LastAuditIdAsync();

        var tooShort = await accounts.AsAdministratorAsync(a => a.SetPasswordAsync(user.Id, "kort"));
        var set = await accounts.AsAdministratorAsync(a => a.SetPasswordAsync(user.Id, "een heel ander wachtwoord"));

        Assert.All(tooShort.Errors, e => Assert.Equal(("validation", "password"), (e.Code, e.Field)));
        Assert.Contains(tooShort.Errors, e => e.Message.En.Contains("at least 12 characters", StringComparison.Ordinal));
        Assert.True(set.IsSuccess, Accounts.Describe(set.Errors));
        Assert.True(await SignInAsync(accounts, user.Email!, "een heel ander wachtwoord") is { Succeeded: true });
        Assert.True(await SignInAsync(accounts, user.Email!, Password) is { Succeeded: false, IsLockedOut: false });
        var record = Assert.Single(await accounts.AuditSinceAsync(last));
        Assert.Equal("PasswordSet", record.Action);
        Assert.DoesNotContain("een heel ander wachtwoord", record.Before + record.After, StringComparison.Ordinal);
        Assert.DoesNotContain((await accounts.ReloadAsync(user.Id)).PasswordHash!, record.After!, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ChangePassword_NeedsTheCurrentOne_AndAFailedAttemptLeavesNoRecord(DatabaseProvider provider)
    {
        await using var accounts = await Accounts.CreateAsync(provider);
        var user = await accounts.UserAsync("rita@durmeland.be", Password);
        var last = await accounts.LastAuditIdAsync();

        var wrongCurrent = await accounts.AsAsync(Actor.System, async s =>
        {
            var a = s.GetRequiredService<AccountService>();
            return await a.ChangePasswordAsync((await a.FindAsync(user.Id))!, "niet het huidige wachtwoord", "een nieuw lang wachtwoord");
        });
        Assert.Equal(("validation", "currentPassword"), Only(wrongCurrent.Errors));
        Assert.Empty(await accounts.AuditSinceAsync(last));

        var changed = await accounts.AsAsync(Actor.System, async s =>
        {
            var a = s.GetRequiredService<AccountService>();
            return await a.ChangePasswordAsync((await a.FindAsync(user.Id))!, Password, "een nieuw lang wachtwoord");
        });
        Assert.True(changed.IsSuccess, Accounts.Describe(changed.Errors));
        Assert.Equal("PasswordChanged", Assert.Single(await accounts.AuditSinceAsync(last)).Action);
        Assert.True(await SignInAsync(accounts, user.Email!, "een nieuw lang wachtwoord") is { Succeeded: true });
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ResetPassword_WithTheMailedToken_WorksOnce_AndLiftsAFailedSignInLockout(DatabaseProvider provider)
    {
        await using var accounts = await Accounts.CreateAsync(provider);
        var user = await accounts.UserAsync("olivier@durmeland.be", Password);
        for (var i = 0; i < IdentitySetup.MaxFailedAccessAttempts; i++)
        {
            await SignInAsync(accounts, user.Email!, "fout wachtwoord " + i);
        }

        Assert.NotNull((await accounts.ReloadAsync(user.Id)).LockoutEnd);
        var token = await accounts.AsAsync(Actor.System, async s =>
        {
            var a = s.GetRequiredService<AccountService>();
            return await a.PasswordResetTokenAsync((await a.FindAsync(user.Id))!);
        });
        var last = await accounts.LastAuditIdAsync();

        var badToken = await accounts.AsAsync(Actor.System, s => s.GetRequiredService<AccountService>().ResetPasswordAsync(user.Email, token + "x", "een nieuw lang wachtwoord"));
        var unknownAddress = await accounts.AsAsync(Actor.System, s => s.GetRequiredService<AccountService>().ResetPasswordAsync("niemand@example.be", token, "een nieuw lang wachtwoord"));
        var reset = await accounts.AsAsync(Actor.System, s => s.GetRequiredService<AccountService>().ResetPasswordAsync(user.Email, token, "een nieuw lang wachtwoord"));
        var reused = await accounts.AsAsync(Actor.System, s => s.GetRequiredService<AccountService>().ResetPasswordAsync(user.Email, token, "nog een ander lang wachtwoord"));

        Assert.False(badToken.IsSuccess);
        Assert.Equal(badToken.Errors[0].Message, unknownAddress.Errors[0].Message);
        Assert.True(reset.IsSuccess, Accounts.Describe(reset.Errors));
        Assert.False(reused.IsSuccess);
        Assert.Equal("PasswordReset", Assert.Single(await accounts.AuditSinceAsync(last)).Action);
        var stored = await accounts.ReloadAsync(user.Id);
        Assert.Null(stored.LockoutEnd);
        Assert.True(stored.EmailConfirmed);
        Assert.True(await SignInAsync(accounts, user.Email!, "een nieuw lang wachtwoord") is { Succeeded: true });
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SignOutEverywhere_ChangesTheSecurityStamp_WithOneRecord(DatabaseProvider provider)
    {
        await using var accounts = await Accounts.CreateAsync(provider);
        var user = await accounts.UserAsync("lien@durmeland.be", Password);
        var stamp = (await accounts.ReloadAsync(user.Id)).SecurityStamp;
        var last = await accounts.LastAuditIdAsync();

        await accounts.AsAsync(Actor.System, async s =>
        {
            var a = s.GetRequiredService<AccountService>();
            return await a.SignOutEverywhereAsync((await a.FindAsync(user.Id))!);
        });

        Assert.NotEqual(stamp, (await accounts.ReloadAsync(user.Id)).SecurityStamp);
        Assert.Equal("SignedOutEverywhere", Assert.Single(await accounts.AuditSinceAsync(last)).Action);
        await using var db = accounts.Database.NewDb();
        Assert.True((await AuditTrail.VerifyAsync(db)).Intact);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FiveFailedSignIns_LockTheAccountForFifteenMinutes_EvenForTheRightPassword(DatabaseProvider provider)
    {
        await using var accounts = await Accounts.CreateAsync(provider);
        var user = await accounts.UserAsync("dirk@vlaanderen.be", Password, new RoleGrant(Role.CaseHandler));

        var results = new List<SignInResult>();
        for (var i = 1; i <= 5; i++)
        {
            results.Add(await SignInAsync(accounts, user.Email!, "fout wachtwoord " + i));
        }

        var before = DateTimeOffset.UtcNow;
        var rightPassword = await SignInAsync(accounts, user.Email!, Password);

        Assert.All(results.Take(4), r => Assert.Equal((false, false), (r.Succeeded, r.IsLockedOut)));
        Assert.True(results[4].IsLockedOut, "the fifth failure locks");
        Assert.True(rightPassword.IsLockedOut, "while locked, the right password does not help");
        var end = (await accounts.ReloadAsync(user.Id)).LockoutEnd!.Value;

        // Identity's lockout runs on the real clock, not the test's.
        Assert.InRange(end - before, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    private static (string Code, string? Field) Only(IReadOnlyList<DomainError> errors)
    {
        var error = Assert.Single(errors);
        return (error.Code, error.Field);
    }

    /// <summary>What the sign-in page does with a password: Identity's SignInManager, counting failures towards lockout.</summary>
    private static Task<SignInResult> SignInAsync(Accounts accounts, string email, string password) =>
        accounts.AsAsync(Actor.System, async s =>
        {
            var users = s.GetRequiredService<UserManager<RegiekamerUser>>();
            var user = await users.FindByEmailAsync(email);
            Assert.NotNull(user);
            return await s.GetRequiredService<SignInManager<RegiekamerUser>>().CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        });
}
