using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Actors;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Vouchers;
using Regiekamer.Web.Tests.Infrastructure;

namespace Regiekamer.Web.Tests.Browser;

/// <summary>
/// Issue 10.6 in a real browser: Scheldeland's regisseur sees its schemes, tries a new scheme with an error, opens the
/// scheme's dashboard and vouchers, a voucher waiting for a decision and one waiting for its payout; the department its
/// overview. Every page visited, the form with its errors included, has no axe-core violations.
/// </summary>
public sealed class VoucherDeskBrowserTests
{
    [Fact]
    public async Task Regisseur_WalksTheVoucherDesk_NoAxeViolations()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var (app, address) = await TestApp.StartKestrelAsync(DatabaseProvider.Sqlite);
        await using var _ = app;
        var scheldeland = await app.ScheldelandAsync();
        int schemeId, applied, invoiced;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = new Core.Accounts.Actor(Guid.NewGuid(), "regisseur@example.org", "Regisseur");
            var db = scope.ServiceProvider.GetRequiredService<RegiekamerDb>();
            var actor = Core.Actors.Actor.Create(scheldeland, "Demo Maatwerk Scheldeland", null, "maatwerkbedrijf", app.Time.GetUtcNow().UtcDateTime);
            db.Actors.Add(actor);
            await db.SaveChangesAsync();
            var vouchers = scope.ServiceProvider.GetRequiredService<VoucherService>();
            var draft = (await vouchers.CreateSchemeAsync(scheldeland, new VoucherSchemeInput("Demo cheque Scheldeland", "fixed", "500,00", null, 6, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), "5.000,00", 30, [actor.Id]))).Value!;
            schemeId = (await vouchers.OpenSchemeAsync(draft.Id, draft.Version)).Value!.Id;
            var a = (await vouchers.ApplyAsync(schemeId, new VoucherApplicationInput("0207000077", "Demo Bakkerij", "Markt 1, 9200 Dendermonde", "An Peeters", "an@example.org", null, actor.Id, "Groenonderhoud", true), "192.0.2.1")).Value!;
            applied = (await vouchers.ConfirmAsync(a.ConfirmationToken)).Value!.Id;
            var b = (await vouchers.ApplyAsync(schemeId, new VoucherApplicationInput("0316381039", "Demo Drukkerij", "Markt 2, 9200 Dendermonde", "Jan Peeters", "jan@example.org", null, actor.Id, "Drukwerk", true), "192.0.2.2")).Value!;
            var confirmed = (await vouchers.ConfirmAsync(b.ConfirmationToken)).Value!;
            var decision = (await vouchers.DecideAsync(confirmed.Id, new VoucherDecisionInput(true, null, confirmed.Version))).Value!;
            await vouchers.DeliverAsync(decision.ProviderToken);
            invoiced = (await vouchers.InvoiceAsync(decision.CompanyToken, new VoucherInvoiceInput("F-1", new DateOnly(2025, 6, 1), "450,00", null), new UploadedFile("factuur.pdf", System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\nx\n%%EOF")), null)).Value!.Id;
        }

        await using var context = await chromium.NewContextAsync(address, $"Regisseur:{scheldeland}");
        var page = await context.NewPageAsync();
        var violations = new List<string>();

        await page.GotoAsync($"/Partnerships/{scheldeland}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Kennismakingscheques" }).ClickAsync();
        await page.ArriveAsync($"/Partnerships/{scheldeland}/Vouchers");
        violations.AddRange(await Axe.ViolationsAsync(page));

        await page.GetByRole(AriaRole.Link, new() { Name = "Nieuwe regeling" }).ClickAsync();
        await page.ArriveAsync($"/Partnerships/{scheldeland}/Vouchers/New");
        violations.AddRange(await Axe.ViolationsAsync(page));
        await page.GetByLabel("Naam van de regeling").FillAsync("Demo tweede regeling");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bewaren" }).ClickAsync();
        await page.ArriveAsync($"/Partnerships/{scheldeland}/Vouchers/New");
        Assert.Equal("true", await page.GetByLabel("Waarde van een cheque (euro)").GetAttributeAsync("aria-invalid"));
        violations.AddRange(await Axe.ViolationsAsync(page));

        foreach (var url in new[] { $"/Partnerships/{scheldeland}/Vouchers/{schemeId}", $"/Partnerships/{scheldeland}/Vouchers/{schemeId}?status=applied", $"/Partnerships/{scheldeland}/Vouchers/{schemeId}/{applied}", $"/Partnerships/{scheldeland}/Vouchers/{schemeId}/{invoiced}" })
        {
            await page.GotoAsync(url);
            await page.ArriveAsync(url);
            violations.AddRange(await Axe.ViolationsAsync(page));
        }

        // Refusing without a reason: the error at the field, accessibly.
        await page.GotoAsync($"/Partnerships/{scheldeland}/Vouchers/{schemeId}/{applied}");
        await page.GetByLabel("Weigeren").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Beslissing bewaren" }).ClickAsync();
        Assert.Equal("true", await page.GetByLabel("Reden (verplicht bij een weigering)").GetAttributeAsync("aria-invalid"));
        violations.AddRange(await Axe.ViolationsAsync(page));

        await using var department = await chromium.NewContextAsync(address, "PolicyOfficer");
        var overview = await department.NewPageAsync();
        await overview.GotoAsync("/Vouchers/Schemes");
        await overview.ArriveAsync("/Vouchers/Schemes");
        Assert.Contains("Demo cheque Scheldeland", await overview.Locator("#schemes").InnerTextAsync(), StringComparison.Ordinal);
        violations.AddRange(await Axe.ViolationsAsync(overview));

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
