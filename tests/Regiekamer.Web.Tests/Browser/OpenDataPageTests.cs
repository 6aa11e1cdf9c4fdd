using Microsoft.Playwright;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;

namespace Regiekamer.Web.Tests.Browser;

/// <summary>
/// Issue 9, point 7 in Debian's Chromium: the transparency page with a published decree and a published amendment,
/// as a visitor who is not signed in, has no axe-core violations (Dutch and English), reads the same with JavaScript
/// switched off, and prints without the menus and the download links.
/// </summary>
public sealed class OpenDataPageTests
{
    [Fact]
    public async Task TransparencyPage_WithDecrees_HasNoAxeViolations_WorksWithoutJavaScript_AndPrints()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var (app, address) = await TestApp.StartKestrelAsync(DatabaseProvider.Sqlite, demo: false);
        await using var _ = app;
        app.Time.SetUtcNow(FakeTimeProvider.DayBeforeDeadline);
        var gent = await app.Services.CreatePartnershipAsync(p => p.CentralCity("Gent").Named("Regie Gent"));
        var scheldeland = await app.Services.CreatePartnershipAsync(p => p.Interlocal("Hamme", "Hamme", "Berlare", "Dendermonde", "Wichelen", "Zele").Named("Scheldeland"));
        var run = await app.Services.CreateApprovedRunAsync(gent, scheldeland);
        var decree = await app.Services.CreatePublishedDecreeAsync(run, 2023, "MB-2023-0001");
        var amendment = await app.Services.CreateAmendmentAsync(decree, "MB-2023-0002", gent.Id, scheldeland.Id, Money.FromEuros(100), "Materiële vergissing.");
        await app.Services.PublishDecreeAsync(amendment);
        await app.Services.CreatePublishedDecreeAsync(run, 2024, "MB-2024-0001");
        app.Time.SetUtcNow(TestApp.Today);

        var violations = new List<string>();
        await using var visitor = await chromium.NewContextAsync(address, role: null);
        var page = await visitor.NewPageAsync();
        foreach (var url in new[] { "/OpenData/Decrees", "/OpenData/Decrees?culture=en" })
        {
            var response = await page.GotoAsync(url);
            Assert.Equal(200, response?.Status);
            violations.AddRange(await Axe.ViolationsAsync(page));
        }

        Assert.True(violations.Count == 0, $"axe-core found {violations.Count} accessibility violation(s):\n\n{string.Join("\n\n", violations)}");

        // In print: the decrees and their tables, without the menu and the download links.
        await page.GotoAsync("/OpenData/Decrees");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.Locator("nav.main-nav").IsVisibleAsync());
        Assert.False(await page.Locator("#downloads").IsVisibleAsync());
        Assert.True(await page.Locator($"#decree-{amendment.Id}-lines").IsVisibleAsync());
        Assert.True(await page.Locator("#source").IsVisibleAsync());

        // Without JavaScript: the same tables, and the links to the PDF and the CSV are plain links.
        await using var noScript = await chromium.NewContextAsync(address, role: null, javaScript: false);
        var plain = await noScript.NewPageAsync();
        await plain.GotoAsync("/OpenData/Decrees");
        Assert.Equal(3, await plain.Locator("section.decree table").CountAsync());
        Assert.Equal(2, await plain.Locator($"#decree-{decree.Id}-lines tbody tr").CountAsync());
        var pdf = await plain.RunAndWaitForDownloadAsync(() => plain.Locator($"a[href='/OpenData/Decrees/{decree.Id}/pdf']").ClickAsync());
        Assert.Equal("besluit-MB-2023-0001.pdf", pdf.SuggestedFilename);
    }
}
