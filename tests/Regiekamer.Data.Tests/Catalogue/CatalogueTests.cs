using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Actors;
using Regiekamer.Core.Catalogue;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Notifications;
using Regiekamer.Data.Tests.Notifications;
using Regiekamer.TestCommon;
using static Regiekamer.Data.Tests.Catalogue.CatalogueFixture;

namespace Regiekamer.Data.Tests.Catalogue;

/// <summary>Issue 10 point 5: the social-procurement catalogue on both databases.</summary>
public sealed class CatalogueTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OnlyPublishedServices_OfActorsNotArchived_AreInThePublicCatalogue(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Reminders.Services(database);
        var p = await services.CreatePartnershipAsync();
        var actor = await ActorAsync(database, p.Id);
        var published = await CreateAsync(services, p.Id, actor.Id, Input(title: "Groenonderhoud"));
        var draft = await CreateAsync(services, p.Id, actor.Id, Input(title: "Nog in ontwerp"), publish: false);

        Assert.Equal([published.Id], await IdsAsync(services, new CatalogueQuery()));

        await using (var scope = services.CreateAsyncScope())
        {
            var offerings = scope.ServiceProvider.GetRequiredService<OfferingService>();
            var off = await offerings.UnpublishAsync(p.Id, published.Id, published.Version);
            Assert.True(off.IsSuccess);
            Assert.Equal(OfferingStatus.Draft, off.Value!.Status);
        }

        Assert.Empty(await IdsAsync(services, new CatalogueQuery()));
        await using (var db = database.NewDb())
        {
            Assert.Equal(2, await db.Offerings.CountAsync());
            var key = published.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var trail = await db.AuditRecords.Where(a => a.EntityType == OfferingService.AuditEntity && a.EntityId == key).Select(a => a.Action).ToListAsync();
            Assert.Equal(["Created", OfferingAuditActions.Published, OfferingAuditActions.Unpublished], trail);
            Assert.NotEqual(draft.Id, published.Id);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Filters_Combine_ArchivedActorsLeave_AndTheCountAndPagesCoverEveryMatch(DatabaseProvider provider)
    {
        // The search's filters are sets (one joined, the others IN lists) and the page is read in two steps (ADR 14,
        // addendum): every combination must still find exactly what matches, counted once, in supplier-title-id order.
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Reminders.Services(database);
        var p = await services.CreatePartnershipAsync();
        var anders = await ActorAsync(database, p.Id, "Anders Groen vzw", "maatwerkbedrijf");
        var bloei = await ActorAsync(database, p.Id, "Bloei cvba", "lde");
        var weg = await ActorAsync(database, p.Id, "Weg Archief vzw", "maatwerkbedrijf");
        var a1 = await CreateAsync(services, p.Id, anders.Id, Input(title: "Groenonderhoud parken", municipalities: [Antwerpen, Aartselaar]));
        var a2 = await CreateAsync(services, p.Id, anders.Id, Input(title: "Groenonderhoud scholen", municipalities: [Antwerpen], targetGroups: ["nieuwkomers", "arbeidshandicap"]));
        var b1 = await CreateAsync(services, p.Id, bloei.Id, Input(title: "Groene daken", municipalities: [], regions: ["REFREG01"]));
        var b2 = await CreateAsync(services, p.Id, bloei.Id, Input(title: "Drukwerk", categories: ["drukwerk-mailing", "groenonderhoud"], municipalities: [Antwerpen, Wetteren]));
        var gone = await CreateAsync(services, p.Id, weg.Id, Input(title: "Groenonderhoud archief", municipalities: [Antwerpen]));

        // Bloei's "Drukwerk" comes before its "Groene daken": by supplier, then title.
        Assert.Equal([a1.Id, a2.Id, b2.Id, b1.Id, gone.Id], await IdsAsync(services, new CatalogueQuery(Municipality: Antwerpen)));
        await using (var db = database.NewDb())
        {
            var archived = await db.Actors.SingleAsync(a => a.Id == weg.Id);
            archived.Archive(database.Time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }

        Assert.Equal([a1.Id, a2.Id, b2.Id, b1.Id], await IdsAsync(services, new CatalogueQuery(Municipality: Antwerpen)));
        Assert.Equal([a1.Id, b1.Id], await IdsAsync(services, new CatalogueQuery(Municipality: Aartselaar)));
        Assert.Equal([a1.Id, a2.Id, b2.Id, b1.Id], await IdsAsync(services, new CatalogueQuery(Region: "REFREG01", Category: "groenonderhoud")));
        Assert.Equal([a1.Id, b1.Id], await IdsAsync(services, new CatalogueQuery(Municipality: Aartselaar, Region: "REFREG01", Category: "groenonderhoud", Text: "groen")));
        Assert.Equal([b2.Id], await IdsAsync(services, new CatalogueQuery(Municipality: Wetteren, Category: "drukwerk-mailing", Cpv: "79")));
        Assert.Equal([a2.Id], await IdsAsync(services, new CatalogueQuery(Municipality: Antwerpen, TargetGroup: "nieuwkomers", Kind: "maatwerkbedrijf", Text: "scholen")));
        Assert.Empty(await IdsAsync(services, new CatalogueQuery(Cpv: "99")));
        Assert.Equal([a1.Id, a2.Id, b2.Id, b1.Id], await IdsAsync(services, new CatalogueQuery(Cpv: "77")));
        Assert.Equal([b2.Id], await IdsAsync(services, new CatalogueQuery(Cpv: "64110000-0")));

        // A service in two municipalities of the region is counted once; page 2 of 3 per page holds the rest.
        var first = await SearchAsync(services, new CatalogueQuery(Region: "REFREG01", PageSize: 3));
        var second = await SearchAsync(services, new CatalogueQuery(Region: "REFREG01", Page: 2, PageSize: 3));
        Assert.Equal((4, 4, 2), (first.Total, second.Total, first.Pages));
        Assert.Equal([a1.Id, a2.Id, b2.Id, b1.Id], first.Items.Concat(second.Items).Select(i => i.Id));
        Assert.Equal("Bloei cvba", second.Items.Single().Supplier);
        Assert.Equal([Antwerpen, Wetteren], first.Items[2].Municipalities.Select(m => m.Value));
        Assert.Equal(["drukwerk-mailing", "groenonderhoud"], first.Items[2].Categories);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ContactPerson_IsShownOnlyWithConsent_ElseTheActorsGeneralContact(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Reminders.Services(database);
        var p = await services.CreatePartnershipAsync();
        var actor = await ActorAsync(database, p.Id);
        var without = await CreateAsync(services, p.Id, actor.Id, Input(title: "A zonder toestemming", consent: false));
        var with = await CreateAsync(services, p.Id, actor.Id, Input(title: "B met toestemming", consent: true));

        var items = (await SearchAsync(services, new CatalogueQuery())).Items;
        var a = items.Single(i => i.Id == without.Id);
        Assert.Null(a.ContactName);
        Assert.Equal("info@groenehand.test", a.ContactEmail);
        Assert.Equal("03 123 45 67", a.ContactPhone);
        var b = items.Single(i => i.Id == with.Id);
        Assert.Equal("An Peeters", b.ContactName);
        Assert.Equal("an@groenehand.test", b.ContactEmail);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_ByMunicipality_Region_Category_Kind_TargetGroup_AndCpvPrefix(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Reminders.Services(database);
        var p = await services.CreatePartnershipAsync();
        var green = await ActorAsync(database, p.Id, "De Groene Hand vzw", "maatwerkbedrijf");
        var print = await ActorAsync(database, p.Id, "Drukkerij Sociaal", "lde");
        var inAntwerpen = await CreateAsync(services, p.Id, green.Id, Input(title: "Groenonderhoud", municipalities: [Antwerpen]));
        var inWetteren = await CreateAsync(services, p.Id, print.Id, Input(title: "Drukwerk", categories: ["drukwerk-mailing"], municipalities: [Wetteren], targetGroups: ["nieuwkomers"]));
        var wholeRegion = await CreateAsync(services, p.Id, green.Id, Input(title: "Fietsherstel", categories: ["fietsen"], municipalities: [], regions: ["REFREG01"], cpv: ["50000000-5"]));

        // By supplier, then title: the same supplier's "Fietsherstel" before its "Groenonderhoud".
        Assert.Equal([wholeRegion.Id, inAntwerpen.Id], await IdsAsync(services, new CatalogueQuery(Municipality: Antwerpen)));
        Assert.Equal([wholeRegion.Id], await IdsAsync(services, new CatalogueQuery(Municipality: Aartselaar)));
        Assert.Equal([wholeRegion.Id, inAntwerpen.Id], await IdsAsync(services, new CatalogueQuery(Region: "REFREG01")));
        Assert.Equal([inWetteren.Id], await IdsAsync(services, new CatalogueQuery(Region: "REFREG13")));
        Assert.Equal([inWetteren.Id], await IdsAsync(services, new CatalogueQuery(Category: "drukwerk-mailing")));
        Assert.Equal([inWetteren.Id], await IdsAsync(services, new CatalogueQuery(Kind: "lde")));
        Assert.Equal([inWetteren.Id], await IdsAsync(services, new CatalogueQuery(TargetGroup: "nieuwkomers")));

        // Green maintenance took its category's codes (77310000-6, 77311000-3, 77300000-3): the division 77 finds it, 79 does not.
        Assert.Equal([inAntwerpen.Id], await IdsAsync(services, new CatalogueQuery(Cpv: "77000000")));
        Assert.Equal([inAntwerpen.Id], await IdsAsync(services, new CatalogueQuery(Cpv: "77310000-6")));
        Assert.Equal([inWetteren.Id], await IdsAsync(services, new CatalogueQuery(Cpv: "79000000-4")));
        Assert.Equal([wholeRegion.Id], await IdsAsync(services, new CatalogueQuery(Cpv: "50")));
        var region = (await SearchAsync(services, new CatalogueQuery(Municipality: Aartselaar))).Items.Single();
        Assert.Equal(28, region.Municipalities.Count);

        await using var scope = services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<CatalogueSearch>();
        Assert.Equal("municipality", (await search.SearchAsync(new CatalogueQuery(Municipality: "Antwerpen"))).Errors.Single().Field);
        Assert.Equal("region", (await search.SearchAsync(new CatalogueQuery(Region: "REFREG99"))).Errors.Single().Field);
        Assert.Equal("cpv", (await search.SearchAsync(new CatalogueQuery(Cpv: "7'; --"))).Errors.Single().Field);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FullText_FindsWordsByPrefix_AndDutchStemsOnPostgreSql_AndNeverFailsOnOperators(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Reminders.Services(database);
        var p = await services.CreatePartnershipAsync();
        var actor = await ActorAsync(database, p.Id, "Sociale Drukkerij Midwest");
        var print = await CreateAsync(services, p.Id, actor.Id, Input(title: "Drukwerk en mailing", description: "Wij drukken folders en brochures en verzenden uw mailings.", categories: ["drukwerk-mailing"]));
        var green = await CreateAsync(services, p.Id, (await ActorAsync(database, p.Id, "Groen")).Id, Input(title: "Groenonderhoud", description: "Maaien en snoeien."));

        Assert.Equal([print.Id], await IdsAsync(services, new CatalogueQuery(Text: "drukwerk")));
        Assert.Equal([print.Id], await IdsAsync(services, new CatalogueQuery(Text: "druk")));
        Assert.Equal([print.Id], await IdsAsync(services, new CatalogueQuery(Text: "Folders mailing")));
        Assert.Equal([print.Id], await IdsAsync(services, new CatalogueQuery(Text: "midwest")));
        Assert.Equal([green.Id], await IdsAsync(services, new CatalogueQuery(Text: "snoeien")));
        Assert.Equal([print.Id], await IdsAsync(services, new CatalogueQuery(Text: "Drukkerijdiensten")));
        Assert.Empty(await IdsAsync(services, new CatalogueQuery(Text: "drukwerk snoeien")));
        if (provider == DatabaseProvider.PostgreSql)
        {
            // The Dutch snowball stemmer: "drukken" is stemmed to "druk", whose prefix also finds "drukwerk"; "brochure" finds "brochures".
            Assert.Equal([print.Id], await IdsAsync(services, new CatalogueQuery(Text: "drukken")));
            Assert.Equal([print.Id], await IdsAsync(services, new CatalogueQuery(Text: "brochure")));
        }

        foreach (var nasty in new[] { "\"drukwerk", "drukwerk\" OR \"", "'; DROP TABLE \"Offerings\"; --", "druk* NEAR(x y)", "a & b | !c", "(", ":*", "\\", "%_", "NOT", new string('x', 500) })
        {
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<CatalogueSearch>().SearchAsync(new CatalogueQuery(Text: nasty));
            Assert.True(result.IsSuccess, nasty);
        }

        // Quotes and SQL are not words; every word left is required ("or" and "1" are in no entry).
        Assert.Equal([print.Id], await IdsAsync(services, new CatalogueQuery(Text: "'drukwerk';--")));
        Assert.Empty(await IdsAsync(services, new CatalogueQuery(Text: "'drukwerk' OR 1=1")));
        await using (var db = database.NewDb())
        {
            Assert.Equal(2, await db.Offerings.CountAsync());
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheIndexInMemory_FollowsAnotherInstancesChange_WithinDataVersionFreshness(DatabaseProvider provider)
    {
        // The search counts and orders from an index built per version of the "catalogue" counter (CatalogueIndex).
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Reminders.Services(database);
        var p = await services.CreatePartnershipAsync();
        var actor = await ActorAsync(database, p.Id);
        long Counter(RegiekamerDb db, string name = DataVersion.Catalogue) => db.Set<DataVersion>().Where(v => v.Name == name).Select(v => v.Value).Single();
        long before, inputsBefore;
        await using (var db = database.NewDb())
        {
            (before, inputsBefore) = (Counter(db), Counter(db, DataVersion.DerivedInputs));
        }

        var a = await CreateAsync(services, p.Id, actor.Id, Input(title: "A groen"));
        var b = await CreateAsync(services, p.Id, actor.Id, Input(title: "B groen"));
        Assert.Equal([a.Id, b.Id], await IdsAsync(services, new CatalogueQuery(Municipality: Antwerpen)));
        await using (var db = database.NewDb())
        {
            Assert.True(Counter(db) > before); // each save of a service raised it, in its own transaction
            Assert.Equal(inputsBefore, Counter(db, DataVersion.DerivedInputs)); // and left the derived results' inputs alone

            // Another app instance takes A off: its save changes the row and raises the counter in one transaction.
            await using var tx = await db.Database.BeginTransactionAsync();
            Assert.Equal(1, await db.Offerings.Where(o => o.Id == a.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OfferingStatus.Draft)));
            Assert.Equal(1, await db.Set<DataVersion>().Where(v => v.Name == DataVersion.Catalogue).ExecuteUpdateAsync(s => s.SetProperty(v => v.Value, v => v.Value + 1)));
            await tx.CommitAsync();
        }

        await Task.Delay(DataVersion.Freshness + TimeSpan.FromMilliseconds(100));
        var page = await SearchAsync(services, new CatalogueQuery(Municipality: Antwerpen));
        Assert.Equal((1, b.Id), (page.Total, page.Items.Single().Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RenamingTheSupplier_ReindexesItsServices_InTheSameChange(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Reminders.Services(database);
        var p = await services.CreatePartnershipAsync();
        var actor = await ActorAsync(database, p.Id, "Oude Naam vzw");
        var o = await CreateAsync(services, p.Id, actor.Id, Input(title: "Drukwerk"));
        Assert.Equal([o.Id], await IdsAsync(services, new CatalogueQuery(Text: "oude")));

        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Regiekamer.Core.Accounts.CurrentActor>().Actor = new(Guid.NewGuid(), "rita.regie@test.regiekamer", "Regisseur");
            var renamed = await scope.ServiceProvider.GetRequiredService<ActorService>().UpdateAsync(p.Id, actor.Id, new ActorInput(
                "Zonnebloem Drukkerij vzw", null, "maatwerkbedrijf", null, null, null, null, null, "info@zonnebloem.test", null, null, null, [], []), actor.Version);
            Assert.True(renamed.IsSuccess, string.Join("; ", renamed.Errors.Select(e => e.Message.En)));
        }

        Assert.Empty(await IdsAsync(services, new CatalogueQuery(Text: "oude")));
        var found = (await SearchAsync(services, new CatalogueQuery(Text: "zonnebloem"))).Items.Single();
        Assert.Equal((o.Id, "Zonnebloem Drukkerij vzw"), (found.Id, found.Supplier));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FullText_FollowsChanges_AndDeletions(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Reminders.Services(database);
        var p = await services.CreatePartnershipAsync();
        var actor = await ActorAsync(database, p.Id);
        var o = await CreateAsync(services, p.Id, actor.Id, Input(title: "Fietsherstel", description: "Herstel van fietsen.", categories: ["fietsen"]));
        Assert.Equal([o.Id], await IdsAsync(services, new CatalogueQuery(Text: "fietsherstel")));

        await using (var scope = services.CreateAsyncScope())
        {
            var changed = await scope.ServiceProvider.GetRequiredService<OfferingService>().UpdateAsync(p.Id, o.Id, Input(title: "Catering", description: "Broodjes en soep.", categories: ["catering"]), o.Version);
            Assert.True(changed.IsSuccess);
        }

        Assert.Empty(await IdsAsync(services, new CatalogueQuery(Text: "fietsherstel")));
        Assert.Equal([o.Id], await IdsAsync(services, new CatalogueQuery(Text: "soep")));
        await using (var db = database.NewDb())
        {
            await db.Offerings.Where(x => x.Id == o.Id).ExecuteDeleteAsync();
        }

        Assert.Empty(await IdsAsync(services, new CatalogueQuery(Text: "soep")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Services_AreChecked_AndAnotherPartnershipsServiceIsNotFound(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Reminders.Services(database);
        var own = await services.CreatePartnershipAsync();
        var other = await services.CreatePartnershipAsync();
        var ownActor = await ActorAsync(database, own.Id);
        var otherActor = await ActorAsync(database, other.Id);
        var theirs = await CreateAsync(services, other.Id, otherActor.Id, Input());

        await using var scope = services.CreateAsyncScope();
        var offerings = scope.ServiceProvider.GetRequiredService<OfferingService>();
        Assert.Equal(ErrorKind.NotFound, (await offerings.UpdateAsync(own.Id, theirs.Id, Input(title: "Overgenomen"), theirs.Version)).Errors.Single().Kind);
        Assert.Equal(ErrorKind.NotFound, (await offerings.UnpublishAsync(own.Id, theirs.Id, theirs.Version)).Errors.Single().Kind);
        Assert.Equal(ErrorKind.NotFound, (await offerings.InviteAsync(own.Id, theirs.Id, "x@y.test")).Errors.Single().Kind);
        Assert.Null(await offerings.GetAsync(own.Id, theirs.Id));
        Assert.Equal("actorId", (await offerings.CreateAsync(own.Id, otherActor.Id, Input())).Errors.Single().Field);

        var bad = await offerings.CreateAsync(own.Id, ownActor.Id, Input(title: "", categories: ["onbekend"], cpv: ["77310000-5"], municipalities: ["99999"], regions: ["REFREG99"], targetGroups: ["x"], contactEmail: "geen-adres"));
        Assert.Equal(
            ["categories", "contactEmail", "cpvCodes", "municipalities", "regions", "targetGroups", "title"],
            bad.Errors.Select(e => e.Field!).Distinct().Order(StringComparer.Ordinal));

        var stale = await offerings.UpdateAsync(other.Id, theirs.Id, Input(title: "Eerste"), theirs.Version);
        Assert.True(stale.IsSuccess);
        Assert.Equal("concurrency", (await offerings.UpdateAsync(other.Id, theirs.Id, Input(title: "Tweede"), theirs.Version)).Errors.Single().Code);
        await using var db = database.NewDb();
        Assert.Equal("Eerste", (await db.Offerings.SingleAsync(o => o.Id == theirs.Id)).Title);
        Assert.Equal(1, await db.Offerings.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StaleServices_AreReportedOnceAfter12Months_AndHiddenAfter18(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Reminders.Services(database);
        database.Time.At(new DateOnly(2026, 1, 15));
        var p = await services.CreatePartnershipAsync();
        await services.CreateUserAsync(u => u.Regisseur(p.Id));
        var actor = await ActorAsync(database, p.Id);
        var o = await CreateAsync(services, p.Id, actor.Id, Input());

        database.Time.At(new DateOnly(2027, 1, 14));
        Assert.Equal(0, (await Reminders.RunAsync(services)).CatalogueReminders);
        database.Time.At(new DateOnly(2027, 1, 15));
        Assert.Equal(1, (await Reminders.RunAsync(services)).CatalogueReminders);
        Assert.Equal(0, (await Reminders.RunAsync(services)).CatalogueReminders);
        var stale = Assert.Single(await Reminders.StoredAsync(database, NotificationKind.CatalogueStale));
        Assert.Equal("/Catalogue/Manage/" + p.Id, stale.Link);
        Assert.Equal([o.Id], await IdsAsync(services, new CatalogueQuery()));

        database.Time.At(new DateOnly(2027, 7, 14));
        Assert.Equal([o.Id], await IdsAsync(services, new CatalogueQuery()));
        database.Time.At(new DateOnly(2027, 7, 15));
        Assert.Empty(await IdsAsync(services, new CatalogueQuery()));

        await using (var scope = services.CreateAsyncScope())
        {
            var offerings = scope.ServiceProvider.GetRequiredService<OfferingService>();
            var row = await offerings.GetAsync(p.Id, o.Id);
            Assert.Equal(Freshness.Hidden, row!.Freshness);
            Assert.True((await offerings.ConfirmAsync(p.Id, o.Id, row.Offering.Version)).IsSuccess);
        }

        Assert.Equal([o.Id], await IdsAsync(services, new CatalogueQuery()));
    }
}
