using Regiekamer.Core.Calls;
using Regiekamer.Core.ReferenceData;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Calls;

public static class CallsApi
{
    private static async Task<Dictionary<int, ReferenceDataset>> DatasetsAsync(ReferenceDataService data, CancellationToken ct) =>
        (await data.DatasetsAsync(ct)).ToDictionary(d => d.Id);

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/calls").WithTags("Calls").RequireAuthorization(Policies.SignedIn);
        group.MapGet("/", async (CallService calls, ReferenceDataService data, CancellationToken ct) =>
        {
            var datasets = await DatasetsAsync(data, ct);
            return TypedResults.Ok((await calls.ListAsync(ct)).Select(c => CallDto.Of(c, datasets)).ToList());
        }).WithSummary("The calls, newest first, each with every version of its terms (R14), including the job-seeker figures its allocation uses (R13).");
        group.MapGet("/{id:int}", async Task<IResult> (int id, CallService calls, ReferenceDataService data, CancellationToken ct) =>
            await calls.GetAsync(id, ct) is { } c ? TypedResults.Ok(CallDto.Of(c, await DatasetsAsync(data, ct))) : Problems.From(CallService.CallNotFound(id)))
            .WithSummary("One call with every version of its terms (R14): budget, weights, deadline, priorities, reference regions, job-seeker figures (series and year).")
            .Produces<CallDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("/{id:int}/versions", async Task<IResult> (int id, CallVersionRequest body, CallService calls, ReferenceDataService data, CancellationToken ct) =>
        {
            var result = await calls.AddVersionAsync(id, new CallVersionInput(body.YearlyBudget, body.WeightWorkingAge, body.WeightJobSeekers, body.WeightEqual, body.Deadline, body.Priorities, body.EffectiveFrom, body.Note, body.RegionDatasetId, body.JobSeekersDatasetId, body.AdvancePercent, body.ReportDueMonth, body.ReportDueDay), body.Version, ct);
            return result.IsSuccess ? TypedResults.Created($"/api/v1/calls/{id}", CallVersionDto.Of(result.Value!, await DatasetsAsync(data, ct))) : Problems.From(result.Errors);
        }).RequireAuthorization(Policies.Administrator)
          .WithSummary("Adds a version of the call's terms (R14); earlier versions and the runs that used them stay as they were. Budget, weights and the job-seeker dataset (jobSeekersDatasetId: which series and year; null keeps the current one) (R13) and priorities (R9) are checked (422 with the rule ID); version is the call version read (409 when it changed).")
          .Produces<CallVersionDto>(StatusCodes.Status201Created)
          .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
    }
}
