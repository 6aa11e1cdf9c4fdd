using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Reports;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Reports;

/// <summary>
/// The annual reports the signed-in user may read (R15): the department's list of every partnership's reports (by
/// call, year, status and timing), or a partnership's own; the reports each call expects against their deadline (also
/// those not started), with a form for case handlers to give more time; and a form to start a year's report where the
/// user's partnership has an approved application and may apply.
/// </summary>
[OutputCache(PolicyName = PageCache.Policy)]
public sealed class IndexModel(ReportListService list, ReportService reports, CallService calls, PartnershipGate gate, BrusselsClock clock) : RegiekamerPage
{
    /// <summary>The moment the standings are computed against (their reference moment).</summary>
    public DateTime Now => clock.UtcNow;

    [BindProperty(SupportsGet = true, Name = "call")]
    public int? CallFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? YearFilter { get; set; }

    /// <summary>Status codes of <see cref="ReportDto.Code(ReportStatus)"/>, or <see cref="NotStarted"/>; several mean any of them.</summary>
    [BindProperty(SupportsGet = true, Name = "status")]
    public string[] StatusFilter { get; set; } = [];

    /// <summary>Timing codes of <see cref="ReportStandingDto.Code"/> (open, overdue, on-time, late); several mean any of them.</summary>
    [BindProperty(SupportsGet = true, Name = "timing")]
    public string[] TimingFilter { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    /// <summary>The extension a case handler grants (R15): which call, partnership and year, until when and why; the partnership is judged by the gate in the handler.</summary>
    [BindProperty]
    public int ExtendCall { get; set; }

    [BindProperty]
    public int ExtendPartnership { get; set; }

    [BindProperty]
    public int ExtendYear { get; set; }

    [BindProperty]
    public DateOnly? ExtendUntil { get; set; }

    [BindProperty]
    public string? ExtendReason { get; set; }

    /// <summary>The status filter's code for an expected report that was not started.</summary>
    public const string NotStarted = "not-started";

    /// <summary>The partnership a report is started for: judged by the partnership gate in the handler (a posted id is no route value).</summary>
    [BindProperty]
    public int StartPartnership { get; set; }

    [BindProperty]
    public int StartCall { get; set; }

    [BindProperty]
    public int StartYear { get; set; }

    public IReadOnlyList<ReportRow> Reports { get; private set; } = [];

    public IReadOnlyList<Call> Calls { get; private set; } = [];

    /// <summary>The reports the calls expect (R15) that the user may read, filtered: one per partnership with an approved application and ended year, started or not.</summary>
    public IReadOnlyList<ReportStanding> Standings { get; private set; } = [];

    /// <summary>Whether the last post was an extension that failed (its form shows the errors and what was typed).</summary>
    public bool FailedExtension { get; private set; }

    /// <summary>The id suffix of one standing's extension form.</summary>
    public static string ExtensionSuffix(ReportStanding s) => FormattableString.Invariant($"-ext-{s.CallId}-{s.PartnershipId}-{s.Year}");

    public bool IsFailedExtension(ReportStanding s) => FailedExtension && s.CallId == ExtendCall && s.PartnershipId == ExtendPartnership && s.Year == ExtendYear;

    /// <summary>What the user may start: per partnership and call with an approved application, the years without a report.</summary>
    public IReadOnlyList<ReportStart> CanStart { get; private set; } = [];

    /// <summary>Every year of every call, for the year filter.</summary>
    public IEnumerable<int> Years => Calls.SelectMany(c => Enumerable.Range(c.FirstYear, c.LastYear - c.FirstYear + 1)).Distinct().Order();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var unknown = StatusFilter.Where(c => c != NotStarted && StatusOf(c) is null).Select(c => (Field: "status", Code: c))
            .Concat(TimingFilter.Where(c => TimingOf(c) is null).Select(c => (Field: "timing", Code: c)))
            .ToList();
        if (unknown.Count > 0)
        {
            StatusFilter = [];
            TimingFilter = [];
            await LoadAsync(ct);
            return Fail(unknown.Select(u => DomainError.Invalid("validation", $"{(u.Field == "status" ? "Status" : "Tijdigheid")} '{u.Code}' bestaat niet.", $"{(u.Field == "status" ? "Status" : "Timing")} '{u.Code}' does not exist.", u.Field)).ToList());
        }

        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Starts the year's report of the posted partnership, which the gate judges as it judges a route's: the regisseur or signatory of that partnership.</summary>
    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        switch (await gate.CheckAsync(HttpContext, StartPartnership, new PartnershipAccessAttribute(PartnershipPermission.Apply)))
        {
            case GateOutcome.Forbidden:
                return Forbid();
            case GateOutcome.NotFound:
                return await RefusedAsync([PartnershipGate.NotFound(HttpContext, StartPartnership)], ct);
        }

        var started = await reports.StartAsync(StartPartnership, StartCall, StartYear, ct);
        return started.IsSuccess ? Redirect($"/Reports/{started.Value!.Id}?done=started") : await RefusedAsync(started.Errors, ct);
    }

    /// <summary>A case handler gives the posted partnership more time for its report on a year (R15); the gate judges the partnership for Review, as it judges a route's.</summary>
    public async Task<IActionResult> OnPostExtendAsync(CancellationToken ct)
    {
        switch (await gate.CheckAsync(HttpContext, ExtendPartnership, new PartnershipAccessAttribute(PartnershipPermission.Review)))
        {
            case GateOutcome.Forbidden:
                return Forbid();
            case GateOutcome.NotFound:
                FailedExtension = true;
                return await RefusedAsync([PartnershipGate.NotFound(HttpContext, ExtendPartnership)], ct);
        }

        var granted = await reports.GrantExtensionAsync(ExtendCall, ExtendPartnership, ExtendYear, ExtendUntil, ExtendReason, ct);
        if (granted.IsSuccess)
        {
            return Redirect(FormattableString.Invariant($"/Reports?call={ExtendCall}&year={ExtendYear}&done=extended#standing-{ExtendCall}-{ExtendPartnership}-{ExtendYear}"));
        }

        FailedExtension = true;
        return await RefusedAsync(granted.Errors, ct);
    }

    private async Task<IActionResult> RefusedAsync(IReadOnlyList<DomainError> errors, CancellationToken ct)
    {
        StatusFilter = [];
        TimingFilter = [];
        await LoadAsync(ct);
        return Fail(errors);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Calls = await calls.ListAsync(ct);
        var readable = User.ReadablePartnerships();
        var statuses = StatusFilter.Select(StatusOf).OfType<ReportStatus>().ToHashSet();
        var notStarted = StatusFilter.Contains(NotStarted);
        var timings = TimingFilter.Select(TimingOf).OfType<ReportTiming>().ToHashSet();

        var standings = new List<ReportStanding>();
        foreach (var call in Calls.Where(c => CallFilter is null || c.Id == CallFilter))
        {
            if (readable is null)
            {
                standings.AddRange(await reports.StandingAsync(call.Id, null, ct));
            }
            else
            {
                foreach (var partnershipId in readable.Order())
                {
                    standings.AddRange(await reports.StandingAsync(call.Id, partnershipId, ct));
                }
            }
        }

        Standings = standings
            .Where(s => YearFilter is null || s.Year == YearFilter)
            .Where(s => StatusFilter.Length == 0 || (s.Status is { } st ? statuses.Contains(st) : notStarted))
            .Where(s => timings.Count == 0 || timings.Contains(s.Timing))
            .OrderBy(s => s.PartnershipName, StringComparer.CurrentCulture)
            .ThenBy(s => s.Year)
            .ThenBy(s => s.CallCode, StringComparer.Ordinal)
            .ToList();

        // The reports themselves, by the same filters: a timing filter keeps the reports whose standing has that timing.
        var timed = Standings.Where(s => s.ReportId is not null).Select(s => s.ReportId!.Value).ToHashSet();
        Reports = (await list.ListAsync(readable, CallFilter, YearFilter, statuses.Count == 1 && !notStarted ? statuses.Single() : null, ct))
            .Where(r => StatusFilter.Length == 0 || statuses.Contains(r.Status))
            .Where(r => timings.Count == 0 || timed.Contains(r.Id))
            .ToList();
        var mine = User.PartnershipRoles().Select(r => r.PartnershipId).Where(p => User.May(p, PartnershipPermission.Apply)).ToHashSet();
        CanStart = await list.StartableAsync(mine, ct);
    }

    /// <summary>The status of a code of <see cref="ReportDto.Code(ReportStatus)"/> (draft, submitted, …), or null.</summary>
    public static ReportStatus? StatusOf(string code) =>
        Enum.GetValues<ReportStatus>().Select(s => (ReportStatus?)s).FirstOrDefault(s => ReportDto.Code(s!.Value) == code);

    public static string StatusLabel(ReportStatus status) => Lang.Of(ReportRules.Label(status));

    /// <summary>The timing of a code of <see cref="ReportStandingDto.Code(ReportTiming)"/> (open, overdue, on-time, late), or null.</summary>
    public static ReportTiming? TimingOf(string code) =>
        Enum.GetValues<ReportTiming>().Select(t => (ReportTiming?)t).FirstOrDefault(t => ReportStandingDto.Code(t!.Value) == code);

    public static string TimingLabel(ReportTiming timing) => Lang.Of(ReportDeadlines.Label(timing));
}
