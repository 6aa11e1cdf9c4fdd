using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Allocation;
using Regiekamer.Core.Areas;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Eligibility;
using Regiekamer.Core.Evaluation;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;
using Regiekamer.Web.Features.Shared;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Partnerships;

/// <summary>One partnership: its data, its eligibility and amount for the latest call on a date, its members on both sets.</summary>
[OutputCache(PolicyName = PageCache.Policy)]
[PartnershipAccess(PartnershipPermission.Read)]
public sealed class DetailsModel(CurrentPartnership current, CallEvaluationService evaluations, CallService calls, PartnershipService partnerships, ReferenceDataService data, Core.Actors.ActorService actors) : RegiekamerPage
{
    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public DateOnly On { get; private set; }

    public Partnership Partnership => current.Existing;

    public ReferenceSnapshot Snapshot { get; private set; } = null!;

    /// <summary>Null when the partnership is not on the latest call's municipality set.</summary>
    public EligibilityResult? Result { get; private set; }

    public Money? Amount { get; private set; }

    /// <summary>The allocation rests on an estimated figure (of this partnership or another: each amount depends on every figure).</summary>
    public bool UsesEstimates { get; private set; }

    /// <summary>The members whose job-seeker figure is an estimate for this partnership (not the shares of a merger it holds whole).</summary>
    public IReadOnlyList<FigureEstimate> JobSeekerEstimates { get; private set; } = [];

    public string CallCode { get; private set; } = "";

    public bool CanEdit => User.May(current.Id, PartnershipPermission.Edit);

    public bool CanDelete => User.May(current.Id, PartnershipPermission.Manage);

    public IReadOnlyList<NisCode> Members { get; private set; } = [];

    public IReadOnlyList<MappedMember> Members2025 { get; private set; } = [];

    /// <summary>The area's figures next to Flanders' (issue 10, point 3), on the same snapshot as the members table.</summary>
    public AreaChallengesReport Area { get; private set; } = null!;

    public MapView Map { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "on")] DateOnly? on, CancellationToken ct)
    {
        On = await calls.JudgementDateAsync(null, on, ct);
        var evaluation = await evaluations.EvaluateAsync(null, On, ct);
        if (!evaluation.IsSuccess)
        {
            return Fail(evaluation.Errors);
        }

        var e = evaluation.Value!;
        Snapshot = e.Snapshot.Set == Partnership.MunicipalitySet ? e.Snapshot : await data.SnapshotAsync(Partnership.MunicipalitySet, ct: ct);
        CallCode = e.CallLabel;
        Result = e.Of(current.Id)?.Result;
        Amount = e.Allocation.Value?.Lines.FirstOrDefault(l => l.Name == Partnership.Name)?.Total;
        UsesEstimates = e.Allocation.Value?.UsesEstimates ?? e.Snapshot.UsesEstimates;
        Members = Partnership.Members.Select(m => m.NisCode).OrderBy(c => Snapshot.Find(c)?.Name, StringComparer.Ordinal).ToList();
        JobSeekerEstimates = AllocationInputs.From([PartnershipService.ToFacts(Partnership)], Snapshot).Value?[0].JobSeekerEstimates ?? [];
        var s2025 = await data.SnapshotAsync(MunicipalitySet.Set2025, ct: ct);
        Members2025 = MergerMapping.To2025(Members, Snapshot.Municipalities, s2025.Municipalities);
        Area = AreaChallenges.Compute(Members, Snapshot, AgeGroupFigures.Shipped(Snapshot.Set));
        Actors = (await actors.ListAsync(current.Id, new Core.Actors.ActorFilter(), ct)).Select(i => i.Actor).OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
        Map = PartnershipMap(Partnership, Members, ActorMarkers(Actors, Partnership.MunicipalitySet, Snapshot.Municipalities, Members));
        Municipalities2025 = s2025.Municipalities.ToDictionary(m => m.NisCode, m => m.Name);
        return Page();
    }

    /// <summary>The partnership's actors (not archived), shown on the map and in the table beside it.</summary>
    public IReadOnlyList<Core.Actors.Actor> Actors { get; private set; } = [];

    /// <summary>
    /// One point per municipality with actors, labelled with their names, on the map's set: an actor's municipality is of
    /// the 2025 set; on a 2019–2024 map it is placed in a predecessor (a member if one is).
    /// </summary>
    public static IReadOnlyList<MapView.Marker> ActorMarkers(IEnumerable<Core.Actors.Actor> list, MunicipalitySet set, IReadOnlyList<Municipality> onSet, IReadOnlyList<NisCode> members)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(onSet);
        ArgumentNullException.ThrowIfNull(members);
        var memberSet = members.ToHashSet();
        NisCode? Place(NisCode code) => set == MunicipalitySet.Set2025
            ? code
            : onSet.Where(m => m.SuccessorNisCode == code).OrderByDescending(m => memberSet.Contains(m.NisCode)).ThenBy(m => m.NisCode.Value, StringComparer.Ordinal).Select(m => (NisCode?)m.NisCode).FirstOrDefault();
        return list.Where(a => a.MunicipalityNisCode is not null)
            .Select(a => (At: Place(a.MunicipalityNisCode!.Value), a.Name))
            .Where(x => x.At is not null)
            .GroupBy(x => x.At!.Value)
            .Select(g => new MapView.Marker(g.Key, string.Join(", ", g.Select(x => x.Name))))
            .ToList();
    }

    /// <summary>The name of a 2025 municipality, for the actors' table.</summary>
    public string? Municipality2025Name(NisCode? code) => code is { } c ? Municipalities2025.GetValueOrDefault(c) : null;

    private IReadOnlyDictionary<NisCode, string> Municipalities2025 { get; set; } = new Dictionary<NisCode, string>();

    /// <summary>The partnership's municipalities on the map, the others as context, and its actors as points.</summary>
    public static MapView PartnershipMap(Partnership partnership, IReadOnlyList<NisCode> members, IReadOnlyList<MapView.Marker>? markers = null)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        return new MapView(
            "partnership-map",
            new($"Kaart van het gebied van {partnership.Name}", $"Map of the area of {partnership.Name}"),
            partnership.MunicipalitySet,
            [new MapView.Group(partnership.Name, members)],
            RestUncovered: false,
            ShowRegions: true,
            FitGroups: true,
            Markers: markers ?? [],
            TableId: "members");
    }

    [PartnershipAccess(PartnershipPermission.Manage)]
    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var result = await partnerships.DeleteAsync(current.Id, ct);
        return result.IsSuccess ? Redirect("/Partnerships") : Fail(result.Errors);
    }
}
