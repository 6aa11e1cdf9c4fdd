using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Regiekamer.Core.Maps;

/// <summary>
/// Simplifies GeoJSON boundaries for the web so that neighbours still meet. Pure: text in, text out, deterministic.
/// <list type="number">
/// <item>All layers are read into one topology: every ring is cut at its junctions (a point whose neighbours differ
/// between the rings that pass through it) into arcs, and an arc shared by two rings (two municipalities, or a
/// municipality and its reference region) is kept once.</item>
/// <item>Each arc is simplified once with Douglas–Peucker (its ends stay, so junctions never move), distances measured with
/// longitude scaled by cos 51° so the tolerance is the same in both directions.</item>
/// <item>Rings are rebuilt from their arcs and rounded to <c>decimals</c>; a ring that would fall below four points
/// (three corners and the closing one) keeps its arcs unsimplified, and the rebuild repeats until every ring holds.</item>
/// </list>
/// Coordinates are handled as integers of 10⁻⁶ degree (the shipped files have six decimals), so equal points are equal.
/// </summary>
public static class BoundarySimplifier
{
    /// <summary>cos 51°: a degree of longitude is this much shorter than a degree of latitude in Flanders.</summary>
    private const double LongitudeScale = 0.6293;

    private const double Micro = 1_000_000d;

    /// <param name="layers">GeoJSON FeatureCollections of Polygons and MultiPolygons, in WGS84 with at most six decimals.</param>
    /// <param name="toleranceDegrees">Douglas–Peucker tolerance in degrees of latitude (0.0005 ≈ 55 m).</param>
    /// <param name="decimals">Decimals kept in the output, 1 to 6.</param>
    /// <returns>The layers simplified, in the same order, each feature with its properties unchanged.</returns>
    public static IReadOnlyList<string> Simplify(IReadOnlyList<string> layers, double toleranceDegrees, int decimals)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentOutOfRangeException.ThrowIfLessThan(decimals, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 6);
        var parsed = layers.Select(Parse).ToList();
        var rings = parsed.SelectMany(l => l.Features).SelectMany(f => f.Polygons).SelectMany(p => p).ToList();
        var junctions = Junctions(rings);

        var arcs = new List<Point[]>();
        var arcIndex = new Dictionary<ArcKey, int>();
        var ringArcs = new Dictionary<Ring, List<(int Arc, bool Reversed)>>(ReferenceEqualityComparer.Instance);
        foreach (var ring in rings)
        {
            ringArcs[ring] = Cut(ring.Points, junctions).Select(piece => Index(piece, arcs, arcIndex)).ToList();
        }

        var tolerance = toleranceDegrees * Micro;
        var keepWhole = new bool[arcs.Count];
        var simplified = arcs.Select(a => DouglasPeucker(a, tolerance)).ToArray();
        var factor = (long)Math.Pow(10, 6 - decimals);
        while (true)
        {
            var collapsed = rings.Where(r => Build(ringArcs[r], simplified, factor).Count < 4).ToList();
            var more = collapsed.SelectMany(r => ringArcs[r]).Select(a => a.Arc).Where(a => !keepWhole[a]).Distinct().ToList();
            if (more.Count == 0)
            {
                break; // a ring that collapses unsimplified is below the rounding: it is left out (none in the shipped files)
            }

            foreach (var a in more)
            {
                keepWhole[a] = true;
                simplified[a] = arcs[a];
            }
        }

        foreach (var ring in rings)
        {
            ring.Output = Build(ringArcs[ring], simplified, factor);
        }

        return parsed.Select(l => Write(l, decimals)).ToList();
    }

    private readonly record struct Point(long X, long Y) : IComparable<Point>
    {
        public int CompareTo(Point other) => X != other.X ? X.CompareTo(other.X) : Y.CompareTo(other.Y);
    }

    private sealed class Ring(Point[] points)
    {
        /// <summary>Open: the closing point is not repeated.</summary>
        public Point[] Points { get; } = points;

        /// <summary>Closed, rounded.</summary>
        public List<Point> Output { get; set; } = [];
    }

    private sealed record Feature(string Properties, bool Multi, List<List<Ring>> Polygons);

    private sealed record Layer(List<Feature> Features);

    /// <summary>An arc in its canonical direction, compared point by point.</summary>
    private readonly struct ArcKey(Point[] points) : IEquatable<ArcKey>
    {
        public Point[] Points { get; } = points;

        public bool Equals(ArcKey other) => Points.AsSpan().SequenceEqual(other.Points);

        public override bool Equals(object? obj) => obj is ArcKey k && Equals(k);

        public override int GetHashCode()
        {
            var h = new HashCode();
            h.Add(Points.Length);
            foreach (var p in Points)
            {
                h.Add(p);
            }

            return h.ToHashCode();
        }
    }

    private static Layer Parse(string text)
    {
        using var doc = JsonDocument.Parse(text);
        var features = new List<Feature>();
        foreach (var f in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var geometry = f.GetProperty("geometry");
            var type = geometry.GetProperty("type").GetString();
            var coordinates = geometry.GetProperty("coordinates");
            var polygons = type switch
            {
                "Polygon" => [ReadPolygon(coordinates)],
                "MultiPolygon" => coordinates.EnumerateArray().Select(ReadPolygon).ToList(),
                _ => throw new FormatException($"Only Polygon and MultiPolygon boundaries can be simplified, not {type}."),
            };
            features.Add(new Feature(f.GetProperty("properties").GetRawText(), type == "MultiPolygon", polygons));
        }

        return new Layer(features);

        static List<Ring> ReadPolygon(JsonElement polygon) => polygon.EnumerateArray().Select(ring =>
        {
            var points = new List<Point>();
            foreach (var c in ring.EnumerateArray())
            {
                var p = new Point((long)Math.Round(c[0].GetDouble() * Micro), (long)Math.Round(c[1].GetDouble() * Micro));
                if (points.Count == 0 || points[^1] != p)
                {
                    points.Add(p);
                }
            }

            if (points.Count > 1 && points[0] == points[^1])
            {
                points.RemoveAt(points.Count - 1);
            }

            return new Ring([.. points]);
        }).ToList();
    }

    /// <summary>Points where the rings through them do not all run the same way: where arcs begin and end.</summary>
    private static HashSet<Point> Junctions(List<Ring> rings)
    {
        var neighbours = new Dictionary<Point, (Point, Point)>();
        var junctions = new HashSet<Point>();
        foreach (var ring in rings)
        {
            var n = ring.Points.Length;
            for (var i = 0; i < n; i++)
            {
                var (a, b) = (ring.Points[(i + n - 1) % n], ring.Points[(i + 1) % n]);
                var pair = a.CompareTo(b) <= 0 ? (a, b) : (b, a);
                if (neighbours.TryGetValue(ring.Points[i], out var seen))
                {
                    if (seen != pair)
                    {
                        junctions.Add(ring.Points[i]);
                    }
                }
                else
                {
                    neighbours[ring.Points[i]] = pair;
                }
            }
        }

        return junctions;
    }

    /// <summary>A ring cut at its junctions; a ring without one is one closed arc, started at its smallest point.</summary>
    private static List<Point[]> Cut(Point[] ring, HashSet<Point> junctions)
    {
        var n = ring.Length;
        var first = Array.FindIndex(ring, junctions.Contains);
        if (first < 0)
        {
            var start = 0;
            for (var i = 1; i < n; i++)
            {
                if (ring[i].CompareTo(ring[start]) < 0)
                {
                    start = i;
                }
            }

            return [[.. Enumerable.Range(0, n + 1).Select(i => ring[(start + i) % n])]];
        }

        var pieces = new List<Point[]>();
        var current = new List<Point> { ring[first] };
        for (var k = 1; k <= n; k++)
        {
            var p = ring[(first + k) % n];
            current.Add(p);
            if (junctions.Contains(p))
            {
                pieces.Add([.. current]);
                current = [p];
            }
        }

        return pieces;
    }

    private static (int Arc, bool Reversed) Index(Point[] piece, List<Point[]> arcs, Dictionary<ArcKey, int> index)
    {
        var reversed = piece.Reverse().ToArray();
        var forward = Compare(piece, reversed) <= 0;
        var key = new ArcKey(forward ? piece : reversed);
        if (!index.TryGetValue(key, out var i))
        {
            i = arcs.Count;
            arcs.Add(key.Points);
            index[key] = i;
        }

        return (i, !forward);

        static int Compare(Point[] a, Point[] b)
        {
            for (var k = 0; k < a.Length; k++)
            {
                var c = a[k].CompareTo(b[k]);
                if (c != 0)
                {
                    return c;
                }
            }

            return 0;
        }
    }

    private static Point[] DouglasPeucker(Point[] arc, double tolerance)
    {
        if (arc.Length <= 2)
        {
            return arc;
        }

        var keep = new bool[arc.Length];
        keep[0] = keep[^1] = true;
        if (arc[0] == arc[^1])
        {
            // A closed arc: split at the point farthest from its start, then simplify both halves.
            var far = 1;
            for (var i = 2; i < arc.Length - 1; i++)
            {
                if (Distance2(arc[i], arc[0]) > Distance2(arc[far], arc[0]))
                {
                    far = i;
                }
            }

            keep[far] = true;
            Mark(arc, 0, far, tolerance * tolerance, keep);
            Mark(arc, far, arc.Length - 1, tolerance * tolerance, keep);
        }
        else
        {
            Mark(arc, 0, arc.Length - 1, tolerance * tolerance, keep);
        }

        return [.. arc.Where((_, i) => keep[i])];
    }

    private static void Mark(Point[] arc, int first, int last, double tolerance2, bool[] keep)
    {
        var stack = new Stack<(int, int)>();
        stack.Push((first, last));
        while (stack.Count > 0)
        {
            var (a, b) = stack.Pop();
            var (index, max) = (-1, 0d);
            for (var i = a + 1; i < b; i++)
            {
                var d = SegmentDistance2(arc[i], arc[a], arc[b]);
                if (d > max)
                {
                    (index, max) = (i, d);
                }
            }

            if (index >= 0 && max > tolerance2)
            {
                keep[index] = true;
                stack.Push((a, index));
                stack.Push((index, b));
            }
        }
    }

    private static double Distance2(Point p, Point q)
    {
        var dx = (p.X - q.X) * LongitudeScale;
        var dy = (double)(p.Y - q.Y);
        return (dx * dx) + (dy * dy);
    }

    private static double SegmentDistance2(Point p, Point a, Point b)
    {
        var (ax, ay) = (a.X * LongitudeScale, (double)a.Y);
        var (bx, by) = (b.X * LongitudeScale, (double)b.Y);
        var (px, py) = (p.X * LongitudeScale, (double)p.Y);
        var (dx, dy) = (bx - ax, by - ay);
        var length2 = (dx * dx) + (dy * dy);
        var t = length2 == 0 ? 0 : Math.Clamp((((px - ax) * dx) + ((py - ay) * dy)) / length2, 0, 1);
        var (cx, cy) = (ax + (t * dx), ay + (t * dy));
        return ((px - cx) * (px - cx)) + ((py - cy) * (py - cy));
    }

    /// <summary>A ring from its arcs, rounded, without repeated points, closed. Fewer than four points: it collapsed.</summary>
    private static List<Point> Build(List<(int Arc, bool Reversed)> pieces, Point[][] arcs, long factor)
    {
        var ring = new List<Point>();
        foreach (var (arc, reversed) in pieces)
        {
            var points = reversed ? arcs[arc].Reverse() : arcs[arc];
            foreach (var p in points)
            {
                var r = new Point(Round(p.X, factor), Round(p.Y, factor));
                if (ring.Count == 0 || ring[^1] != r)
                {
                    ring.Add(r);
                }
            }
        }

        if (ring.Count > 1 && ring[0] == ring[^1])
        {
            ring.RemoveAt(ring.Count - 1);
        }

        if (ring.Distinct().Count() < 3)
        {
            return [];
        }

        ring.Add(ring[0]);
        return ring;
    }

    private static long Round(long value, long factor) => (long)Math.Round((decimal)value / factor, MidpointRounding.AwayFromZero) * factor;

    private static string Write(Layer layer, int decimals)
    {
        var sb = new StringBuilder();
        sb.Append("{\"type\":\"FeatureCollection\",\"features\":[");
        var firstFeature = true;
        foreach (var f in layer.Features)
        {
            var polygons = f.Polygons.Select(p => p.Where(r => r.Output.Count >= 4).ToList()).Where(p => p.Count > 0 && p[0].Output.Count >= 4).ToList();
            if (polygons.Count == 0)
            {
                throw new InvalidOperationException($"A feature lost all its rings: {f.Properties}.");
            }

            sb.Append(firstFeature ? "\n" : ",\n");
            firstFeature = false;
            sb.Append("{\"type\":\"Feature\",\"properties\":").Append(f.Properties).Append(",\"geometry\":{\"type\":\"")
                .Append(f.Multi ? "MultiPolygon" : "Polygon").Append("\",\"coordinates\":");
            if (f.Multi)
            {
                sb.Append('[');
                AppendJoined(sb, polygons, p => AppendPolygon(sb, p, decimals));
                sb.Append(']');
            }
            else
            {
                AppendPolygon(sb, polygons[0], decimals);
            }

            sb.Append("}}");
        }

        sb.Append("\n]}\n");
        return sb.ToString();
    }

    private static void AppendPolygon(StringBuilder sb, List<Ring> polygon, int decimals)
    {
        sb.Append('[');
        AppendJoined(sb, polygon, r =>
        {
            sb.Append('[');
            AppendJoined(sb, r.Output, p => sb.Append('[').Append(Coordinate(p.X, decimals)).Append(',').Append(Coordinate(p.Y, decimals)).Append(']'));
            sb.Append(']');
        });
        sb.Append(']');
    }

    private static void AppendJoined<T>(StringBuilder sb, IEnumerable<T> items, Action<T> append)
    {
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                sb.Append(',');
            }

            first = false;
            append(item);
        }
    }

    /// <summary>Micro-degrees as a decimal number with at most <paramref name="decimals"/> decimals, trailing zeros dropped.</summary>
    private static string Coordinate(long micro, int decimals) =>
        Math.Round((decimal)micro / 1_000_000m, decimals).ToString("0.######", CultureInfo.InvariantCulture);
}
