using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Coverage;
using Regiekamer.Core.Evaluation;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Coverage;

[OutputCache(PolicyName = PageCache.Policy)]
public sealed class IndexModel(CallEvaluationService evaluations, CallService calls) : RegiekamerPage
{
    public DateOnly On { get; private set; }

    public CoverageReport Eligible { get; private set; } = null!;

    public CoverageReport All { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "on")] DateOnly? on, CancellationToken ct)
    {
        On = await calls.JudgementDateAsync(null, on, ct);
        var evaluation = await evaluations.EvaluateAsync(null, On, ct);
        if (!evaluation.IsSuccess)
        {
            return Fail(evaluation.Errors);
        }

        (Eligible, All) = (evaluation.Value!.EligibleCoverage, evaluation.Value.RegisteredCoverage);
        return Page();
    }
}
