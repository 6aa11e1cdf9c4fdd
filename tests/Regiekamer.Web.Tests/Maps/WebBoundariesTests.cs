using System.IO.Compression;
using System.Text.Json;
using Regiekamer.Core.Maps;
using Regiekamer.Core.ReferenceData;
using Regiekamer.Web.Tests.Infrastructure;

namespace Regiekamer.Web.Tests.Maps;

/// <summary>
/// The boundaries the maps load (<c>wwwroot/data/*.web.geojson</c>) are the shipped ones simplified by
/// <see cref="BoundarySimplifier"/>. Regenerate them after changing the shipped files or the settings with
/// <c>REGENERATE_BOUNDARIES=1 dotnet test tests/Regiekamer.Web.Tests --filter FullyQualifiedName~WebBoundariesTests</c>.
/// </summary>
public sealed class WebBoundariesTests
{
    /// <summary>≈ 110 m north–south (longitude scaled by cos 51°): about a pixel at the zoom of a partnership's area.</summary>
    public const double Tolerance = 0.001;

    public const int Decimals = 5;

    private static readonly (string Source, string Web)[] Files =
    [
        ("flanders_municipalities_2019-2024_300.geojson", "flanders_municipalities_2019-2024_300.web.geojson"),
        ("flanders_municipalities_2025_285.geojson", "flanders_municipalities_2025_285.web.geojson"),
        ("flanders_referentieregios_2025.geojson", "flanders_referentieregios_2025.web.geojson"),
    ];

    private static string DataPath(string file) => Repository.PathOf("src/Regiekamer.Web/wwwroot/data/" + file);

    [Fact]
    public void WebFiles_AreTheShippedBoundariesSimplified()
    {
        var simplified = BoundarySimplifier.Simplify([.. Files.Select(f => File.ReadAllText(DataPath(f.Source)))], Tolerance, Decimals);
        if (Environment.GetEnvironmentVariable("REGENERATE_BOUNDARIES") == "1")
        {
            for (var i = 0; i < Files.Length; i++)
            {
                File.WriteAllText(DataPath(Files[i].Web), simplified[i]);
            }
        }

        for (var i = 0; i < Files.Length; i++)
        {
            Assert.True(
                simplified[i] == File.ReadAllText(DataPath(Files[i].Web)),
                $"{Files[i].Web} is not what the simplifier makes of {Files[i].Source}: regenerate it (see this class's summary).");
        }
    }

    [Theory]
    [InlineData(0, "nis_code", 300)]
    [InlineData(1, "nis_code", 285)]
    [InlineData(2, "refreg_code", 15)]
    public void WebFile_HasEveryArea_WithClosedRingsOfAtLeastFourPoints(int file, string codeProperty, int count)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(DataPath(Files[file].Web)));
        var codes = new List<string>();
        foreach (var feature in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            codes.Add(feature.GetProperty("properties").GetProperty(codeProperty).GetString()!);
            var geometry = feature.GetProperty("geometry");
            var polygons = geometry.GetProperty("type").GetString() == "MultiPolygon"
                ? geometry.GetProperty("coordinates").EnumerateArray().ToList()
                : [geometry.GetProperty("coordinates")];
            Assert.NotEmpty(polygons);
            foreach (var ring in polygons.SelectMany(p => p.EnumerateArray()))
            {
                var points = ring.EnumerateArray().Select(c => (c[0].GetDouble(), c[1].GetDouble())).ToList();
                Assert.True(points.Count >= 4, $"{codes[^1]}: a ring of {points.Count} points");
                Assert.Equal(points[0], points[^1]);
                Assert.All(points, p => Assert.True(p.Item1 is > 2.5 and < 6 && p.Item2 is > 50.6 and < 51.6, $"{codes[^1]}: {p} lies outside Flanders"));
            }
        }

        Assert.Equal(count, codes.Count);
        Assert.Equal(count, codes.Distinct().Count());
        var expected = file switch
        {
            0 => ShippedReferenceData.Current.Municipalities2019.Select(m => m.NisCode.Value),
            1 => ShippedReferenceData.Current.Municipalities2025.Select(m => m.NisCode.Value),
            _ => ShippedReferenceData.Current.Regions.Select(r => r.Code),
        };
        Assert.Equal(expected.Order(StringComparer.Ordinal), codes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void WebFiles_AreAFractionOfTheShippedOnes()
    {
        foreach (var (source, web) in Files)
        {
            var raw = new FileInfo(DataPath(source)).Length;
            var simplified = new FileInfo(DataPath(web)).Length;
            Assert.True(simplified * 2 < raw, $"{web}: {simplified} bytes, more than half of {source} ({raw})");
        }
    }

    internal static long Gzipped(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(bytes);
        }

        return output.Length;
    }
}
