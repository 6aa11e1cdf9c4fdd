using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Grants;
using Regiekamer.Core.Reports;

namespace Regiekamer.Core.Tests.Grants;

/// <summary>The dashboard of a call (issue 9, point 9) as pure code: its years are the call's, their money adds up to the ledger's totals, and its reports are counted by status and timing.</summary>
public sealed class DashboardTests
{
    private static readonly Call Call = new() { Id = 1, Code = "LR-2023", FirstYear = 2023, LastYear = 2025 };

    private static Ledger LedgerOf()
    {
        var decrees = new List<LedgerDecree>
        {
            new(2023, "MB-2023", new Money(300_000), [new(2023, 1, "Gent", "MB-2023", new Money(200_000)), new(2023, 2, "Leuven", "MB-2023", new Money(100_000))]),
            new(2024, "MB-2024", new Money(300_000), [new(2024, 1, "Gent", "MB-2024", new Money(200_000)), new(2024, 2, "Leuven", "MB-2024", new Money(100_000))]),
        };
        var payments = new List<LedgerPayment>
        {
            new(1, 2023, 1, "P1", new Money(120_000), PaymentStatus.Paid),
            new(2, 2023, 2, "P2", new Money(60_000), PaymentStatus.Paid),
            new(3, 2024, 1, "P3", new Money(120_000), PaymentStatus.Approved),
        };
        var reclaims = new List<LedgerReclaim> { new(2023, 2, new Money(60_000), new Money(10_000), Money.Zero) };
        return Ledger.Compute(decrees, payments, new HashSet<int> { 2 }, reclaims);
    }

    private static ReportStanding Standing(int partnershipId, int year, ReportStatus? status, ReportTiming timing, bool submitted) =>
        new(1, "LR-2023", partnershipId, $"P{partnershipId}", partnershipId, year, new DateOnly(year + 1, 6, 30), null, new DateOnly(year + 1, 6, 30),
            status is null ? null : partnershipId * 100 + year, status, submitted ? new DateTime(year + 1, 7, 1, 8, 0, 0, DateTimeKind.Utc) : null, timing);

    [Fact]
    public void EveryYearOfTheCall_IsShown_AndItsMoneyIsTheLedgersTotalOfThatYear_AddingUpToTheTotals()
    {
        var ledger = LedgerOf();
        var dashboard = CallDashboard.Compute(Call, ledger, [], new DateTime(2024, 7, 15, 21, 40, 0, DateTimeKind.Utc));

        Assert.Equal([2023, 2024, 2025], dashboard.Years.Select(y => y.Year));
        var y2023 = dashboard.Years[0].Money;
        Assert.Equal(new Money(300_000), y2023.Granted);
        Assert.Equal(new Money(180_000), y2023.Paid);
        Assert.Equal(new Money(60_000), y2023.Reclaimed);

        // Leuven is stopped (R16): its unpaid 2023 rest is not outstanding; Gent's is.
        Assert.Equal(new Money(80_000), y2023.Outstanding);
        Assert.Equal(new Money(120_000), dashboard.Years[1].Money.InProgress);
        Assert.Equal(LedgerTotals(Money.Zero), dashboard.Years[2].Money);
        foreach (var column in new Func<LedgerTotals, Money>[] { t => t.Granted, t => t.Paid, t => t.Outstanding, t => t.Reclaimed, t => t.InProgress, t => t.Stopped })
        {
            Assert.Equal(column(ledger.Totals), dashboard.Years.Aggregate(Money.Zero, (s, y) => s + column(y.Money)));
        }

        Assert.Equal(ledger.Totals, dashboard.Totals);
        Assert.True(dashboard.Reconciles);
    }

    [Fact]
    public void Reports_AreCountedPerYear_LateIsOverdueAndHandedInLate_UnderEvaluationIsSubmittedOrClarificationRequested()
    {
        var standings = new List<ReportStanding>
        {
            Standing(1, 2023, ReportStatus.Draft, ReportTiming.Overdue, submitted: false),
            Standing(2, 2023, ReportStatus.Submitted, ReportTiming.Late, submitted: true),
            Standing(3, 2023, null, ReportTiming.Overdue, submitted: false),
            Standing(4, 2023, ReportStatus.ClarificationRequested, ReportTiming.OnTime, submitted: true),
            Standing(5, 2023, ReportStatus.Accepted, ReportTiming.OnTime, submitted: true),
            Standing(6, 2023, ReportStatus.NotUsedForPurpose, ReportTiming.Late, submitted: true),
            Standing(1, 2024, null, ReportTiming.Open, submitted: false),
        };

        var dashboard = CallDashboard.Compute(Call, LedgerOf(), standings, DateTime.UtcNow);

        Assert.Equal(new ReportCounts(Expected: 6, Received: 4, Late: 4, NotStarted: 1, UnderEvaluation: 2, Accepted: 1, Refused: 1), dashboard.Years[0].Reports);
        Assert.Equal(new ReportCounts(1, 0, 0, 1, 0, 0, 0), dashboard.Years[1].Reports);
        Assert.Equal(new ReportCounts(0, 0, 0, 0, 0, 0, 0), dashboard.Years[2].Reports);
        Assert.Equal(new ReportCounts(7, 4, 4, 2, 2, 1, 1), dashboard.ReportTotals);
    }

    private static LedgerTotals LedgerTotals(Money zero) => new(zero, zero, zero, zero, zero, zero, zero);
}
