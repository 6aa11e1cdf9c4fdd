using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Regiekamer.Core.Data;
using Regiekamer.Core.Notifications;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;
using Regiekamer.Web.Tests.Vouchers;

namespace Regiekamer.Web.Tests.Browser;

/// <summary>
/// Issue 10 point 6 in Debian's Chromium, no account: a company finds the open scheme, applies (the form without
/// JavaScript), confirms by the mailed link, the regisseur approves on the voucher's page, the provider confirms delivery,
/// the company uploads its invoice and the regisseur pays it out, after which the scheme's dashboard adds up to the cent;
/// every page, its errors and the neutral page of a used link have no axe-core violations (public pages in Dutch and English).
/// </summary>
public sealed class VoucherJourneyTests
{
    private static async Task<string> LinkAsync(TestApp app, NotificationKind kind)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<RegiekamerDb>().Notifications.AsNoTracking().Where(n => n.Kind == kind).OrderBy(n => n.Id).LastAsync()).Link!;
    }

    [Fact]
    public async Task Company_AppliesConfirmsAndUploadsItsInvoice_RegisseurApprovesAndPays_DashboardAddsUp_NoAxeViolations()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var (app, address) = await TestApp.StartKestrelAsync(DatabaseProvider.Sqlite, demo: false);
        await using var _ = app;
        var (partnership, provider, scheme) = await VoucherFormsWebTests.SeedAsync(app.Services);
        var violations = new List<string>();

        // The form works without JavaScript: errors next to the fields, then the application goes.
        await using (var noScript = await chromium.NewContextAsync(address, role: null, javaScript: false))
        {
            var plain = await noScript.NewPageAsync();
            await plain.GotoAsync($"/Vouchers/{scheme.Id}/Apply");
            await plain.Locator("main form button[type=submit]").ClickAsync();
            Assert.Contains("Ondernemingsnummer: tien cijfers", await plain.Locator("#err-companyKbo").InnerTextAsync(), StringComparison.Ordinal);
            await plain.FillAsync("#Input_CompanyKbo", "0207.000.077");
            await plain.FillAsync("#Input_CompanyName", "Bakkerij Peeters");
            await plain.FillAsync("#Input_CompanyAddress", "Markt 1, 3700 Tongeren");
            await plain.FillAsync("#Input_ContactName", "An Peeters");
            await plain.FillAsync("#Input_ContactEmail", "an@bakkerij.test");
            await plain.SelectOptionAsync("#Input_ProviderActorId", provider.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await plain.FillAsync("#Input_Service", "Groenonderhoud van de bedrijfstuin");
            await plain.CheckAsync("#Input_DeclaredNotRelated");
            await plain.Locator("main form button[type=submit]").ClickAsync();
            Assert.Contains("Als het e-mailadres klopt", await plain.Locator("#sent").InnerTextAsync(), StringComparison.Ordinal);
        }

        await using var context = await chromium.NewContextAsync(address, role: null);
        var page = await context.NewPageAsync();
        async Task CheckAsync(string url)
        {
            var response = await page.GotoAsync(url);
            Assert.True(response?.Status is 200 or 404, $"{url}: {response?.Status}");
            violations.AddRange((await Axe.ViolationsAsync(page)).Select(v => url + ": " + v));
        }

        await CheckAsync("/Vouchers");
        await CheckAsync("/Vouchers?culture=en");
        await CheckAsync($"/Vouchers/{scheme.Id}/Apply");
        await page.Locator("main form button[type=submit]").ClickAsync();
        violations.AddRange((await Axe.ViolationsAsync(page)).Select(v => "refused application: " + v));

        var confirm = await LinkAsync(app, NotificationKind.VoucherConfirmation);
        await CheckAsync(confirm);
        await page.Locator("main form button[type=submit]").ClickAsync();
        Assert.Contains("bevestigd", await page.Locator("#confirmed").InnerTextAsync(), StringComparison.Ordinal);
        violations.AddRange(await Axe.ViolationsAsync(page));
        await CheckAsync(confirm);
        Assert.Contains("ongeldig of werd al gebruikt", await page.Locator("#errors").InnerTextAsync(), StringComparison.Ordinal);

        // The regisseur approves on the voucher's page (the findings shown), which reserves the value.
        await using var desk = await chromium.NewContextAsync(address, $"Regisseur:{partnership}");
        var regie = await desk.NewPageAsync();
        var schemePage = $"/Partnerships/{partnership}/Vouchers/{scheme.Id}";
        await regie.GotoAsync(schemePage);
        violations.AddRange((await Axe.ViolationsAsync(regie)).Select(v => "scheme page: " + v));
        await regie.GetByRole(AriaRole.Link, new() { Name = "Bakkerij Peeters" }).ClickAsync();
        await regie.GetByLabel("Goedkeuren").CheckAsync();
        await regie.GetByRole(AriaRole.Button, new() { Name = "Beslissing bewaren" }).ClickAsync();
        Assert.Equal("Goedgekeurd", (await regie.Locator("#voucher-status").InnerTextAsync()).Trim());
        violations.AddRange((await Axe.ViolationsAsync(regie)).Select(v => "approved voucher: " + v));
        var voucherPage = new Uri(regie.Url).AbsolutePath;

        var company = await LinkAsync(app, NotificationKind.VoucherApproved);
        var delivery = await LinkAsync(app, NotificationKind.VoucherDelivery);
        await CheckAsync(company);
        await CheckAsync(delivery);
        await page.Locator("main form button[type=submit]").ClickAsync();
        Assert.Contains("levering is bevestigd", await page.Locator("#delivered").InnerTextAsync(), StringComparison.Ordinal);

        await CheckAsync(company + "?culture=en");
        await CheckAsync(company);
        await page.FillAsync("#Input_Number", "F-2025-1");
        await page.FillAsync("#Input_Date", "2025-06-01");
        await page.FillAsync("#Input_Total", "600,00");
        await page.SetInputFilesAsync("#Input_Invoice", new Microsoft.Playwright.FilePayload { Name = "factuur.txt", MimeType = "text/plain", Buffer = "geen pdf"u8.ToArray() });
        await page.Locator("main form button[type=submit]").ClickAsync();
        Assert.Contains("geen PDF", await page.Locator("#err-invoice").InnerTextAsync(), StringComparison.Ordinal);
        violations.AddRange((await Axe.ViolationsAsync(page)).Select(v => "refused invoice: " + v));
        await page.FillAsync("#Input_Number", "F-2025-1");
        await page.FillAsync("#Input_Date", "2025-06-01");
        await page.FillAsync("#Input_Total", "600,00");
        await page.SetInputFilesAsync("#Input_Invoice", new Microsoft.Playwright.FilePayload { Name = "factuur.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\nF-2025-1\n%%EOF"u8.ToArray() });
        await page.Locator("main form button[type=submit]").ClickAsync();
        Assert.Contains("factuur ontvangen", await page.Locator("#status").InnerTextAsync(), StringComparison.Ordinal);
        violations.AddRange((await Axe.ViolationsAsync(page)).Select(v => "invoiced: " + v));

        // The regisseur pays it out; the dashboard adds up to the cent: 5.000,00 = 0,00 reserved + 500,00 paid + 4.500,00 left.
        await regie.GotoAsync(voucherPage);
        await regie.GetByLabel("Referentie van de betaling").FillAsync("BET-2025-0001");
        await regie.GetByRole(AriaRole.Button, new() { Name = "Uitbetaling boeken" }).ClickAsync();
        Assert.Equal("Uitbetaald", (await regie.Locator("#voucher-status").InnerTextAsync()).Trim());
        Assert.Contains("BET-2025-0001", await regie.Locator("#voucher-paid").InnerTextAsync(), StringComparison.Ordinal);
        await regie.GotoAsync(schemePage);
        var budget = $"#budget-{scheme.Id}";
        Assert.Equal(["1", "500,00"], await CellsAsync(regie, $"{budget} tr.paid"));
        Assert.Equal(["0", "0,00"], await CellsAsync(regie, $"{budget} tr.reserved"));
        Assert.Equal(["–", "4.500,00"], await CellsAsync(regie, $"{budget} tr.left"));
        var sum = await regie.Locator($"{budget}-sum").InnerTextAsync();
        Assert.DoesNotContain("≠", sum, StringComparison.Ordinal);
        Assert.Contains("5.000,00", sum, StringComparison.Ordinal);
        violations.AddRange((await Axe.ViolationsAsync(regie)).Select(v => "dashboard after payout: " + v));

        Assert.True(violations.Count == 0, $"axe-core found {violations.Count} accessibility violation(s):\n\n{string.Join("\n\n", violations)}");
    }

    /// <summary>A dashboard row's number and amount cells, the euro sign and spaces left out.</summary>
    private static async Task<string[]> CellsAsync(IPage page, string row) =>
        (await page.Locator(row + " td").AllInnerTextsAsync()).Select(t => t.Replace("€", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal).Trim()).ToArray();
}
