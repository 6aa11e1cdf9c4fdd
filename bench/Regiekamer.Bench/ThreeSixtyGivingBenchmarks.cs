using System.Globalization;
using BenchmarkDotNet.Attributes;
using Regiekamer.Core.Common;
using Regiekamer.Core.Grants.OpenData;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Bench;

/// <summary>
/// The 360Giving open data of 10,000 decree lines: writing the package (target: below 1 s) and checking it against the
/// vendored schema.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ThreeSixtyGivingBenchmarks
{
    public const int Grants = 10_000;

    private static readonly OpenDataPublisher Department = new(
        "360G-vlaanderen-wse-",
        "BE-BCE_KBO-0316381039",
        "Departement Werk en Sociale Economie",
        "https://www.vlaanderen.be/departement-werk-en-sociale-economie");

    private List<GrantRecord> _grants = null!;
    private byte[] _package = null!;

    [GlobalSetup]
    public void Setup()
    {
        _grants = DecreeLines(Grants);
        using var package = new MemoryStream();
        ThreeSixtyGiving.Write(package, _grants, Department);
        _package = package.ToArray();
        if (ThreeSixtyGiving.Validate(new MemoryStream(_package, writable: false)).Count > 0)
        {
            throw new InvalidOperationException("The benchmark's package is not valid 360Giving data.");
        }
    }

    /// <summary>10,000 grants to a MemoryStream (about 17 MB of indented JSON).</summary>
    [Benchmark(Baseline = true)]
    public long Write10000()
    {
        using var output = new MemoryStream();
        ThreeSixtyGiving.Write(output, _grants, Department);
        return output.Length;
    }

    /// <summary>The same package parsed and checked against the schema (loaded once per process, before the first iteration).</summary>
    [Benchmark]
    public int Validate10000()
    {
        using var input = new MemoryStream(_package, writable: false);
        return ThreeSixtyGiving.Validate(input).Count;
    }

    /// <summary>
    /// Decree lines of 40 partnerships shaped like the real ones over all 300 municipalities, year after year: each
    /// line its own key, an amount with cents, the partnership's members as locations, one in three without an
    /// enterprise number.
    /// </summary>
    private static List<GrantRecord> DecreeLines(int count)
    {
        var snapshot = ReferenceSnapshot.FromShipped();
        var partnerships = RealisticPartnerships.Covering(snapshot, 40);
        var lines = new List<GrantRecord>(count);
        for (var i = 0; i < count; i++)
        {
            var partnership = partnerships[i % partnerships.Count];
            var year = 2020 + (i / partnerships.Count % 6);
            var decree = string.Create(CultureInfo.InvariantCulture, $"MB-{year}-{i / partnerships.Count:D4}");
            lines.Add(new GrantRecord(
                string.Create(CultureInfo.InvariantCulture, $"{year}-{decree}-{i % partnerships.Count + 1}"),
                $"Lokale regierol sociale economie en werk {year} – {partnership.Name}",
                $"Subsidie voor de lokale regierol sociale economie en werk in {year}, ministerieel besluit {decree} van {Formats.Date(new DateOnly(year - 1, 12, 15))}.",
                new Money(5_000_000 + (i * 7_919L % 30_000_000)),
                new DateOnly(year - 1, 12, 15),
                year,
                partnership.Name,
                i % 3 == 0 ? null : "0207451227",
                [.. partnership.Members.Select(m => new GrantLocation(m.Value, snapshot.Find(m)!.Name))]));
        }

        return lines;
    }
}
