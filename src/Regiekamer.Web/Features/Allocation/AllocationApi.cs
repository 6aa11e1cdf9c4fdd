using Regiekamer.Core.Allocation;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.ReferenceData;
using Regiekamer.Web.Features.Eligibility;
using Regiekamer.Web.Features.Municipalities;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Allocation;

public static class AllocationApi
{
    public const string RoundingRule =
        "Exact totals in integer arithmetic, floored to the cent; the remaining cents go one at a time to the largest remainders (ties: partnership name, ordinal order). Parts are rounded half-to-even and shown for information; the total is authoritative and the totals add up to the budget exactly.";

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/allocation").WithTags("Allocation").RequireAuthorization(Policies.Department);
        group.MapGet("/", PreviewAsync)
          .WithSummary("The call's budget (?callId, default the latest) divided over the partnerships eligible on a date (?on=YYYY-MM-DD) by R13, computed once per change of its inputs and not stored; excluded lists who was left out and why (R1-R6). jobSeekers names the figures used (series, year, reference date); each line says whether its job-seeker figure is (partly) an estimate and which members.")
          .Produces<AllocationDto>(StatusCodes.Status200OK)
          .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/runs", async (AllocationService allocation, CancellationToken ct) =>
            TypedResults.Ok((await allocation.ListRunsAsync(ct)).Select(r => new AllocationRunSummaryDto(r.Id, r.CallVersionId, r.Budget.ToInvariantString(), r.EligibilityDate, r.UsesEstimates, r.CreatedAtUtc, r.PublishedAtUtc)).ToList()))
            .WithSummary("The stored allocation runs, newest first, published or not.");

        group.MapPost("/runs", CreateRunAsync).RequireAuthorization(Policies.CaseWork)
          .WithSummary("Stores the allocation of GET /allocation (R13) as a run that names the call version and every dataset it used (R14); Location is the new run.")
          .Produces<AllocationRunCreatedDto>(StatusCodes.Status201Created)
          .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/runs/{id:int}", async Task<IResult> (int id, AllocationService allocation, ReferenceDataService data, CallService calls, CancellationToken ct) =>
            await allocation.GetRunAsync(id, ct) is { } run ? TypedResults.Ok(await RunDtoAsync(run, allocation, data, calls, ct)) : Problems.From(AllocationService.RunNotFound(id)))
          .WithSummary("One stored allocation run (R13) with its lines and the call version and datasets it used (R14).")
          .Produces<AllocationDto>(StatusCodes.Status200OK)
          .ProducesProblems(StatusCodes.Status404NotFound);

        group.MapPost("/runs/{id:int}/publish", async Task<IResult> (int id, AllocationService allocation, CancellationToken ct) =>
        {
            var result = await allocation.PublishAsync(id, ct);
            return result.IsSuccess ? TypedResults.Ok(new AllocationRunPublishedDto(result.Value!.Id, result.Value.PublishedAtUtc!.Value)) : Problems.From(result.Errors);
        }).RequireAuthorization(Policies.Administrator)
          .WithSummary("Publishes a run, which freezes it (R14). 409 when it is already published (R14) or uses estimated figures (R13).")
          .Produces<AllocationRunPublishedDto>(StatusCodes.Status200OK)
          .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        group.MapDelete("/runs/{id:int}", async Task<IResult> (int id, AllocationService allocation, CancellationToken ct) =>
        {
            var result = await allocation.DeleteRunAsync(id, ct);
            return result.IsSuccess ? TypedResults.NoContent() : Problems.From(result.Errors);
        }).RequireAuthorization(Policies.CaseWork)
          .WithSummary("Deletes an unpublished run; a published run cannot be deleted (409, R14).")
          .Produces(StatusCodes.Status204NoContent)
          .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> PreviewAsync(int? callId, string? on, AllocationService allocation, CallService calls, CancellationToken ct)
    {
        var date = await CallQuery.DateAsync(on, callId, calls, ct);
        if (!date.IsSuccess)
        {
            return Problems.From(date.Errors);
        }

        var preview = await allocation.PreviewAsync(callId, date.Value, ct);
        return preview.IsSuccess ? TypedResults.Ok(ToDto(preview.Value!)) : Problems.From(preview.Errors);
    }

    private static async Task<IResult> CreateRunAsync(int? callId, string? on, AllocationService allocation, CallService calls, CancellationToken ct)
    {
        var date = await CallQuery.DateAsync(on, callId, calls, ct);
        if (!date.IsSuccess)
        {
            return Problems.From(date.Errors);
        }

        var run = await allocation.CreateRunAsync(callId, date.Value, ct);
        return run.IsSuccess ? TypedResults.Created($"/api/v1/allocation/runs/{run.Value!.Id}", new AllocationRunCreatedDto(run.Value.Id)) : Problems.From(run.Errors);
    }

    public static AllocationDto ToDto(AllocationPreview p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var s = p.Snapshot;
        return new AllocationDto(
            null, p.Call.Code, p.CallVersion.Number, p.Budget.ToInvariantString(), p.Weights.ToString(), p.EligibilityDate, p.UsesEstimates, RoundingRule,
            SourceDto.Of(s.WorkingAgeDataset), SourceDto.JobSeekers(s, p.Lines.Any(l => l.JobSeekersEstimated)), p.JobSeekersChosen is { } chosen ? SourceDto.Of(chosen) : null,
            SourceDto.Of(s.InhabitantsDataset), SourceDto.Of(s.RegionDataset), null, null,
            p.Lines.Select(l => AllocationLineDto.Of(l, p.PartnershipsByName[l.Name].Id)).ToList(),
            p.Excluded.Select(EligibilityApi.Eligibility).ToList(),
            p.Basis.Code());
    }

    /// <summary>A stored run with the call version and the datasets it used.</summary>
    public static async Task<AllocationDto> RunDtoAsync(AllocationRun run, AllocationService allocation, ReferenceDataService data, CallService calls, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(allocation);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(calls);
        var version = (await calls.GetVersionAsync(run.CallVersionId, ct))!;
        var call = (await calls.GetAsync(version.CallId, ct))!;
        async Task<SourceDto> Source(int id) => SourceDto.Of((await data.DatasetAsync(id, ct))!);
        var estimates = await allocation.LineEstimatesAsync(run.Lines, ct);
        var jobSeekers = await Source(run.JobSeekersDatasetId);
        if (run.Lines.Any(l => estimates[l.Id].Count > 0))
        {
            jobSeekers = jobSeekers with { Estimate = true, EstimateMethod = jobSeekers.EstimateMethod ?? Core.ReferenceData.ShippedReferenceData.JobSeekerSplitMethod.Nl };
        }

        return new AllocationDto(
            run.Id, call.Code, version.Number, run.Budget.ToInvariantString(), $"{run.WeightWorkingAge},{run.WeightJobSeekers},{run.WeightEqual}", run.EligibilityDate, run.UsesEstimates, RoundingRule,
            await Source(run.WorkingAgeDatasetId), jobSeekers, null, await Source(run.InhabitantsDatasetId), await Source(run.RegionDatasetId), run.CreatedAtUtc, run.PublishedAtUtc,
            run.Lines.Select(l => AllocationLineDto.Of(l, estimates[l.Id])).ToList(), [], run.Basis.Code());
    }
}
