using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Regiekamer.Core.Data;
using Regiekamer.Web.Tests.Infrastructure;

namespace Regiekamer.Web.Tests.Browser;

/// <summary>
/// Issue 10, point 4 in Debian's Chromium: the coverage map (public) and a partnership's map draw the simplified
/// boundaries with JavaScript, have no axe-core violations, are replaced by their tables without JavaScript and on
/// paper. Reports what a cold visit to a map page transfers and its first contentful paint (the figures in
/// docs/performance.md, "Maps (issue 10)"); a time is reported, never asserted.
/// </summary>
public sealed class MapsBrowserTests
{
    [Fact]
    public async Task MapPages_DrawTheBoundaries_HaveNoAxeViolations_AndFallBackToTheirTables()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var (app, address) = await TestApp.StartKestrelAsync(DatabaseProvider.Sqlite);
        await using var _ = app;
        var scheldeland = await app.ScheldelandAsync();
        var violations = new List<string>();

        // A visitor, not signed in: the coverage map draws the 300 municipalities, hatches the ones not covered, and outlines the 15 regions.
        await using (var visitor = await chromium.NewContextAsync(address, role: null))
        {
            var page = await visitor.NewPageAsync();
            foreach (var url in new[] { "/Coverage", "/Coverage?culture=en" })
            {
                await page.GotoAsync(url);
                await page.Locator("#coverage-map[data-rendered]").WaitForAsync();
                Assert.True(await page.Locator("figure.map-figure").IsVisibleAsync());
                Assert.Equal("300", await page.Locator("#coverage-map").GetAttributeAsync("data-rendered"));
                var uncoveredRows = await page.Locator("table#coverage-uncovered tbody tr").CountAsync();
                Assert.True(uncoveredRows > 0);
                Assert.True(
                    await page.Locator("#coverage-map path.uncovered").CountAsync() == uncoveredRows,
                    "every municipality in the table of those not covered is hatched on the map");
                Assert.Equal(300 - uncoveredRows, await page.Locator("#coverage-map path.in-group").CountAsync());
                Assert.Equal(15, await page.Locator("#coverage-map path.region-outline").CountAsync());
                Assert.Equal("url(\"#map-hatch\")", await page.Locator("#coverage-map path.uncovered").First.EvaluateAsync<string>("p => getComputedStyle(p).fill"));
                violations.AddRange(await Axe.ViolationsAsync(page));
            }

            await page.EmulateMediaAsync(new() { Media = Media.Print });
            Assert.False(await page.Locator("figure.map-figure").IsVisibleAsync());
            Assert.True(await page.Locator("table#coverage-areas").IsVisibleAsync());
        }

        // The partnership's regisseur: its area in colour, the other municipalities as context.
        await using (var regisseur = await chromium.NewContextAsync(address, role: $"Regisseur:{scheldeland}"))
        {
            var page = await regisseur.NewPageAsync();
            await page.GotoAsync($"/Partnerships/{scheldeland}");
            await page.Locator("#partnership-map[data-rendered]").WaitForAsync();
            var members = await page.Locator("table#members tbody tr").CountAsync();
            Assert.Equal(members, await page.Locator("#partnership-map path.in-group").CountAsync());
            Assert.Equal(300 - members, await page.Locator("#partnership-map path.context").CountAsync());
            Assert.True(await page.Locator("table#area").IsVisibleAsync());
            violations.AddRange(await Axe.ViolationsAsync(page));
        }

        Assert.True(violations.Count == 0, $"axe-core found {violations.Count} accessibility violation(s):\n\n{string.Join("\n\n", violations)}");

        // Without JavaScript: no map, the same information in the tables.
        await using (var noScript = await chromium.NewContextAsync(address, role: $"Regisseur:{scheldeland}", javaScript: false))
        {
            var page = await noScript.NewPageAsync();
            await page.GotoAsync("/Coverage");
            Assert.False(await page.Locator("figure.map-figure").IsVisibleAsync());
            Assert.True(await page.Locator("table#coverage-areas tbody tr").CountAsync() > 0);
            Assert.True(await page.Locator("table#coverage-uncovered").IsVisibleAsync());
            await page.GotoAsync($"/Partnerships/{scheldeland}");
            Assert.False(await page.Locator("figure.map-figure").IsVisibleAsync());
            Assert.True(await page.Locator("table#members").IsVisibleAsync());
            Assert.Equal(4, await page.Locator("table#area tbody tr").CountAsync());
        }

        // What a first visit costs (empty cache): bytes on the wire and first contentful paint, after one warm-up of the server.
        foreach (var (url, role) in new[] { ("/Coverage", (string?)null), ($"/Partnerships/{scheldeland}", $"Regisseur:{scheldeland}") })
        {
            await using (var warm = await chromium.NewContextAsync(address, role: role))
            {
                var page = await warm.NewPageAsync();
                await page.GotoAsync(url);
            }

            await using var cold = await chromium.NewContextAsync(address, role: role);
            var first = await cold.NewPageAsync();
            await first.GotoAsync(url);
            await first.Locator(".map[data-rendered]").WaitForAsync();
            var figures = await first.EvaluateAsync<JsonElement>("""
                () => {
                  const nav = performance.getEntriesByType('navigation')[0];
                  const resources = performance.getEntriesByType('resource');
                  const fcp = performance.getEntriesByType('paint').find(p => p.name === 'first-contentful-paint');
                  return {
                    transferred: nav.transferSize + resources.reduce((s, r) => s + r.transferSize, 0),
                    decoded: nav.decodedBodySize + resources.reduce((s, r) => s + r.decodedBodySize, 0),
                    fcp: fcp ? fcp.startTime : -1,
                    resources: resources.length
                  };
                }
                """);
            var transferred = figures.GetProperty("transferred").GetDouble();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"MAPS {url}: {transferred:0} bytes transferred ({figures.GetProperty("decoded").GetDouble():0} decoded, {figures.GetProperty("resources").GetInt32()} resources), first contentful paint {figures.GetProperty("fcp").GetDouble():0} ms"));
            Assert.True(transferred < 500_000, $"{url} transferred {transferred} bytes");
        }
    }
}
