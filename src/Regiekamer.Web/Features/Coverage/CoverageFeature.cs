using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Coverage;
using Regiekamer.Core.Evaluation;
using Regiekamer.Core.Partnerships;
using Regiekamer.Web.Features.Municipalities;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Coverage;

/// <summary>How much of Flanders the partnerships cover: public.</summary>
public sealed class CoverageFeature : IWebFeature
{
    public static void Pages(PageConventionCollection pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        pages.AllowAnonymousToPage("/Coverage/Index");
    }

    public static void Api(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/coverage", async Task<IResult> (string? on, CallEvaluationService evaluations, CallService calls, CancellationToken ct) =>
        {
            var evaluation = await CallQuery.EvaluateAsync(on, null, evaluations, calls, ct);
            return evaluation.IsSuccess
                ? TypedResults.Ok(new CoverageReportDto(ToDto(evaluation.Value!.EligibleCoverage), ToDto(evaluation.Value.RegisteredCoverage)))
                : Problems.From(evaluation.Errors);
        }).WithTags("Coverage").AllowAnonymous()
          .WithSummary("How much of Flanders the partnerships cover on a date (?on=YYYY-MM-DD): the eligible ones (R1-R6) and all registered ones, compared with the 2020-2025 call. Public: no sign-in needed.")
          .Produces<CoverageReportDto>(StatusCodes.Status200OK)
          .ProducesProblems(StatusCodes.Status400BadRequest);
    }

    private static CoverageDto ToDto(CoverageReport c) => new(
        c.Partnerships, c.ByKind.ToDictionary(k => k.Kind.Code(), k => k.Count), c.Smallest?.Name, c.Smallest?.Inhabitants, c.Largest?.Name, c.Largest?.Inhabitants,
        c.CoveredInhabitants, c.TotalInhabitants, Math.Round(c.InhabitantShare, 4), c.CoveredMunicipalities, c.TotalMunicipalities, SourceDto.Of(c.InhabitantsDataset),
        $"2020-2025 call: {Coverage2020.Partnerships} partnerships, {Coverage2020.PopulationShare:P0} of the population, {Coverage2020.Municipalities} of {Coverage2020.OfMunicipalities} municipalities ({Coverage2020.Source}).");
}
