using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;

namespace Regiekamer.Web.Tests.Browser;

/// <summary>
/// Issue 9's journey after the decree, in Chromium: the partnership submits its report, the case handler finds it
/// manifestly unclear, the partnership answers, the case handler decides it was not used for its purpose, the reclaim
/// that decision made is claimed and paid back, and the ledger reconciles. axe-core checks every page.
/// </summary>
public sealed class ReportCycleJourneyTests
{
    [Fact]
    public async Task AReport_IsClarified_Refused_ItsReclaimPaidBack_AndTheLedgerReconciles()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var (app, address) = await TestApp.StartKestrelAsync(DatabaseProvider.Sqlite, demo: false);
        await using var _ = app;
        var gent = await app.Services.CreatePartnershipAsync(p => p.CentralCity("Gent").Named("Regie Gent"));
        var run = await app.Services.CreateApprovedRunAsync(new DateOnly(2099, 12, 31), gent);
        var decree = await app.Services.CreateSignedDecreeAsync(run, 2023);
        await app.Services.PayAllAsync(decree.CallId, gent.Id, new DateOnly(2023, 6, 1));
        await using var regisseurContext = await chromium.NewContextAsync(address, $"Regisseur:{gent.Id}");
        await using var signatoryContext = await chromium.NewContextAsync(address, $"Signatory:{gent.Id}");
        await using var handlerContext = await chromium.NewContextAsync(address, "CaseHandler");
        var violations = new List<string>();

        // The regisseur starts the 2023 report from the approved plan; the signatory submits it.
        var regisseur = await regisseurContext.NewPageAsync();
        await regisseur.GotoAsync("/Reports");
        violations.AddRange(await Axe.ViolationsAsync(regisseur));
        await regisseur.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Jaarverslag starten") }).First.ClickAsync();
        await regisseur.ArriveAsync(new Regex("^/Reports/[0-9]+\\?done=started$"));
        violations.AddRange(await Axe.ViolationsAsync(regisseur));
        var url = new Uri(regisseur.Url).AbsolutePath;
        var signatory = await signatoryContext.NewPageAsync();
        await signatory.GotoAsync(url);
        await signatory.GetByRole(AriaRole.Button, new() { Name = "Jaarverslag indienen" }).ClickAsync();
        await signatory.Locator("[role=status]").WaitForAsync();
        Assert.Equal("ingediend", await signatory.Locator("#status").InnerTextAsync());

        // Manifestly unclear: the case handler asks for clarification by a date.
        var handler = await handlerContext.NewPageAsync();
        await handler.GotoAsync(url);
        violations.AddRange(await Axe.ViolationsAsync(handler));
        await handler.GetByLabel("Verduidelijking vragen (kennelijk onduidelijk)").CheckAsync();
        await handler.GetByLabel("Motivering (verplicht)").FillAsync("Kennelijk onduidelijk: welke resultaten bereikte WSE-LR4?");
        await handler.GetByLabel("Antwoord tegen (bij een vraag om verduidelijking)").FillAsync("2025-06-30");
        await handler.GetByRole(AriaRole.Button, new() { Name = "Beoordeling bewaren" }).ClickAsync();
        await handler.Locator("[role=status]").WaitForAsync();
        Assert.Equal("verduidelijking gevraagd", await handler.Locator("#status").InnerTextAsync());

        // The partnership answers with the next version.
        await signatory.GotoAsync(url);
        await signatory.GetByRole(AriaRole.Button, new() { Name = "Jaarverslag indienen" }).ClickAsync();
        await signatory.Locator("[role=status]").WaitForAsync();
        Assert.Equal("2", await signatory.Locator("#submitted-versions").InnerTextAsync());

        // Not used for its purpose: every priority judged, WSE-LR4 insufficiently.
        await handler.GotoAsync(url);
        await handler.GetByLabel("Niet aangewend voor het doel (stopt elke verdere betaling)").CheckAsync();
        foreach (var code in new[] { "WSE-LR1", "WSE-LR2", "WSE-LR3", "WSE-LR4" })
        {
            var judged = handler.Locator("fieldset.priority").Filter(new() { HasText = code });
            await judged.GetByLabel(code == "WSE-LR4" ? "onvoldoende" : "voldoende", new() { Exact = true }).CheckAsync();
        }

        await handler.GetByLabel("Motivering (verplicht)").FillAsync("Ook na het antwoord blijkt niet dat WSE-LR4 werd nagestreefd (R16).");
        await handler.GetByRole(AriaRole.Button, new() { Name = "Beoordeling bewaren" }).ClickAsync();
        await handler.Locator("[role=status]").WaitForAsync();
        Assert.Equal("niet aangewend voor het doel", await handler.Locator("#status").InnerTextAsync());
        Assert.Equal(4, await handler.Locator("#priority-evaluations tbody tr").CountAsync());
        violations.AddRange(await Axe.ViolationsAsync(handler));

        // The decision made the reclaim of everything paid: claimed, and paid back in full.
        await handler.GotoAsync("/Grants/Reclaims");
        violations.AddRange(await Axe.ViolationsAsync(handler));
        await handler.Locator("input[name=Date][id^=claim-]").FillAsync("2025-06-01");
        await handler.GetByRole(AriaRole.Button, new() { Name = "Vorderen" }).ClickAsync();
        await handler.Locator("[role=status]").WaitForAsync();
        await handler.Locator("input[name=Date][id^=repay-date-]").FillAsync("2025-06-01");
        await handler.GetByRole(AriaRole.Button, new() { Name = "Terugbetaling boeken" }).ClickAsync();
        await handler.Locator("[role=status]").WaitForAsync();

        await handler.GotoAsync("/Grants/Ledger");
        violations.AddRange(await Axe.ViolationsAsync(handler));
        await handler.Locator("#check p.ok").WaitForAsync();
        Assert.True(violations.Count == 0, $"axe-core found {violations.Count} accessibility violation(s):\n\n{string.Join("\n\n", violations)}");
    }
}
