using System.Globalization;
using Microsoft.Playwright;
using Regiekamer.Core.Data;
using Regiekamer.Web.Tests.Infrastructure;

namespace Regiekamer.Web.Tests.Browser;

/// <summary>
/// A department officer registers a new partnership in a real browser (Debian's Chromium, headless) against the app on
/// real Kestrel, checks its eligibility, and sees the allocation change. Every page visited is checked with axe-core.
/// </summary>
public sealed class PartnershipJourneyTests
{
    private const string NewPartnership = "Regie Dendermonde-Buggenhout-Lebbeke";
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-BE");

    [Fact]
    public async Task NewPartnership_ThroughTheForm_IsEligible_AndTakesItsShareOfTheAllocation()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var (app, address) = await TestApp.StartKestrelAsync(DatabaseProvider.Sqlite);
        await using var _ = app;
        await using var context = await chromium.NewContextAsync(address);
        var page = await context.NewPageAsync();
        var violations = new List<string>();

        // The allocation as it stands.
        await page.GotoAsync("/Allocation");
        violations.AddRange(await Axe.ViolationsAsync(page));
        var before = await AmountsAsync(page);
        Assert.DoesNotContain(NewPartnership, before.Keys);

        // Register the partnership through the form.
        await page.GotoAsync("/Partnerships");
        violations.AddRange(await Axe.ViolationsAsync(page));
        await page.GetByRole(AriaRole.Link, new() { Name = "Nieuw regieverband" }).ClickAsync();
        await page.ArriveAsync("/Partnerships/New");
        violations.AddRange(await Axe.ViolationsAsync(page));
        await page.GetByLabel("Naam", new() { Exact = true }).FillAsync(NewPartnership);
        await page.GetByLabel("Rechtsvorm").SelectOptionAsync(new SelectOptionValue { Label = "Interlokale vereniging" });
        await page.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Nieuw" });
        await page.GetByLabel("Leden").FillAsync("Dendermonde\nBuggenhout\nLebbeke");
        await page.GetByLabel("Beherende gemeente").FillAsync("Dendermonde");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();

        // Its details page shows its eligibility.
        await page.ArriveAsync(new System.Text.RegularExpressions.Regex("^/Partnerships/[0-9]+\\?saved=true$"));
        violations.AddRange(await Axe.ViolationsAsync(page));
        Assert.Equal(NewPartnership, (await page.Locator("h1").InnerTextAsync()).Trim());
        var eligibility = page.Locator("#eligibility");
        var eligibilityText = await eligibility.InnerTextAsync();
        Assert.Contains("subsidiabel", eligibilityText, StringComparison.Ordinal);
        Assert.DoesNotContain("niet subsidiabel", eligibilityText, StringComparison.Ordinal);
        Assert.True(await eligibility.Locator(".findings, .ok").CountAsync() > 0, $"The eligibility findings are not shown:\n{eligibilityText}");
        Assert.Equal(3, await page.Locator("table#members tbody tr").CountAsync());

        // The allocation now includes it, and the others gave up part of their share.
        await page.GetByRole(AriaRole.Link, new() { Name = "Volledige verdeling" }).ClickAsync();
        await page.ArriveAsync("/Allocation");
        violations.AddRange(await Axe.ViolationsAsync(page));
        var after = await AmountsAsync(page);
        Assert.True(after.TryGetValue(NewPartnership, out var share) && share > 0, $"{NewPartnership} is not in the allocation: {string.Join(", ", after.Keys)}");
        Assert.Equal(before.Values.Sum(), after.Values.Sum());
        Assert.All(before, b => Assert.True(after[b.Key] < b.Value, $"{b.Key}: {b.Value} cents before, {after[b.Key]} after; the equal share alone must go down."));

        Assert.True(violations.Count == 0, $"axe-core found {violations.Count} accessibility violation(s):\n\n{string.Join("\n\n", violations)}");
    }

    [Fact]
    public async Task EveryMenuPage_AndTheFormWithErrors_HasNoAxeViolations()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var (app, address) = await TestApp.StartKestrelAsync(DatabaseProvider.Sqlite);
        await using var _ = app;
        await using var context = await chromium.NewContextAsync(address);
        var page = await context.NewPageAsync();
        var violations = new List<string>();

        await page.GotoAsync("/");
        var menu = await page.Locator("nav.main-nav a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.NotEmpty(menu);
        // The English pages have the same markup; the home page in English checks the language attributes.
        foreach (var link in menu.Append("/?culture=en"))
        {
            var response = await page.GotoAsync(link);
            Assert.Equal(200, response?.Status);
            violations.AddRange(await Axe.ViolationsAsync(page));
        }

        await page.GotoAsync("/Partnerships/New");
        await page.GetByLabel("Naam", new() { Exact = true }).FillAsync("Regie Dender");
        await page.GetByLabel("Leden").FillAsync("Dendermonde\nAtlantis");
        await page.GetByLabel("Beherende gemeente").FillAsync("Gent");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await page.Locator("[role=alert]").WaitForAsync();
        violations.AddRange(await Axe.ViolationsAsync(page));

        // What a visitor who is not signed in sees: the public menu and the sign-in page.
        await using var anonymous = await chromium.NewContextAsync(address, role: null);
        var visitor = await anonymous.NewPageAsync();
        await visitor.GotoAsync("/");
        var publicMenu = await visitor.Locator("nav.main-nav a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        foreach (var link in publicMenu.Append("/Account/Login"))
        {
            var response = await visitor.GotoAsync(link);
            Assert.Equal(200, response?.Status);
            violations.AddRange(await Axe.ViolationsAsync(visitor));
        }

        Assert.True(violations.Count == 0, $"axe-core found {violations.Count} accessibility violation(s):\n\n{string.Join("\n\n", violations)}");
    }

    [Fact]
    public async Task Axe_ReportsTheViolationsOfAPage()
    {
        await using var chromium = await Chromium.LaunchAsync();
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync("<!DOCTYPE html><html lang=\"nl\"><head><title>t</title></head><body><main><img src=\"data:,\"><input type=\"text\"></main></body></html>");

        var violations = await Axe.ViolationsAsync(page);

        Assert.Contains(violations, v => v.Contains("image-alt", StringComparison.Ordinal) && v.Contains("<img", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("label", StringComparison.Ordinal) && v.Contains("<input", StringComparison.Ordinal));
    }

    /// <summary>The allocation table: partnership name → total in cents (from "€ 1.234,56").</summary>
    private static async Task<Dictionary<string, long>> AmountsAsync(IPage page)
    {
        var amounts = new Dictionary<string, long>();
        foreach (var row in await page.Locator("table#allocation tbody tr").AllAsync())
        {
            var cells = await row.Locator("td").AllInnerTextsAsync();
            var euros = decimal.Parse(cells[^1].Replace("€", "", StringComparison.Ordinal).Trim(), NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, Dutch);
            amounts.Add(cells[0].Trim(), (long)(euros * 100));
        }

        Assert.NotEmpty(amounts);
        return amounts;
    }
}
