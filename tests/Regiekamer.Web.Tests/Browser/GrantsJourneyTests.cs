using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;

namespace Regiekamer.Web.Tests.Browser;

/// <summary>
/// Issue 9 in Chromium: a policy officer drafts and signs a year's decree from a published allocation over approved
/// applications, proposes a payment, and a case handler approves and orders it; the ledger reconciles. axe-core checks every page.
/// </summary>
public sealed class GrantsJourneyTests
{
    [Fact]
    public async Task APolicyOfficer_SignsADecree_ACaseHandlerApprovesItsPayment_AndTheLedgerReconciles()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var (app, address) = await TestApp.StartKestrelAsync(DatabaseProvider.Sqlite, demo: false);
        await using var _ = app;
        var gent = await app.Services.CreatePartnershipAsync(p => p.CentralCity("Gent").Named("Regie Gent"));
        var scheldeland = await app.Services.CreatePartnershipAsync(p => p.Interlocal("Hamme", "Hamme", "Berlare", "Dendermonde", "Wichelen", "Zele").Named("Scheldeland"));
        await app.Services.CreateApprovedRunAsync(new DateOnly(2099, 12, 31), gent, scheldeland);
        await using var officerContext = await chromium.NewContextAsync(address, "PolicyOfficer");
        await using var handlerContext = await chromium.NewContextAsync(address, "CaseHandler");
        await using var regisseurContext = await chromium.NewContextAsync(address, $"Regisseur:{gent.Id}");
        var officer = await officerContext.NewPageAsync();
        var violations = new List<string>();

        await officer.GotoAsync("/Grants");
        violations.AddRange(await Axe.ViolationsAsync(officer));
        await officer.GetByLabel("Nummer van het besluit").FillAsync("MB-2023-0412");
        await officer.GetByLabel("Datum", new() { Exact = true }).FillAsync("2023-04-20");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Ontwerp opstellen" }).ClickAsync();
        await officer.ArriveAsync(new Regex("^/Grants/Decrees/[0-9]+$"));
        violations.AddRange(await Axe.ViolationsAsync(officer));
        Assert.Equal("€ 3.000.000,00", await officer.Locator("#total").InnerTextAsync());

        await officer.GetByRole(AriaRole.Button, new() { Name = "Ondertekening vastleggen" }).ClickAsync();
        await officer.Locator("[role=status]").WaitForAsync();
        Assert.StartsWith("ondertekend", await officer.Locator("#status").InnerTextAsync(), StringComparison.Ordinal);
        violations.AddRange(await Axe.ViolationsAsync(officer));

        await officer.GotoAsync("/Grants/Payments");
        violations.AddRange(await Axe.ViolationsAsync(officer));
        await officer.Locator("#payments tbody tr").First.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^voorstellen") }).ClickAsync();
        await officer.Locator("[role=status]").WaitForAsync();
        Assert.Equal(0, await officer.Locator("#payments tbody tr").First.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^goedkeuren") }).CountAsync());

        var handler = await handlerContext.NewPageAsync();
        await handler.GotoAsync("/Grants/Payments?status=proposed");
        await handler.Locator("#payments tbody tr").First.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^goedkeuren") }).ClickAsync();
        await handler.Locator("[role=status]").WaitForAsync();
        await handler.GotoAsync("/Grants/Payments?status=approved");
        Assert.Equal(1, await handler.Locator("#payments tbody tr").CountAsync());

        // Ordered: it goes out in the payment orders for the accounting system.
        await handler.Locator("#payments tbody tr").First.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^in betaling geven") }).ClickAsync();
        await handler.Locator("[role=status]").WaitForAsync();
        await handler.GotoAsync("/Grants/Payments?status=ordered");
        Assert.Equal(1, await handler.Locator("#payments tbody tr").CountAsync());

        await handler.GotoAsync("/Grants/Reclaims");
        violations.AddRange(await Axe.ViolationsAsync(handler));
        await handler.GotoAsync("/Grants/Ledger");
        violations.AddRange(await Axe.ViolationsAsync(handler));
        await handler.Locator("#check p.ok").WaitForAsync();

        var regisseur = await regisseurContext.NewPageAsync();
        await regisseur.GotoAsync($"/Grants/Partnership/{gent.Id}");
        violations.AddRange(await Axe.ViolationsAsync(regisseur));
        Assert.Contains("Gent", await regisseur.Locator("#grants tbody").InnerTextAsync(), StringComparison.Ordinal);

        Assert.True(violations.Count == 0, $"axe-core found {violations.Count} accessibility violation(s):\n\n{string.Join("\n\n", violations)}");
    }
}
