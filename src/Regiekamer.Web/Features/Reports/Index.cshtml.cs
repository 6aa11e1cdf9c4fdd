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
/// call, year and status), or a partnership's own; with a form to start a year's report where the user's partnership
/// has an approved application and may apply.
/// </summary>
[OutputCache(PolicyName = PageCache.Policy)]
public sealed class IndexModel(ReportListService list, ReportService reports, CallService calls, PartnershipGate gate) : RegiekamerPage
{
    [BindProperty(SupportsGet = true, Name = "call")]
    public int? CallFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? YearFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? StatusFilter { get; set; }

    /// <summary>The partnership a report is started for: judged by the partnership gate in the handler (a posted id is no route value).</summary>
    [BindProperty]
    public int StartPartnership { get; set; }

    [BindProperty]
    public int StartCall { get; set; }

    [BindProperty]
    public int StartYear { get; set; }

    public IReadOnlyList<ReportRow> Reports { get; private set; } = [];

    public IReadOnlyList<Call> Calls { get; private set; } = [];

    /// <summary>What the user may start: per partnership and call with an approved application, the years without a report.</summary>
    public IReadOnlyList<ReportStart> CanStart { get; private set; } = [];

    /// <summary>Every year of every call, for the year filter.</summary>
    public IEnumerable<int> Years => Calls.SelectMany(c => Enumerable.Range(c.FirstYear, c.LastYear - c.FirstYear + 1)).Distinct().Order();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ReportStatus? status = null;
        if (!string.IsNullOrEmpty(StatusFilter))
        {
            if (StatusOf(StatusFilter) is not { } parsed)
            {
                await LoadAsync(null, ct);
                return Fail([DomainError.Invalid("validation", $"Status '{StatusFilter}' bestaat niet.", $"Status '{StatusFilter}' does not exist.", "status")]);
            }

            status = parsed;
        }

        await LoadAsync(status, ct);
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

    private async Task<IActionResult> RefusedAsync(IReadOnlyList<DomainError> errors, CancellationToken ct)
    {
        await LoadAsync(null, ct);
        return Fail(errors);
    }

    private async Task LoadAsync(ReportStatus? status, CancellationToken ct)
    {
        Calls = await calls.ListAsync(ct);
        Reports = await list.ListAsync(User.ReadablePartnerships(), CallFilter, YearFilter, status, ct);
        var mine = User.PartnershipRoles().Select(r => r.PartnershipId).Where(p => User.May(p, PartnershipPermission.Apply)).ToHashSet();
        CanStart = await list.StartableAsync(mine, ct);
    }

    /// <summary>The status of a code of <see cref="ReportDto.Code(ReportStatus)"/> (draft, submitted, …), or null.</summary>
    public static ReportStatus? StatusOf(string code) =>
        Enum.GetValues<ReportStatus>().Select(s => (ReportStatus?)s).FirstOrDefault(s => ReportDto.Code(s!.Value) == code);

    public static string StatusLabel(ReportStatus status) => Lang.Of(ReportRules.Label(status));
}
