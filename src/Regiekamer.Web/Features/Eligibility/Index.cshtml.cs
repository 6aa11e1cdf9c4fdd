using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regiekamer.Core.Eligibility;
using Regiekamer.Core.ReferenceData;
using Regiekamer.Web.Api;

namespace Regiekamer.Web.Features.Eligibility;

public sealed class IndexModel(EligibilityService eligibility, Regiekamer.Core.Calls.CallService calls, TimeProvider time) : PageModel
{
    public DateOnly On { get; private set; }

    public IReadOnlyList<PartnershipEligibility> Results { get; private set; } = [];

    public ReferenceSnapshot Snapshot { get; private set; } = null!;

    public string CallCode { get; private set; } = "";

    public async Task OnGetAsync([FromQuery(Name = "on")] DateOnly? on, CancellationToken ct)
    {
        On = await ApiRoutes.DateAsync(on, null, calls, time, ct);
        var (version, snapshot, results) = await eligibility.EvaluateAsync(null, On, ct);
        Snapshot = snapshot;
        Results = results.OrderBy(r => r.Result.Eligible).ThenBy(r => r.Partnership.Name, StringComparer.Ordinal).ToList();
        CallCode = $"#{version.CallId} v{version.Number}";
    }
}
