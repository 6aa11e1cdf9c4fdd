using Regiekamer.Core.Data;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;

namespace Regiekamer.Web.Tests.Browser;

/// <summary>
/// The department's dashboard of a call (issue 9, point 9) and the expected reports with their extension form, in
/// Chromium: axe-core finds no violations, as a policy officer on the dashboard and as a case handler on /Reports with
/// an extension form open.
/// </summary>
public sealed class DashboardBrowserTests
{
    [Fact]
    public async Task TheDashboard_AndTheExpectedReportsWithTheirExtensionForm_HaveNoAccessibilityViolations()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var (app, address) = await TestApp.StartKestrelAsync(DatabaseProvider.Sqlite, demo: false);
        await using var _ = app;
        var gent = await app.Services.CreatePartnershipAsync(p => p.CentralCity("Gent").Named("Regie Gent"));
        var leuven = await app.Services.CreatePartnershipAsync(p => p.CentralCity("Leuven").Named("Regie Leuven"));
        var run = await app.Services.CreateApprovedRunAsync(new DateOnly(2099, 12, 31), gent, leuven);
        await app.Services.CreateSignedDecreeAsync(run, 2023);
        await using var officerContext = await chromium.NewContextAsync(address, "PolicyOfficer");
        await using var handlerContext = await chromium.NewContextAsync(address, "CaseHandler");
        var violations = new List<string>();

        var officer = await officerContext.NewPageAsync();
        await officer.GotoAsync("/Grants/Dashboard");
        Assert.Equal("€ 3.000.000,00", (await officer.Locator("#money-2023 .granted").InnerTextAsync()).Trim());
        violations.AddRange(await Axe.ViolationsAsync(officer));

        var handler = await handlerContext.NewPageAsync();
        await handler.GotoAsync("/Reports?status=not-started");
        Assert.Equal(4, await handler.Locator("#standing tbody tr").CountAsync());
        await handler.Locator("#standing tbody tr").First.Locator("summary").ClickAsync();
        violations.AddRange(await Axe.ViolationsAsync(handler));

        Assert.True(violations.Count == 0, $"axe-core found {violations.Count} accessibility violation(s):\n\n{string.Join("\n\n", violations)}");
    }
}
