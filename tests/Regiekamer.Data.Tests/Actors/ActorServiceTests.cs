using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Actors;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;
using AuditActor = Regiekamer.Core.Accounts.Actor;

namespace Regiekamer.Data.Tests.Actors;

/// <summary>
/// Issue 10 point 1 on both databases: an actor is created with its parts, edited against the version read (a stale
/// version is a conflict and changes nothing), archived and restored (never deleted), every change audited; the
/// department's list of kinds grows; and a service call for an actor of another partnership finds nothing.
/// </summary>
public sealed class ActorServiceTests
{
    private static readonly AuditActor Regisseur = new(Guid.NewGuid(), "rita.regie@test.regiekamer", "Regisseur");

    private static T Ok<T>(Result<T> result)
    {
        Assert.True(result.IsSuccess, ApplicationBuilders.Describe(result.Errors));
        return result.Value!;
    }

    private static AsyncServiceScope Scope(TestDatabase database)
    {
        var scope = database.NewScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = Regisseur;
        return scope;
    }

    private static ActorInput Input(string name, string? kbo = "0207000077") =>
        new(name, kbo, "maatwerkbedrijf", "Kerkstraat", "1", "9240", "42028", "https://demo.example", "info@demo.example", "052 00 00 00",
            "Groenonderhoud en verpakking.", "Werk op maat voor wie het nodig heeft.", ["arbeidsbeperking", "langdurig-werkzoekenden"], ["42028", "42008"]);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Actor_CreatedEditedArchivedRestored_EveryStepAudited_StaleVersionConflicts(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var zele = await database.Services.CreatePartnershipAsync(p => p.Interlocal("Zele", "Zele", "Hamme").Named("Regie Zele-Hamme"));
        await using var scope = Scope(database);
        var actors = scope.ServiceProvider.GetRequiredService<ActorService>();

        var created = Ok(await actors.CreateAsync(zele.Id, Input("Demo Maatwerk Zele")));
        Assert.Equal(1, created.Version);
        var read = (await actors.GetAsync(zele.Id, created.Id))!;
        Assert.Equal(["arbeidsbeperking", "langdurig-werkzoekenden"], read.TargetGroups.Select(t => t.Code).Order(StringComparer.Ordinal));
        Assert.Equal(["42008", "42028"], read.ServedMunicipalities.Select(m => m.NisCode.Value).Order(StringComparer.Ordinal));
        Assert.Equal("42028", read.MunicipalityNisCode?.Value);

        var edited = Ok(await actors.UpdateAsync(zele.Id, created.Id, Input("Demo Maatwerk Zele-Hamme") with { TargetGroups = ["jongeren"], ServedMunicipalities = ["42028"] }, 1));
        Assert.Equal(2, edited.Version);

        // Someone who read version 1 saves after: 409, nothing changes.
        var stale = await actors.UpdateAsync(zele.Id, created.Id, Input("Te laat"), 1);
        Assert.Equal(("concurrency", ErrorKind.Conflict), (Assert.Single(stale.Errors).Code, stale.Errors[0].Kind));
        read = (await actors.GetAsync(zele.Id, created.Id))!;
        Assert.Equal("Demo Maatwerk Zele-Hamme", read.Name);
        Assert.Equal(["jongeren"], read.TargetGroups.Select(t => t.Code));
        Assert.Equal(["42028"], read.ServedMunicipalities.Select(m => m.NisCode.Value));

        var archived = Ok(await actors.ArchiveAsync(zele.Id, created.Id, 2));
        Assert.True(archived.IsArchived);
        Assert.Empty(await actors.ListAsync(zele.Id, new ActorFilter()));
        Assert.Single(await actors.ListAsync(zele.Id, new ActorFilter(IncludeArchived: true)));
        Assert.Equal("archived", Assert.Single((await actors.UpdateAsync(zele.Id, created.Id, Input("Nee"), 3)).Errors).Code);
        var restored = Ok(await actors.RestoreAsync(zele.Id, created.Id, 3));
        Assert.False(restored.IsArchived);

        await using var db = database.NewDb();
        Assert.Equal(1, await db.Actors.CountAsync());
        var trail = await db.AuditRecords.Where(r => r.EntityType == ActorService.AuditEntity && r.EntityId == created.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(r => r.Id).Select(r => r.Action).ToListAsync();
        Assert.Equal(["Created", "Updated", ActorAuditActions.Archived, ActorAuditActions.Restored], trail);
        Assert.True((await AuditTrail.VerifyAsync(db)).Intact);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Parts_RecognitionsContactsTiesLinks_AddedAndRemoved_Audited_ContactsAsPersonalData(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var zele = await database.Services.CreatePartnershipAsync(p => p.Interlocal("Zele", "Zele", "Hamme").Named("Regie Zele-Hamme"));
        await using var scope = Scope(database);
        var actors = scope.ServiceProvider.GetRequiredService<ActorService>();
        var a = Ok(await actors.CreateAsync(zele.Id, Input("Demo Kringloop")));
        var b = Ok(await actors.CreateAsync(zele.Id, Input("Demo LDE", kbo: null) with { KindCode = "lde" }));

        var v = Ok(await actors.AddRecognitionAsync(zele.Id, a.Id, new RecognitionInput("Maatwerkbedrijf", "Departement WSE", new DateOnly(2019, 1, 1), null), a.Version)).Version;
        v = Ok(await actors.AddContactAsync(zele.Id, a.Id, new ContactInput("Demo Persoon", "Coördinator", "demo.persoon@demo.example", null, true), v)).Version;
        v = Ok(await actors.AddTieAsync(zele.Id, a.Id, new TieInput("42028", "klantrelatie", "Groenonderhoud"), v)).Version;
        v = Ok(await actors.AddTieAsync(zele.Id, a.Id, new TieInput("42028", "bestuurszetel-institutioneel", null), v)).Version;

        // Rules at the service: a tie with a municipality outside the partnership, the same tie twice, a self-link.
        Assert.Equal("tieMunicipality", Assert.Single((await actors.AddTieAsync(zele.Id, a.Id, new TieInput("44021", "klantrelatie", null), v)).Errors).Field);
        Assert.Equal("duplicate-tie", Assert.Single((await actors.AddTieAsync(zele.Id, a.Id, new TieInput("42028", "klantrelatie", null), v)).Errors).Code);
        Assert.Equal("self-link", Assert.Single((await actors.AddLinkAsync(zele.Id, a.Id, new LinkInput(a.Id, "Niets", null), v)).Errors).Code);

        v = Ok(await actors.AddLinkAsync(zele.Id, a.Id, new LinkInput(b.Id, "Doorverwijzing van doelgroepwerknemers", new DateOnly(2022, 5, 1)), v)).Version;
        var duplicate = await actors.AddLinkAsync(zele.Id, b.Id, new LinkInput(a.Id, "Nogmaals", null), b.Version);
        Assert.Equal("duplicate-link", Assert.Single(duplicate.Errors).Code);

        // Shown on both actors.
        Assert.Equal(b.Id, Assert.Single(await actors.LinksAsync(a.Id)).OtherActorId);
        Assert.Equal(a.Id, Assert.Single(await actors.LinksAsync(b.Id)).OtherActorId);

        var full = (await actors.GetAsync(zele.Id, a.Id))!;
        Assert.Single(full.Recognitions);
        Assert.Single(full.Contacts);
        Assert.Equal(2, full.Ties.Count);
        v = Ok(await actors.RemoveContactAsync(zele.Id, a.Id, full.Contacts[0].Id, v)).Version;
        v = Ok(await actors.RemoveTieAsync(zele.Id, a.Id, full.Ties[0].Id, v)).Version;
        v = Ok(await actors.RemoveLinkAsync(zele.Id, a.Id, (await actors.LinksAsync(a.Id))[0].Link.Id, v)).Version;
        Assert.Empty(await actors.LinksAsync(b.Id));

        await using var db = database.NewDb();
        Assert.Equal(0, await db.ActorContacts.CountAsync());
        var key = a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var actions = await db.AuditRecords.Where(r => r.EntityType == ActorService.AuditEntity && r.EntityId == key).OrderBy(r => r.Id).Select(r => r.Action).ToListAsync();
        Assert.Equal(
            ["Created", ActorAuditActions.RecognitionAdded, ActorAuditActions.ContactAdded, ActorAuditActions.TieAdded, ActorAuditActions.TieAdded, ActorAuditActions.LinkAdded, ActorAuditActions.ContactRemoved, ActorAuditActions.TieRemoved, ActorAuditActions.LinkRemoved],
            actions);
        var bKey = b.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(2, await db.AuditRecords.CountAsync(r => r.EntityType == ActorService.AuditEntity && r.EntityId == bKey && (r.Action == ActorAuditActions.LinkAdded || r.Action == ActorAuditActions.LinkRemoved)));

        // The contact's name and e-mail are not in the hashed content: they are references to erasable rows.
        var contactRecord = await db.AuditRecords.SingleAsync(r => r.EntityId == key && r.Action == ActorAuditActions.ContactAdded);
        Assert.DoesNotContain("demo.persoon@demo.example", contactRecord.After!, StringComparison.Ordinal);
        Assert.DoesNotContain("Demo Persoon", contactRecord.After!, StringComparison.Ordinal);
        Assert.Contains(await db.PersonalData.ToListAsync(), d => d.Value == "demo.persoon@demo.example");
        Assert.True((await AuditTrail.VerifyAsync(db)).Intact);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OtherPartnership_ActorIsNotFound_AndNothingChanges(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var zele = await database.Services.CreatePartnershipAsync(p => p.Interlocal("Zele", "Zele", "Hamme").Named("Regie Zele-Hamme"));
        var gent = await database.Services.CreatePartnershipAsync(p => p.CentralCity("Gent").Named("Regie Gent"));
        await using var scope = Scope(database);
        var actors = scope.ServiceProvider.GetRequiredService<ActorService>();
        var theirs = Ok(await actors.CreateAsync(zele.Id, Input("Demo Zele")));
        var ours = Ok(await actors.CreateAsync(gent.Id, Input("Demo Gent") with { MunicipalityNisCode = "44021", ServedMunicipalities = ["44021"] }));

        Assert.Null(await actors.GetAsync(gent.Id, theirs.Id));
        Assert.Equal(ErrorKind.NotFound, Assert.Single((await actors.UpdateAsync(gent.Id, theirs.Id, Input("Gekaapt"), 1)).Errors).Kind);
        Assert.Equal(ErrorKind.NotFound, Assert.Single((await actors.ArchiveAsync(gent.Id, theirs.Id, 1)).Errors).Kind);
        Assert.Equal(ErrorKind.NotFound, Assert.Single((await actors.AddContactAsync(gent.Id, theirs.Id, new ContactInput("X", null, null, null, false), 1)).Errors).Kind);

        // A link reaches only actors of the same partnership.
        Assert.Equal("unknown-actor", Assert.Single((await actors.AddLinkAsync(gent.Id, ours.Id, new LinkInput(theirs.Id, "Samen", null), 1)).Errors).Code);
        Assert.Equal(["Demo Gent"], (await actors.ListAsync(gent.Id, new ActorFilter())).Select(i => i.Actor.Name));
        Assert.Equal(2, (await actors.ListAsync(null, new ActorFilter())).Count);
        Assert.Equal("Demo Zele", (await actors.GetAsync(zele.Id, theirs.Id))!.Name);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Kinds_BuiltInShipped_DepartmentAddsOne_DuplicateRefused_BadInputChangesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var zele = await database.Services.CreatePartnershipAsync(p => p.Interlocal("Zele", "Zele", "Hamme").Named("Regie Zele-Hamme"));
        await using var scope = Scope(database);
        var actors = scope.ServiceProvider.GetRequiredService<ActorService>();
        var kinds = await actors.KindsAsync();
        Assert.Equal(ActorKind.BuiltIn.Select(k => k.Code), kinds.Select(k => k.Code));
        Assert.All(kinds, k => Assert.True(k.IsBuiltIn));

        Ok(await actors.AddKindAsync("sociale-onderneming", "Sociale onderneming", "Social enterprise"));
        Assert.Equal("duplicate-kind", Assert.Single((await actors.AddKindAsync("sociale-onderneming", "Nog eens", "Again")).Errors).Code);
        Assert.Equal("code", (await actors.AddKindAsync("Met Spatie", "x", "y")).Errors[0].Field);
        var after = await actors.KindsAsync();
        Assert.Equal("sociale-onderneming", after[^1].Code);
        Assert.False(after[^1].IsBuiltIn);

        // The new kind can be used at once; an unknown one or a wrong KBO checksum is refused, naming the field.
        Ok(await actors.CreateAsync(zele.Id, Input("Demo SO") with { KindCode = "sociale-onderneming" }));
        var bad = await actors.CreateAsync(zele.Id, Input("Demo fout", kbo: "0207000078") with { KindCode = "bestaat-niet", ServedMunicipalities = ["99999"] });
        Assert.Contains(bad.Errors, e => e is { Code: ActorRules.KboRule, Field: "kboNumber", Kind: ErrorKind.RuleBroken });
        Assert.Contains(bad.Errors, e => e.Field == "kindCode");
        Assert.Contains(bad.Errors, e => e.Field == "servedMunicipalities");
        await using var db = database.NewDb();
        Assert.Equal(1, await db.Actors.CountAsync());
        Assert.Equal(1, await db.AuditRecords.CountAsync(r => r.EntityType == ActorService.KindAuditEntity));
    }
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DemoActors_ClearlyDemo_Audited_Once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true);
        await using (var scope = database.NewScope())
        {
            var seeder = scope.ServiceProvider.GetRequiredService<DatabaseSeeder>();
            Assert.Equal(3 * DemoActors.Partnerships, await seeder.SeedDemoActorsAsync());
            Assert.Equal(0, await seeder.SeedDemoActorsAsync());
        }

        await using var db = database.NewDb();
        var actors = await db.Actors.AsNoTracking().ToListAsync();
        Assert.Equal(3 * DemoActors.Partnerships, actors.Count);
        Assert.All(actors, a => Assert.True(a.IsDemo && a.Name.StartsWith("Demo ", StringComparison.Ordinal) && a.KboNumber is null && a.Ties.Count == 1, a.Name));
        Assert.Equal(DemoActors.Partnerships, await db.ActorLinks.CountAsync());
        Assert.Equal(actors.Count, await db.AuditRecords.CountAsync(r => r.EntityType == ActorService.AuditEntity && r.Action == "Created"));
        Assert.True((await AuditTrail.VerifyAsync(db)).Intact);
    }
}
