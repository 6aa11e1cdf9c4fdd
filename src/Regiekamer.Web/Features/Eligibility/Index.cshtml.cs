using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Eligibility;
using Regiekamer.Core.Evaluation;
using Regiekamer.Core.ReferenceData;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Eligibility;

public sealed class IndexModel(CallEvaluationService evaluations, CallService calls) : RegiekamerPage
{
    public DateOnly On { get; private set; }

    public IReadOnlyList<PartnershipEligibility> Results { get; private set; } = [];

    public ReferenceSnapshot Snapshot { get; private set; } = null!;

    public string CallCode { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "on")] DateOnly? on, CancellationToken ct)
    {
        On = await calls.JudgementDateAsync(null, on, ct);
        var evaluation = await evaluations.EvaluateAsync(null, On, ct);
        if (!evaluation.IsSuccess)
        {
            return Fail(evaluation.Errors);
        }

        var e = evaluation.Value!;
        Snapshot = e.Snapshot;
        Results = e.Partnerships.OrderBy(r => r.Result.Eligible).ThenBy(r => r.Partnership.Name, StringComparer.Ordinal).ToList();
        CallCode = e.CallLabel;
        return Page();
    }
}
