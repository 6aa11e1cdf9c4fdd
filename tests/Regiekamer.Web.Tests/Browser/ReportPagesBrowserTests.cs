using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;

namespace Regiekamer.Web.Tests.Browser;

/// <summary>
/// Annual reports (R15, R16) in Chromium: the regisseur starts the year's report from the list and reports on an action,
/// the signatory submits it, and a case handler opens it to evaluate. axe-core checks the list and the report page as
/// each of them sees it (with its forms open).
/// </summary>
public sealed class ReportPagesBrowserTests
{
    [Fact]
    public async Task TheListAndTheReportPage_HaveNoAccessibilityViolations_ForThePartnershipAndTheDepartment()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var (app, address) = await TestApp.StartKestrelAsync(DatabaseProvider.Sqlite, demo: false);
        await using var _ = app;
        var gent = await app.Services.CreatePartnershipAsync(p => p.CentralCity("Gent").Named("Regie Gent"));
        await app.Services.CreateApprovedRunAsync(new DateOnly(2099, 12, 31), gent);
        await using var regisseurContext = await chromium.NewContextAsync(address, $"Regisseur:{gent.Id}");
        await using var signatoryContext = await chromium.NewContextAsync(address, $"Signatory:{gent.Id}");
        await using var handlerContext = await chromium.NewContextAsync(address, "CaseHandler");
        var violations = new List<string>();

        var regisseur = await regisseurContext.NewPageAsync();
        await regisseur.GotoAsync("/Reports");
        violations.AddRange(await Axe.ViolationsAsync(regisseur));
        await regisseur.GetByLabel("Jaar", new() { Exact = true }).SelectOptionAsync("2023");
        await regisseur.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Jaarverslag starten") }).ClickAsync();
        await regisseur.ArriveAsync(new Regex("^/Reports/[0-9]+\\?done=started$"));
        var url = new Uri(regisseur.Url).AbsolutePath;
        violations.AddRange(await Axe.ViolationsAsync(regisseur));

        // The first action's form, opened and saved.
        var first = regisseur.Locator("article.action").First;
        await first.Locator("summary").ClickAsync();
        violations.AddRange(await Axe.ViolationsAsync(regisseur));
        await first.GetByLabel("Actie commentaar").FillAsync("30 bedrijven bereikt");
        await first.GetByLabel("Kosten (EUR)").FillAsync("12.500,00");
        await first.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Actie bewaren") }).ClickAsync();
        await regisseur.ArriveAsync(url + "?done=action");
        Assert.Equal("€ 12.500,00", await regisseur.Locator("#total-cost").InnerTextAsync());

        var signatory = await signatoryContext.NewPageAsync();
        await signatory.GotoAsync(url);
        await signatory.GetByRole(AriaRole.Button, new() { Name = "Jaarverslag indienen" }).ClickAsync();
        await signatory.ArriveAsync(url + "?done=submitted");
        violations.AddRange(await Axe.ViolationsAsync(signatory));

        var handler = await handlerContext.NewPageAsync();
        await handler.GotoAsync("/Reports?status=submitted");
        violations.AddRange(await Axe.ViolationsAsync(handler));
        Assert.Equal(1, await handler.Locator("#reports tbody tr").CountAsync());
        await handler.GotoAsync(url);
        Assert.Equal("ingediend", await handler.Locator("#status").InnerTextAsync());
        violations.AddRange(await Axe.ViolationsAsync(handler));

        Assert.True(violations.Count == 0, $"axe-core found {violations.Count} accessibility violation(s):\n\n{string.Join("\n\n", violations)}");
    }
}
