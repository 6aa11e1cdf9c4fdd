using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Catalogue;
using Regiekamer.Core.Common;
using Regiekamer.Core.ReferenceData;
using Regiekamer.Web.Features.Shared;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Catalogue;

/// <summary>
/// The public catalogue: search the published services of social-economy actors by municipality or reference region,
/// category, kind of supplier, target group, CPV code and text; paged; a CSV of every match. No sign-in, no JavaScript.
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PageCache.Policy)]
public sealed class IndexModel(CatalogueSearch search) : RegiekamerPage
{
    public const string CsvFileName = "catalogus-sociale-economie.csv";

    [BindProperty(SupportsGet = true)]
    public string? Municipality { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? TargetGroup { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cpv { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public CatalogueLists Lists { get; private set; } = new([], [], [], []);

    public CataloguePage? Results { get; private set; }

    public string QueryString => string.Join("&", new (string Key, string? Value)[] { ("municipality", Municipality), ("region", Region), ("category", Category), ("kind", Kind), ("targetGroup", TargetGroup), ("cpv", Cpv), ("q", Q) }
        .Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value!)));

    private CatalogueQuery Query(int page, int size) => new(Municipality, Region, Category, Kind, TargetGroup, Cpv, Q, page, size);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Lists = await search.PublicListsAsync(ct);
        var result = await search.SearchAsync(Query(PageNumber, CatalogueSearch.DefaultPageSize), ct);
        if (!result.IsSuccess)
        {
            return Fail(result.Errors);
        }

        Results = result.Value;
        Map = await SuppliersMapAsync(ct);
        return Page();
    }

    /// <summary>With a municipality or region chosen: that area, and this page's suppliers where they are (issue 10, point 4); the results table holds the same.</summary>
    public MapView? Map { get; private set; }

    private async Task<MapView?> SuppliersMapAsync(CancellationToken ct)
    {
        if (Results is not { Items.Count: > 0 } results)
        {
            return null;
        }

        IReadOnlyList<NisCode> area = Municipality is { } m && NisCode.TryParse(m, out var nis) ? [nis]
            : Region is { Length: > 0 } region ? await search.RegionMembersAsync(region, ct) ?? [] : [];
        if (area.Count == 0)
        {
            return null;
        }

        var markers = results.Items.Where(e => e.SupplierMunicipality is not null)
            .GroupBy(e => e.SupplierMunicipality!.Value)
            .Select(g => new MapView.Marker(g.Key, string.Join(", ", g.Select(e => e.Supplier).Distinct())))
            .ToList();
        var name = Municipality is not null ? Lists.MunicipalityName(area[0]) : Lists.Regions.FirstOrDefault(r => r.Code == Region).Name ?? Region!;
        return new MapView(
            "catalogue-map",
            new($"Kaart: de leveranciers van deze pagina rond {name}", $"Map: this page's suppliers around {name}"),
            MunicipalitySet.Set2025,
            [new MapView.Group(name, area)],
            RestUncovered: false,
            ShowRegions: true,
            FitGroups: false,
            markers,
            "results");
    }

    /// <summary>Every match as CSV (UTF-8 with BOM; the table of <see cref="CatalogueExport"/>, text cells neutralised against spreadsheet formulas).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var entries = await search.EveryMatchAsync(Query(1, CatalogueSearch.MaxPageSize), ct);
        if (!entries.IsSuccess)
        {
            Lists = await search.PublicListsAsync(ct);
            return Fail(entries.Errors);
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        return File(CatalogueExport.Of(entries.Value!).ToCsv(), "text/csv; charset=utf-8", CsvFileName);
    }
}
