using BenchmarkDotNet.Attributes;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Bench;

/// <summary>Building the snapshot the CLI and the pure rules use (the embedded CSVs are parsed once per process and cached).</summary>
[MemoryDiagnoser]
[MedianColumn]
public class ReferenceDataBenchmarks
{
    private ShippedReferenceData? _loaded;

    [GlobalSetup]
    public void Setup() => _loaded = ShippedReferenceData.Current;

    [Benchmark]
    public ReferenceSnapshot FromShipped() => _loaded is null ? throw new InvalidOperationException("Setup did not run.") : ReferenceSnapshot.FromShipped();
}
