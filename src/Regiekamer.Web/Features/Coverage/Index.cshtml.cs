using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regiekamer.Core.Coverage;
using Regiekamer.Web.Api;

namespace Regiekamer.Web.Features.Coverage;

public sealed class IndexModel(CoverageService coverage, Regiekamer.Core.Calls.CallService calls, TimeProvider time) : PageModel
{
    public DateOnly On { get; private set; }

    public CoverageReport Eligible { get; private set; } = null!;

    public CoverageReport All { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery(Name = "on")] DateOnly? on, CancellationToken ct)
    {
        On = await ApiRoutes.DateAsync(on, null, calls, time, ct);
        (Eligible, All) = await coverage.ComputeAsync(On, ct);
    }
}
