using Regiekamer.Core.Allocation;
using Regiekamer.Core.Calls;
using Regiekamer.Web.Features.Eligibility;
using Regiekamer.Web.Features.Municipalities;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.WhatIf;

public static class WhatIfApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var whatIf = api.MapGroup("/what-if").WithTags("What-if").RequireAuthorization(Policies.SignedIn);
        whatIf.MapPost("/", ApplyAsync)
          .WithSummary("What one change (action add-municipality, remove-municipality or add-partnership) would do to each partnership's eligibility (R1-R6) and amount (R13). Nothing is stored.")
          .Produces<WhatIfDto>(StatusCodes.Status200OK)
          .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        whatIf.MapGet("/join-table", JoinTableAsync).RequireAuthorization(Policies.Department)
          .WithSummary("For every municipality outside the eligible partnerships: what each eligible partnership with members in its reference region would get if the municipality joined it, and the change for the others together (R13).")
          .Produces<JoinTableDto>(StatusCodes.Status200OK)
          .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> ApplyAsync(WhatIfRequest body, int? callId, WhatIfService service, CallService calls, CancellationToken ct)
    {
        var input = new WhatIfInput(body.Action, body.PartnershipId, body.Municipality, body.NewPartnership?.ToInput());
        var result = await service.ApplyAsync(callId, await calls.JudgementDateAsync(callId, body.On, ct), input, ct);
        if (!result.IsSuccess)
        {
            return Problems.From(result.Errors);
        }

        var (preview, outcome) = result.Value!;
        return TypedResults.Ok(new WhatIfDto(outcome.Budget.ToInvariantString(), preview.Snapshot.UsesEstimates, outcome.Rows.Select(r => new WhatIfRowDto(
            r.Partnership, r.Before.ToInvariantString(), r.After.ToInvariantString(), r.Change.ToInvariantString(), r.EligibleBefore, r.EligibleAfter, r.FindingsAfter.Select(FindingDto.Of).ToList())).ToList()));
    }

    private static async Task<IResult> JoinTableAsync(int? callId, string? on, WhatIfService service, CallService calls, CancellationToken ct)
    {
        var date = await CallQuery.DateAsync(on, callId, calls, ct);
        if (!date.IsSuccess)
        {
            return Problems.From(date.Errors);
        }

        var result = await service.JoinTableAsync(callId, date.Value, ct);
        if (!result.IsSuccess)
        {
            return Problems.From(result.Errors);
        }

        var (preview, options) = result.Value!;
        var s = preview.Snapshot;
        return TypedResults.Ok(new JoinTableDto(
            s.UsesEstimates,
            new JoinTableSourcesDto(SourceDto.Of(s.WorkingAgeDataset), SourceDto.JobSeekers(s, s.JobSeekersEstimated), SourceDto.Of(s.RegionDataset)),
            options.Select(o => new JoinOptionDto(o.Municipality.Value, s.Find(o.Municipality)!.Name, s.Region(o.Municipality)?.RegionName ?? "", o.Partnership, o.Before.ToInvariantString(), o.After.ToInvariantString(), o.Change.ToInvariantString(), o.OthersChange.ToInvariantString())).ToList()));
    }
}
