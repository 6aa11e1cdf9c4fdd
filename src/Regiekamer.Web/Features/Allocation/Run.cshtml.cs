using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regiekamer.Core.Allocation;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.ReferenceData;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Allocation;

public sealed class RunModel(AllocationService allocation, CallService calls, ReferenceDataService data, AuditTrail audit, Lang l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    public AllocationRun Run { get; private set; } = null!;

    public CallVersion CallVersion { get; private set; } = null!;

    public string CallCode { get; private set; } = "";

    public IReadOnlyList<(string Label, ReferenceDataset Dataset)> Datasets { get; private set; } = [];

    public IReadOnlyList<DomainError> Errors { get; private set; } = [];

    /// <summary>Each line's members whose job-seeker figure was an estimate, by line id.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<FigureEstimate>> Estimates { get; private set; } = new Dictionary<int, IReadOnlyList<FigureEstimate>>();

    /// <summary>The run's audit records (created, published), newest first.</summary>
    public IReadOnlyList<AuditView> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    [HandlerPolicy(Policies.Administrator)]
    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        var result = await allocation.PublishAsync(Id, ct);
        if (result.IsSuccess)
        {
            return Redirect($"/Allocation/Run?id={Id}");
        }

        Errors = result.Errors;
        Response.StatusCode = Problems.StatusOf(result.Errors);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    [HandlerPolicy(Policies.CaseWork)]
    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var result = await allocation.DeleteRunAsync(Id, ct);
        if (result.IsSuccess)
        {
            return Redirect("/Allocation");
        }

        Errors = result.Errors;
        Response.StatusCode = Problems.StatusOf(result.Errors);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var run = await allocation.GetRunAsync(Id, ct);
        if (run is null)
        {
            return false;
        }

        Run = run;
        Estimates = await allocation.LineEstimatesAsync(run.Lines, ct);
        CallVersion = (await calls.GetVersionAsync(run.CallVersionId, ct))!;
        CallCode = (await calls.GetAsync(CallVersion.CallId, ct))!.Code;
        Datasets =
        [
            (l["15–64 jaar", "Aged 15–64"], (await data.DatasetAsync(run.WorkingAgeDatasetId, ct))!),
            (l["Werkzoekenden", "Job seekers"], (await data.DatasetAsync(run.JobSeekersDatasetId, ct))!),
            (l["Inwoners (R2)", "Inhabitants (R2)"], (await data.DatasetAsync(run.InhabitantsDatasetId, ct))!),
            (l["Referentieregio's (R5)", "Reference regions (R5)"], (await data.DatasetAsync(run.RegionDatasetId, ct))!),
        ];
        History = await audit.HistoryAsync(AllocationService.AuditEntity, run.Id.ToString(CultureInfo.InvariantCulture), ct);
        return true;
    }
}
