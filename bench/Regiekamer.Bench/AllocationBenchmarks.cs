using BenchmarkDotNet.Attributes;
using Regiekamer.Core.Allocation;
using Regiekamer.Core.Common;
using Regiekamer.Core.Eligibility;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Bench;

/// <summary>R13 for 40 partnerships over all 300 municipalities (target: median below 50 µs).</summary>
[MemoryDiagnoser]
[MedianColumn]
public class AllocationBenchmarks
{
    private ReferenceSnapshot _snapshot = null!;
    private IReadOnlyList<PartnershipFacts> _partnerships = null!;
    private IReadOnlyList<AllocationInput> _inputs = null!;

    [GlobalSetup]
    public void Setup()
    {
        _snapshot = ReferenceSnapshot.FromShipped();
        _partnerships = RealisticPartnerships.Covering(_snapshot, 40);
        _inputs = AllocationInputs.From(_partnerships, _snapshot).Value!;
    }

    /// <summary>The calculator alone: 40 summed inputs → 40 amounts.</summary>
    [Benchmark(Baseline = true)]
    public IReadOnlyList<AllocationLineResult> Allocate40() =>
        AllocationCalculator.Allocate(_inputs, Money.FromEuros(3_000_000), AllocationWeights.Default).Value!;

    /// <summary>Summing the members' figures from the snapshot, then allocating: what an allocation run computes.</summary>
    [Benchmark]
    public IReadOnlyList<AllocationLineResult> SumFiguresAndAllocate40() =>
        AllocationCalculator.Allocate(AllocationInputs.From(_partnerships, _snapshot).Value!, Money.FromEuros(3_000_000), AllocationWeights.Default).Value!;
}
