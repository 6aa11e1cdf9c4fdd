using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Areas;
using Regiekamer.Core.Data;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Partnerships;

public static class PartnershipsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/partnerships").WithTags("Partnerships").RequireAuthorization(Policies.SignedIn);
        group.MapGet("/", ListAsync)
            .WithSummary("The partnerships the caller may read, by name: department staff see all, a partnership role only its own.");

        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.CaseWork)
          .WithSummary("Creates a partnership in the current municipality set. Kind and members (R1), status (R5), managing municipality (R4) and motivation length (R6) are checked here (422 with the rule ID); whether it is eligible (R1-R6) is for /eligibility.")
          .Produces<PartnershipDto>(StatusCodes.Status201Created)
          .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        // One partnership: the gate (PartnershipAccess) answers 403 and 404 before these handlers run.
        var one = group.MapGroup("/{partnershipId:int}").RequirePartnership(PartnershipPermission.Read);
        one.MapGet("/", (CurrentPartnership current, ReferenceDataService data, CancellationToken ct) => GetAsync(current.Existing, data, ct))
            .WithSummary("One partnership with its members and their inhabitants. 403 for another partnership's regisseur, whether or not it exists.")
            .Produces<PartnershipDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        one.MapPut("/", UpdateAsync).RequirePartnership(PartnershipPermission.Edit)
            .WithSummary("Replaces a partnership's fields, checked as on create (R1, R4, R5, R6). version is the version read: 409 when someone else saved in between.")
            .Produces<PartnershipDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        one.MapDelete("/", DeleteAsync).RequirePartnership(PartnershipPermission.Manage)
            .WithSummary("Deletes a partnership; the audit trail keeps what it was.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        one.MapGet("/members-2025", Members2025Async)
            .WithSummary("The partnership's members mapped onto the 285 municipalities of 2025 after the mergers, with the 2019 municipalities outside it that merged into the same one.")
            .Produces<List<Member2025Dto>>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        one.MapGet("/area", AreaAsync)
            .WithSummary("The area's challenges next to Flanders' (the environment analysis, WSE-LR1): inhabitants, working-age population, aged 65 and over (Statbel 1/1/2017) and job seekers (the latest call's VDAB figures; a share of a 2025 merger the partnership does not hold whole, or a suppressed value, is an estimate and says why), each with its dataset, source and reference date. Counts are exact sums; shares are part/whole, with a percentage rounded for display.")
            .Produces<AreaDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> AreaAsync(CurrentPartnership current, ReferenceDataService data, CancellationToken ct)
    {
        var p = current.Existing;
        var s = await data.SnapshotAsync(p.MunicipalitySet, ct: ct);
        var area = AreaChallenges.Compute(p.Members.Select(m => m.NisCode), s, AgeGroupFigures.Shipped(s.Set));
        return TypedResults.Ok(new AreaDto(
            p.Id,
            s.Set == MunicipalitySet.Set2025 ? "2025" : "2019",
            area.Municipalities,
            area.Figures.Select(f => new AreaFigureDto(
                f.Code, f.Label.En, f.Value, f.FlemishValue, Share(f.Share), Share(f.FlemishShare), f.ShareOf.En, f.DatasetTitle, f.Citation.En, f.ReferenceDate, f.IsEstimate,
                f.Estimates.Select(Municipalities.EstimatedFigureDto.Of).ToList(), f.FlemishEstimates.Select(Municipalities.EstimatedFigureDto.Of).ToList(),
                f.Missing.Select(c => c.Value).ToList())).ToList(),
            area.JobSeekersMethod?.En));

        static ShareDto? Share(Share? share) => share is { } v ? new ShareDto(v.Part, v.Whole, v.PerMille is { } pm ? pm / 10m : null) : null;
    }

    private static async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<List<PartnershipDto>>> ListAsync(ClaimsPrincipal user, RegiekamerDb db, ReferenceDataService data, DerivedCache cache, CancellationToken ct)
    {
        var readable = user.ReadablePartnerships();
        var key = readable is null ? "all" : string.Join(',', readable.Order());
        return TypedResults.Ok(await cache.GetOrCreateAsync(db, ("partnership-dtos", key), async () =>
        {
            var s = await data.SnapshotAsync(ct: ct);
            var query = db.Partnerships.AsNoTracking();
            if (readable is not null)
            {
                query = query.Where(p => readable.Contains(p.Id));
            }

            return (await query.OrderBy(p => p.Name).ToListAsync(ct)).Select(p => ToDto(p, s)).ToList();
        }, ct));
    }

    private static async Task<IResult> GetAsync(Partnership p, ReferenceDataService data, CancellationToken ct) =>
        TypedResults.Ok(ToDto(p, await data.SnapshotAsync(p.MunicipalitySet, ct: ct)));

    private static async Task<IResult> CreateAsync(PartnershipRequest body, PartnershipService partnerships, ReferenceDataService data, CancellationToken ct)
    {
        var result = await partnerships.CreateAsync(body.ToInput(), ct);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/partnerships/{result.Value!.Id}", ToDto(result.Value, await data.SnapshotAsync(ct: ct)))
            : Problems.From(result.Errors);
    }

    private static async Task<IResult> UpdateAsync(CurrentPartnership current, PartnershipRequest body, PartnershipService partnerships, ReferenceDataService data, CancellationToken ct)
    {
        if (body.Version is not { } version)
        {
            return Problems.Invalid("version", "Versie: verplicht bij een wijziging (de versie die je las).", "Version: required when updating (the version you read).");
        }

        var result = await partnerships.UpdateAsync(current.Id, body.ToInput(), version, ct);
        return result.IsSuccess ? TypedResults.Ok(ToDto(result.Value!, await data.SnapshotAsync(ct: ct))) : Problems.From(result.Errors);
    }

    private static async Task<IResult> DeleteAsync(CurrentPartnership current, PartnershipService partnerships, CancellationToken ct)
    {
        var result = await partnerships.DeleteAsync(current.Id, ct);
        return result.IsSuccess ? TypedResults.NoContent() : Problems.From(result.Errors);
    }

    private static async Task<IResult> Members2025Async(CurrentPartnership current, ReferenceDataService data, CancellationToken ct)
    {
        var p = current.Existing;
        var s2019 = await data.SnapshotAsync(MunicipalitySet.Set2019, ct: ct);
        var s2025 = await data.SnapshotAsync(MunicipalitySet.Set2025, ct: ct);
        return TypedResults.Ok(MergerMapping.To2025(p.Members.Select(m => m.NisCode), s2019.Municipalities, s2025.Municipalities).Select(m => new Member2025Dto(
            m.Municipality2025.NisCode.Value,
            m.Municipality2025.Name,
            s2025.Region(m.Municipality2025.NisCode)?.RegionName,
            m.FromMembers.Select(f => new Municipalities.MunicipalityRefDto(f.NisCode.Value, f.Name)).ToList(),
            m.AlsoMergedIn.Select(f => new Municipalities.MunicipalityRefDto(f.NisCode.Value, f.Name)).ToList())).ToList());
    }

    public static PartnershipDto ToDto(Partnership p, ReferenceSnapshot s)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(s);
        var members = p.Members.Select(m => m.NisCode).OrderBy(c => s.Find(c)?.Name, StringComparer.Ordinal)
            .Select(c => new MemberDto(c.Value, s.Find(c)?.Name ?? c.Value, s.Region(c)?.RegionName, s.Inhabitants(c))).ToList();
        return new PartnershipDto(
            p.Id, p.Name, p.Kind.Code(), p.Status.Code(), p.MunicipalitySet.ToString(), members, p.ManagingNisCode?.Value, p.ChangeMotivation,
            p.RegisseurName, p.RegisseurEmail, p.RegisseurPhone, p.IsDemo, p.DemoSource, p.Version, members.Sum(m => m.Inhabitants ?? 0), Municipalities.SourceDto.Of(s.InhabitantsDataset));
    }
}
