using Microsoft.Playwright;
using Regiekamer.Core.Data;
using Regiekamer.Web.Tests.Infrastructure;
using Regiekamer.Web.Tests.Security;

namespace Regiekamer.Web.Tests.Browser;

/// <summary>
/// Issue 3: a regisseur signs in with e-mail and password through the real sign-in page (no test scheme), edits
/// their own partnership, and finds the change, with their name, in its history; then signs out. axe-core checks
/// the sign-in, edit and history pages.
/// </summary>
public sealed class SignInJourneyTests
{
    [Fact]
    public async Task Regisseur_SignsIn_EditsTheirPartnership_AndSeesTheChangeInItsHistory()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var (app, address) = await TestApp.StartKestrelAsync(DatabaseProvider.Sqlite, realSignIn: true);
        await using var _ = app;
        var who = await Principals.CreateAsync(app);
        await using var context = await chromium.NewContextAsync(address, role: null);
        var page = await context.NewPageAsync();
        var violations = new List<string>();

        // Their partnership's page sends them to sign in first, and back afterwards.
        await page.GotoAsync($"/Partnerships/{who.Own}");
        await page.ArriveAsync("/Account/Login?");
        violations.AddRange(await Axe.ViolationsAsync(page));

        // A stacked form: the password field as wide as the e-mail field, the button below it, not beside it.
        var email = (await page.GetByLabel("E-mail").BoundingBoxAsync())!;
        var password = (await page.GetByLabel("Wachtwoord").BoundingBoxAsync())!;
        var signIn = (await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden", Exact = true }).BoundingBoxAsync())!;
        Assert.Equal((email.X, email.Width), (password.X, password.Width));
        Assert.True(signIn.Y >= password.Y + password.Height, $"the button (top {signIn.Y}) is not below the password field (bottom {password.Y + password.Height})");
        Assert.Equal(password.X, signIn.X);

        await page.GetByLabel("E-mail").FillAsync(Principals.Email(Who.Regisseur));
        await page.GetByLabel("Wachtwoord").FillAsync(Principals.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden", Exact = true }).ClickAsync();
        await page.ArriveAsync($"/Partnerships/{who.Own}");
        var title = (await page.Locator("h1").InnerTextAsync()).Trim();
        Assert.Contains("Scheldeland", title, StringComparison.Ordinal);

        // Another partnership stays closed to them.
        var other = await page.GotoAsync($"/Partnerships/{who.Other}");
        Assert.Equal(403, other?.Status);

        // Edit their own.
        await page.GotoAsync($"/Partnerships/{who.Own}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Wijzigen" }).ClickAsync();
        await page.ArriveAsync($"/Partnerships/{who.Own}/Edit");
        violations.AddRange(await Axe.ViolationsAsync(page));
        await page.GetByLabel("Naam regisseur").FillAsync("An Claes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await page.ArriveAsync($"/Partnerships/{who.Own}?saved=true");
        await page.Locator("[role=status]").WaitForAsync();

        // The history shows the change, who made it and as what.
        var history = page.GetByRole(AriaRole.Link, new() { Name = "Geschiedenis", Exact = true });
        Assert.Equal($"/Partnerships/{who.Own}/History", await history.GetAttributeAsync("href"));
        var opened = await page.GotoAsync($"/Partnerships/{who.Own}/History");
        Assert.Equal(200, opened?.Status);
        violations.AddRange(await Axe.ViolationsAsync(page));
        var newest = page.Locator("table.audit tbody tr").First;
        var row = await newest.InnerTextAsync();
        Assert.Contains("An Claes", row, StringComparison.Ordinal);
        Assert.Contains(Principals.Email(Who.Regisseur), row, StringComparison.Ordinal);
        Assert.Contains("Regisseur", row, StringComparison.Ordinal);

        // Signing out ends the session: the partnership asks for a sign-in again.
        // The layout's link leads to the sign-out page, whose button signs out.
        await page.Locator("header .account a[href='/Account/Logout']").ClickAsync();
        await page.ArriveAsync("/Account/Logout");
        await page.GetByRole(AriaRole.Button, new() { Name = "Afmelden" }).ClickAsync();
        await page.ArriveAsync("/Account/Logout?done=1");
        await page.GotoAsync($"/Partnerships/{who.Own}");
        await page.ArriveAsync("/Account/Login?");

        Assert.True(violations.Count == 0, $"axe-core found {violations.Count} accessibility violation(s):\n\n{string.Join("\n\n", violations)}");
    }
}
