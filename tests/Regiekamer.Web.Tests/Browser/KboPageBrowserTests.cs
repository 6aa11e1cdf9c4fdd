using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Data;
using Regiekamer.Core.Kbo;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;

namespace Regiekamer.Web.Tests.Browser;

/// <summary>Issue 10, point 2 in Debian's Chromium: the administrator's KBO page, with an extract in force and a refused import, has no axe-core violations in Dutch and English, and its upload form works without JavaScript.</summary>
public sealed class KboPageBrowserTests
{
    [Fact]
    public async Task KboPage_WithAnExtractInForceAndARefusedImport_HasNoAxeViolations()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var (app, address) = await TestApp.StartKestrelAsync(DatabaseProvider.Sqlite, demo: false);
        await using var _ = app;
        var folder = Directory.CreateTempSubdirectory("kbo-browser-").FullName;
        try
        {
            var number = KboExtractBuilder.Number(2_070_000);
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var imports = scope.ServiceProvider.GetRequiredService<KboImportService>();
                Assert.True((await imports.ImportAsync(new KboExtractBuilder(140).WithCodes().Company(number, "Maatwerk De Schakel").WriteZip(Path.Combine(folder, "KboOpenData_0140.zip")))).IsSuccess);
                Assert.False((await imports.ImportAsync(new KboExtractBuilder(141).WithCodes().Company(number, "X").Omit("address.csv").WriteZip(Path.Combine(folder, "KboOpenData_0141.zip")))).IsSuccess);
            }

            var violations = new List<string>();
            await using var admin = await chromium.NewContextAsync(address, role: "Administrator");
            var page = await admin.NewPageAsync();
            foreach (var url in new[] { "/Kbo", "/Kbo?culture=en" })
            {
                var response = await page.GotoAsync(url);
                Assert.Equal(200, response?.Status);
                violations.AddRange(await Axe.ViolationsAsync(page));
            }

            Assert.True(violations.Count == 0, $"axe-core found {violations.Count} accessibility violation(s):\n\n{string.Join("\n\n", violations)}");

            // Without JavaScript: the form posts, and without a file it says so next to the field.
            await using var noScript = await chromium.NewContextAsync(address, role: "Administrator", javaScript: false);
            var plain = await noScript.NewPageAsync();
            await plain.GotoAsync("/Kbo");
            Assert.Contains("address.csv", await plain.Locator("#kbo-imports").InnerTextAsync(), StringComparison.Ordinal);
            await plain.Locator("main form button[type=submit]").ClickAsync();
            Assert.Contains("kies het ZIP-bestand", await plain.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

            // The refused form, checked by axe (with JavaScript, which axe needs).
            await page.GotoAsync("/Kbo");
            await page.Locator("main form button[type=submit]").ClickAsync();
            violations.AddRange(await Axe.ViolationsAsync(page));
            Assert.True(violations.Count == 0, $"axe-core found {violations.Count} accessibility violation(s) on the refused form:\n\n{string.Join("\n\n", violations)}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
