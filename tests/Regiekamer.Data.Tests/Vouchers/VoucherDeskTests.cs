using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Actors;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Vouchers;
using Regiekamer.TestCommon;
using Actor = Regiekamer.Core.Accounts.Actor;
using SocialEconomyActor = Regiekamer.Core.Actors.Actor;

namespace Regiekamer.Data.Tests.Vouchers;

/// <summary>
/// Issue 10.6, the desk's side on both databases: a draft scheme changes and an open one closes only with the version
/// read and within its own partnership; the desk finds nothing of another partnership; the dashboard adds up to the cent.
/// </summary>
public sealed class VoucherDeskTests
{
    private static readonly DateOnly From = new(2023, 1, 1);
    private static readonly DateOnly Until = new(2023, 12, 31);

    private static VoucherSchemeInput Scheme(int[] providers, string budget = "1000,00") =>
        new("Kennismakingscheque Haspengouw", "fixed", "500,00", null, 6, From, Until, budget, 30, providers);

    private static T Ok<T>(Result<T> result)
    {
        Assert.True(result.IsSuccess, ApplicationBuilders.Describe(result.Errors));
        return result.Value!;
    }

    private static string Kbo(int body) => $"0{body:D7}{97 - (body % 97):D2}";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ASchemeChangesWhileDraft_ClosesWhenOpen_WithItsVersion_AndOnlyInItsOwnPartnership(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var own = (await database.Services.CreatePartnershipAsync(b => b.Interlocal("Tongeren", "Tongeren", "Bilzen").Named("Haspengouw"))).Id;
        var other = (await database.Services.CreatePartnershipAsync(b => b.CentralCity("Gent").Named("Gent"))).Id;
        int provider1, provider2, otherActor;
        await using (var db = database.NewDb())
        {
            var now = new DateTime(2023, 1, 2, 9, 0, 0, DateTimeKind.Utc);
            var a = SocialEconomyActor.Create(own, "Maatwerkbedrijf Demo", null, "maatwerkbedrijf", now);
            var b = SocialEconomyActor.Create(own, "Kringloop Demo", null, "kringloopcentrum", now);
            var c = SocialEconomyActor.Create(other, "LDE Gent Demo", null, "lde", now);
            db.Actors.AddRange(a, b, c);
            await db.SaveChangesAsync();
            (provider1, provider2, otherActor) = (a.Id, b.Id, c.Id);
        }

        database.Time.SetUtcNow(new DateTimeOffset(2023, 2, 1, 9, 0, 0, TimeSpan.Zero));
        await using var scope = database.NewScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = new Actor(Guid.NewGuid(), "regisseur@haspengouw.test", "Regisseur");
        var vouchers = scope.ServiceProvider.GetRequiredService<VoucherService>();
        var desk = scope.ServiceProvider.GetRequiredService<VoucherDeskService>();

        var draft = Ok(await vouchers.CreateSchemeAsync(own, Scheme([provider1])));

        // Another partnership's route, a stale version, another partnership's actor, bad terms: refused, nothing changes.
        Assert.Equal(ErrorKind.NotFound, (await vouchers.ChangeSchemeAsync(other, draft.Id, Scheme([provider1, provider2]), draft.Version)).Errors[0].Kind);
        Assert.Equal("concurrency", (await vouchers.ChangeSchemeAsync(own, draft.Id, Scheme([provider1, provider2]), draft.Version + 1)).Errors[0].Code);
        Assert.Equal(VoucherRules.Provider, (await vouchers.ChangeSchemeAsync(own, draft.Id, Scheme([otherActor]), draft.Version)).Errors[0].Code);
        Assert.Equal(VoucherRules.Terms, (await vouchers.ChangeSchemeAsync(own, draft.Id, Scheme([provider1]) with { UseWithinMonths = 37 }, draft.Version)).Errors[0].Code);
        await using (var check = database.NewDb())
        {
            var stored = await check.VoucherSchemes.AsNoTracking().SingleAsync();
            Assert.Equal((draft.Version, Money.FromEuros(1000), 1), (stored.Version, stored.Budget, stored.Providers.Count));
        }

        var changed = Ok(await vouchers.ChangeSchemeAsync(own, draft.Id, Scheme([provider1, provider2], budget: "1250,50"), draft.Version));
        Assert.Equal((new Money(125_050), draft.Version + 1), (changed.Budget, changed.Version));
        Assert.Equal([provider1, provider2], changed.Providers.Select(p => p.ActorId).Order());

        // Closing a draft is a conflict; once open, its terms are fixed; then it closes once, dated today.
        Assert.Equal("scheme-not-open", (await vouchers.CloseSchemeAsync(own, draft.Id, changed.Version)).Errors[0].Code);
        var open = Ok(await vouchers.OpenSchemeAsync(draft.Id, changed.Version));
        Assert.Equal("scheme-not-draft", (await vouchers.ChangeSchemeAsync(own, draft.Id, Scheme([provider1]), open.Version)).Errors[0].Code);

        // Two vouchers: one approved (reserved), one paid out below the value; the dashboard adds up to the cent.
        var first = Ok(await vouchers.ApplyAsync(open.Id, new VoucherApplicationInput(Kbo(5_000_001), "Bakkerij A", "Markt 1, 3700 Tongeren", "An Peeters", "an@a.test", null, provider1, "Groenonderhoud", true), "192.0.2.1"));
        var firstConfirmed = Ok(await vouchers.ConfirmAsync(first.ConfirmationToken));
        Ok(await vouchers.DecideAsync(firstConfirmed.Id, new VoucherDecisionInput(true, null, firstConfirmed.Version)));
        var second = Ok(await vouchers.ApplyAsync(open.Id, new VoucherApplicationInput(Kbo(5_000_002), "Bakkerij B", "Markt 2, 3700 Tongeren", "Jan Peeters", "jan@b.test", null, provider2, "Catering", true), "192.0.2.2"));
        var secondConfirmed = Ok(await vouchers.ConfirmAsync(second.ConfirmationToken));
        var decision = Ok(await vouchers.DecideAsync(secondConfirmed.Id, new VoucherDecisionInput(true, null, secondConfirmed.Version)));
        Ok(await vouchers.DeliverAsync(decision.ProviderToken));
        var invoiced = Ok(await vouchers.InvoiceAsync(decision.CompanyToken, new VoucherInvoiceInput("F-1", new DateOnly(2023, 2, 1), "333,33", null), new UploadedFile("f.pdf", System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\nB\n%%EOF")), null));
        Ok(await vouchers.PayAsync(invoiced.Id, new VoucherPaymentInput(new DateOnly(2023, 2, 1), "BET-1", invoiced.Version)));

        var view = Assert.Single(await desk.SchemesAsync(own));
        Assert.Equal(("Haspengouw", 2, 1), (view.PartnershipName, view.Budget.Approved, view.Budget.PaidCount));
        Assert.Equal((new Money(50_000), new Money(33_333), new Money(41_717)), (view.Budget.Reserved, view.Budget.Paid, view.Budget.Left));
        Assert.Equal(view.Budget.Budget, view.Budget.Reserved + view.Budget.Paid + view.Budget.Left);
        Assert.Equal(["Kringloop Demo", "Maatwerkbedrijf Demo"], view.Providers.Select(p => p.Name));
        Assert.Empty(await desk.SchemesAsync(other));
        Assert.Single(await desk.SchemesAsync(null));

        // The desk finds nothing of this partnership through another's.
        Assert.Null(await desk.SchemeAsync(other, open.Id));
        Assert.Empty(await desk.VouchersAsync(other, open.Id, null));
        Assert.Null(await desk.VoucherAsync(other, open.Id, invoiced.Id));
        Assert.Equal(2, (await desk.VouchersAsync(own, open.Id, null)).Count);
        Assert.Equal("Bakkerij B", Assert.Single(await desk.VouchersAsync(own, open.Id, VoucherStatus.Paid)).Voucher.CompanyName);
        Assert.Equal(VoucherFileKind.Invoice, Assert.Single(await desk.FilesAsync(invoiced.Id)).Kind);
        Assert.Equal(["LDE Gent Demo"], (await desk.ProviderChoicesAsync(other)).Select(p => p.Name));

        var current = await desk.SchemeAsync(own, open.Id);
        Assert.Equal(ErrorKind.NotFound, (await vouchers.CloseSchemeAsync(other, open.Id, current!.Scheme.Version)).Errors[0].Kind);
        Assert.Equal("concurrency", (await vouchers.CloseSchemeAsync(own, open.Id, current.Scheme.Version - 1)).Errors[0].Code);
        var closed = Ok(await vouchers.CloseSchemeAsync(own, open.Id, current.Scheme.Version));
        Assert.Equal((VoucherSchemeStatus.Closed, new DateOnly(2023, 2, 1)), (closed.Status, closed.ClosedOn));
        Assert.Equal("scheme-not-open", (await vouchers.CloseSchemeAsync(own, open.Id, closed.Version)).Errors[0].Code);

        await using var trail = database.NewDb();
        var actions = await trail.AuditRecords.Where(r => r.EntityType == VoucherService.SchemeAuditEntity).OrderBy(r => r.Id).Select(r => r.Action).ToListAsync();
        Assert.Equal([AuditActions.Created, AuditActions.Updated, VoucherAuditActions.Opened, VoucherAuditActions.Closed], actions);
        Assert.True((await AuditTrail.VerifyAsync(trail)).Intact);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheDemoScheme_IsADraftOverTheDemoActors_MarkedDemo_Audited_Once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true);
        await using (var scope = database.NewScope())
        {
            var seeder = scope.ServiceProvider.GetRequiredService<DatabaseSeeder>();
            Assert.Equal(0, await seeder.SeedDemoVouchersAsync()); // no demo actors yet: nothing to offer
            await seeder.SeedDemoActorsAsync();
            Assert.Equal(1, await seeder.SeedDemoVouchersAsync());
            Assert.Equal(0, await seeder.SeedDemoVouchersAsync());
        }

        await using var db = database.NewDb();
        var scheme = await db.VoucherSchemes.AsNoTracking().SingleAsync();
        Assert.True(scheme.IsDemo);
        Assert.Equal(VoucherSchemeStatus.Draft, scheme.Status);
        Assert.StartsWith("Demo ", scheme.Name, StringComparison.Ordinal);
        var providers = scheme.Providers.Select(p => p.ActorId).ToList();
        Assert.Equal(3, providers.Count);
        Assert.True(await db.Actors.Where(a => providers.Contains(a.Id)).AllAsync(a => a.IsDemo && a.PartnershipId == scheme.PartnershipId));
        Assert.Empty(scheme.Terms.Check());
        Assert.Equal(1, await db.AuditRecords.CountAsync(r => r.EntityType == VoucherService.SchemeAuditEntity));
    }
}
