using System.Security.Claims;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Eligibility;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Api;

public static class PartnershipsApi
{
    public static void MapPartnershipsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/partnerships").WithTags("Partnerships").RequireAuthorization(Policies.SignedIn);
        group.MapGet("/", async (ClaimsPrincipal user, PartnershipService partnerships, ReferenceDataService data, CancellationToken ct) =>
        {
            var s = await data.SnapshotAsync(ct: ct);
            var readable = user.ReadablePartnerships();
            return TypedResults.Ok((await partnerships.ListAsync(ct)).Where(p => readable is null || readable.Contains(p.Id)).Select(p => ToDto(p, s)).ToList());
        }).WithSummary("The partnerships the caller may read, by name: department staff see all, a partnership role only its own.");

        group.MapGet("/{id:int}", async Task<IResult> (int id, ClaimsPrincipal user, PartnershipService partnerships, ReferenceDataService data, CancellationToken ct) =>
            !user.CanReadPartnership(id) ? Forbidden()
            : await partnerships.GetAsync(id, ct) is { } p ? TypedResults.Ok(ToDto(p, await data.SnapshotAsync(p.MunicipalitySet, ct: ct))) : NotFound(id))
            .WithSummary("One partnership with its members and their inhabitants. 403 for another partnership's regisseur, whether or not it exists.")
            .Produces<PartnershipDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        group.MapPost("/", async Task<IResult> (PartnershipRequest body, PartnershipService partnerships, ReferenceDataService data, CancellationToken ct) =>
        {
            var result = await partnerships.CreateAsync(body.ToInput(), ct);
            return result.IsSuccess
                ? TypedResults.Created($"/api/v1/partnerships/{result.Value!.Id}", ToDto(result.Value, await data.SnapshotAsync(ct: ct)))
                : Problems.From(result.Errors);
        }).RequireAuthorization(Policies.CaseWork)
          .WithSummary("Creates a partnership in the current municipality set. Kind and members (R1), status (R5), managing municipality (R4) and motivation length (R6) are checked here (422 with the rule ID); whether it is eligible (R1-R6) is for /eligibility.")
          .Produces<PartnershipDto>(StatusCodes.Status201Created)
          .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        group.MapPut("/{id:int}", async Task<IResult> (int id, ClaimsPrincipal user, PartnershipRequest body, PartnershipService partnerships, ReferenceDataService data, CancellationToken ct) =>
        {
            if (!user.CanEditPartnership(id))
            {
                return Forbidden();
            }

            if (body.Version is not { } version)
            {
                return Problems.Invalid("version", "Versie: verplicht bij een wijziging (de versie die je las).", "Version: required when updating (the version you read).");
            }

            var result = await partnerships.UpdateAsync(id, body.ToInput(), version, ct);
            return result.IsSuccess ? TypedResults.Ok(ToDto(result.Value!, await data.SnapshotAsync(ct: ct))) : Problems.From(result.Errors);
        }).WithSummary("Replaces a partnership's fields, checked as on create (R1, R4, R5, R6). version is the version read: 409 when someone else saved in between.")
          .Produces<PartnershipDto>(StatusCodes.Status200OK)
          .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        group.MapDelete("/{id:int}", async Task<IResult> (int id, PartnershipService partnerships, CancellationToken ct) =>
        {
            var result = await partnerships.DeleteAsync(id, ct);
            return result.IsSuccess ? TypedResults.NoContent() : Problems.From(result.Errors);
        }).RequireAuthorization(Policies.CaseWork)
          .WithSummary("Deletes a partnership; the audit trail keeps what it was.")
          .Produces(StatusCodes.Status204NoContent)
          .ProducesProblems(StatusCodes.Status404NotFound);

        group.MapGet("/{id:int}/members-2025", async Task<IResult> (int id, ClaimsPrincipal user, PartnershipService partnerships, ReferenceDataService data, CancellationToken ct) =>
        {
            if (!user.CanReadPartnership(id))
            {
                return Forbidden();
            }

            if (await partnerships.GetAsync(id, ct) is not { } p)
            {
                return NotFound(id);
            }

            var s2019 = await data.SnapshotAsync(MunicipalitySet.Set2019, ct: ct);
            var s2025 = await data.SnapshotAsync(MunicipalitySet.Set2025, ct: ct);
            return TypedResults.Ok(MergerMapping.To2025(p.Members.Select(m => m.NisCode), s2019.Municipalities, s2025.Municipalities).Select(m => new Member2025Dto(
                m.Municipality2025.NisCode.Value,
                m.Municipality2025.Name,
                s2025.Region(m.Municipality2025.NisCode)?.RegionName,
                m.FromMembers.Select(f => new MunicipalityRefDto(f.NisCode.Value, f.Name)).ToList(),
                m.AlsoMergedIn.Select(f => new MunicipalityRefDto(f.NisCode.Value, f.Name)).ToList())).ToList());
        }).WithSummary("The partnership's members mapped onto the 285 municipalities of 2025 after the mergers, with the 2019 municipalities outside it that merged into the same one.")
          .Produces<List<Member2025Dto>>(StatusCodes.Status200OK)
          .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        var eligibility = api.MapGroup("/eligibility").WithTags("Eligibility").RequireAuthorization(Policies.Department);
        eligibility.MapGet("/", async Task<IResult> (int? callId, string? on, EligibilityService service, CallService calls, TimeProvider time, CancellationToken ct) =>
        {
            if (await ApiRoutes.DateAsync(on, callId, calls, time, ct) is not { } date)
            {
                return ApiRoutes.BadDate(on);
            }

            var (version, snapshot, results) = await service.EvaluateAsync(callId, date, ct);
            return TypedResults.Ok(ToDto(version, snapshot, date, results));
        }).WithSummary("Eligibility (R1-R6) of every partnership of the call (?callId, default the latest) on a date (?on=YYYY-MM-DD, default the call's judgement date): eligible or not, with each finding and its rule ID.")
          .Produces<EligibilityListDto>(StatusCodes.Status200OK)
          .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        group.MapGet("/{id:int}/eligibility", async Task<IResult> (int id, ClaimsPrincipal user, int? callId, string? on, EligibilityService service, CallService calls, TimeProvider time, CancellationToken ct) =>
        {
            if (!user.CanReadPartnership(id))
            {
                return Forbidden();
            }

            if (await ApiRoutes.DateAsync(on, callId, calls, time, ct) is not { } date)
            {
                return ApiRoutes.BadDate(on);
            }

            var (_, _, results) = await service.EvaluateAsync(callId, date, ct);
            var r = results.FirstOrDefault(x => x.Partnership.Id == id);
            return r is null ? NotFound(id) : TypedResults.Ok(Eligibility(r));
        }).WithSummary("Eligibility (R1-R6) of one partnership for the call (?callId) on a date (?on=YYYY-MM-DD), with its findings. 404 when it does not exist or is not in the call's municipality set.")
          .Produces<EligibilityDto>(StatusCodes.Status200OK)
          .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
    }

    public static EligibilityListDto ToDto(CallVersion version, ReferenceSnapshot snapshot, DateOnly on, IReadOnlyList<PartnershipEligibility> results)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(results);
        return new(version.CallId.ToString(System.Globalization.CultureInfo.InvariantCulture), version.Number, on, SourceDto.Of(snapshot.RegionDataset), SourceDto.Of(snapshot.InhabitantsDataset), results.Select(Eligibility).ToList());
    }

    public static EligibilityDto Eligibility(PartnershipEligibility r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Partnership.Id, r.Partnership.Name, r.Result.Eligible, r.Result.Findings.Select(FindingDto.Of).ToList());
    }

    public static PartnershipDto ToDto(Partnership p, ReferenceSnapshot s)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(s);
        var members = p.Members.Select(m => m.NisCode).OrderBy(c => s.Find(c)?.Name, StringComparer.Ordinal)
            .Select(c => new MemberDto(c.Value, s.Find(c)?.Name ?? c.Value, s.Region(c)?.RegionName, s.Inhabitants(c))).ToList();
        return new PartnershipDto(
            p.Id, p.Name, p.Kind.Code(), p.Status.Code(), p.MunicipalitySet.ToString(), members, p.ManagingNisCode?.Value, p.ChangeMotivation,
            p.RegisseurName, p.RegisseurEmail, p.RegisseurPhone, p.IsDemo, p.DemoSource, p.Version, members.Sum(m => m.Inhabitants ?? 0), SourceDto.Of(s.InhabitantsDataset));
    }

    /// <summary>403 for a partnership that is not the caller's (the same answer whether or not it exists).</summary>
    public static IResult Forbidden() => Problems.From(new Core.Common.DomainError(
        "forbidden",
        new Core.Common.Bilingual("Je hebt geen toegang tot dit regieverband.", "You have no access to this partnership."),
        null,
        Core.Common.ErrorKind.Forbidden));

    private static IResult NotFound(int id) => Problems.From(Core.Common.DomainError.NotFound($"Regieverband {id} bestaat niet.", $"Partnership {id} does not exist."));
}
