using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Actors;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Vouchers;
using Regiekamer.Data.Tests.Notifications;
using Regiekamer.TestCommon;
using Actor = Regiekamer.Core.Accounts.Actor;
using SocialEconomyActor = Regiekamer.Core.Actors.Actor;

namespace Regiekamer.Data.Tests.Vouchers;

/// <summary>
/// Issue 10, point 6 on both databases: the lapse in the hourly reminder run (KC7), the reproducible control draw of
/// paid vouchers with each drawn voucher's outcome, the reclaim after a failed control and its repayment (KC9), and the
/// expiry of applicants' personal data after the scheme closes (docs/privacy.md).
/// </summary>
public sealed class VoucherControlTests
{
    private sealed record Setup(TestDatabase Database, ServiceProvider Services, int Partnership, int Provider, Actor Regisseur) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Services.DisposeAsync();
            await Database.DisposeAsync();
        }
    }

    private static async Task<Setup> SetUpAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var services = Reminders.Services(database);
        var p = await services.CreatePartnershipAsync(b => b.Interlocal("Tongeren", "Tongeren", "Bilzen", "Hoeselt", "Riemst", "Voeren").Named("Haspengouw"));
        await using var db = database.NewDb();
        var now = new DateTime(2023, 1, 2, 9, 0, 0, DateTimeKind.Utc);
        var kringloop = SocialEconomyActor.Create(p.Id, "Kringloop Demo", null, "kringloopcentrum", now);
        db.Actors.Add(kringloop);
        await db.SaveChangesAsync();
        database.Time.SetUtcNow(new DateTimeOffset(2023, 2, 1, 9, 0, 0, TimeSpan.Zero));
        return new(database, services, p.Id, kringloop.Id, new Actor(Guid.NewGuid(), "regisseur@haspengouw.test", "Regisseur"));
    }

    private static AsyncServiceScope Scope(Setup s)
    {
        var scope = s.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = s.Regisseur;
        return scope;
    }

    private static T Ok<T>(Result<T> result)
    {
        Assert.True(result.IsSuccess, ApplicationBuilders.Describe(result.Errors));
        return result.Value!;
    }

    private static string Kbo(int body) => $"0{body:D7}{97 - (body % 97):D2}";

    private static UploadedFile Pdf(string text) => new("factuur.pdf", System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n" + text + "\n%%EOF"));

    private static async Task<VoucherScheme> OpenSchemeAsync(Setup s, string budget = "5000,00")
    {
        await using var scope = Scope(s);
        var vouchers = scope.ServiceProvider.GetRequiredService<VoucherService>();
        var scheme = Ok(await vouchers.CreateSchemeAsync(s.Partnership, new("Kennismakingscheque Haspengouw", "fixed", "500,00", null, 6, new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31), budget, 30, [s.Provider])));
        return Ok(await vouchers.OpenSchemeAsync(scheme.Id, scheme.Version));
    }

    /// <summary>Applied, confirmed and approved on the clock's day; the provider's token returned with it.</summary>
    private static async Task<(Voucher Voucher, string CompanyToken, string ProviderToken)> ApprovedAsync(Setup s, int schemeId, int i)
    {
        await using var scope = Scope(s);
        var vouchers = scope.ServiceProvider.GetRequiredService<VoucherService>();
        var input = new VoucherApplicationInput(Kbo(5_000_000 + i), $"Bakkerij {i}", $"Markt {i}, 3700 Tongeren", $"Contact {i}", $"contact{i}@bedrijf{i}.test", $"011 00 00 {i:D2}", s.Provider, "Groenonderhoud", DeclaredNotRelated: true);
        var applied = Ok(await vouchers.ApplyAsync(schemeId, input, $"198.51.100.{i}"));
        var confirmed = Ok(await vouchers.ConfirmAsync(applied.ConfirmationToken));
        var decision = Ok(await vouchers.DecideAsync(confirmed.Id, new VoucherDecisionInput(true, null, confirmed.Version)));
        return (decision.Voucher, decision.CompanyToken!, decision.ProviderToken!);
    }

    private static async Task<Voucher> PaidAsync(Setup s, int schemeId, int i)
    {
        var (voucher, company, providerToken) = await ApprovedAsync(s, schemeId, i);
        await using var scope = Scope(s);
        var vouchers = scope.ServiceProvider.GetRequiredService<VoucherService>();
        Ok(await vouchers.DeliverAsync(providerToken));
        var invoiced = Ok(await vouchers.InvoiceAsync(company, new VoucherInvoiceInput($"F-{i}", DateOnly.FromDateTime(s.Database.Time.GetUtcNow().UtcDateTime), "600,00", null), Pdf($"factuur {i}"), null));
        return Ok(await vouchers.PayAsync(invoiced.Id, new VoucherPaymentInput(invoiced.InvoiceDate, $"BET-{i}", invoiced.Version)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheReminderRun_LapsesUnusedVouchers_Once_EvenWithTwoInstancesAtOnce(DatabaseProvider provider)
    {
        await using var s = await SetUpAsync(provider);
        var scheme = await OpenSchemeAsync(s, budget: "1500,00");
        await ApprovedAsync(s, scheme.Id, 1);
        await ApprovedAsync(s, scheme.Id, 2);
        var used = await PaidAsync(s, scheme.Id, 3);

        // Approved on 1/2/2023 with 6 months: usable up to 1/8/2023; the run on that day lapses nothing.
        s.Database.Time.SetUtcNow(new DateTimeOffset(2023, 8, 1, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, (await Reminders.RunAsync(s.Services)).VouchersLapsed);

        // The day after, two instances run at the same moment: the two unused vouchers lapse once, the paid one stays.
        s.Database.Time.SetUtcNow(new DateTimeOffset(2023, 8, 2, 12, 0, 0, TimeSpan.Zero));
        var runs = await Task.WhenAll(Reminders.RunAsync(s.Services), Reminders.RunAsync(s.Services));
        Assert.Equal(2, runs.Sum(r => r.VouchersLapsed));
        Assert.Equal(0, (await Reminders.RunAsync(s.Services)).VouchersLapsed);
        await using var check = s.Database.NewDb();
        Assert.Equal(2, await check.Vouchers.CountAsync(v => v.Status == VoucherStatus.Lapsed));
        Assert.Equal(VoucherStatus.Paid, (await check.Vouchers.SingleAsync(v => v.Id == used.Id)).Status);
        Assert.Equal(2, await check.AuditRecords.CountAsync(r => r.EntityType == VoucherService.VoucherAuditEntity && r.Action == VoucherAuditActions.Lapsed));
        await using var scope = Scope(s);
        var budget = Ok(await scope.ServiceProvider.GetRequiredService<VoucherService>().BudgetAsync(scheme.Id));
        Assert.Equal((2, Money.FromEuros(1000), Money.Zero, Money.FromEuros(500), Money.FromEuros(1000)), (budget.Lapsed, budget.LapsedValue, budget.Reserved, budget.Paid, budget.Left));
        Assert.True((await AuditTrail.VerifyAsync(check)).Intact);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AControlDraw_IsReproducibleFromItsSeed_AFailedControlReclaims_AndTheBudgetStillAddsUp(DatabaseProvider provider)
    {
        await using var s = await SetUpAsync(provider);
        var scheme = await OpenSchemeAsync(s);
        var paid = new List<Voucher>();
        for (var i = 1; i <= 6; i++)
        {
            paid.Add(await PaidAsync(s, scheme.Id, i));
        }

        await ApprovedAsync(s, scheme.Id, 7);
        var other = await s.Services.CreatePartnershipAsync(b => b.CentralCity("Gent").Named("Regie Gent"));
        await using var scope = Scope(s);
        var controls = scope.ServiceProvider.GetRequiredService<VoucherControlService>();

        // Bad input or another partnership's scheme: an error, nothing drawn.
        Assert.Equal("size", Assert.Single((await controls.DrawAsync(s.Partnership, scheme.Id, new VoucherDrawInput(7, null))).Errors).Field);
        Assert.Equal("size", Assert.Single((await controls.DrawAsync(s.Partnership, scheme.Id, new VoucherDrawInput(2, 50))).Errors).Field);
        Assert.Equal(ErrorKind.NotFound, (await controls.DrawAsync(other.Id, scheme.Id, new VoucherDrawInput(2, null))).Errors[0].Kind);
        await using (var check = s.Database.NewDb())
        {
            Assert.Equal(0, await check.VoucherControlDraws.CountAsync());
        }

        // The default share (10 % of 6, rounded up: 1), then 2 of the 5 left: never a voucher twice.
        var first = Ok(await controls.DrawAsync(s.Partnership, scheme.Id, new VoucherDrawInput(null, null)));
        Assert.Equal((1, 6), (first.Controls.Count, first.PopulationIds.Count));
        var second = Ok(await controls.DrawAsync(s.Partnership, scheme.Id, new VoucherDrawInput(2, null)));
        Assert.Equal(5, second.PopulationIds.Count);
        Assert.Empty(second.Controls.Select(c => c.VoucherId).Intersect(first.Controls.Select(c => c.VoucherId)));
        Assert.Equal(32, second.Seed.Length);
        Assert.NotEqual(first.Seed, second.Seed);

        // Anyone can redo the draw from what is stored: the same vouchers.
        var stored = await controls.DrawsAsync(s.Partnership, scheme.Id);
        Assert.Equal([second.Id, first.Id], stored.Select(d => d.Id));
        Assert.All(stored, d => Assert.True(d.Reproduces()));
        Assert.Equal(stored[0].Controls.Select(c => c.VoucherId).Order(), ControlSample.Draw(paid.Select(v => v.Id).Except(first.Controls.Select(c => c.VoucherId)), 2, stored[0].Seed));
        Assert.Empty(await controls.DrawsAsync(other.Id, scheme.Id));

        // One control passes; the other fails: no reason, more than the payout, or a stale version change nothing.
        var pass = second.Controls[0];
        var fail = second.Controls[1];
        Assert.Equal(VoucherControlOutcome.Passed, Ok(await controls.DecideAsync(s.Partnership, scheme.Id, pass.Id, new VoucherControlInput(true, null, null, pass.Version))).Outcome);
        Assert.Equal(ErrorKind.Conflict, (await controls.DecideAsync(s.Partnership, scheme.Id, pass.Id, new VoucherControlInput(false, "x", null, pass.Version + 1))).Errors[0].Kind);
        Assert.Equal("reason", Assert.Single((await controls.DecideAsync(s.Partnership, scheme.Id, fail.Id, new VoucherControlInput(false, " ", null, fail.Version))).Errors).Field);
        var tooMuch = await controls.DecideAsync(s.Partnership, scheme.Id, fail.Id, new VoucherControlInput(false, "Geen levering", "500,01", fail.Version));
        Assert.Equal((VoucherRules.Control, "reclaimAmount"), (Assert.Single(tooMuch.Errors).Code, tooMuch.Errors[0].Field));
        Assert.Equal(ErrorKind.NotFound, (await controls.DecideAsync(other.Id, scheme.Id, fail.Id, new VoucherControlInput(false, "Geen levering", null, fail.Version))).Errors[0].Kind);
        Assert.Equal(ErrorKind.Conflict, (await controls.DecideAsync(s.Partnership, scheme.Id, fail.Id, new VoucherControlInput(false, "Geen levering", null, fail.Version - 1))).Errors[0].Kind);
        await using (var check = s.Database.NewDb())
        {
            Assert.Equal(0, await check.Vouchers.CountAsync(v => v.Status == VoucherStatus.Reclaimed));
        }

        Assert.Equal(VoucherControlOutcome.Failed, Ok(await controls.DecideAsync(s.Partnership, scheme.Id, fail.Id, new VoucherControlInput(false, "De dienst werd niet geleverd", "300,00", fail.Version))).Outcome);
        await using (var check = s.Database.NewDb())
        {
            var reclaimed = await check.Vouchers.SingleAsync(v => v.Id == fail.VoucherId);
            Assert.Equal((VoucherStatus.Reclaimed, Money.FromEuros(300), Money.FromEuros(500), new DateOnly(2023, 2, 1)), (reclaimed.Status, reclaimed.ReclaimAmount!.Value, reclaimed.Amount, reclaimed.ReclaimedOn));
        }

        // The payout still counts as paid (ADR 0015, addendum): the dashboard adds up to the cent; the reclaim is beside it.
        var vouchers = scope.ServiceProvider.GetRequiredService<VoucherService>();
        var budget = Ok(await vouchers.BudgetAsync(scheme.Id));
        Assert.Equal((7, 6, Money.FromEuros(3000), Money.FromEuros(500), Money.FromEuros(1500)), (budget.Approved, budget.PaidCount, budget.Paid, budget.Reserved, budget.Left));
        Assert.Equal(budget.Budget, budget.Left + budget.Reserved + budget.Paid);
        Assert.Equal(new VoucherReclaims(1, Money.FromEuros(300), Money.Zero), await controls.ReclaimsAsync(scheme.Id));

        // The repayment: a date before the reclaim or no reference is refused; then booked once.
        s.Database.Time.SetUtcNow(new DateTimeOffset(2023, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var voucher = await GetAsync(s, fail.VoucherId);
        var bad = await controls.RecordRepaymentAsync(s.Partnership, scheme.Id, voucher.Id, new VoucherRepaymentInput(new DateOnly(2023, 1, 31), " ", voucher.Version));
        Assert.Equal(["repaidOn", "reference"], bad.Errors.Select(e => e.Field));
        Assert.Equal(ErrorKind.Conflict, (await controls.RecordRepaymentAsync(s.Partnership, scheme.Id, pass.VoucherId, new VoucherRepaymentInput(new DateOnly(2023, 2, 20), "TB-1", 1))).Errors[0].Kind);
        var repaid = Ok(await controls.RecordRepaymentAsync(s.Partnership, scheme.Id, voucher.Id, new VoucherRepaymentInput(new DateOnly(2023, 2, 20), "TB-2023-4", voucher.Version)));
        Assert.Equal((new DateOnly(2023, 2, 20), "TB-2023-4", false), (repaid.RepaidOn, repaid.RepaymentReference, repaid.ReclaimOpen));
        Assert.Equal(ErrorKind.Conflict, (await controls.RecordRepaymentAsync(s.Partnership, scheme.Id, voucher.Id, new VoucherRepaymentInput(new DateOnly(2023, 2, 20), "TB-2023-4", repaid.Version))).Errors[0].Kind);
        Assert.Equal(new VoucherReclaims(1, Money.FromEuros(300), Money.FromEuros(300)), await controls.ReclaimsAsync(scheme.Id));
        Assert.Equal(Money.FromEuros(1500), Ok(await vouchers.BudgetAsync(scheme.Id)).Left);

        // Every step is in the trail, and the chain holds.
        await using var trail = s.Database.NewDb();
        Assert.Equal(2, await trail.AuditRecords.CountAsync(r => r.EntityType == VoucherControlService.DrawAuditEntity));
        Assert.Equal(2, await trail.AuditRecords.CountAsync(r => r.Action == VoucherControlActions.Controlled));
        Assert.Equal(1, await trail.AuditRecords.CountAsync(r => r.Action == VoucherControlActions.Reclaimed));
        Assert.Equal(1, await trail.AuditRecords.CountAsync(r => r.Action == VoucherControlActions.Repaid));
        Assert.True((await AuditTrail.VerifyAsync(trail)).Intact);
    }

    private static async Task<Voucher> GetAsync(Setup s, int id)
    {
        await using var db = s.Database.NewDb();
        return await db.Vouchers.AsNoTracking().SingleAsync(v => v.Id == id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ApplicantsPersonalData_ExpireMonthsAfterTheSchemeCloses_ButNotWhileAControlOrReclaimIsOpen(DatabaseProvider provider)
    {
        await using var s = await SetUpAsync(provider);
        var scheme = await OpenSchemeAsync(s);
        var a = await PaidAsync(s, scheme.Id, 1);
        var b = await PaidAsync(s, scheme.Id, 2);
        var c = await PaidAsync(s, scheme.Id, 3);
        await using (var scope = Scope(s))
        {
            var controls = scope.ServiceProvider.GetRequiredService<VoucherControlService>();
            var draw = Ok(await controls.DrawAsync(s.Partnership, scheme.Id, new VoucherDrawInput(3, null)));
            var ofA = draw.Controls.Single(x => x.VoucherId == a.Id);
            var ofB = draw.Controls.Single(x => x.VoucherId == b.Id);
            Ok(await controls.DecideAsync(s.Partnership, scheme.Id, ofA.Id, new VoucherControlInput(true, null, null, ofA.Version)));
            Ok(await controls.DecideAsync(s.Partnership, scheme.Id, ofB.Id, new VoucherControlInput(false, "Geen eigen aankoop", null, ofB.Version)));
        }

        // Closed on 31/12/2023; 12 months (the default) later, the run of 31/12/2024 erases nothing, that of 1/1/2025 erases A.
        await using (var db = s.Database.NewDb())
        {
            var tracked = await db.VoucherSchemes.SingleAsync(x => x.Id == scheme.Id);
            tracked.Close(new DateOnly(2023, 12, 31), DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        s.Database.Time.SetUtcNow(new DateTimeOffset(2024, 12, 31, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, (await Reminders.RunAsync(s.Services)).VoucherContactsExpired);
        Assert.True(await MentionedAsync(s, "contact1@bedrijf1.test"), "Before expiry the contact's address is in the trail (else this test proves nothing).");
        s.Database.Time.SetUtcNow(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var runs = await Task.WhenAll(Reminders.RunAsync(s.Services), Reminders.RunAsync(s.Services));
        Assert.Equal(1, runs.Sum(r => r.VoucherContactsExpired));
        var erased = await GetAsync(s, a.Id);
        Assert.Equal((true, null, null, null, null, null, null), (erased.PersonalDataErased, erased.ContactName, erased.ContactEmail, erased.ContactPhone, erased.IpAddress, erased.CompanyTokenHash, erased.ProviderTokenHash));
        Assert.Equal((Kbo(5_000_001), "Bakkerij 1", VoucherStatus.Paid), (erased.CompanyKbo, erased.CompanyName, erased.Status));
        Assert.False(await MentionedAsync(s, "contact1@bedrijf1.test"));
        Assert.False(await MentionedAsync(s, "Contact 1"));

        // B's reclaim is open and C's control pending: they keep their contact until the reclaim is repaid and C is controlled.
        Assert.Equal("contact2@bedrijf2.test", (await GetAsync(s, b.Id)).ContactEmail);
        Assert.Equal("contact3@bedrijf3.test", (await GetAsync(s, c.Id)).ContactEmail);
        await using (var scope = Scope(s))
        {
            var controls = scope.ServiceProvider.GetRequiredService<VoucherControlService>();
            var ofC = (await controls.DrawsAsync(s.Partnership, scheme.Id)).Single().Controls.Single(x => x.VoucherId == c.Id);
            Ok(await controls.DecideAsync(s.Partnership, scheme.Id, ofC.Id, new VoucherControlInput(true, null, null, ofC.Version)));
        }

        Assert.Equal(1, (await Reminders.RunAsync(s.Services)).VoucherContactsExpired);
        await using (var scope = Scope(s))
        {
            var fresh = await GetAsync(s, b.Id);
            Ok(await scope.ServiceProvider.GetRequiredService<VoucherControlService>().RecordRepaymentAsync(s.Partnership, scheme.Id, b.Id, new VoucherRepaymentInput(new DateOnly(2024, 12, 30), "TB-9", fresh.Version)));
        }

        Assert.Equal(1, (await Reminders.RunAsync(s.Services)).VoucherContactsExpired);
        Assert.Equal(0, (await Reminders.RunAsync(s.Services)).VoucherContactsExpired);
        await using var check = s.Database.NewDb();
        Assert.Equal(3, await check.Vouchers.CountAsync(v => v.PersonalDataErased && v.ContactEmail == null));
        Assert.Equal(3, await check.AuditRecords.CountAsync(r => r.Action == VoucherControlActions.PersonalDataExpired));
        Assert.True((await AuditTrail.VerifyAsync(check)).Intact);
    }

    /// <summary>Whether a personal value the trail refers to still reads <paramref name="value"/>.</summary>
    private static async Task<bool> MentionedAsync(Setup s, string value)
    {
        await using var db = s.Database.NewDb();
        return await db.PersonalData.AnyAsync(d => d.Value == value);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ThePersonExportAndErasure_CoverVoucherContacts_AndActorContacts(DatabaseProvider provider)
    {
        await using var s = await SetUpAsync(provider);
        var scheme = await OpenSchemeAsync(s);
        var voucher = (await ApprovedAsync(s, scheme.Id, 4)).Voucher;
        const string email = "contact4@bedrijf4.test";
        await using (var scope = Scope(s))
        {
            var actors = scope.ServiceProvider.GetRequiredService<ActorService>();
            var actor = await actors.GetAsync(s.Partnership, s.Provider);
            Ok(await actors.AddContactAsync(s.Partnership, s.Provider, new ContactInput("Contact 4", "zaakvoerder", "CONTACT4@bedrijf4.test", "011 00 00 04", false), actor!.Version));
        }

        await using (var scope = Scope(s))
        {
            var personal = scope.ServiceProvider.GetRequiredService<PersonalDataService>();
            var export = Ok(await personal.ExportAsync(new PersonQuery(email)));
            Assert.Equal([voucher.Id], export.VoucherContacts!.Select(v => (int)v["voucherId"]!));
            Assert.Equal(["Contact 4"], export.ActorContacts!.Select(c => (string?)c["name"]));
            var erased = Ok(await personal.EraseAsync(new PersonQuery(email)));
            Assert.Equal((1, 1), (erased.VoucherContacts, erased.ActorContacts));
        }

        var after = await GetAsync(s, voucher.Id);
        Assert.Equal((null, null, null, Kbo(5_000_004), VoucherStatus.Approved), (after.ContactName, after.ContactEmail, after.ContactPhone, after.CompanyKbo, after.Status));
        await using var check = s.Database.NewDb();
        Assert.Equal(0, await check.ActorContacts.CountAsync());
        Assert.False(await MentionedAsync(s, email));
        Assert.False(await MentionedAsync(s, "CONTACT4@bedrijf4.test"));
        Assert.False(await MentionedAsync(s, "Contact 4"));
        Assert.True((await AuditTrail.VerifyAsync(check)).Intact);
        await using var scope2 = Scope(s);
        Assert.Equal(ErrorKind.NotFound, (await scope2.ServiceProvider.GetRequiredService<PersonalDataService>().ExportAsync(new PersonQuery(email))).Errors[0].Kind);
    }
}
