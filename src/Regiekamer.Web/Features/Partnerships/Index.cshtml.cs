using Microsoft.AspNetCore.Mvc.RazorPages;
using Regiekamer.Core.Common;
using Regiekamer.Core.Eligibility;
using Regiekamer.Core.ReferenceData;
using Regiekamer.Web.Api;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Partnerships;

public sealed class IndexModel(EligibilityService eligibility, Regiekamer.Core.Calls.CallService calls, TimeProvider time) : PageModel
{
    public IReadOnlyList<PartnershipEligibility> Results { get; private set; } = [];

    public ReferenceSnapshot Snapshot { get; private set; } = null!;

    public DateOnly On { get; private set; }

    public bool CanCreate { get; private set; }

    public string CallCode { get; private set; } = "";

    public Bilingual InhabitantsCitation => Snapshot.InhabitantsDataset.Citation;

    public async Task OnGetAsync(CancellationToken ct)
    {
        On = await ApiRoutes.DateAsync((DateOnly?)null, null, calls, time, ct);
        var (version, snapshot, results) = await eligibility.EvaluateAsync(null, On, ct);
        Snapshot = snapshot;
        var readable = User.ReadablePartnerships();
        Results = results.Where(r => readable is null || readable.Contains(r.Partnership.Id)).ToList();
        CanCreate = User.IsInRole("Administrator") || User.IsInRole("CaseHandler");
        CallCode = $"#{version.CallId} v{version.Number}";
    }
}
