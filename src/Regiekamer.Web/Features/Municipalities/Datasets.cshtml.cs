using Microsoft.AspNetCore.Mvc.RazorPages;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Web.Features.Municipalities;

public sealed class DatasetsModel(ReferenceDataService data) : PageModel
{
    public IReadOnlyList<ReferenceDataset> Datasets { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Datasets = await data.DatasetsAsync(ct);
}
