using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Data.Tests.Accounts;
using Regiekamer.TestCommon;

namespace Regiekamer.Data.Tests.Audit;

/// <summary>
/// Issue 7, point 10: a person can be exported and erased. Afterwards nothing stored or shown holds their personal
/// data, their records read "gewiste persoon", and the chain still verifies: also for records written before typed
/// events (the legacy fixture, where Lies Maes acted and was a partnership's contact).
/// </summary>
public sealed class PersonalDataTests
{
    private const string Email = "lies.maes@durmeland.be";

    /// <summary>Every personal value of hers the trail and the tables held, old and new.</summary>
    private static readonly string[] HerValues = [Email, "Lies Maes", "52 11 22 33", "52 99 88 77", "53 44 55 66", "Lies M."];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ErasedPerson_IsGoneEverywhere_RecordsSayErased_AndTheChainStillVerifies(DatabaseProvider provider)
    {
        await using var accounts = await Accounts.Accounts.CreateAsync(provider, seed: false);
        var database = accounts.Database;
        await LegacyTrail.LoadAsync(database);
        await accounts.AsAsync(Actor.System, async s =>
        {
            var seeder = new DatabaseSeeder(s.GetRequiredService<RegiekamerDb>(), database.Time);
            await seeder.SeedReferenceDataAsync();
            await seeder.SeedDemoAsync();
            return 0;
        });

        // Today she has an account, is Scheldeland's regisseur and its contact, acts, and has a token.
        var scheldeland = await ScheldelandAsync(database);
        var lies = await accounts.UserAsync(Email, "Een-lang-wachtwoord-2026", new RoleGrant(Role.Regisseur, scheldeland.Id));
        await accounts.AsAdministratorAsync(a => a.SetPasswordAsync(lies.Id, "Nog-een-lang-wachtwoord"));
        var asLies = new Actor(lies.Id, Email, "Regisseur:" + scheldeland.Id);
        var updated = await accounts.AsAsync(asLies, s => s.GetRequiredService<PartnershipService>().UpdateAsync(
            scheldeland.Id,
            new PartnershipInput(scheldeland.Name, scheldeland.Kind.Code(), scheldeland.Status.Code(), scheldeland.Members.Select(m => m.NisCode.Value).ToList(), scheldeland.ManagingNisCode?.Value, null, "Lies M.", Email, "+32 53 44 55 66"),
            scheldeland.Version));
        Assert.True(updated.IsSuccess, Accounts.Accounts.Describe(updated.Errors));
        var token = await accounts.AsAsync(asLies, s => s.GetRequiredService<ApiTokenService>().CreateAsync(lies.Id, "rapport"));
        Assert.True(token.IsSuccess);
        await AssertIntactAsync(database);
        Assert.True(await ContainsAsync(database, Email), "Before erasure her e-mail is readable somewhere (else this test proves nothing).");

        // The export holds her account, her contact, her values and the records by or about her, old and new.
        var export = await accounts.AsAdministratorAsync(_ => accounts.Services.CreateScope().ServiceProvider.GetRequiredService<PersonalDataService>().ExportAsync(new PersonQuery(Email)));
        Assert.True(export.IsSuccess, Accounts.Accounts.Describe(export.Errors));
        var e = export.Value!;
        Assert.Equal(Email, (string?)e.Account!["email"]);
        Assert.Equal(["rapport"], e.Account["apiTokens"]!.AsArray().Select(t => (string?)t!["name"]));
        Assert.Equal([scheldeland.Id], e.PartnershipContacts.Select(c => (int)c["partnershipId"]!));
        Assert.Contains(e.AuditRecords, r => (long)r["id"]! == 25 && (string?)r["actor"] == Email); // the legacy update she made
        Assert.Contains(e.AuditRecords, r => (string?)r["entityType"] == "Partnership" && (string?)r["entityId"] == "14" && (string?)r["action"] == "Deleted"); // legacy: her contact on a deleted partnership
        Assert.Contains(e.AuditRecords, r => (string?)r["entityType"] == "ApiToken" && (string?)r["action"] == "Created");
        Assert.Contains(e.PersonalValues, v => (string?)v["value"] == "+32 53 44 55 66");

        // Erased by an administrator.
        var erased = await accounts.AsAsync(Accounts.Accounts.Administrator, s => s.GetRequiredService<PersonalDataService>().EraseAsync(new PersonQuery(Email)));
        Assert.True(erased.IsSuccess, Accounts.Accounts.Describe(erased.Errors));
        Assert.Equal((1, 1), (erased.Value!.Accounts, erased.Value.Contacts));
        Assert.True(erased.Value.RedactedRecords >= 3, $"the legacy records by or about her are redacted ({erased.Value.RedactedRecords})");

        await AssertIntactAsync(database);
        foreach (var value in HerValues)
        {
            Assert.False(await ContainsAsync(database, value), $"'{value}' is still stored or shown somewhere after the erasure.");
        }

        await using var db = database.NewDb();
        Assert.Null(await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == lies.Id));
        Assert.Empty(await db.ApiTokens.AsNoTracking().Where(t => t.UserId == lies.Id).ToListAsync());
        var after = await db.Partnerships.AsNoTracking().SingleAsync(p => p.Id == scheldeland.Id);
        Assert.Equal((null, null, null), (after.RegisseurName, after.RegisseurEmail, after.RegisseurPhone));

        // Her records read "gewiste persoon": the legacy update she made and her edit of Scheldeland today.
        var views = await AuditReader.ResolveAsync(db, await db.AuditRecords.AsNoTracking().OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(AuditReader.ErasedPerson.Nl, views.Single(v => v.Record.Id == 25).ActorName);
        var edit = views.Single(v => v.Record.EntityType == "Partnership" && v.Record.EntityId == scheldeland.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) && v.Record.ActorUserId == lies.Id);
        Assert.Equal(AuditReader.ErasedPerson.Nl, edit.ActorName);
        Assert.Contains(edit.Changes, c => c.Field == "RegisseurPhone" && c.After == AuditReader.ErasedPerson.Nl);

        // A second export finds nothing; the erasure itself is one chained record that names nobody.
        var again = await accounts.AsAdministratorAsync(_ => accounts.Services.CreateScope().ServiceProvider.GetRequiredService<PersonalDataService>().ExportAsync(new PersonQuery(Email)));
        Assert.Equal(ErrorKind.NotFound, Assert.Single(again.Errors).Kind);
        var erasure = Assert.Single(views, v => v.Record.EntityType == PersonErasure.EntityType);
        Assert.DoesNotContain("lies", erasure.Record.After!, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RedactedLegacyRecord_EditedAfterwards_IsStillFound(DatabaseProvider provider)
    {
        await using var accounts = await Accounts.Accounts.CreateAsync(provider, seed: false);
        var database = accounts.Database;
        await LegacyTrail.LoadAsync(database);
        var erased = await accounts.AsAsync(Accounts.Accounts.Administrator, s => s.GetRequiredService<PersonalDataService>().EraseAsync(new PersonQuery(Email)));
        Assert.True(erased.IsSuccess, Accounts.Accounts.Describe(erased.Errors));
        await AssertIntactAsync(database);

        // Record 25 (her update) was redacted; the erasure committed to its new digest. Editing it now is seen.
        await using (var db = database.NewDb())
        {
            Assert.Equal(1, await db.AuditRecords.Where(a => a.Id == 25).ExecuteUpdateAsync(s => s.SetProperty(a => a.Action, "Deleted")));
        }

        await using var check = database.NewDb();
        var verification = await AuditTrail.VerifyAsync(check);
        Assert.Equal((25L, AuditBreakKind.Altered), (verification.FirstBreak!.RecordId, verification.FirstBreak.Kind));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UnknownPerson_IsNotFound_AndNothingChanges(DatabaseProvider provider)
    {
        await using var accounts = await Accounts.Accounts.CreateAsync(provider);
        var before = (await Audited.AllAsync(accounts.Database)).Count;
        var erased = await accounts.AsAsync(Accounts.Accounts.Administrator, s => s.GetRequiredService<PersonalDataService>().EraseAsync(new PersonQuery("niemand@example.org")));
        Assert.Equal(ErrorKind.NotFound, Assert.Single(erased.Errors).Kind);
        var empty = await accounts.AsAsync(Accounts.Accounts.Administrator, s => s.GetRequiredService<PersonalDataService>().EraseAsync(new PersonQuery(" ", null)));
        Assert.Equal(("validation", ErrorKind.Invalid), (Assert.Single(empty.Errors).Code, empty.Errors[0].Kind));
        Assert.Equal(before, (await Audited.AllAsync(accounts.Database)).Count);
    }

    /// <summary>Issue 8 with issue 7's point 10: a signatory's details on a dossier and on its submitted version are erased too, and the version's hash still holds.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ErasedSignatory_IsGoneFromTheDossierAndItsVersions_AndTheVersionsHashStillHolds(DatabaseProvider provider)
    {
        await using var accounts = await Accounts.Accounts.CreateAsync(provider);
        var dossier = await accounts.Database.Services.CreateApplicationAsync(a => a.Submitted());
        const string Olivier = "olivier.ondertekenaar@test.regiekamer";

        var export = await accounts.AsAsync(Accounts.Accounts.Administrator, s => s.GetRequiredService<PersonalDataService>().ExportAsync(new PersonQuery(Olivier)));
        Assert.True(export.IsSuccess, Accounts.Accounts.Describe(export.Errors));
        Assert.Equal([(string?)"signatory", null], export.Value!.DossierContacts.Select(c => (string?)c["role"]));
        Assert.Contains(Olivier, export.Value.DossierContacts[1].ToJsonString(), StringComparison.Ordinal);

        var erased = await accounts.AsAsync(Accounts.Accounts.Administrator, s => s.GetRequiredService<PersonalDataService>().EraseAsync(new PersonQuery(Olivier)));
        Assert.True(erased.IsSuccess, Accounts.Accounts.Describe(erased.Errors));
        Assert.Equal(2, erased.Value!.DossierContacts);
        await AssertIntactAsync(accounts.Database);

        await using var db = accounts.Database.NewDb();
        var stored = await db.Applications.AsNoTracking().IgnoreAutoIncludes().SingleAsync(a => a.Id == dossier.Id);
        Assert.Null(stored.SignatoryEmail);
        Assert.Null(stored.SignatoryName);
        Assert.Equal("Rita Regisseur", stored.RegisseurName);
        var version = await db.ApplicationVersions.AsNoTracking().SingleAsync(v => v.ApplicationId == dossier.Id);
        Assert.DoesNotContain(Olivier, version.Contacts, StringComparison.Ordinal);
        Assert.DoesNotContain("Olivier", version.Contacts, StringComparison.Ordinal);
        Assert.Equal(version.Sha256, ApplicationContent.Sha256Of(version.Content));
        Assert.False(await ContainsAsync(accounts.Database, Olivier));
    }

    private static async Task<Partnership> ScheldelandAsync(TestDatabase database)
    {
        await using var db = database.NewDb();
        return await db.Partnerships.AsNoTracking().SingleAsync(p => p.Name == DemoAccounts.ScheldelandName);
    }

    private static async Task AssertIntactAsync(TestDatabase database)
    {
        await using var db = database.NewDb();
        var verification = await AuditTrail.VerifyAsync(db);
        Assert.True(verification.Intact, verification.FirstBreak?.Reason);
    }

    /// <summary>Whether the text appears anywhere: audit records as stored and as shown, personal values, partnerships, users.</summary>
    private static async Task<bool> ContainsAsync(TestDatabase database, string text)
    {
        await using var db = database.NewDb();
        bool Has(string? s) => s?.Contains(text, StringComparison.OrdinalIgnoreCase) == true;
        var records = await db.AuditRecords.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        var views = await AuditReader.ResolveAsync(db, records);
        var partnerships = await db.Partnerships.AsNoTracking().ToListAsync();
        var users = await db.Users.AsNoTracking().ToListAsync();
        var values = await db.PersonalData.AsNoTracking().ToListAsync();
        return records.Any(r => Has(r.ActorName) || Has(r.Before) || Has(r.After))
            || views.Any(v => Has(v.ActorName) || Has(v.Before) || Has(v.After))
            || values.Any(v => Has(v.Value) || Has(v.Subject))
            || partnerships.Any(p => Has(p.RegisseurName) || Has(p.RegisseurEmail) || Has(p.RegisseurPhone))
            || users.Any(u => Has(u.Email) || Has(u.DisplayName) || Has(u.UserName))
            || JsonSerializer.Serialize(views.Select(v => v.Changes)).Contains(text, StringComparison.OrdinalIgnoreCase);
    }
}
