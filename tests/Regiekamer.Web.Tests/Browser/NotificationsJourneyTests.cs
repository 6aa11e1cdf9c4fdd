using Microsoft.Playwright;
using Regiekamer.Core.Data;
using Regiekamer.Web.Tests.Infrastructure;
using Regiekamer.Web.Tests.Notifications;
using Regiekamer.Web.Tests.Security;

namespace Regiekamer.Web.Tests.Browser;

/// <summary>
/// Issue 8, point 8: a regisseur signs in, follows the layout's link to their notifications, marks one read and then
/// all of them, in Chromium with JavaScript off (the page is plain forms); axe-core checks the list unread and read.
/// </summary>
public sealed class NotificationsJourneyTests
{
    [Fact]
    public async Task Regisseur_ReadsTheirNotifications_AndMarksThemRead_WithoutJavaScript()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var (app, address) = await TestApp.StartKestrelAsync(DatabaseProvider.Sqlite, realSignIn: true);
        await using var _ = app;
        var who = await Principals.CreateAsync(app);
        var regisseur = who.UserId(Who.Regisseur);
        await NotificationsTests.NotifyAsync(app, regisseur, Principals.Email(Who.Regisseur), "a", "Ontvangstbewijs: dossier RK-2023-0001 versie 1 ingediend", $"/Applications/{who.OwnApplication}/Versions/1");
        await NotificationsTests.NotifyAsync(app, regisseur, Principals.Email(Who.Regisseur), "b", "Herinnering: aanvraag 2023-2025 indienen uiterlijk 15/01/2023 (over 7 dagen)");
        await NotificationsTests.NotifyAsync(app, regisseur, Principals.Email(Who.Regisseur), "c", "Aanpassing gevraagd: dossier RK-2023-0001, antwoord uiterlijk 15/02/2023");

        await using var context = await chromium.Browser.NewContextAsync(new()
        {
            BaseURL = address.ToString(),
            BypassCSP = true,
            Locale = "nl-BE",
            JavaScriptEnabled = false,
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        var violations = new List<string>();

        await page.GotoAsync("/Account/Login?returnUrl=%2F");
        await page.GetByLabel("E-mail").FillAsync(Principals.Email(Who.Regisseur));
        await page.GetByLabel("Wachtwoord").FillAsync(Principals.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden", Exact = true }).ClickAsync();
        await page.ArriveAsync("/");

        await page.Locator("header .account").GetByRole(AriaRole.Link, new() { Name = "Meldingen" }).ClickAsync();
        await page.ArriveAsync("/Notifications");
        Assert.Equal(3, await page.Locator("li.notification.unread").CountAsync());
        Assert.Equal(["Nieuw:", "Nieuw:", "Nieuw:"], (await page.Locator("li.notification.unread h2 .tag.new").AllTextContentsAsync()).Select(t => t.Trim()));
        violations.AddRange(await WithScriptAsync(chromium, address, page.Url, context));

        // One read: the button names (to a screen reader) what it marks.
        var button = page.Locator("li.notification", new() { HasText = "over 7 dagen" }).GetByRole(AriaRole.Button, new() { Name = "Markeer als gelezen" });
        Assert.Matches(@"^Markeer als gelezen\s*:\s*Herinnering: aanvraag 2023-2025", (await button.TextContentAsync())!.Trim());
        await button.ClickAsync();
        await page.ArriveAsync("/Notifications?p=1&done=read");
        await page.Locator("[role=status]").WaitForAsync();
        Assert.Equal(2, await page.Locator("li.notification.unread").CountAsync());
        Assert.Equal(1, await page.Locator("li.notification.read").CountAsync());
        violations.AddRange(await WithScriptAsync(chromium, address, page.Url, context));

        await page.GetByRole(AriaRole.Button, new() { Name = "Alles als gelezen markeren" }).ClickAsync();
        await page.ArriveAsync("/Notifications?p=1&done=all");
        Assert.Equal(0, await page.Locator("li.notification.unread").CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Alles als gelezen markeren" }).CountAsync());
        violations.AddRange(await WithScriptAsync(chromium, address, page.Url, context));

        Assert.True(violations.Count == 0, $"axe-core found {violations.Count} accessibility violation(s):\n\n{string.Join("\n\n", violations)}");
    }

    /// <summary>axe-core needs JavaScript: the same page, with the same sign-in cookie, in a context that runs scripts.</summary>
    private static async Task<IReadOnlyList<string>> WithScriptAsync(Chromium chromium, Uri address, string url, IBrowserContext signedIn)
    {
        await using var context = await chromium.NewContextAsync(address, role: null);
        await context.AddCookiesAsync((await signedIn.CookiesAsync()).Select(c => new Cookie
        {
            Name = c.Name,
            Value = c.Value,
            Domain = c.Domain,
            Path = c.Path,
            Expires = c.Expires,
            HttpOnly = c.HttpOnly,
            Secure = c.Secure,
            SameSite = c.SameSite,
        }));
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        return await Axe.ViolationsAsync(page);
    }
}
