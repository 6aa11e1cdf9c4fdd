using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Catalogue;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Notifications;
using Regiekamer.Data.Tests.Notifications;
using Regiekamer.TestCommon;
using static Regiekamer.Data.Tests.Catalogue.CatalogueFixture;

namespace Regiekamer.Data.Tests.Catalogue;

/// <summary>A supplier updates its own entry through a mailed link: a pending copy, never public, that the regisseur publishes or rejects.</summary>
public sealed class SupplierInvitationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SupplierUpdate_WaitsAsPendingCopy_UntilTheRegisseurPublishesIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Reminders.Services(database);
        var p = await services.CreatePartnershipAsync();
        var actor = await ActorAsync(database, p.Id);
        var o = await CreateAsync(services, p.Id, actor.Id, Input(title: "Groenonderhoud"));

        InvitationSent sent;
        await using (var scope = services.CreateAsyncScope())
        {
            var invite = await scope.ServiceProvider.GetRequiredService<OfferingService>().InviteAsync(p.Id, o.Id, "Leverancier@GroeneHand.test ");
            Assert.True(invite.IsSuccess);
            sent = invite.Value!;
        }

        var mail = Assert.Single(await Reminders.StoredAsync(database, NotificationKind.CatalogueInvitation));
        Assert.Equal("Leverancier@GroeneHand.test", mail.Email);
        Assert.Null(mail.UserId);
        Assert.Equal(OfferingService.UpdateLink(sent.Token), mail.Link);
        await using (var db = database.NewDb())
        {
            var stored = await db.OfferingInvitations.SingleAsync();
            Assert.Equal(OfferingService.HashOf(sent.Token), stored.TokenHash);
            Assert.DoesNotContain(sent.Token, stored.TokenHash, StringComparison.Ordinal);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var offerings = scope.ServiceProvider.GetRequiredService<OfferingService>();
            var opened = await offerings.OpenInvitationAsync(sent.Token);
            Assert.Equal("Groenonderhoud", opened.Value!.Offering.Title);
            var submitted = await offerings.SubmitUpdateAsync(sent.Token, Input(title: "Groenonderhoud en snoeiwerk", consent: true));
            Assert.True(submitted.IsSuccess);

            // Used once: the link opens nothing any more, with the same answer as a token that never existed.
            Assert.Equal(OfferingService.InvitationClosed, (await offerings.OpenInvitationAsync(sent.Token)).Errors.Single());
            Assert.Equal(OfferingService.InvitationClosed, (await offerings.SubmitUpdateAsync(sent.Token, Input(title: "Nog eens"))).Errors.Single());
            Assert.Equal(OfferingService.InvitationClosed, (await offerings.OpenInvitationAsync("onbestaand-token")).Errors.Single());
        }

        // Nothing unpublished is public: the catalogue still shows the entry as it was.
        Assert.Equal("Groenonderhoud", (await SearchAsync(services, new CatalogueQuery())).Items.Single().Title);
        Assert.Empty(await IdsAsync(services, new CatalogueQuery(Text: "snoeiwerk")));

        await using (var scope = services.CreateAsyncScope())
        {
            var offerings = scope.ServiceProvider.GetRequiredService<OfferingService>();
            var comparison = await offerings.PendingAsync(p.Id, o.Id);
            Assert.Equal("Groenonderhoud", comparison!.Current.Title);
            Assert.Equal("Groenonderhoud en snoeiwerk", comparison.Proposed.Title);
            Assert.True(comparison.Proposed.ContactConsent);
            var row = await offerings.GetAsync(p.Id, o.Id);
            Assert.True(row!.HasPendingCopy);
            Assert.True((await offerings.PublishPendingAsync(p.Id, o.Id, row.Offering.Version)).IsSuccess);
            Assert.Null(await offerings.PendingAsync(p.Id, o.Id));
        }

        var entry = (await SearchAsync(services, new CatalogueQuery(Text: "snoeiwerk"))).Items.Single();
        Assert.Equal("Groenonderhoud en snoeiwerk", entry.Title);
        Assert.Equal("An Peeters", entry.ContactName);
        await using (var db = database.NewDb())
        {
            var actions = await db.AuditRecords.Where(a => a.EntityType == OfferingService.AuditEntity).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
            Assert.Equal(["Created", OfferingAuditActions.Published, OfferingAuditActions.Invited, OfferingAuditActions.PendingReceived, OfferingAuditActions.PendingPublished], actions);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RejectedUpdate_LeavesTheEntry_AndExpiredOrReplacedLinksOpenNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Reminders.Services(database);
        var p = await services.CreatePartnershipAsync();
        var actor = await ActorAsync(database, p.Id);
        var o = await CreateAsync(services, p.Id, actor.Id, Input(title: "Catering", categories: ["catering"]));

        await using (var scope = services.CreateAsyncScope())
        {
            var offerings = scope.ServiceProvider.GetRequiredService<OfferingService>();
            var first = (await offerings.InviteAsync(p.Id, o.Id, "a@b.test")).Value!;
            var second = (await offerings.InviteAsync(p.Id, o.Id, "a@b.test")).Value!;
            Assert.False((await offerings.OpenInvitationAsync(first.Token)).IsSuccess);
            Assert.True((await offerings.OpenInvitationAsync(second.Token)).IsSuccess);

            var invalid = await offerings.SubmitUpdateAsync(second.Token, Input(title: "", categories: []));
            Assert.Contains(invalid.Errors, e => e.Field == "title");
            Assert.True((await offerings.OpenInvitationAsync(second.Token)).IsSuccess);

            Assert.True((await offerings.SubmitUpdateAsync(second.Token, Input(title: "Catering en feestzalen", categories: ["catering"]))).IsSuccess);
            Assert.True((await offerings.RejectPendingAsync(p.Id, o.Id)).IsSuccess);
            Assert.Null(await offerings.PendingAsync(p.Id, o.Id));
            Assert.Equal("no-pending-copy", (await offerings.RejectPendingAsync(p.Id, o.Id)).Errors.Single().Code);

            var third = (await offerings.InviteAsync(p.Id, o.Id, "a@b.test")).Value!;
            database.Time.Advance(TimeSpan.FromDays(OfferingService.InvitationDays) - TimeSpan.FromMinutes(1));
            Assert.True((await offerings.OpenInvitationAsync(third.Token)).IsSuccess);
            database.Time.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(OfferingService.InvitationClosed, (await offerings.OpenInvitationAsync(third.Token)).Errors.Single());
            Assert.Equal(OfferingService.InvitationClosed, (await offerings.SubmitUpdateAsync(third.Token, Input(title: "Te laat", categories: ["catering"]))).Errors.Single());
            Assert.Equal(ErrorKind.Invalid, (await offerings.InviteAsync(p.Id, o.Id, "geen adres")).Errors.Single().Kind);
        }

        Assert.Equal("Catering", (await SearchAsync(services, new CatalogueQuery())).Items.Single().Title);
        await using var db = database.NewDb();
        Assert.Equal(0, await db.OfferingPendingCopies.CountAsync());
    }
}
