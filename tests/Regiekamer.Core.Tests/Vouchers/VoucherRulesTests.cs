using CsCheck;
using Regiekamer.Core.Common;
using Regiekamer.Core.Kbo;
using Regiekamer.Core.Vouchers;

namespace Regiekamer.Core.Tests.Vouchers;

/// <summary>The introduction voucher's pure rules (KC1–KC9): budget never overcommitted, payouts, lapse, controls and the reproducible control sample.</summary>
public sealed class VoucherRulesTests
{
    private static readonly DateOnly From = new(2025, 1, 1);
    private static readonly DateOnly Until = new(2025, 12, 31);

    private static VoucherTerms Fixed500(long budgetEuros = 15_000) => new(VoucherKind.Fixed, Money.FromEuros(500), Money.Zero, 6, From, Until, Money.FromEuros(budgetEuros), 30);

    private static VoucherTerms CoFunded250() => new(VoucherKind.CoFunded, Money.FromEuros(250), Money.FromEuros(250), 6, From, Until, Money.FromEuros(5_000), 20);

    [Fact]
    public void Reserve_NeverOvercommits_AndApprovesExactlyWhatFits()
    {
        Gen.Select(Gen.Long[0, 10_000_000], Gen.Long[1, 2_000_000].Array[0, 60]).Sample((budgetCents, asks) =>
        {
            var position = VoucherBudget.Of(new Money(budgetCents), 30, []);
            var expectedApproved = 0;
            var expectedReserved = 0L;
            foreach (var ask in asks)
            {
                var fits = expectedReserved + ask <= budgetCents;
                var r = VoucherRules.Reserve(position, new Money(ask));
                Assert.Equal(fits, r.IsSuccess);
                if (fits)
                {
                    expectedApproved++;
                    expectedReserved += ask;
                    position = r.Value!;
                }
                else
                {
                    Assert.Equal(VoucherRules.Budget, Assert.Single(r.Errors).Code);
                }
            }

            Assert.Equal(expectedApproved, position.Approved);
            Assert.Equal(expectedReserved, position.Reserved.Cents);
            Assert.True(position.Left >= Money.Zero);
            Assert.Equal(budgetCents, (position.Reserved + position.Paid + position.Left).Cents);
        });
    }

    [Fact]
    public void Reserve_BudgetForTen_ApprovesTen()
    {
        var position = VoucherBudget.Of(Money.FromEuros(5_000), 30, []);
        var approved = 0;
        for (var i = 0; i < 50; i++)
        {
            if (VoucherRules.Reserve(position, Money.FromEuros(500)) is { IsSuccess: true } r)
            {
                position = r.Value!;
                approved++;
            }
        }

        Assert.Equal(10, approved);
        Assert.Equal(Money.Zero, position.Left);
    }

    [Fact]
    public void Budget_AddsUpToTheCent_FromStatuses()
    {
        var statuses = Gen.Enum<VoucherStatus>();
        Gen.Select(statuses, Gen.Long[1, 100_000]).Array[0, 80].Sample(vouchers =>
        {
            var list = vouchers.Select(v => (v.Item1, new Money(v.Item2))).ToList();
            var budget = new Money(list.Sum(v => v.Item2.Cents) + 1);
            var b = VoucherBudget.Of(budget, 30, list);
            Assert.Equal(list.Where(v => v.Item1 is VoucherStatus.Approved or VoucherStatus.Delivered or VoucherStatus.Invoiced).Sum(v => v.Item2.Cents), b.Reserved.Cents);
            Assert.Equal(list.Where(v => v.Item1 is VoucherStatus.Paid or VoucherStatus.Reclaimed).Sum(v => v.Item2.Cents), b.Paid.Cents);
            Assert.Equal(list.Count(v => VoucherRules.HoldsBudget(v.Item1)), b.Approved);
            Assert.Equal(list.Count(v => v.Item1 == VoucherStatus.Lapsed), b.Lapsed);
            Assert.Equal(budget.Cents, (b.Reserved + b.Paid + b.Left).Cents);
        });
    }

    [Fact]
    public void Payout_Fixed_IsTheValue_NeverMoreThanTheInvoice()
    {
        var terms = Fixed500();
        Gen.Long[1, 10_000_000].Sample(invoice =>
        {
            var paid = VoucherRules.Payout(terms, new Money(invoice), Money.Zero);
            Assert.True(paid.IsSuccess);
            Assert.Equal(Math.Min(50_000, invoice), paid.Value.Cents);
        });
    }

    [Fact]
    public void Payout_CoFunded_OnlyWithTheOwnShare()
    {
        var terms = CoFunded250();
        Gen.Select(Gen.Long[1, 200_000], Gen.Long[0, 200_000]).Sample((invoice, own) =>
        {
            var paid = VoucherRules.Payout(terms, new Money(invoice), new Money(own));
            var qualifies = invoice >= 50_000 && own >= 25_000;
            Assert.Equal(qualifies, paid.IsSuccess);
            if (qualifies)
            {
                Assert.Equal(25_000, paid.Value.Cents);
            }
            else
            {
                Assert.Equal(VoucherRules.Invoice, paid.Errors[0].Code);
            }
        });
    }

    [Fact]
    public void Payout_InvoiceBelowValuePlusOwnShare_IsRefusedNamingTheField()
    {
        var r = VoucherRules.Payout(CoFunded250(), new Money(49_999), Money.FromEuros(250));
        var e = Assert.Single(r.Errors);
        Assert.Equal(("KC6", "invoiceTotal"), (e.Code, e.Field));
    }

    [Theory]
    [InlineData(VoucherKind.Fixed, 500, 0, 6, true)]
    [InlineData(VoucherKind.Fixed, 500, 250, 6, false)]
    [InlineData(VoucherKind.CoFunded, 250, 0, 6, false)]
    [InlineData(VoucherKind.CoFunded, 250, 250, 6, true)]
    [InlineData(VoucherKind.Fixed, 0, 0, 6, false)]
    [InlineData(VoucherKind.Fixed, 500, 0, 0, false)]
    public void Terms_AreChecked(VoucherKind kind, long value, long own, int months, bool valid)
    {
        var terms = new VoucherTerms(kind, Money.FromEuros(value), Money.FromEuros(own), months, From, Until, Money.FromEuros(15_000), 30);
        Assert.Equal(valid, terms.Check().Count == 0);
        Assert.All(terms.Check(), e => Assert.StartsWith("KC", e.Code, StringComparison.Ordinal));
    }

    [Fact]
    public void Lapse_TheDayAfterTheLastDayOfUse()
    {
        var approved = new DateOnly(2025, 1, 31);
        Assert.Equal(new DateOnly(2025, 7, 31), VoucherRules.LastDayOfUse(approved, 6));
        Assert.False(VoucherRules.HasLapsed(VoucherStatus.Approved, approved, 6, new DateOnly(2025, 7, 31)));
        Assert.True(VoucherRules.HasLapsed(VoucherStatus.Approved, approved, 6, new DateOnly(2025, 8, 1)));
        Assert.True(VoucherRules.HasLapsed(VoucherStatus.Delivered, approved, 6, new DateOnly(2025, 8, 1)));
        Assert.False(VoucherRules.HasLapsed(VoucherStatus.Invoiced, approved, 6, new DateOnly(2026, 8, 1)));
        Assert.False(VoucherRules.HasLapsed(VoucherStatus.Paid, approved, 6, new DateOnly(2026, 8, 1)));
    }

    private static VoucherApplicationFacts Facts(
        VoucherParty? company = null,
        VoucherParty? provider = null,
        IReadOnlyList<EarlierVoucher>? earlier = null,
        KboStanding kbo = KboStanding.Active,
        bool declared = true,
        IReadOnlySet<string>? actors = null,
        DateOnly? appliedOn = null,
        DateOnly? purchasedOn = null,
        string? ip = "192.0.2.1") => new(
        SchemeId: 1,
        PartnershipId: 10,
        From,
        Until,
        EligibleProviders: new HashSet<int> { 7, 8 },
        NeighbourPartnerships: new HashSet<int> { 11 },
        AppliedOn: appliedOn ?? new DateOnly(2025, 3, 1),
        PurchasedOn: purchasedOn,
        Company: company ?? new VoucherParty("0207000077", "Markt 1, 3700 Tongeren", "info@bakkerij.test", "012 34 56 78"),
        CompanyInKbo: kbo,
        ProviderActorId: 7,
        Provider: provider ?? new VoucherParty("0316381039", "Industrieweg 5, 3620 Lanaken", "info@maatwerk.test", "089 11 22 33"),
        ActorKboNumbers: actors ?? new HashSet<string> { "0316381039" },
        DeclaredNotRelated: declared,
        IpAddress: ip,
        Earlier: earlier ?? []);

    [Fact]
    public void Check_ACleanApplication_HasNoFindings()
    {
        Assert.Empty(VoucherChecks.CheckApplication(Facts()));

        // A sole trader (a natural person in KBO) is a regular company too.
        Assert.Empty(VoucherChecks.CheckApplication(Facts(kbo: KboStanding.NaturalPerson)));
    }

    [Fact]
    public void Check_OnePerCompanyPerScheme()
    {
        var earlier = new EarlierVoucher(1, 10, From, Until, "0207000077", 8, null, null, VoucherStatus.Paid);
        var f = Assert.Single(VoucherChecks.CheckApplication(Facts(earlier: [earlier])));
        Assert.Equal((VoucherRules.OnePerCompany, VoucherCheckOutcome.Refused), (f.Rule, f.Outcome));

        // A refused earlier application does not count.
        Assert.Empty(VoucherChecks.CheckApplication(Facts(earlier: [earlier with { Status = VoucherStatus.Refused }])));
    }

    [Fact]
    public void Check_AppliedAfterThePurchase_IsRefused()
    {
        var f = Assert.Single(VoucherChecks.CheckApplication(Facts(purchasedOn: new DateOnly(2025, 2, 28))));
        Assert.Equal(VoucherRules.OnePerCompany, f.Rule);
    }

    [Fact]
    public void Check_ASocialEconomyActor_IsNoRegularCompany()
    {
        var f = Assert.Single(VoucherChecks.CheckApplication(Facts(actors: new HashSet<string> { "0316381039", "0207000077" })));
        Assert.Equal((VoucherRules.RegularCompany, VoucherCheckOutcome.Refused), (f.Rule, f.Outcome));
    }

    [Theory]
    [InlineData("0316381039", null, null, null)]
    [InlineData("0207000077", " industrieweg 5,  3620 LANAKEN", null, null)]
    [InlineData("0207000077", null, "INFO@maatwerk.test", null)]
    [InlineData("0207000077", null, null, "+32 89 11 22 33")]
    public void Check_RelatedToTheProvider_IsRefused(string kbo, string? address, string? email, string? phone)
    {
        var company = new VoucherParty(kbo, address ?? "Markt 1, 3700 Tongeren", email ?? "info@bakkerij.test", phone ?? "012 34 56 78");
        var findings = VoucherChecks.CheckApplication(Facts(company: company, actors: new HashSet<string>()));
        Assert.Contains(findings, f => f.Rule == VoucherRules.RegularCompany && f.Outcome == VoucherCheckOutcome.Refused);
    }

    [Fact]
    public void Check_WithoutTheDeclaration_IsRefused() =>
        Assert.Equal(VoucherRules.RegularCompany, Assert.Single(VoucherChecks.CheckApplication(Facts(declared: false))).Rule);

    [Theory]
    [InlineData(KboStanding.Stopped, VoucherCheckOutcome.Refused)]
    [InlineData(KboStanding.Unknown, VoucherCheckOutcome.Refused)]
    [InlineData(KboStanding.NoExtract, VoucherCheckOutcome.Flagged)]
    public void Check_KboStanding(KboStanding state, VoucherCheckOutcome outcome) =>
        Assert.Equal(outcome, Assert.Single(VoucherChecks.CheckApplication(Facts(kbo: state))).Outcome);

    [Fact]
    public void Check_AVoucherOfANeighbourInTheSamePeriod_IsFlagged()
    {
        var neighbour = new EarlierVoucher(2, 11, new DateOnly(2025, 6, 1), new DateOnly(2026, 5, 31), "0207000077", 3, null, null, VoucherStatus.Approved);
        var f = Assert.Single(VoucherChecks.CheckApplication(Facts(earlier: [neighbour])));
        Assert.Equal((VoucherRules.Neighbour, VoucherCheckOutcome.Flagged), (f.Rule, f.Outcome));

        // Not a neighbour, or another period: nothing.
        Assert.Empty(VoucherChecks.CheckApplication(Facts(earlier: [neighbour with { PartnershipId = 12 }])));
        Assert.Empty(VoucherChecks.CheckApplication(Facts(earlier: [neighbour with { From = new DateOnly(2026, 1, 1) }])));
    }

    [Fact]
    public void Check_ManyVouchersToOneProvider_OneEmailOrIpBehindSeveralCompanies_AreFlagged()
    {
        var others = Enumerable.Range(0, 3).Select(i => new EarlierVoucher(1, 10, From, Until, $"other-{i}", 7, $"x{i}@test", $"198.51.100.{i}", VoucherStatus.Approved)).ToList();
        var f = Assert.Single(VoucherChecks.CheckApplication(Facts(earlier: others)));
        Assert.Equal((VoucherRules.Control, VoucherCheckOutcome.Flagged), (f.Rule, f.Outcome));
        Assert.Contains("4", f.Reason.Nl, StringComparison.Ordinal);

        var sameMail = new EarlierVoucher(1, 10, From, Until, "another", 8, "Info@Bakkerij.test", null, VoucherStatus.Applied);
        Assert.Contains("e-mail", Assert.Single(VoucherChecks.CheckApplication(Facts(earlier: [sameMail]))).Reason.En, StringComparison.Ordinal);
        var sameIp = new EarlierVoucher(1, 10, From, Until, "another", 8, null, "192.0.2.1", VoucherStatus.Applied);
        Assert.Contains("IP", Assert.Single(VoucherChecks.CheckApplication(Facts(earlier: [sameIp]))).Reason.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Invoice_BeforeTheApplication_ReusedOrAtTheThreshold()
    {
        var terms = CoFunded250();
        var applied = new DateOnly(2025, 3, 1);
        Assert.Empty(VoucherChecks.CheckInvoice(terms, applied, applied, Money.FromEuros(800), false, false));
        Assert.Equal(VoucherRules.Invoice, Assert.Single(VoucherChecks.CheckInvoice(terms, applied, applied.AddDays(-1), Money.FromEuros(800), false, false)).Rule);
        Assert.Equal(2, VoucherChecks.CheckInvoice(terms, applied, applied, Money.FromEuros(800), true, true).Count);

        // 500.00 up to 510.00 (2 %) is "just at the threshold"; 510.01 is not.
        Assert.Equal(VoucherCheckOutcome.Flagged, Assert.Single(VoucherChecks.CheckInvoice(terms, applied, applied, Money.FromEuros(500), false, false)).Outcome);
        Assert.Single(VoucherChecks.CheckInvoice(terms, applied, applied, new Money(51_000), false, false));
        Assert.Empty(VoucherChecks.CheckInvoice(terms, applied, applied, new Money(51_001), false, false));
    }

    [Fact]
    public void ControlSample_IsReproducible_FromItsSeed_AndASubset()
    {
        Gen.Select(Gen.Int[1, 100_000].Array[0, 200], Gen.Int[0, 50], Gen.String[Gen.Char.AlphaNumeric, 1, 20]).Sample((ids, size, seed) =>
        {
            var sample = ControlSample.Draw(ids, size, seed);
            Assert.Equal(Math.Min(size, ids.Distinct().Count()), sample.Count);
            Assert.All(sample, id => Assert.Contains(id, ids));
            Assert.Equal(sample, ControlSample.Draw(ids.Reverse(), size, seed));
        });

        var all = Enumerable.Range(1, 100).ToList();
        Assert.NotEqual(ControlSample.Draw(all, 10, "2026-01"), ControlSample.Draw(all, 10, "2026-02"));
    }
}
