using Microsoft.Playwright;
using Regiekamer.Core.Data;
using Regiekamer.Web.Tests.Infrastructure;

namespace Regiekamer.Web.Tests.Browser;

/// <summary>
/// Issue 10.1 in a real browser: Scheldeland's regisseur adds two actors through the form (one first with a wrong KBO
/// number), ties the first to a member municipality and links it with the second; every page visited, the form with
/// its errors included, has no axe-core violations.
/// </summary>
public sealed class ActorJourneyTests
{
    [Fact]
    public async Task Regisseur_AddsAnActor_WithATieAndALink_NoAxeViolations()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var (app, address) = await TestApp.StartKestrelAsync(DatabaseProvider.Sqlite);
        await using var _ = app;
        var scheldeland = await app.ScheldelandAsync();
        await using var context = await chromium.NewContextAsync(address, $"Regisseur:{scheldeland}");
        var page = await context.NewPageAsync();
        var violations = new List<string>();

        await page.GotoAsync($"/Partnerships/{scheldeland}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Actoren sociale economie" }).ClickAsync();
        await page.ArriveAsync($"/Partnerships/{scheldeland}/Actors");
        violations.AddRange(await Axe.ViolationsAsync(page));

        async Task AddAsync(string name, string kind, string? kbo)
        {
            await page.GotoAsync($"/Partnerships/{scheldeland}/Actors");
            await page.GetByRole(AriaRole.Link, new() { Name = "Nieuwe actor" }).ClickAsync();
            await page.ArriveAsync($"/Partnerships/{scheldeland}/Actors/New");
            violations.AddRange(await Axe.ViolationsAsync(page));
            await page.GetByLabel("Naam", new() { Exact = true }).FillAsync(name);
            if (kbo is not null)
            {
                await page.GetByLabel("KBO-ondernemingsnummer").FillAsync(kbo);
            }

            await page.GetByLabel("Soort actor").SelectOptionAsync(new SelectOptionValue { Label = kind });
            await page.GetByLabel("Gemeente (indeling 2025)").SelectOptionAsync(new SelectOptionValue { Value = "42028" });
            await page.GetByLabel("Langdurig werkzoekenden").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Bewaren" }).ClickAsync();
        }

        // A wrong check digit: the form says so at the field, accessibly.
        await AddAsync("Demo Maatwerk Zele", "Maatwerkbedrijf", "0207.000.078");
        await page.ArriveAsync($"/Partnerships/{scheldeland}/Actors/New");
        Assert.Equal("true", await page.GetByLabel("KBO-ondernemingsnummer").GetAttributeAsync("aria-invalid"));
        violations.AddRange(await Axe.ViolationsAsync(page));
        await page.GetByLabel("KBO-ondernemingsnummer").FillAsync("0207.000.077");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bewaren" }).ClickAsync();
        await page.ArriveAsync(new System.Text.RegularExpressions.Regex("^/Partnerships/[0-9]+/Actors/[0-9]+\\?done=created$"));
        var first = new Uri(page.Url).AbsolutePath;

        await AddAsync("Demo Kringloop Hamme", "Kringloopcentrum", null);
        await page.ArriveAsync(new System.Text.RegularExpressions.Regex("^/Partnerships/[0-9]+/Actors/[0-9]+\\?done=created$"));

        // The tie and the link, each with its own small form.
        await page.GotoAsync(first);
        violations.AddRange(await Axe.ViolationsAsync(page));
        await page.GetByLabel("Gemeente van het regieverband").SelectOptionAsync(new SelectOptionValue { Label = "Zele" });
        await page.GetByLabel("Soort band").SelectOptionAsync(new SelectOptionValue { Value = "samenwerkingsovereenkomst" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Band toevoegen" }).ClickAsync();
        await page.ArriveAsync(new System.Text.RegularExpressions.Regex("^/Partnerships/[0-9]+/Actors/[0-9]+\\?done=saved"));
        Assert.Contains("Samenwerkingsovereenkomst", await page.Locator("#ties table").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByLabel("Werkt samen met").SelectOptionAsync(new SelectOptionValue { Label = "Demo Kringloop Hamme" });
        await page.GetByLabel("Waarover").FillAsync("Doorverwijzing van doelgroepwerknemers");
        await page.GetByRole(AriaRole.Button, new() { Name = "Samenwerking toevoegen" }).ClickAsync();
        await page.ArriveAsync(new System.Text.RegularExpressions.Regex("^/Partnerships/[0-9]+/Actors/[0-9]+\\?done=saved"));
        Assert.Contains("Demo Kringloop Hamme", await page.Locator("#links table").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(3, await page.Locator("table.audit tbody tr").CountAsync());
        violations.AddRange(await Axe.ViolationsAsync(page));

        // Shown on the other actor too.
        await page.GetByRole(AriaRole.Link, new() { Name = "Demo Kringloop Hamme" }).ClickAsync();
        Assert.Contains("Demo Maatwerk Zele", await page.Locator("#links table").InnerTextAsync(), StringComparison.Ordinal);
        violations.AddRange(await Axe.ViolationsAsync(page));

        Assert.True(violations.Count == 0, $"axe-core found {violations.Count} accessibility violation(s):\n\n{string.Join("\n\n", violations)}");
    }
    [Fact]
    public async Task DepartmentPages_DemoActors_NoAxeViolations()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var (app, address) = await TestApp.StartKestrelAsync(DatabaseProvider.Sqlite);
        await using var _ = app;
        await using var context = await chromium.NewContextAsync(address, "PolicyOfficer");
        var page = await context.NewPageAsync();
        var violations = new List<string>();

        await page.GotoAsync("/Actors");
        violations.AddRange(await Axe.ViolationsAsync(page));
        Assert.Equal(9, await page.Locator("#actors tbody tr").CountAsync());
        await page.Locator("#actors tbody a").First.ClickAsync();
        await page.ArriveAsync(new System.Text.RegularExpressions.Regex("^/Partnerships/[0-9]+/Actors/[0-9]+$"));
        Assert.Contains("Demo", await page.Locator("[role=note]").Last.InnerTextAsync(), StringComparison.Ordinal);
        violations.AddRange(await Axe.ViolationsAsync(page));
        await page.GetByRole(AriaRole.Link, new() { Name = "Alle actoren van het regieverband" }).ClickAsync();
        violations.AddRange(await Axe.ViolationsAsync(page));
        await page.GotoAsync("/Actors/Kinds");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toevoegen" }).ClickAsync();
        Assert.Equal("true", await page.Locator("#Input_Code").GetAttributeAsync("aria-invalid"));
        violations.AddRange(await Axe.ViolationsAsync(page));

        Assert.True(violations.Count == 0, $"axe-core found {violations.Count} accessibility violation(s):\n\n{string.Join("\n\n", violations)}");
    }
}
