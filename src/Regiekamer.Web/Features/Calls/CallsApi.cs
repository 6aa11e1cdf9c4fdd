using Regiekamer.Core.Calls;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Calls;

public static class CallsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/calls").WithTags("Calls").RequireAuthorization(Policies.SignedIn);
        group.MapGet("/", async (CallService calls, CancellationToken ct) => TypedResults.Ok((await calls.ListAsync(ct)).Select(CallDto.Of).ToList()))
            .WithSummary("The calls, newest first, each with every version of its terms (R14).");
        group.MapGet("/{id:int}", async Task<IResult> (int id, CallService calls, CancellationToken ct) =>
            await calls.GetAsync(id, ct) is { } c ? TypedResults.Ok(CallDto.Of(c)) : Problems.From(CallService.CallNotFound(id)))
            .WithSummary("One call with every version of its terms (R14): budget, weights, deadline, priorities, reference regions.")
            .Produces<CallDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("/{id:int}/versions", async Task<IResult> (int id, CallVersionRequest body, CallService calls, CancellationToken ct) =>
        {
            var result = await calls.AddVersionAsync(id, new CallVersionInput(body.YearlyBudget, body.WeightWorkingAge, body.WeightJobSeekers, body.WeightEqual, body.Deadline, body.Priorities, body.EffectiveFrom, body.Note, body.RegionDatasetId), body.Version, ct);
            return result.IsSuccess ? TypedResults.Created($"/api/v1/calls/{id}", CallVersionDto.Of(result.Value!)) : Problems.From(result.Errors);
        }).RequireAuthorization(Policies.Administrator)
          .WithSummary("Adds a version of the call's terms (R14); earlier versions and the runs that used them stay as they were. Budget and weights (R13) and priorities (R9) are checked (422 with the rule ID); version is the call version read (409 when it changed).")
          .Produces<CallVersionDto>(StatusCodes.Status201Created)
          .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
    }
}
