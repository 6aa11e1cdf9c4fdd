using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Regiekamer.Core.Data;
using Regiekamer.Core.Kbo;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;

namespace Regiekamer.Web.Tests.Browser;

/// <summary>
/// Issue 10, points 1, 2, 4 and 5 together in Debian's Chromium: a regisseur adds an actor by its KBO number (the form
/// filled from the extract in force), publishes a service of it in the catalogue, and a visitor without an account finds
/// it by municipality, sees its supplier as a dot on the map, and — without JavaScript — in the table; every page visited
/// has no axe-core violations.
/// </summary>
public sealed class CatalogueJourneyTests : IDisposable
{
    private static readonly string Schakel = KboExtractBuilder.Number(3_170_001);

    private readonly string _folder = Directory.CreateTempSubdirectory("catalogue-journey-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Regisseur_AddsAnActorByKbo_PublishesItsService_VisitorFindsItByMunicipality_OnTheMapAndInTheTable()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var (app, address) = await TestApp.StartKestrelAsync(DatabaseProvider.Sqlite, demo: false);
        await using var _ = app;
        var zele = (await app.Services.CreatePartnershipAsync(p => p.Interlocal("Zele", "Zele", "Hamme").Named("Regie Zele-Hamme"))).Id;
        var zip = new KboExtractBuilder(140).WithCodes().Company(Schakel, "Maatwerk De Schakel", municipality: "Zele", zipcode: "9240")
            .WriteZip(Path.Combine(_folder, "KboOpenData_140.zip"));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<KboImportService>().ImportAsync(zip)).IsSuccess);
        }

        var violations = new List<string>();
        const string Title = "Groenonderhoud van bedrijfstuinen";

        // The regisseur: the KBO number fills the form, the actor is saved, its service published.
        await using (var regisseur = await chromium.NewContextAsync(address, $"Regisseur:{zele}"))
        {
            var page = await regisseur.NewPageAsync();
            await page.GotoAsync($"/Partnerships/{zele}/Actors/New");
            await page.GetByLabel("KBO-ondernemingsnummer").FillAsync(Schakel.Replace(".", "", StringComparison.Ordinal));
            await page.GetByRole(AriaRole.Button, new() { Name = "Gegevens ophalen uit de KBO" }).ClickAsync();
            Assert.Equal("Maatwerk De Schakel", await page.GetByLabel("Naam", new() { Exact = true }).InputValueAsync());
            Assert.Equal("42028", await page.GetByLabel("Gemeente (indeling 2025)").InputValueAsync());
            violations.AddRange((await Axe.ViolationsAsync(page)).Select(v => "actor filled from KBO: " + v));
            await page.GetByLabel("Soort actor").SelectOptionAsync(new SelectOptionValue { Label = "Maatwerkbedrijf" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Bewaren" }).ClickAsync();
            await page.ArriveAsync(new System.Text.RegularExpressions.Regex("^/Partnerships/[0-9]+/Actors/[0-9]+\\?done=created$"));
            Assert.Contains("Actief in KBO (uittreksel van 01/11/2026)", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

            await page.GotoAsync($"/Catalogue/Manage/{zele}/Services/New");
            await page.GetByLabel("Leverancier (actor)").SelectOptionAsync(new SelectOptionValue { Label = "Maatwerk De Schakel" });
            await page.GetByLabel("Titel").FillAsync(Title);
            await page.GetByLabel("Omschrijving").FillAsync("Maaien, snoeien en onderhoud van groen rond bedrijfsgebouwen, met doelgroepwerknemers.");
            await page.Locator("input[name='Input.Categories']").First.CheckAsync();
            await page.GetByLabel("Werkgebied: gemeenten").SelectOptionAsync(["42028", "42008"]);
            violations.AddRange((await Axe.ViolationsAsync(page)).Select(v => "new service: " + v));
            await page.GetByRole(AriaRole.Button, new() { Name = "Bewaren als ontwerp" }).ClickAsync();
            await page.ArriveAsync(new System.Text.RegularExpressions.Regex("^/Catalogue/Manage/[0-9]+/Services/[0-9]+\\?saved=true$"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Publiceren", Exact = true }).ClickAsync();
            Assert.Contains("Gepubliceerd", await page.Locator("#done").InnerTextAsync(), StringComparison.Ordinal);
            violations.AddRange((await Axe.ViolationsAsync(page)).Select(v => "published service: " + v));
        }

        // A visitor without an account: finds it by municipality, with its supplier as a dot on the map.
        await using (var visitor = await chromium.NewContextAsync(address, role: null))
        {
            var page = await visitor.NewPageAsync();
            await page.GotoAsync("/Catalogue");
            violations.AddRange((await Axe.ViolationsAsync(page)).Select(v => "catalogue: " + v));
            await page.GetByLabel("Gemeente", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Zele" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
            await page.ArriveAsync(new System.Text.RegularExpressions.Regex("^/Catalogue\\?.*municipality=42028"));
            var results = await page.Locator("#results tbody").InnerTextAsync();
            Assert.Contains(Title, results, StringComparison.Ordinal);
            Assert.Contains("Maatwerk De Schakel", results, StringComparison.Ordinal);
            await page.Locator("#catalogue-map[data-rendered]").WaitForAsync();
            Assert.True(await page.Locator("figure.map-figure").IsVisibleAsync());
            Assert.Equal(1, await page.Locator("#catalogue-map path.map-marker").CountAsync());
            Assert.Contains("Maatwerk De Schakel", await page.Locator("#catalogue-map").GetAttributeAsync("data-markers") ?? "", StringComparison.Ordinal);
            violations.AddRange((await Axe.ViolationsAsync(page)).Select(v => "search by municipality: " + v));

            // Hamme is served too; a municipality it does not serve finds nothing.
            await page.GotoAsync("/Catalogue?municipality=44021");
            Assert.Equal("0", (await page.Locator("#total").InnerTextAsync()).Trim());
        }

        // Without JavaScript: no map, the same service in the table.
        await using (var noScript = await chromium.NewContextAsync(address, role: null, javaScript: false))
        {
            var page = await noScript.NewPageAsync();
            await page.GotoAsync("/Catalogue?municipality=42008");
            Assert.False(await page.Locator("figure.map-figure").IsVisibleAsync());
            Assert.Contains(Title, await page.Locator("#results tbody").InnerTextAsync(), StringComparison.Ordinal);
        }

        Assert.True(violations.Count == 0, $"axe-core found {violations.Count} accessibility violation(s):\n\n{string.Join("\n\n", violations)}");
    }
}
