using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Reports;

namespace Regiekamer.Core.Grants;

/// <summary>
/// A year's reports as the department counts them (R15, R16), over <see cref="ReportStanding"/>: expected (one per
/// partnership with an approved application, once the year has ended or its report was started), received (submitted
/// at least once), late (overdue now, or handed in after the last day), not started, under evaluation (submitted, or
/// clarification requested), accepted, and refused (not used for its purpose).
/// </summary>
public sealed record ReportCounts(int Expected, int Received, int Late, int NotStarted, int UnderEvaluation, int Accepted, int Refused)
{
    public static ReportCounts Of(IEnumerable<ReportStanding> standings)
    {
        ArgumentNullException.ThrowIfNull(standings);
        var all = standings.ToList();
        return new(
            all.Count,
            all.Count(s => s.FirstSubmittedAtUtc is not null),
            all.Count(s => s.Timing is ReportTiming.Overdue or ReportTiming.Late),
            all.Count(s => s.Status is null),
            all.Count(s => s.Status is ReportStatus.Submitted or ReportStatus.ClarificationRequested),
            all.Count(s => s.Status == ReportStatus.Accepted),
            all.Count(s => s.Status == ReportStatus.NotUsedForPurpose));
    }
}

/// <summary>One year of a call on the dashboard: its money from the ledger and its reports from their standing.</summary>
public sealed record DashboardYear(int Year, LedgerTotals Money, ReportCounts Reports);

/// <summary>
/// The department's dashboard of a call (issue 9): per year of the call granted, paid, outstanding and reclaimed (the
/// ledger's totals of the year, <see cref="Ledger.TotalsOf"/>) and the reports expected, received, late, under
/// evaluation, accepted and refused; with the ledger's totals, whether it reconciles, and the moment it was computed.
/// </summary>
public sealed record CallDashboard(Call Call, DateTime ComputedAtUtc, IReadOnlyList<DashboardYear> Years, LedgerTotals Totals, ReportCounts ReportTotals, bool Reconciles)
{
    /// <summary>Pure: every year of the call, in order, with the ledger's totals and the counts of the standings of that year.</summary>
    public static CallDashboard Compute(Call call, Ledger ledger, IReadOnlyList<ReportStanding> standings, DateTime computedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(standings);
        var years = Enumerable.Range(call.FirstYear, call.LastYear - call.FirstYear + 1)
            .Select(y => new DashboardYear(y, ledger.TotalsOf(y), ReportCounts.Of(standings.Where(s => s.Year == y))))
            .ToList();
        return new(call, computedAtUtc, years, ledger.Totals, ReportCounts.Of(standings), ledger.Reconciles);
    }
}

/// <summary>The dashboard of a call (default the latest) from the ledger and the reports' standing, at one moment.</summary>
public sealed class DashboardService(LedgerService ledgers, ReportService reports)
{
    public async Task<Result<CallDashboard>> ForCallAsync(int? callId, CancellationToken ct = default)
    {
        var ledger = await ledgers.ForCallAsync(callId, ct);
        if (!ledger.IsSuccess)
        {
            return Result<CallDashboard>.Fail(ledger.Errors);
        }

        var (call, book, at) = ledger.Value!;
        var standings = await reports.StandingAsync(call.Id, null, ct);
        return Result<CallDashboard>.Ok(CallDashboard.Compute(call, book, standings, at));
    }
}
