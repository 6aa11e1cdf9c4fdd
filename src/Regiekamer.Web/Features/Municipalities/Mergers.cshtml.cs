using Microsoft.AspNetCore.Mvc.RazorPages;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Web.Features.Municipalities;

public sealed class MergersModel(ReferenceDataService data) : PageModel
{
    public IReadOnlyList<(Municipality New, IReadOnlyList<Municipality> Old)> Mergers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var s2019 = await data.SnapshotAsync(MunicipalitySet.Set2019, ct: ct);
        var s2025 = await data.SnapshotAsync(MunicipalitySet.Set2025, ct: ct);
        Mergers = s2025.Municipalities.Where(m => m.Merged2025)
            .Select(m => (m, (IReadOnlyList<Municipality>)s2019.Municipalities.Where(o => o.SuccessorNisCode == m.NisCode).ToList()))
            .ToList();
    }
}
