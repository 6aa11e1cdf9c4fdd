using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Coverage;
using Regiekamer.Core.Evaluation;
using Regiekamer.Core.ReferenceData;
using Regiekamer.Web.Features.Shared;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Coverage;

[OutputCache(PolicyName = PageCache.Policy)]
public sealed class IndexModel(CallEvaluationService evaluations, CallService calls) : RegiekamerPage
{
    public DateOnly On { get; private set; }

    public CoverageReport Eligible { get; private set; } = null!;

    public CoverageReport All { get; private set; } = null!;

    public ReferenceSnapshot Snapshot { get; private set; } = null!;

    /// <summary>Every registered partnership of the call's municipality set, by name, with its members by name and whether it is eligible on the date.</summary>
    public IReadOnlyList<(string Name, bool Eligible, IReadOnlyList<Municipality> Members)> Areas { get; private set; } = [];

    /// <summary>The municipalities of the set in no registered partnership.</summary>
    public IReadOnlyList<Municipality> Uncovered { get; private set; } = [];

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
        (Eligible, All, Snapshot) = (e.EligibleCoverage, e.RegisteredCoverage, e.Snapshot);
        Areas = e.Partnerships
            .OrderBy(p => p.Partnership.Name, StringComparer.Ordinal)
            .Select(p => (p.Partnership.Name, p.Result.Eligible, (IReadOnlyList<Municipality>)p.Partnership.Members
                .Select(m => Snapshot.Find(m.NisCode)).OfType<Municipality>().OrderBy(m => m.Name, StringComparer.Ordinal).ToList()))
            .ToList();
        var covered = Areas.SelectMany(a => a.Members).Select(m => m.NisCode).ToHashSet();
        Uncovered = Snapshot.Municipalities.Where(m => !covered.Contains(m.NisCode)).ToList();
        Map = new MapView(
            "coverage-map",
            new("Kaart van de regieverbanden, hun referentieregio's en de gemeenten die niet gedekt zijn", "Map of the partnerships, their reference regions and the municipalities not covered"),
            Snapshot.Set,
            Areas.Select(a => new MapView.Group(a.Name, a.Members.Select(m => m.NisCode).ToList())).ToList(),
            RestUncovered: true,
            ShowRegions: true,
            FitGroups: false,
            Markers: [],
            TableId: "coverage-areas");
        return Page();
    }
}
