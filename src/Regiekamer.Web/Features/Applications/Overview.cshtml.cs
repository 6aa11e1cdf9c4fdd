using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Applications;

/// <summary>
/// The department's overview of a call's dossiers: how many per status, which miss a part, which are late, and
/// across every plan the actions and planned amounts per priority and year.
/// </summary>
[OutputCache(PolicyName = PageCache.Policy)]
public sealed class OverviewModel(ApplicationService applications, SubmissionService submissions, CallService calls, DossierDocuments documents, BrusselsClock clock) : RegiekamerPage
{
    public Call? Call { get; private set; }

    public IReadOnlyList<DossierState> States { get; private set; } = [];

    public DateTime Now => clock.UtcNow;

    public DateOnly Today => clock.Today;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Call = await calls.LatestAsync(ct);
        if (Call is null)
        {
            return Page();
        }

        var states = await submissions.StatesAsync(await applications.AllAsync(Call.Id, ct), Call.Id, ct);
        if (!states.IsSuccess)
        {
            return Fail(states.Errors);
        }

        States = states.Value!;
        return Page();
    }

    /// <summary>Every plan of the call in BBC's layout, with the dossier and partnership before each action (CSV or XLSX).</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        Call = await calls.LatestAsync(ct);
        if (Call is null)
        {
            return Page();
        }

        var export = await documents.AllPlansAsync(Call.Id, string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase), ct);
        return export.IsSuccess ? File(export.Value!.Bytes, export.Value.ContentType, export.Value.FileName) : Fail(export.Errors);
    }

    public IEnumerable<int> Years => Call is null ? [] : Enumerable.Range(Call.FirstYear, Call.LastYear - Call.FirstYear + 1);

    /// <summary>Not submitted while the deadline passed, or changes requested and the response date passed.</summary>
    public bool IsLate(DossierState s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return (ApplicationLifecycle.Editable.Contains(s.Application.Status) && s.Deadline.Passed)
            || (s.Application.Status == ApplicationStatus.ChangesRequested && s.Application.ResponseDue is { } due && due < Today);
    }

    /// <summary>Actions of every plan for a priority in a year (actions that have an amount that year).</summary>
    public int Actions(int year, PriorityCode priority) => States.Sum(s => s.Plan.Actions(year, priority));

    public Money Amount(int year, PriorityCode priority) => States.Aggregate(Money.Zero, (sum, s) => sum + s.Plan.Amount(year, priority));
}
