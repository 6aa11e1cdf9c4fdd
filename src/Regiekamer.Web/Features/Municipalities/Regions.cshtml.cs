using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Data;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Web.Features.Municipalities;

public sealed class RegionsModel(RegiekamerDb db, ReferenceDataService data) : PageModel
{
    public IReadOnlyList<ReferenceRegion> Regions { get; private set; } = [];

    public IReadOnlyList<ReferenceDataset> Datasets { get; private set; } = [];

    public IReadOnlyDictionary<(int DatasetId, string Region), int> Counts { get; private set; } = new Dictionary<(int, string), int>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Regions = await data.RegionsAsync(ct);
        Datasets = (await data.DatasetsAsync(ct)).Where(d => d.Kind == DatasetKind.ReferenceRegions).ToList();
        var counts = await db.RegionAssignments.AsNoTracking()
            .GroupBy(a => new { a.DatasetId, a.RegionCode })
            .Select(g => new { g.Key.DatasetId, g.Key.RegionCode, Count = g.Count() })
            .ToListAsync(ct);
        Counts = counts.ToDictionary(c => (c.DatasetId, c.RegionCode), c => c.Count);
    }
}
