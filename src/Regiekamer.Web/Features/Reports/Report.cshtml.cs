using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Applications.Plan;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Reports;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Reports;

/// <summary>
/// One annual report (R15, R16): where it is, its check (R10–R12 over the year, R15), its financial total against the
/// plan, and every action as reported. The partnership gate has judged the caller for the report's partnership before
/// a handler runs; the forms are shown to whom the report's rules allow them (the service still refuses what its
/// status does not): the regisseur and signatory report the actions and add unplanned ones, the signatory submits,
/// case handlers evaluate. Every form carries the version it was read at, and works without JavaScript.
/// </summary>
[OutputCache(PolicyName = PageCache.Policy)]
[PartnershipAccess(PartnershipPermission.Read)]
public sealed class ReportModel(ReportService reports, ReportImportService imports, CallService calls, CurrentPartnership current) : RegiekamerPage
{
    /// <summary>The form that failed: "action-{id}", "add", "submit" or "evaluate"; its fields show the errors.</summary>
    public string? FailedForm { get; private set; }

    public int ReportId => RouteData.Values.TryGetValue(ReportsFeature.RouteParameter, out var value)
        && int.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new InvalidOperationException("A report page without {reportId} in its route.");

    public AnnualReport Report { get; private set; } = null!;

    public Call? Call { get; private set; }

    /// <summary>The report against its deadline (R15): the call's or the extension's last day, and whether it was handed in on time.</summary>
    public ReportStanding? Standing { get; private set; }

    /// <summary>The Flemish priorities of the call version in force, each judged in the evaluation (R16).</summary>
    public IReadOnlyList<string> Priorities => Call?.Versions.Count > 0 ? Call.CurrentVersion.PriorityCodes : [];

    [BindProperty]
    public IFormFile? AccountsFile { get; set; }

    public string PartnershipName => current.Partnership?.Name ?? "";

    public IReadOnlyList<ReportedAction> Actions { get; private set; } = [];

    public IReadOnlyList<PlanFinding> Findings { get; private set; } = [];

    public Money TotalCost { get; private set; }

    /// <summary>What the plan had for the year over the report's planned actions.</summary>
    public Money PlannedTotal { get; private set; }

    [BindProperty]
    public int ActionId { get; set; }

    [BindProperty]
    public ReportActionForm Input { get; set; } = new();

    [BindProperty]
    public EvaluationForm Evaluation { get; set; } = new();

    /// <summary>The version of what the form changes, as it was read: the action's, or the report's.</summary>
    [BindProperty]
    public int Version { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    [PartnershipAccess(PartnershipPermission.Apply)]
    public async Task<IActionResult> OnPostActionAsync(CancellationToken ct)
    {
        var updated = await reports.UpdateActionAsync(ReportId, ActionId, Input.ToInput(), Version, ct);
        return updated.IsSuccess ? Redirect($"/Reports/{ReportId}?done=action#action-{ActionId}") : await RefusedAsync($"action-{ActionId}", updated.Errors, ct);
    }

    [PartnershipAccess(PartnershipPermission.Apply)]
    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var added = await reports.AddUnplannedAsync(ReportId, Input.ToInput() with { Outcome = ReportDto.Code(ReportOutcome.Unplanned) }, Version, ct);
        return added.IsSuccess ? Redirect($"/Reports/{ReportId}?done=added#action-{added.Value!.Id}") : await RefusedAsync("add", added.Errors, ct);
    }

    [PartnershipAccess(PartnershipPermission.Apply)]
    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        if (AccountsFile is null)
        {
            return await RefusedAsync("import", [DomainError.Invalid("validation", "Bestand: kies de acties van de jaarrekening (CSV of XLSX).", "File: choose the actions of the annual accounts (CSV or XLSX).", "file")], ct);
        }

        await using var content = AccountsFile.OpenReadStream();
        var imported = await imports.ImportAsync(ReportId, content, AccountsFile.FileName, Version, ct);
        return imported.IsSuccess ? Redirect($"/Reports/{ReportId}?done=imported") : await RefusedAsync("import", imported.Errors, ct);
    }

    /// <summary>The receipt of the last submission (PDF).</summary>
    public async Task<IActionResult> OnGetReceiptAsync(CancellationToken ct) =>
        await reports.GetAsync(ReportId, ct) is { } report && await reports.ReceiptAsync(ReportId, ct) is { } receipt
            ? File(ReportPdf.Receipt(receipt, report), "application/pdf", string.Create(CultureInfo.InvariantCulture, $"ontvangstbewijs-jaarverslag-{report.Year}-{report.PartnershipId}-v{receipt.Version}.pdf"))
            : NotFound();

    /// <summary>The decision on the last evaluation (PDF).</summary>
    public async Task<IActionResult> OnGetDecisionAsync(CancellationToken ct)
    {
        if (await reports.GetAsync(ReportId, ct) is not { EvaluatedAtUtc: not null } report)
        {
            return NotFound();
        }

        var standing = await reports.StandingOfAsync(report, ct);
        return File(ReportPdf.Decision(report, standing.PartnershipName, standing.CallCode), "application/pdf", $"beslissing-{ReportRules.DecisionReference(report)}.pdf");
    }

    [PartnershipAccess(PartnershipPermission.Sign)]
    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken ct)
    {
        var submitted = await reports.SubmitAsync(ReportId, Version, ct);
        return submitted.IsSuccess ? Redirect($"/Reports/{ReportId}?done=submitted") : await RefusedAsync("submit", submitted.Errors, ct);
    }

    [PartnershipAccess(PartnershipPermission.Review)]
    public async Task<IActionResult> OnPostEvaluateAsync(CancellationToken ct)
    {
        var evaluated = await reports.EvaluateAsync(ReportId, Evaluation.ToInput(), Version, ct);
        return evaluated.IsSuccess ? Redirect($"/Reports/{ReportId}?done=evaluated") : await RefusedAsync("evaluate", evaluated.Errors, ct);
    }

    /// <summary>Whether the caller holds the step's permission for the report's partnership and its status allows the step now.</summary>
    public bool May(ReportStep step) =>
        User.May(Report.PartnershipId, ReportRules.PermissionFor(step)) && ReportRules.Allows(Report.Status, step);

    /// <summary>The action a finding is about (its position), if any.</summary>
    public ReportedAction? ActionAt(int? position) => position is { } p ? Actions.FirstOrDefault(a => a.Position == p) : null;

    /// <summary>The form's values for an action: what was posted when its form failed, else what is stored.</summary>
    public ReportActionForm FormFor(ReportedAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return FailedForm == $"action-{action.Id}" ? Input : ReportActionForm.Of(action);
    }

    /// <summary>The version a form carries: the posted one when it failed (a stale version stays stale: reload), else the stored one.</summary>
    public int VersionFor(string form, int stored) => FailedForm == form ? Version : stored;

    public IReadOnlyList<DomainError> ErrorsFor(string form) => FailedForm == form ? Errors : [];

    public static string OutcomeLabel(ReportOutcome outcome) => Lang.Of(outcome switch
    {
        ReportOutcome.CarriedOut => new Bilingual("uitgevoerd", "carried out"),
        ReportOutcome.NotCarriedOut => new Bilingual("niet uitgevoerd", "not carried out"),
        _ => new Bilingual("uitgevoerd, niet gepland", "carried out, not planned"),
    });

    private async Task<IActionResult> RefusedAsync(string form, IReadOnlyList<DomainError> errors, CancellationToken ct)
    {
        FailedForm = form;
        await LoadAsync(ct);
        return Fail(errors);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (await reports.GetAsync(ReportId, ct) is not { } report)
        {
            // The gate found its partnership a moment ago: it was removed in between.
            Fail([ReportService.NotFound(ReportId)]);
            return;
        }

        Report = report;
        Call = await calls.GetAsync(report.CallId, ct);
        Standing = await reports.StandingOfAsync(report, ct);
        Actions = report.Actions.OrderBy(a => a.Position).ToList();
        Findings = ReportRules.Check(report.Year, report.BbcRoute, Actions);
        TotalCost = ReportRules.TotalCost(Actions);
        PlannedTotal = Actions.Aggregate(Money.Zero, (sum, a) => sum + (a.PlannedAmount ?? Money.Zero));
    }
}

/// <summary>A reported action's fields as the form holds them: the cost as nl-BE text (12.500,00), the outcome as its code.</summary>
public sealed class ReportActionForm
{
    public string? Outcome { get; set; }

    public string? ShortDescription { get; set; }

    public string? LongDescription { get; set; }

    public string? Comment { get; set; }

    public string? Code { get; set; }

    public string? Cost { get; set; }

    public string? Reason { get; set; }

    public static ReportActionForm Of(ReportedAction a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new()
        {
            Outcome = ReportDto.Code(a.Outcome),
            ShortDescription = a.ShortDescription,
            LongDescription = a.LongDescription,
            Comment = a.Comment,
            Code = a.Code,
            Cost = a.Cost?.ToDisplayString(Formats.Dutch),
            Reason = a.NotCarriedOutReason,
        };
    }

    public ReportedActionInput ToInput() => new(ShortDescription, LongDescription, Comment, Code, Outcome, Reason, Cost);
}

/// <summary>A case handler's evaluation (R16): accept, clarify (with a response date) or refuse; always a motivation.</summary>
public sealed class EvaluationForm
{
    public string? Decision { get; set; }

    public string? Motivation { get; set; }

    public DateOnly? ResponseDue { get; set; }

    /// <summary>When a refusal's reclaim is due (empty: 60 days on).</summary>
    public DateOnly? ReclaimDue { get; set; }

    /// <summary>Per priority code: "sufficient", "insufficient" or empty (not judged).</summary>
    public Dictionary<string, string?> Pursued { get; set; } = [];

    public Dictionary<string, string?> Remarks { get; set; } = [];

    public ReportEvaluationInput ToInput() => new(
        Decision,
        Motivation,
        ResponseDue,
        Pursued.Keys.Union(Remarks.Keys).Order(StringComparer.Ordinal)
            .Where(code => !string.IsNullOrEmpty(Pursued.GetValueOrDefault(code)) || !string.IsNullOrWhiteSpace(Remarks.GetValueOrDefault(code)))
            .Select(code => new PriorityEvaluationInput(code, Pursued.GetValueOrDefault(code) switch { "sufficient" => true, "insufficient" => false, _ => null }, Remarks.GetValueOrDefault(code)))
            .ToList(),
        ReclaimDue);
}

/// <summary>The fields of a reported action's form (<c>_ReportActionFields</c>): its values, its errors, the suffix of its ids, and whether a reason applies (a planned action).</summary>
public sealed record ReportActionFields(ReportActionForm Values, FieldErrors Errors, string Suffix, bool BbcRoute, bool Planned);
