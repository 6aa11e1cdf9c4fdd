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
public sealed class DetailsModel(CurrentPartnership current, CallEvaluationService evaluations, CallService calls, PartnershipService partnerships, ReferenceDataService data) : RegiekamerPage
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
        Map = PartnershipMap(Partnership, Members);
        return Page();
    }

    /// <summary>The partnership's municipalities on the map, the others as context. Markers: none yet (the actor inventory adds its actors here).</summary>
    public static MapView PartnershipMap(Partnership partnership, IReadOnlyList<NisCode> members)
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
            Markers: [],
            TableId: "members");
    }

    [PartnershipAccess(PartnershipPermission.Manage)]
    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var result = await partnerships.DeleteAsync(current.Id, ct);
        return result.IsSuccess ? Redirect("/Partnerships") : Fail(result.Errors);
    }
}
