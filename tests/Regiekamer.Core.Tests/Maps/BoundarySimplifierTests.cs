using System.Text.Json;
using Regiekamer.Core.Maps;

namespace Regiekamer.Core.Tests.Maps;

public class BoundarySimplifierTests
{
    /// <summary>A wiggly border between two areas: simplified once, so both sides still hold exactly the same points.</summary>
    [Fact]
    public void SharedBorder_IsSimplifiedOnce_SoNeighboursStillMeet()
    {
        // The border runs from (4.0, 51.0) to (4.0, 51.1) with small wiggles (≤ 0.00002°, far below the tolerance).
        var border = Enumerable.Range(0, 101).Select(i => (X: 4.0 + (i % 2 == 0 ? 0 : 0.00002), Y: 51.0 + (i * 0.001))).ToList();
        var west = new List<(double X, double Y)> { (3.9, 51.0) };
        west.AddRange(border);
        west.Add((3.9, 51.1));
        var east = new List<(double X, double Y)> { (4.1, 51.1) };
        east.AddRange(Enumerable.Reverse(border));
        east.Add((4.1, 51.0));
        var layer = Collection(("W", west), ("E", east));

        var result = Rings(BoundarySimplifier.Simplify([layer], 0.0005, 5)[0]);

        var w = result["W"];
        var e = result["E"];
        Assert.True(w.Count < 20, $"west kept {w.Count} points");
        var shared = w.Intersect(e).ToList();
        Assert.Equal([(4.0, 51.0), (4.0, 51.1)], shared.Order().ToList());
        Assert.All([w, e], r => Assert.Equal(r[0], r[^1]));
    }

    /// <summary>The same border in two layers (a municipality and its region) becomes the same points in both.</summary>
    [Fact]
    public void BorderInTwoLayers_StaysTheSame()
    {
        var ring = Enumerable.Range(0, 60).Select(i => (X: 4 + (0.05 * Math.Cos(i * Math.PI / 30)), Y: 51 + (0.03 * Math.Sin(i * Math.PI / 30)))).ToList();
        var result = BoundarySimplifier.Simplify([Collection(("A", ring)), Collection(("R", ring))], 0.002, 5);
        Assert.Equal(Rings(result[0])["A"], Rings(result[1])["R"]);
        Assert.InRange(Rings(result[0])["A"].Count, 4, 30);
    }

    /// <summary>A ring smaller than the tolerance keeps its points rather than collapse below four.</summary>
    [Fact]
    public void TinyRing_KeepsAtLeastFourPoints()
    {
        var tiny = new List<(double X, double Y)> { (4.0, 51.0), (4.0001, 51.0), (4.0001, 51.0001), (4.0, 51.0001) };
        var ring = Rings(BoundarySimplifier.Simplify([Collection(("T", tiny))], 0.01, 5)[0])["T"];
        Assert.Equal(5, ring.Count);
        Assert.Equal(ring[0], ring[^1]);
    }

    [Fact]
    public void OtherGeometries_AreRefused() =>
        Assert.Throws<FormatException>(() => BoundarySimplifier.Simplify(["""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[4,51]}}]}"""], 0.001, 5));

    private static string Collection(params (string Code, List<(double X, double Y)> Ring)[] features) =>
        JsonSerializer.Serialize(new
        {
            type = "FeatureCollection",
            features = features.Select(f => new
            {
                type = "Feature",
                properties = new { code = f.Code },
                geometry = new { type = "Polygon", coordinates = new[] { f.Ring.Append(f.Ring[0]).Select(p => new[] { Math.Round(p.X, 6), Math.Round(p.Y, 6) }).ToArray() } },
            }),
        });

    private static Dictionary<string, List<(double, double)>> Rings(string geojson)
    {
        using var doc = JsonDocument.Parse(geojson);
        return doc.RootElement.GetProperty("features").EnumerateArray().ToDictionary(
            f => f.GetProperty("properties").GetProperty("code").GetString()!,
            f => f.GetProperty("geometry").GetProperty("coordinates")[0].EnumerateArray().Select(c => (c[0].GetDouble(), c[1].GetDouble())).ToList());
    }
}
