using BenchmarkDotNet.Attributes;
using Regiekamer.Core.Allocation;
using Regiekamer.Core.Common;
using Regiekamer.Core.Eligibility;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Bench;

/// <summary>
/// The department's what-if table: every uncovered municipality × every partnership of its region, each a full
/// re-allocation. Coverage as after the 2020 call (R17): 37 partnerships over 238 of 300 municipalities (target below 20 ms).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class WhatIfBenchmarks
{
    private ReferenceSnapshot _snapshot = null!;
    private IReadOnlyList<PartnershipFacts> _partnerships = null!;

    [GlobalSetup]
    public void Setup()
    {
        _snapshot = ReferenceSnapshot.FromShipped();
        _partnerships = RealisticPartnerships.WithUncovered(_snapshot, 37, 300 - 238);
    }

    [Benchmark]
    public IReadOnlyList<JoinOption> JoinTable() => WhatIf.JoinTable(_partnerships, _snapshot, Money.FromEuros(3_000_000), AllocationWeights.Default);

    /// <summary>One what-if change on the same data: eligibility and allocation before and after.</summary>
    [Benchmark]
    public WhatIfOutcome? ApplyAddMunicipality() => WhatIf.Apply(
        _partnerships,
        new WhatIfChange(WhatIfAction.AddMunicipality, _partnerships[0].Name, FirstUncoveredOfRegion(_partnerships[0]), null),
        _snapshot,
        new DateOnly(2025, 6, 1),
        Money.FromEuros(3_000_000),
        AllocationWeights.Default).Value;

    private NisCode FirstUncoveredOfRegion(PartnershipFacts p)
    {
        var region = _snapshot.Region(p.Members[0])!.RegionCode;
        var covered = _partnerships.SelectMany(x => x.Members).ToHashSet();
        return _snapshot.Municipalities.First(m => !covered.Contains(m.NisCode) && _snapshot.Region(m.NisCode)!.RegionCode == region).NisCode;
    }
}
