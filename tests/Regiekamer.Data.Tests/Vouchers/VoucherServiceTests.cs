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

/// <summary>Issue 10, point 6 on both databases: a scheme, applications confirmed by link, the controls, and approvals that never overcommit the budget (KC2).</summary>
public sealed class VoucherServiceTests
{
    private sealed record Setup(TestDatabase Database, int Partnership, int Provider, int OtherProvider, string ProviderKbo, Actor Regisseur);

    private static readonly DateOnly From = new(2023, 1, 1);
    private static readonly DateOnly Until = new(2023, 12, 31);

    private static async Task<Setup> SetUpAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var p = await database.Services.CreatePartnershipAsync(b => b.Interlocal("Tongeren", "Tongeren", "Bilzen", "Hoeselt", "Riemst", "Voeren").Named("Haspengouw"));
        await using var db = database.NewDb();
        var now = new DateTime(2023, 1, 2, 9, 0, 0, DateTimeKind.Utc);
        var maatwerk = SocialEconomyActor.Create(p.Id, "Maatwerkbedrijf Demo", KboNumber.Parse("0316381039"), "maatwerkbedrijf", now);
        maatwerk.MoveTo("Industrieweg", "5", "3700", null, now);
        maatwerk.SetContact(null, "info@maatwerk.test", "012 11 22 33", now);
        var kringloop = SocialEconomyActor.Create(p.Id, "Kringloop Demo", null, "kringloopcentrum", now);
        db.Actors.AddRange(maatwerk, kringloop);
        await db.SaveChangesAsync();
        database.Time.SetUtcNow(new DateTimeOffset(2023, 2, 1, 9, 0, 0, TimeSpan.Zero));
        return new(database, p.Id, maatwerk.Id, kringloop.Id, "0316381039", new Actor(Guid.NewGuid(), "regisseur@haspengouw.test", "Regisseur"));
    }

    private static AsyncServiceScope Scope(Setup s)
    {
        var scope = s.Database.NewScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = s.Regisseur;
        return scope;
    }

    private static T Ok<T>(Result<T> result)
    {
        Assert.True(result.IsSuccess, ApplicationBuilders.Describe(result.Errors));
        return result.Value!;
    }

    /// <summary>A valid enterprise number from a seven-digit body: "0" + body + 97 − (body mod 97).</summary>
    private static string Kbo(int body) => $"0{body:D7}{97 - (body % 97):D2}";

    private static VoucherSchemeInput Scheme(int[] providers, string budget = "5000,00") =>
        new("Kennismakingscheque Haspengouw", "fixed", "500,00", null, 6, From, Until, budget, 30, providers);

    private static VoucherApplicationInput Application(string kbo, int provider, string? email = null) =>
        new(kbo, $"Bakkerij {kbo}", $"Markt {kbo[^3..]}, 3700 Tongeren", "An Peeters", email ?? $"an@{kbo}.test", "011 22 33 44", provider, "Groenonderhoud van de bedrijfstuin", DeclaredNotRelated: true);

    private static async Task<VoucherScheme> OpenSchemeAsync(Setup s, string budget = "5000,00")
    {
        await using var scope = Scope(s);
        var vouchers = scope.ServiceProvider.GetRequiredService<VoucherService>();
        var scheme = Ok(await vouchers.CreateSchemeAsync(s.Partnership, Scheme([s.Provider, s.OtherProvider], budget)));
        return Ok(await vouchers.OpenSchemeAsync(scheme.Id, scheme.Version));
    }

    private static async Task<Voucher> ConfirmedAsync(Setup s, int schemeId, VoucherApplicationInput input)
    {
        await using var scope = Scope(s);
        var vouchers = scope.ServiceProvider.GetRequiredService<VoucherService>();
        var applied = Ok(await vouchers.ApplyAsync(schemeId, input, "192.0.2.1"));
        return Ok(await vouchers.ConfirmAsync(applied.ConfirmationToken));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FiftyConcurrentApprovals_AgainstBudgetForTen_ApproveExactlyTen(DatabaseProvider provider)
    {
        var s = await SetUpAsync(provider);
        await using var database = s.Database;
        var scheme = await OpenSchemeAsync(s);
        var applied = new List<Voucher>();
        await using (var scope = Scope(s))
        {
            var vouchers = scope.ServiceProvider.GetRequiredService<VoucherService>();
            for (var i = 0; i < 50; i++)
            {
                // Each its own company, contact and address; every IP differs, so no control refuses or flags them.
                var input = Application(Kbo(1_000_000 + i), i % 2 == 0 ? s.Provider : s.OtherProvider);
                var a = Ok(await vouchers.ApplyAsync(scheme.Id, input, $"198.51.100.{i}"));
                applied.Add(Ok(await vouchers.ConfirmAsync(a.ConfirmationToken)));
            }
        }

        var decisions = await Task.WhenAll(applied.Select(async v =>
        {
            await using var scope = Scope(s);
            return await scope.ServiceProvider.GetRequiredService<VoucherService>().DecideAsync(v.Id, new VoucherDecisionInput(true, null, v.Version));
        }));

        Assert.Equal(10, decisions.Count(d => d.IsSuccess));
        Assert.All(decisions.Where(d => !d.IsSuccess), d => Assert.Equal(VoucherRules.Budget, d.Errors[0].Code));
        await using var check = database.NewDb();
        Assert.Equal(10, await check.Vouchers.CountAsync(v => v.Status == VoucherStatus.Approved));
        Assert.Equal(40, await check.Vouchers.CountAsync(v => v.Status == VoucherStatus.Applied));
        await using (var scope = Scope(s))
        {
            var budget = Ok(await scope.ServiceProvider.GetRequiredService<VoucherService>().BudgetAsync(scheme.Id));
            Assert.Equal((10, Money.FromEuros(5_000), Money.Zero), (budget.Approved, budget.Reserved, budget.Left));
        }

        Assert.Equal(10, await check.AuditRecords.CountAsync(r => r.EntityType == VoucherService.VoucherAuditEntity && r.Action == VoucherAuditActions.Approved));
        Assert.True((await AuditTrail.VerifyAsync(check)).Intact);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnApplication_IsConfirmedByItsLinkOnce_AndBadInputChangesNothing(DatabaseProvider provider)
    {
        var s = await SetUpAsync(provider);
        await using var database = s.Database;
        var scheme = await OpenSchemeAsync(s);
        await using var scope = Scope(s);
        var vouchers = scope.ServiceProvider.GetRequiredService<VoucherService>();

        var bad = await vouchers.ApplyAsync(scheme.Id, Application("0207000078", s.Provider) with { ContactEmail = "no address", DeclaredNotRelated = false, ProviderActorId = 9999 }, null);
        Assert.Equal(["companyKbo", "contactEmail", "providerActorId", "declaredNotRelated"], bad.Errors.Select(e => e.Field));
        Assert.Contains(bad.Errors, e => e.Code == VoucherRules.Provider);
        await using (var check = database.NewDb())
        {
            Assert.Equal(0, await check.Vouchers.CountAsync());
        }

        var applied = Ok(await vouchers.ApplyAsync(scheme.Id, Application("0207000077", s.Provider), "192.0.2.1"));
        Assert.Equal(VoucherStatus.Unconfirmed, applied.Voucher.Status);
        await using (var check = database.NewDb())
        {
            var stored = await check.Vouchers.SingleAsync();
            Assert.NotEqual(applied.ConfirmationToken, stored.CompanyTokenHash);
            Assert.Equal(64, stored.CompanyTokenHash!.Length);
        }

        var confirmed = Ok(await vouchers.ConfirmAsync(applied.ConfirmationToken));
        Assert.Equal(VoucherStatus.Applied, confirmed.Status);
        Assert.Equal(ErrorKind.NotFound, (await vouchers.ConfirmAsync(applied.ConfirmationToken)).Errors[0].Kind);
        Assert.Equal(ErrorKind.NotFound, (await vouchers.ConfirmAsync("not-a-token")).Errors[0].Kind);

        // Refusing needs a reason; a stale version is a conflict; then it is refused.
        Assert.Equal("reason", Assert.Single((await vouchers.DecideAsync(confirmed.Id, new VoucherDecisionInput(false, " ", confirmed.Version))).Errors).Field);
        Assert.Equal(ErrorKind.Conflict, (await vouchers.DecideAsync(confirmed.Id, new VoucherDecisionInput(false, "Geen regulier bedrijf", confirmed.Version - 1))).Errors[0].Kind);
        var refused = Ok(await vouchers.DecideAsync(confirmed.Id, new VoucherDecisionInput(false, "Geen regulier bedrijf", confirmed.Version))).Voucher;
        Assert.Equal((VoucherStatus.Refused, Money.Zero), (refused.Status, refused.Amount));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheControls_RefuseTheProviderItself_ARelatedCompany_AndASecondVoucher(DatabaseProvider provider)
    {
        var s = await SetUpAsync(provider);
        await using var database = s.Database;
        var scheme = await OpenSchemeAsync(s);

        // The provider applying for itself: an actor of the inventory and the provider (KC4).
        var itself = await ConfirmedAsync(s, scheme.Id, Application(s.ProviderKbo, s.Provider));
        Assert.Contains("KC4 Refused", itself.Findings, StringComparison.Ordinal);

        // A company with the provider's e-mail address is related (KC4).
        var related = await ConfirmedAsync(s, scheme.Id, Application(Kbo(2_000_001), s.Provider, email: "INFO@maatwerk.test"));
        Assert.Contains("KC4 Refused", related.Findings, StringComparison.Ordinal);

        await using var scope = Scope(s);
        var vouchers = scope.ServiceProvider.GetRequiredService<VoucherService>();
        var refusal = await vouchers.DecideAsync(related.Id, new VoucherDecisionInput(true, null, related.Version));
        Assert.Equal((VoucherRules.RegularCompany, ErrorKind.RuleBroken, "approve"), (refusal.Errors[0].Code, refusal.Errors[0].Kind, refusal.Errors[0].Field));

        // One voucher per company per scheme (KC3): the second application of an approved company is refused.
        var first = await ConfirmedAsync(s, scheme.Id, Application(Kbo(2_000_002), s.OtherProvider));
        Assert.DoesNotContain("Refused", first.Findings ?? "", StringComparison.Ordinal);
        Ok(await vouchers.DecideAsync(first.Id, new VoucherDecisionInput(true, null, first.Version)));
        var second = await ConfirmedAsync(s, scheme.Id, Application(Kbo(2_000_002), s.Provider) with { ContactEmail = "other@x.test" });
        Assert.Contains("KC3 Refused", second.Findings, StringComparison.Ordinal);
        Assert.Equal(VoucherRules.OnePerCompany, (await vouchers.DecideAsync(second.Id, new VoucherDecisionInput(true, null, second.Version))).Errors[0].Code);
        await using var check = database.NewDb();
        Assert.Equal(1, await check.Vouchers.CountAsync(v => v.Status == VoucherStatus.Approved));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AScheme_NeedsProvidersOfItsOwnPartnership_AndConsistentTerms(DatabaseProvider provider)
    {
        var s = await SetUpAsync(provider);
        await using var database = s.Database;
        var other = await database.Services.CreatePartnershipAsync(b => b.CentralCity("Gent").Named("Regie Gent"));
        await using var scope = Scope(s);
        var vouchers = scope.ServiceProvider.GetRequiredService<VoucherService>();
        var wrong = await vouchers.CreateSchemeAsync(other.Id, Scheme([s.Provider]));
        Assert.Equal(("KC5", "providers"), (wrong.Errors[0].Code, wrong.Errors[0].Field));
        var coFunded = await vouchers.CreateSchemeAsync(s.Partnership, Scheme([s.Provider]) with { Kind = "co-funded", Value = "250,00", OwnShare = null });
        Assert.Equal(("KC1", "ownShare"), (coFunded.Errors[0].Code, coFunded.Errors[0].Field));
        var tooSmall = await vouchers.CreateSchemeAsync(s.Partnership, Scheme([s.Provider], budget: "499,99"));
        Assert.Equal(("KC2", "budget"), (tooSmall.Errors[0].Code, tooSmall.Errors[0].Field));
        await using var check = database.NewDb();
        Assert.Equal(0, await check.VoucherSchemes.CountAsync());

        // A draft takes no applications.
        var draft = Ok(await vouchers.CreateSchemeAsync(s.Partnership, Scheme([s.Provider])));
        Assert.Equal(ErrorKind.NotFound, (await vouchers.ApplyAsync(draft.Id, Application("0207000077", s.Provider), null)).Errors[0].Kind);
    }

    private static UploadedFile Pdf(string text) => new("factuur.pdf", System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n" + text + "\n%%EOF"));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ACoFundedVoucher_IsDelivered_Invoiced_AndPaid_AndTheBudgetAddsUp(DatabaseProvider provider)
    {
        var s = await SetUpAsync(provider);
        await using var database = s.Database;
        VoucherScheme scheme;
        await using (var scope = Scope(s))
        {
            var vouchers = scope.ServiceProvider.GetRequiredService<VoucherService>();
            var draft = Ok(await vouchers.CreateSchemeAsync(s.Partnership, Scheme([s.Provider], budget: "1000,00") with { Kind = "co-funded", Value = "250,00", OwnShare = "250,00" }));
            scheme = Ok(await vouchers.OpenSchemeAsync(draft.Id, draft.Version));
        }

        var applied = default(VoucherApplication);
        var companyToken = "";
        await using (var scope = Scope(s))
        {
            var vouchers = scope.ServiceProvider.GetRequiredService<VoucherService>();
            applied = Ok(await vouchers.ApplyAsync(scheme.Id, Application(Kbo(3_000_001), s.Provider), "192.0.2.9"));
            var confirmed = Ok(await vouchers.ConfirmAsync(applied.ConfirmationToken));
            var decision = Ok(await vouchers.DecideAsync(confirmed.Id, new VoucherDecisionInput(true, "Past in de regeling", confirmed.Version)));
            Assert.Equal((VoucherStatus.Approved, Money.FromEuros(250), new DateOnly(2023, 8, 1)), (decision.Voucher.Status, decision.Voucher.Amount, decision.Voucher.LastDayOfUse));

            // The invoice waits for the provider's confirmation; the company's link is not the provider's; approval gave the company a new link.
            companyToken = decision.CompanyToken!;
            Assert.Equal(ErrorKind.NotFound, (await vouchers.InvoiceAsync(applied.ConfirmationToken, new VoucherInvoiceInput("F-1", new DateOnly(2023, 2, 10), "600,00", "350,00"), Pdf("a"), Pdf("b"))).Errors[0].Kind);
            Assert.Equal(ErrorKind.Conflict, (await vouchers.InvoiceAsync(companyToken, new VoucherInvoiceInput("F-1", new DateOnly(2023, 2, 10), "600,00", "350,00"), Pdf("a"), Pdf("b"))).Errors[0].Kind);
            Assert.Equal(ErrorKind.NotFound, (await vouchers.DeliverAsync(applied.ConfirmationToken)).Errors[0].Kind);
            Assert.Equal(VoucherStatus.Delivered, Ok(await vouchers.DeliverAsync(decision.ProviderToken)).Status);
        }

        database.Time.SetUtcNow(new DateTimeOffset(2023, 2, 15, 9, 0, 0, TimeSpan.Zero));

        await using (var scope = Scope(s))
        {
            var vouchers = scope.ServiceProvider.GetRequiredService<VoucherService>();
            var token = companyToken;

            // Not a PDF, no proof, below value + own share, before the application: refused, nothing stored.
            var future = await vouchers.InvoiceAsync(token, new VoucherInvoiceInput("F-1", new DateOnly(2023, 2, 16), "600,00", "350,00"), Pdf("a"), Pdf("b"));
            Assert.Equal("date", Assert.Single(future.Errors).Field);
            var notPdf = await vouchers.InvoiceAsync(token, new VoucherInvoiceInput("F-1", new DateOnly(2023, 2, 10), "600,00", "350,00"), new UploadedFile("f.pdf", [1, 2, 3]), null);
            Assert.Equal(["invoice", "ownShareProof"], notPdf.Errors.Select(e => e.Field));
            var below = await vouchers.InvoiceAsync(token, new VoucherInvoiceInput("F-1", new DateOnly(2023, 2, 10), "499,99", "250,00"), Pdf("a"), Pdf("b"));
            Assert.Equal(("KC6", "invoiceTotal"), (Assert.Single(below.Errors).Code, below.Errors[0].Field));
            var early = await vouchers.InvoiceAsync(token, new VoucherInvoiceInput("F-1", new DateOnly(2023, 1, 31), "600,00", "350,00"), Pdf("a"), Pdf("b"));
            Assert.Equal("KC6", Assert.Single(early.Errors).Code);
            await using (var check = database.NewDb())
            {
                Assert.Equal(0, await check.VoucherFiles.CountAsync());
            }

            var invoiced = Ok(await vouchers.InvoiceAsync(token, new VoucherInvoiceInput("F-1", new DateOnly(2023, 2, 10), "600,00", "350,00"), Pdf("a"), Pdf("b")));
            Assert.Equal((VoucherStatus.Invoiced, Money.FromEuros(250), Money.FromEuros(600)), (invoiced.Status, invoiced.Amount, invoiced.InvoiceTotal));
            var paid = Ok(await vouchers.PayAsync(invoiced.Id, new VoucherPaymentInput(new DateOnly(2023, 2, 14), "BET-2023-17", invoiced.Version)));
            Assert.Equal((VoucherStatus.Paid, new DateOnly(2023, 2, 14), "BET-2023-17"), (paid.Status, paid.PaidOn, paid.PaymentReference));
            var budget = Ok(await vouchers.BudgetAsync(scheme.Id));
            Assert.Equal((1, Money.FromEuros(250), Money.Zero, Money.FromEuros(750)), (budget.PaidCount, budget.Paid, budget.Reserved, budget.Left));
        }

        // The same invoice file for another voucher is refused (KC6).
        await using (var scope = Scope(s))
        {
            var vouchers = scope.ServiceProvider.GetRequiredService<VoucherService>();
            var other = Ok(await vouchers.ApplyAsync(scheme.Id, Application(Kbo(3_000_002), s.Provider), "192.0.2.10"));
            var confirmed = Ok(await vouchers.ConfirmAsync(other.ConfirmationToken));
            var decision = Ok(await vouchers.DecideAsync(confirmed.Id, new VoucherDecisionInput(true, null, confirmed.Version)));
            Ok(await vouchers.DeliverAsync(decision.ProviderToken));
            var reused = await vouchers.InvoiceAsync(decision.CompanyToken, new VoucherInvoiceInput("F-2", new DateOnly(2023, 2, 10), "600,00", "350,00"), Pdf("a"), Pdf("c"));
            Assert.Contains(reused.Errors, e => e.Code == "KC6" && e.Message.En.Contains("file", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnApprovedVoucher_NotUsedInTime_Lapses_AndReleasesItsReservation(DatabaseProvider provider)
    {
        var s = await SetUpAsync(provider);
        await using var database = s.Database;
        var scheme = await OpenSchemeAsync(s, budget: "500,00");
        var voucher = await ConfirmedAsync(s, scheme.Id, Application(Kbo(4_000_001), s.Provider));
        await using (var scope = Scope(s))
        {
            var vouchers = scope.ServiceProvider.GetRequiredService<VoucherService>();
            Ok(await vouchers.DecideAsync(voucher.Id, new VoucherDecisionInput(true, null, voucher.Version)));
            Assert.Equal(Money.Zero, Ok(await vouchers.BudgetAsync(scheme.Id)).Left);
        }

        // Approved on 1/2/2023 with 6 months: usable up to 1/8/2023; on that day nothing lapses, the day after it does.
        database.Time.SetUtcNow(new DateTimeOffset(2023, 8, 1, 12, 0, 0, TimeSpan.Zero));
        await using (var scope = Scope(s))
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<VoucherService>().LapseDueAsync());
        }

        database.Time.SetUtcNow(new DateTimeOffset(2023, 8, 2, 12, 0, 0, TimeSpan.Zero));
        await using (var scope = Scope(s))
        {
            var vouchers = scope.ServiceProvider.GetRequiredService<VoucherService>();
            Assert.Equal(1, await vouchers.LapseDueAsync());
            Assert.Equal(0, await vouchers.LapseDueAsync());
            var budget = Ok(await vouchers.BudgetAsync(scheme.Id));
            Assert.Equal((1, Money.FromEuros(500), Money.FromEuros(500)), (budget.Lapsed, budget.LapsedValue, budget.Left));
        }
    }
}
