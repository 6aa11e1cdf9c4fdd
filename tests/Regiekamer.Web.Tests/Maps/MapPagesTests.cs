using System.Net.Http.Headers;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;

namespace Regiekamer.Web.Tests.Maps;

/// <summary>
/// Issue 10, points 3 and 4 over HTTP: a partnership's area figures (page and API), the coverage map and the
/// partnership map with their tables, and what a map page costs to load compressed.
/// </summary>
public sealed class MapPagesTests
{
    /// <summary>The issue's budget for a map page: HTML, CSS, scripts and boundaries, compressed as served.</summary>
    public const long PageBudget = 500_000;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PartnershipPage_ShowsTheAreaNextToFlanders_WithSources_AndTheMapOfItsMembers(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        var antwerpen = await app.Services.CreatePartnershipAsync(p => p.CentralCity("Antwerpen").Named("Regie Antwerpen"));
        using var client = app.Client();

        var page = await client.GetPageAsync($"/Partnerships/{antwerpen.Id}");

        var area = page.One("table#area");
        // flanders_population_2020-01-01_total_300.csv: 529,247 of 6,629,143; the 2017 age groups: 86,371 aged 65+ of 520,504.
        var inhabitants = Cells(area, "area-inhabitants");
        Assert.Equal(["529.247", "8,0%", "6.629.143", "100,0%"], inhabitants[..4]);
        Assert.Contains("Statbel, 1/1/2020", inhabitants[5], StringComparison.Ordinal);
        var aged65 = Cells(area, "area-aged-65-plus");
        Assert.Equal(["86.371", "16,6%", "1.287.035", "19,8%"], aged65[..4]);
        Assert.Contains("1/1/2017", aged65[5], StringComparison.Ordinal);
        var working = Cells(area, "area-working-age");
        Assert.Equal(["333.354", "64,0%", "4.170.232", "64,0%"], working[..4]);

        // Antwerpen without Borsbeek holds part of a 2025 merger: its job seekers are an estimate, and the page says how.
        var jobSeekers = Cells(area, "area-job-seekers");
        Assert.Contains("(schatting)", jobSeekers[0], StringComparison.Ordinal);
        Assert.Contains("jaargemiddelde 2022", jobSeekers[5], StringComparison.Ordinal);
        var estimates = page.One("#area-estimates").Text();
        Assert.Contains("Antwerpen (11002): deel van Antwerpen", estimates, StringComparison.Ordinal);
        Assert.Contains("Herstappe", estimates, StringComparison.Ordinal); // suppressed in VDAB's 2022 figure, estimated in the Flemish total

        // The map: hidden until its script runs, its members in data-groups, the members table beside it.
        var figure = page.One("figure.map-figure");
        Assert.True(figure.HasAttribute("hidden"));
        var map = page.One("#partnership-map");
        Assert.Equal("region", map.GetAttribute("role"));
        Assert.Contains("Antwerpen", map.GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.Equal("/data/flanders_municipalities_2019-2024_300.web.geojson", map.GetAttribute("data-boundaries"));
        using var groups = JsonDocument.Parse(map.GetAttribute("data-groups")!);
        Assert.Equal(["11002"], groups.RootElement[0].GetProperty("codes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("[]", map.GetAttribute("data-markers"));
        Assert.Single(page.Rows("table#members"));
        Assert.NotNull(page.QuerySelector("script[src^='/js/map.js']"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AreaApi_HoldingAWholeMerger_GivesVdabsFigureExactly(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        var partnership = await app.Services.CreatePartnershipAsync(p => p.Interlocal("Antwerpen", "Antwerpen", "Borsbeek").Named("Antwerpen en Borsbeek"));
        using var client = app.Client();

        var area = await client.GetJsonAsync($"/api/v1/partnerships/{partnership.Id}/area");

        Assert.Equal("2019", area["municipalitySet"]!.GetValue<string>());
        Assert.Equal(2, area["municipalities"]!.GetValue<int>());
        var figures = area["figures"]!.AsArray().ToDictionary(f => f!["figure"]!.GetValue<string>());
        var jobSeekers = figures["job-seekers"]!;
        Assert.Equal(29_207, jobSeekers["value"]!.GetValue<long>()); // VDAB, year average 2022, Antwerpen (11002) on the 2025 set
        Assert.False(jobSeekers["estimate"]!.GetValue<bool>());
        Assert.Empty(jobSeekers["estimates"]!.AsArray());
        Assert.Equal("Herstappe", Assert.Single(jobSeekers["flandersEstimates"]!.AsArray())!["municipality"]!.GetValue<string>());
        Assert.Equal(333_354 + 6_699, jobSeekers["share"]!["whole"]!.GetValue<long>());
        var aged65 = figures["aged-65-plus"]!;
        Assert.Equal(86_371 + 2_074, aged65["value"]!.GetValue<long>());
        Assert.Equal((520_504 + 10_581, "2017-01-01"), (aged65["share"]!["whole"]!.GetValue<long>(), aged65["referenceDate"]!.GetValue<string>()));
        Assert.Equal(529_247 + 10_949, figures["inhabitants"]!["value"]!.GetValue<long>());
        Assert.Equal("Statbel, 1/1/2020", figures["inhabitants"]!["source"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CoveragePage_ListsEachPartnershipAndEveryMunicipalityNotCovered_BesideTheMap(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        await app.Services.CreatePartnershipAsync(p => p.CentralCity("Gent").Named("Regie Gent"));
        await app.Services.CreatePartnershipAsync(p => p.Interlocal("Hamme", "Hamme", "Berlare", "Dendermonde", "Wichelen", "Zele").Named("Scheldeland"));
        using var visitor = app.Client(role: null);

        var page = await visitor.GetPageAsync("/Coverage");

        var areas = page.One("table#coverage-areas").QuerySelectorAll("tbody tr").ToList();
        Assert.Equal(["Regie Gent", "Scheldeland"], areas.Select(r => r.QuerySelector("th")!.TextContent.Trim()));
        Assert.Equal("Berlare, Dendermonde, Hamme, Wichelen, Zele", areas[1].QuerySelectorAll("td")[2].TextContent.Trim());
        var uncovered = page.Rows("table#coverage-uncovered");
        Assert.Equal(300 - 6, uncovered.Count);
        Assert.DoesNotContain(uncovered, r => r[1] is "Gent" or "Hamme");
        Assert.Contains(uncovered, r => r[1] == "Antwerpen");

        var map = page.One("#coverage-map");
        Assert.Equal("uncovered", map.GetAttribute("data-rest"));
        Assert.Equal("/data/flanders_referentieregios_2025.web.geojson", map.GetAttribute("data-regions"));
        using var groups = JsonDocument.Parse(map.GetAttribute("data-groups")!);
        Assert.Equal(2, groups.RootElement.GetArrayLength());
        Assert.Equal(3, page.QuerySelectorAll(".map-legend li").Length - 1); // two partnerships, not covered, the region outline
    }

    /// <summary>Every resource of a map page as the in-process app serves it to a browser that accepts gzip: the bytes on the wire.</summary>
    [Fact]
    public async Task MapPages_LoadUnder500KbCompressed()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var scheldeland = await app.ScheldelandAsync();
        using var client = app.Client();
        client.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        var report = new List<string>();
        foreach (var url in new[] { "/Coverage", $"/Partnerships/{scheldeland}" })
        {
            var (total, lines) = await TransferredAsync(client, url);
            report.Add($"{url}: {total} bytes\n  {string.Join("\n  ", lines)}");
            Assert.True(total < PageBudget, $"{url} transfers {total} bytes compressed:\n  {string.Join("\n  ", lines)}");
        }

        Console.WriteLine(string.Join("\n", report));
    }

    internal static async Task<(long Total, List<string> Lines)> TransferredAsync(HttpClient client, string url)
    {
        var lines = new List<string>();
        long total = 0;
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(200, (int)response.StatusCode);
        var html = await response.Content.ReadAsByteArrayAsync();
        total += html.Length;
        lines.Add($"{url} {html.Length} ({response.Content.Headers.ContentEncoding.FirstOrDefault() ?? "identity"})");
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(html));
        var resources = document.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href"))
            .Concat(document.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")))
            .Concat(document.QuerySelectorAll(".map").SelectMany(m => new[] { m.GetAttribute("data-boundaries"), m.GetAttribute("data-regions") }))
            .OfType<string>().Where(u => u.Length > 0).Distinct().ToList();
        Assert.Contains(resources, r => r.EndsWith(".web.geojson", StringComparison.Ordinal));
        foreach (var resource in resources)
        {
            using var r = await client.GetAsync(new Uri(resource, UriKind.Relative));
            Assert.Equal(200, (int)r.StatusCode);
            var bytes = await r.Content.ReadAsByteArrayAsync();
            var encoding = r.Content.Headers.ContentEncoding.FirstOrDefault();
            Assert.True(encoding == "gzip", $"{resource} was not compressed ({r.Content.Headers.ContentType})");
            total += bytes.Length;
            lines.Add($"{resource} {bytes.Length} ({encoding})");
        }

        return (total, lines);
    }

    private static List<string> Cells(AngleSharp.Dom.IElement table, string rowId) =>
        table.QuerySelector($"tr#{rowId}")!.QuerySelectorAll("td").Select(c => string.Join(' ', c.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
}
