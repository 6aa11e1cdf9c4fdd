using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regiekamer.Core.Allocation;
using Regiekamer.Core.ReferenceData;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Published;

/// <summary>Public: published allocations only. Drafts stay with the department.</summary>
public sealed class IndexModel(AllocationService allocation, ReferenceDataService data, Lang l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    public IReadOnlyList<AllocationRun> Runs { get; private set; } = [];

    public AllocationRun? Run { get; private set; }

    public IReadOnlyList<(string Label, ReferenceDataset Dataset)> Datasets { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is not { } id)
        {
            Runs = (await allocation.ListRunsAsync(ct)).Where(r => r.IsPublished).ToList();
            return Page();
        }

        Run = await allocation.GetRunAsync(id, ct);
        if (Run is not { IsPublished: true })
        {
            return NotFound();
        }

        Datasets =
        [
            (l["15–64 jaar", "Aged 15–64"], (await data.DatasetAsync(Run.WorkingAgeDatasetId, ct))!),
            (l["Werkzoekenden", "Job seekers"], (await data.DatasetAsync(Run.JobSeekersDatasetId, ct))!),
            (l["Inwoners (R2)", "Inhabitants (R2)"], (await data.DatasetAsync(Run.InhabitantsDatasetId, ct))!),
            (l["Referentieregio's (R5)", "Reference regions (R5)"], (await data.DatasetAsync(Run.RegionDatasetId, ct))!),
        ];
        return Page();
    }
}
