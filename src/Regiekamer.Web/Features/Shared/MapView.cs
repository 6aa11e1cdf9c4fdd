using System.Text.Json;
using Regiekamer.Core.Common;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Web.Features.Shared;

/// <summary>
/// A map of municipalities (wwwroot/js/map.js over the simplified boundaries, no tiles): groups of municipalities in
/// colours, the others hatched as not covered or grey as context, reference regions as outlines, and points. Shown by
/// _Map.cshtml, hidden until the script runs: the page's table beside it holds the same information without JavaScript.
/// </summary>
/// <param name="Id">The map element's id.</param>
/// <param name="Label">The map's accessible name.</param>
/// <param name="Groups">Each group's municipalities take one colour of the palette (its index modulo <see cref="Colours"/>).</param>
/// <param name="RestUncovered">True: municipalities in no group are hatched as not covered; false: grey, as context.</param>
/// <param name="FitGroups">True: the map opens on the groups; false: on all of Flanders.</param>
/// <param name="Markers">Points on the map (a partnership's actors, one per municipality): each with its label; empty for none.</param>
/// <param name="TableId">The id of the table beside the map with the same information.</param>
public sealed record MapView(
    string Id,
    Bilingual Label,
    MunicipalitySet Set,
    IReadOnlyList<MapView.Group> Groups,
    bool RestUncovered,
    bool ShowRegions,
    bool FitGroups,
    IReadOnlyList<MapView.Marker> Markers,
    string TableId)
{
    /// <summary>The colours of the palette (site.css, <c>.swatch.c0</c> … <c>.c11</c>).</summary>
    public const int Colours = 12;

    public sealed record Group(string Name, IReadOnlyList<NisCode> Codes);

    /// <summary>A point with its label, in a municipality of the map's set (placed at the centre of its boundary: the inventory knows an actor's municipality, not its coordinates).</summary>
    public sealed record Marker(NisCode Municipality, string Label);

    public string BoundariesUrl => Set == MunicipalitySet.Set2025
        ? "/data/flanders_municipalities_2025_285.web.geojson"
        : "/data/flanders_municipalities_2019-2024_300.web.geojson";

    public static string RegionsUrl => "/data/flanders_referentieregios_2025.web.geojson";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The groups as map.js reads them from <c>data-groups</c>: name, colour index and NIS codes.</summary>
    public string GroupsJson => JsonSerializer.Serialize(Groups.Select((g, i) => new { name = g.Name, colour = i % Colours, codes = g.Codes.Select(c => c.Value) }), Json);

    /// <summary>The points as map.js reads them from <c>data-markers</c>.</summary>
    public string MarkersJson => JsonSerializer.Serialize(Markers.Select(m => new { nis = m.Municipality.Value, label = m.Label }), Json);
}
