using Regiekamer.Core.Allocation;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Coverage;
using Regiekamer.Core.Eligibility;
using Regiekamer.Core.Imports;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Api;

public static class AllocationApi
{
    public const string RoundingRule =
        "Exact totals in integer arithmetic, floored to the cent; the remaining cents go one at a time to the largest remainders (ties: partnership name, ordinal order). Parts are rounded half-to-even and shown for information; the total is authoritative and the totals add up to the budget exactly.";

    public static void MapAllocationApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/allocation").WithTags("Allocation").RequireAuthorization(Policies.Department);
        group.MapGet("/", async Task<IResult> (int? callId, string? on, AllocationService allocation, CallService calls, TimeProvider time, CancellationToken ct) =>
        {
            if (await ApiRoutes.DateAsync(on, callId, calls, time, ct) is not { } date)
            {
                return ApiRoutes.BadDate(on);
            }

            var preview = await allocation.PreviewAsync(callId, date, ct);
            return preview.IsSuccess ? TypedResults.Ok(ToDto(preview.Value!)) : Problems.From(preview.Errors);
        }).WithSummary("The call's budget (?callId, default the latest) divided over the partnerships eligible on a date (?on=YYYY-MM-DD) by R13, computed now and not stored; excluded lists who was left out and why (R1-R6).")
          .Produces<AllocationDto>(StatusCodes.Status200OK)
          .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/runs", async (AllocationService allocation, CancellationToken ct) =>
            TypedResults.Ok((await allocation.ListRunsAsync(ct)).Select(r => new AllocationRunSummaryDto(r.Id, r.CallVersionId, r.Budget.ToInvariantString(), r.EligibilityDate, r.UsesEstimates, r.CreatedAtUtc, r.PublishedAtUtc)).ToList()))
            .WithSummary("The stored allocation runs, newest first, published or not.");

        group.MapPost("/runs", async Task<IResult> (int? callId, string? on, AllocationService allocation, CallService calls, TimeProvider time, CancellationToken ct) =>
        {
            if (await ApiRoutes.DateAsync(on, callId, calls, time, ct) is not { } date)
            {
                return ApiRoutes.BadDate(on);
            }

            var run = await allocation.CreateRunAsync(callId, date, ct);
            return run.IsSuccess ? TypedResults.Created($"/api/v1/allocation/runs/{run.Value!.Id}", new AllocationRunCreatedDto(run.Value.Id)) : Problems.From(run.Errors);
        }).RequireAuthorization(Policies.CaseWork)
          .WithSummary("Stores the allocation of GET /allocation (R13) as a run that names the call version and every dataset it used (R14); Location is the new run.")
          .Produces<AllocationRunCreatedDto>(StatusCodes.Status201Created)
          .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/runs/{id:int}", async Task<IResult> (int id, AllocationService allocation, ReferenceDataService data, CallService calls, CancellationToken ct) =>
        {
            var run = await allocation.GetRunAsync(id, ct);
            return run is null ? Problems.From(DomainError.NotFound($"Verdeling {id} bestaat niet.", $"Allocation run {id} does not exist.")) : TypedResults.Ok(await RunDtoAsync(run, data, calls, ct));
        }).WithSummary("One stored allocation run (R13) with its lines and the call version and datasets it used (R14).")
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

        var published = api.MapGroup("/published-allocations").WithTags("Allocation").AllowAnonymous();
        published.MapGet("/", async (AllocationService allocation, CancellationToken ct) =>
            TypedResults.Ok((await allocation.ListRunsAsync(ct)).Where(r => r.IsPublished).Select(r => new PublishedAllocationSummaryDto(r.Id, r.CallVersionId, r.Budget.ToInvariantString(), r.EligibilityDate, r.PublishedAtUtc!.Value)).ToList()))
            .WithSummary("The published allocation runs, newest first. Public: no sign-in needed.");
        published.MapGet("/{id:int}", async Task<IResult> (int id, AllocationService allocation, ReferenceDataService data, CallService calls, CancellationToken ct) =>
            await allocation.GetRunAsync(id, ct) is { IsPublished: true } run
                ? TypedResults.Ok(await RunDtoAsync(run, data, calls, ct))
                : Problems.From(DomainError.NotFound($"Gepubliceerde verdeling {id} bestaat niet.", $"Published allocation {id} does not exist.")))
            .WithSummary("One published allocation run (R13) with its lines and the call version and datasets it used (R14). Public; 404 for a run that is not published.")
            .Produces<AllocationDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status404NotFound);

        var whatIf = api.MapGroup("/what-if").WithTags("What-if").RequireAuthorization(Policies.SignedIn);
        whatIf.MapPost("/", async Task<IResult> (WhatIfRequest body, int? callId, WhatIfService service, PartnershipService partnerships, ReferenceDataService data, CallService calls, TimeProvider time, CancellationToken ct) =>
        {
            var change = await ToChangeAsync(body, partnerships, data, ct);
            if (!change.IsSuccess)
            {
                return Problems.From(change.Errors);
            }

            var result = await service.ApplyAsync(callId, await ApiRoutes.DateAsync(body.On, callId, calls, time, ct), change.Value!, ct);
            if (!result.IsSuccess)
            {
                return Problems.From(result.Errors);
            }

            var (preview, outcome) = result.Value!;
            return TypedResults.Ok(new WhatIfDto(outcome.Budget.ToInvariantString(), preview.Snapshot.UsesEstimates, outcome.Rows.Select(r => new WhatIfRowDto(
                r.Partnership, r.Before.ToInvariantString(), r.After.ToInvariantString(), r.Change.ToInvariantString(), r.EligibleBefore, r.EligibleAfter, r.FindingsAfter.Select(FindingDto.Of).ToList())).ToList()));
        }).WithSummary("What one change (action add-municipality, remove-municipality or add-partnership) would do to each partnership's eligibility (R1-R6) and amount (R13). Nothing is stored.")
          .Produces<WhatIfDto>(StatusCodes.Status200OK)
          .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        whatIf.MapGet("/join-table", async Task<IResult> (int? callId, string? on, WhatIfService service, CallService calls, TimeProvider time, CancellationToken ct) =>
        {
            if (await ApiRoutes.DateAsync(on, callId, calls, time, ct) is not { } date)
            {
                return ApiRoutes.BadDate(on);
            }

            var result = await service.JoinTableAsync(callId, date, ct);
            if (!result.IsSuccess)
            {
                return Problems.From(result.Errors);
            }

            var (preview, options) = result.Value!;
            var s = preview.Snapshot;
            return TypedResults.Ok(new JoinTableDto(
                s.UsesEstimates,
                new JoinTableSourcesDto(SourceDto.Of(s.WorkingAgeDataset), SourceDto.Of(s.JobSeekersDataset), SourceDto.Of(s.RegionDataset)),
                options.Select(o => new JoinOptionDto(o.Municipality.Value, s.Find(o.Municipality)!.Name, s.Region(o.Municipality)?.RegionName ?? "", o.Partnership, o.Before.ToInvariantString(), o.After.ToInvariantString(), o.Change.ToInvariantString(), o.OthersChange.ToInvariantString())).ToList()));
        }).RequireAuthorization(Policies.Department)
          .WithSummary("For every municipality outside the eligible partnerships: what each eligible partnership with members in its reference region would get if the municipality joined it, and the change for the others together (R13).")
          .Produces<JoinTableDto>(StatusCodes.Status200OK)
          .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/coverage", async Task<IResult> (string? on, CoverageService coverage, CallService calls, TimeProvider time, CancellationToken ct) =>
        {
            if (await ApiRoutes.DateAsync(on, null, calls, time, ct) is not { } date)
            {
                return ApiRoutes.BadDate(on);
            }

            var (eligible, all) = await coverage.ComputeAsync(date, ct);
            return TypedResults.Ok(new CoverageReportDto(ToDto(eligible), ToDto(all)));
        }).WithTags("Coverage").AllowAnonymous()
          .WithSummary("How much of Flanders the partnerships cover on a date (?on=YYYY-MM-DD): the eligible ones (R1-R6) and all registered ones, compared with the 2020-2025 call. Public: no sign-in needed.")
          .Produces<CoverageReportDto>(StatusCodes.Status200OK)
          .ProducesProblems(StatusCodes.Status400BadRequest);

        api.MapPost("/imports/{kind}", async Task<IResult> (string kind, string? referenceDate, string? source, string? title, HttpRequest request, ImportService imports, CancellationToken ct) =>
        {
            FigureFileKind fileKind;
            switch (kind)
            {
                case "population":
                    fileKind = FigureFileKind.Population;
                    break;
                case "job-seekers":
                    fileKind = FigureFileKind.JobSeekers;
                    break;
                default:
                    return Problems.Invalid("kind", $"Soort '{kind}' bestaat niet; kies population of job-seekers.", $"Kind '{kind}' does not exist; choose population or job-seekers.");
            }

            if (!DateOnly.TryParseExact(referenceDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
            {
                return Problems.Invalid("referenceDate", $"Referentiedatum '{referenceDate}' is geen datum (JJJJ-MM-DD).", $"Reference date '{referenceDate}' is not a date (YYYY-MM-DD).");
            }

            using var reader = new StreamReader(request.Body);
            var content = await reader.ReadToEndAsync(ct);
            var result = await imports.ImportAsync(new ImportRequest(fileKind, $"{kind}.csv", date, source, title), new StringReader(content), ct);
            return result.IsSuccess ? TypedResults.Created("/api/v1/reference/datasets", result.Value!.Select(DatasetDto.Of).ToList()) : Problems.From(result.Errors);
        }).WithTags("Reference data").Accepts<string>("text/csv").RequireAuthorization(Policies.Administrator)
          .WithSummary("Imports a CSV of figures (kind population or job-seekers) as new datasets with ?referenceDate=YYYY-MM-DD, ?source and ?title; all or nothing, and every municipality of 2019 must be in it.")
          .Produces<List<DatasetDto>>(StatusCodes.Status201Created)
          .ProducesProblems(StatusCodes.Status400BadRequest);
    }

    public static AllocationDto ToDto(AllocationPreview p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var s = p.Snapshot;
        return new AllocationDto(
            null, p.Call.Code, p.CallVersion.Number, p.Budget.ToInvariantString(), p.Weights.ToString(), p.EligibilityDate, s.UsesEstimates, RoundingRule,
            SourceDto.Of(s.WorkingAgeDataset), SourceDto.Of(s.JobSeekersDataset), SourceDto.Of(s.InhabitantsDataset), SourceDto.Of(s.RegionDataset), null, null,
            p.Lines.Select(l => AllocationLineDto.Of(l, p.PartnershipsByName[l.Name].Id)).ToList(),
            p.Excluded.Select(PartnershipsApi.Eligibility).ToList());
    }

    private static async Task<AllocationDto> RunDtoAsync(AllocationRun run, ReferenceDataService data, CallService calls, CancellationToken ct)
    {
        var version = (await calls.GetVersionAsync(run.CallVersionId, ct))!;
        var call = (await calls.GetAsync(version.CallId, ct))!;
        async Task<SourceDto> Source(int id) => SourceDto.Of((await data.DatasetAsync(id, ct))!);
        return new AllocationDto(
            run.Id, call.Code, version.Number, run.Budget.ToInvariantString(), $"{run.WeightWorkingAge},{run.WeightJobSeekers},{run.WeightEqual}", run.EligibilityDate, run.UsesEstimates, RoundingRule,
            await Source(run.WorkingAgeDatasetId), await Source(run.JobSeekersDatasetId), await Source(run.InhabitantsDatasetId), await Source(run.RegionDatasetId), run.CreatedAtUtc, run.PublishedAtUtc,
            run.Lines.Select(AllocationLineDto.Of).ToList(), []);
    }

    private static CoverageDto ToDto(CoverageReport c) => new(
        c.Partnerships, c.ByKind.ToDictionary(k => k.Kind.Code(), k => k.Count), c.Smallest?.Name, c.Smallest?.Inhabitants, c.Largest?.Name, c.Largest?.Inhabitants,
        c.CoveredInhabitants, c.TotalInhabitants, Math.Round(c.InhabitantShare, 4), c.CoveredMunicipalities, c.TotalMunicipalities, SourceDto.Of(c.InhabitantsDataset),
        $"2020-2025 call: {Coverage2020.Partnerships} partnerships, {Coverage2020.PopulationShare:P0} of the population, {Coverage2020.Municipalities} of {Coverage2020.OfMunicipalities} municipalities ({Coverage2020.Source}).");

    /// <summary>Turns an API or form what-if request into a change on the partnerships of the call.</summary>
    public static async Task<Result<WhatIfChange>> ToChangeAsync(WhatIfRequest body, PartnershipService partnerships, ReferenceDataService data, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var snapshot = await data.SnapshotAsync(ct: ct);
        switch (body.Action)
        {
            case "add-municipality" or "remove-municipality":
                var p = body.PartnershipId is { } id ? await partnerships.GetAsync(id, ct) : null;
                if (p is null)
                {
                    return DomainError.Invalid("validation", "Kies een bestaand regieverband.", "Choose an existing partnership.", "partnershipId");
                }

                var m = body.Municipality is null ? null : snapshot.Find(body.Municipality);
                if (m is null)
                {
                    return DomainError.Invalid("validation", $"'{body.Municipality}' is geen gemeente.", $"'{body.Municipality}' is not a municipality.", "municipality");
                }

                return Result<WhatIfChange>.Ok(new WhatIfChange(body.Action == "add-municipality" ? WhatIfAction.AddMunicipality : WhatIfAction.RemoveMunicipality, p.Name, m.NisCode, null));
            case "add-partnership":
                if (body.NewPartnership is null)
                {
                    return DomainError.Invalid("validation", "Geef het nieuwe regieverband op.", "Give the new partnership.", "newPartnership");
                }

                var valid = PartnershipService.Validate(body.NewPartnership.ToInput(), snapshot);
                return valid.IsSuccess
                    ? Result<WhatIfChange>.Ok(new WhatIfChange(WhatIfAction.AddPartnership, null, null, valid.Value!.ToFacts()))
                    : Result<WhatIfChange>.Fail(valid.Errors);
            default:
                return DomainError.Invalid("validation", $"Actie '{body.Action}' bestaat niet; kies add-municipality, remove-municipality of add-partnership.", $"Action '{body.Action}' does not exist; choose add-municipality, remove-municipality or add-partnership.", "action");
        }
    }
}
