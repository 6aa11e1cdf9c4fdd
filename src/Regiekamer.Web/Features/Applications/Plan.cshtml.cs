using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Applications;

/// <summary>
/// The multi-year plan (R7c): policy goals → action plans → actions, checked while it is written (the priority × year
/// grid of R10, R11 and R12 per action), imported from a BBC file or edited action by action, exported in BBC's layout.
/// </summary>
[OutputCache(PolicyName = PageCache.Policy)]
[PartnershipAccess(PartnershipPermission.Read)]
[RequestSizeLimit(ApplicationService.MaxPlanRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ApplicationService.MaxPlanRequestBytes)]
public sealed class PlanModel(ApplicationService applications, SubmissionService submissions, CallService calls) : DossierPage(applications, submissions)
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Imported { get; set; }

    /// <summary>Warnings of the last import, shown once.</summary>
    public IReadOnlyList<Core.Applications.Plan.PlanFinding> ImportWarnings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The plan as a BBC layout file (CSV or XLSX).</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (!await LoadAsync(ct) || await calls.GetAsync(Dossier.CallId, ct) is not { } call)
        {
            return Page();
        }

        var (bytes, type, extension) = ApplicationsApi.PlanExport(Dossier, call, string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase));
        return File(bytes, type, $"{Dossier.DossierNumber}-meerjarenplan.{extension}");
    }

    [PartnershipAccess(PartnershipPermission.Apply)]
    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            return await RefusedAsync([DomainError.Invalid("file-empty", "Kies een plan in de BBC-indeling (CSV of XLSX).", "Choose a plan in the BBC layout (CSV or XLSX).", "file")], ct);
        }

        await using var stream = Upload.OpenReadStream();
        var imported = await Applications.ImportPlanAsync(ApplicationId, stream, Upload.FileName, ct);
        if (!imported.IsSuccess)
        {
            return await RefusedAsync(imported.Errors, ct);
        }

        await LoadAsync(ct);
        Imported = imported.Value!.Actions;
        ImportWarnings = imported.Value.Findings.Where(f => f.Severity == Core.Applications.Plan.FindingSeverity.Warning).ToList();
        return Page();
    }

    /// <summary>The actions grouped as the plan reads: by policy goal, then by action plan, in plan order.</summary>
    public IEnumerable<IGrouping<string, IGrouping<string, PlannedAction>>> Groups =>
        Dossier.Actions.OrderBy(a => a.Position)
            .GroupBy(a => a.PolicyGoal ?? "")
            .Select(g => new Grouping(g.Key, g.GroupBy(a => a.ActionPlan ?? "")));

    private sealed class Grouping(string key, IEnumerable<IGrouping<string, PlannedAction>> items) : IGrouping<string, IGrouping<string, PlannedAction>>
    {
        public string Key { get; } = key;

        public IEnumerator<IGrouping<string, PlannedAction>> GetEnumerator() => items.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
