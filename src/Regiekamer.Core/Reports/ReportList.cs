using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Partnerships;

namespace Regiekamer.Core.Reports;

/// <summary>One annual report in a list: whose, which year, where it is, and its financial total (<see cref="ReportRules.TotalCost"/>).</summary>
public sealed record ReportRow(
    int Id,
    int CallId,
    string CallCode,
    int PartnershipId,
    string PartnershipName,
    int Year,
    ReportStatus Status,
    int SubmittedVersions,
    DateTime? SubmittedAtUtc,
    DateOnly? ResponseDue,
    Money TotalCost);

/// <summary>
/// A partnership that can start a report: its approved application of a call, the call's years, and the years that
/// have no report yet (<see cref="ReportService.StartAsync"/> starts one of those).
/// </summary>
public sealed record ReportStart(int PartnershipId, string PartnershipName, int CallId, string CallCode, string CallTitle, IReadOnlyList<int> OpenYears);

/// <summary>The annual reports as lists: the ones a caller may read, filtered, and the reports that can still be started.</summary>
public sealed class ReportListService(RegiekamerDb db)
{
    /// <summary>
    /// The reports of <paramref name="partnershipIds"/> (null: every partnership), by call, year and status when given;
    /// ordered by partnership name, then year.
    /// </summary>
    public async Task<List<ReportRow>> ListAsync(IReadOnlySet<int>? partnershipIds, int? callId = null, int? year = null, ReportStatus? status = null, CancellationToken ct = default)
    {
        var query = db.AnnualReports.AsNoTracking().IgnoreAutoIncludes();
        if (partnershipIds is not null)
        {
            query = query.Where(r => partnershipIds.Contains(r.PartnershipId));
        }

        if (callId is { } c)
        {
            query = query.Where(r => r.CallId == c);
        }

        if (year is { } y)
        {
            query = query.Where(r => r.Year == y);
        }

        if (status is { } s)
        {
            query = query.Where(r => r.Status == s);
        }

        var partnerships = db.Set<Partnership>();
        var calls = db.Set<Call>();
        var found = await query
            .Select(r => new
            {
                r.Id,
                r.CallId,
                CallCode = calls.Where(x => x.Id == r.CallId).Select(x => x.Code).First(),
                r.PartnershipId,
                PartnershipName = partnerships.Where(p => p.Id == r.PartnershipId).Select(p => p.Name).First(),
                r.Year,
                r.Status,
                r.SubmittedVersions,
                r.SubmittedAtUtc,
                r.ResponseDue,
                Costs = r.Actions.Select(a => new { a.Outcome, a.Cost }).ToList(),
            })
            .ToListAsync(ct);

        // The total is the rule's own (what was carried out), over just the two columns it reads.
        return found
            .Select(r => new ReportRow(
                r.Id, r.CallId, r.CallCode, r.PartnershipId, r.PartnershipName, r.Year, r.Status, r.SubmittedVersions, r.SubmittedAtUtc, r.ResponseDue,
                ReportRules.TotalCost(r.Costs.Select(a => new ReportedAction { Outcome = a.Outcome, Cost = a.Cost }))))
            .OrderBy(r => r.PartnershipName, StringComparer.CurrentCulture)
            .ThenBy(r => r.Year)
            .ThenBy(r => r.CallCode, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// For each of <paramref name="partnershipIds"/> with an approved application: the call's years that have no report
    /// yet. Partnerships and calls without such a year are left out.
    /// </summary>
    public async Task<List<ReportStart>> StartableAsync(IReadOnlySet<int> partnershipIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(partnershipIds);
        if (partnershipIds.Count == 0)
        {
            return [];
        }

        var partnerships = db.Set<Partnership>();
        var calls = db.Set<Call>();
        var approved = await db.Applications.AsNoTracking().IgnoreAutoIncludes()
            .Where(a => partnershipIds.Contains(a.PartnershipId) && a.Status == ApplicationStatus.Approved)
            .Select(a => new
            {
                a.PartnershipId,
                PartnershipName = partnerships.Where(p => p.Id == a.PartnershipId).Select(p => p.Name).First(),
                a.CallId,
                Call = calls.Where(c => c.Id == a.CallId).Select(c => new { c.Code, c.Title, c.FirstYear, c.LastYear }).First(),
            })
            .ToListAsync(ct);
        var started = await db.AnnualReports.AsNoTracking().IgnoreAutoIncludes()
            .Where(r => partnershipIds.Contains(r.PartnershipId))
            .Select(r => new { r.PartnershipId, r.CallId, r.Year })
            .ToListAsync(ct);
        return approved
            .Select(a => new ReportStart(
                a.PartnershipId,
                a.PartnershipName,
                a.CallId,
                a.Call.Code,
                a.Call.Title,
                Enumerable.Range(a.Call.FirstYear, a.Call.LastYear - a.Call.FirstYear + 1)
                    .Where(y => !started.Any(r => r.PartnershipId == a.PartnershipId && r.CallId == a.CallId && r.Year == y))
                    .ToList()))
            .Where(s => s.OpenYears.Count > 0)
            .OrderBy(s => s.PartnershipName, StringComparer.CurrentCulture)
            .ThenBy(s => s.CallCode, StringComparer.Ordinal)
            .ToList();
    }
}
