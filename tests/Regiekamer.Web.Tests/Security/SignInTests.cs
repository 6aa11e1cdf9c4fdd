using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;
using Regiekamer.Web.Features.Account;
using Regiekamer.Web.Tests.Infrastructure;
using static Regiekamer.Web.Tests.Security.SignInFlow;

namespace Regiekamer.Web.Tests.Security;

/// <summary>
/// Issue 3, signing in as a browser does it: the real forms with their antiforgery tokens, the app's own sign-in
/// cookie, lockout, the login rate limit, password reset by mail, two-factor sign-in for administrators, signing
/// out everywhere, API tokens made and revoked on the web, user administration, and no demo accounts in production.
/// </summary>
public sealed partial class SignInTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SignIn_WithEmailAndPassword_GoesToTheReturnUrl_OwnPartnershipOnly_WithAnHttpOnlyLaxCookie(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, realSignIn: true);
        var (own, other) = await PartnershipsAsync(app);
        await CreateUserAsync(app, "rita@regie.test", new RoleGrant(Role.Regisseur, own));
        var details = $"/Partnerships/{own}";
        using var client = app.Client(role: null);

        // Not signed in: the page sends the browser to sign in, and back afterwards.
        using (var anonymous = await client.GetAsync(new Uri(details, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.Equal("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(details), Target(anonymous));
        }

        using var signedIn = await SignInAsync(client, "rita@regie.test", Password, details);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(details, Target(signedIn));
        var cookie = SetCookie(signedIn, AuthCookie);
        Assert.True(cookie is not null, "Signing in sets the sign-in cookie.");
        var attributes = cookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=lax", attributes);

        var page = await client.GetPageAsync(details);
        Assert.Contains("Scheldeland", page.One("h1").Text(), StringComparison.Ordinal);

        // Another partnership: the page refuses, and the access-denied page says so with 403.
        using var denied = await client.GetAsync(new Uri($"/Partnerships/{other}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", Target(denied), StringComparison.Ordinal);
        var refusal = await client.GetPageAsync(Target(denied), expectedStatus: 403);
        Assert.Contains("een regisseur wijzigt alleen het eigen regieverband", refusal.One("#needed").Text(), StringComparison.Ordinal);

        // A department page: the access-denied page names the role it takes.
        using var department = await client.GetAsync(new Uri("/Audit", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, department.StatusCode);
        var needsRole = await client.GetPageAsync(Target(department), expectedStatus: 403);
        Assert.Contains("een rol van de afdeling", needsRole.One("#needed").Text(), StringComparison.Ordinal);

        // A wrong password: the page again, with the error in Dutch; no cookie, still not signed in.
        using var stranger = app.Client(role: null);
        using var wrong = await SignInAsync(stranger, "rita@regie.test", "Niet-het-wachtwoord-2026", details);
        Assert.NotEqual(HttpStatusCode.Redirect, wrong.StatusCode);
        var wrongPage = await wrong.ReadPageAsync(422, "wrong password");
        Assert.Contains("E-mail of wachtwoord klopt niet", wrongPage.One("main").Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("Niet-het-wachtwoord-2026", wrongPage.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Null(SetCookie(wrong, AuthCookie));
        using var stillAnonymous = await stranger.GetAsync(new Uri(details, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, stillAnonymous.StatusCode);
        Assert.StartsWith("/Account/Login", Target(stillAnonymous), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Lockout_AfterFiveWrongPasswords_RefusesTheRightOne_For15Minutes(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, realSignIn: true);
        var id = await CreateUserAsync(app, "dirk@dep.test", new RoleGrant(Role.CaseHandler));
        using var client = app.Client(role: null);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await SignInAsync(client, "dirk@dep.test", $"Fout-wachtwoord-{attempt}-xyz");
            var page = await wrong.ReadPageAsync(422, $"wrong password {attempt}");
            Assert.Contains("E-mail of wachtwoord klopt niet", page.One("main").Text(), StringComparison.Ordinal);
            Assert.Null(SetCookie(wrong, AuthCookie));
        }

        var beforeFifth = DateTimeOffset.UtcNow;
        using (var fifth = await SignInAsync(client, "dirk@dep.test", "Fout-wachtwoord-5-xyz"))
        {
            var page = await fifth.ReadPageAsync(422, "fifth wrong password");
            Assert.Contains("Dit account is geblokkeerd", page.One("main").Text(), StringComparison.Ordinal);
        }

        var afterFifth = DateTimeOffset.UtcNow;

        using (var right = await SignInAsync(client, "dirk@dep.test", Password))
        {
            var page = await right.ReadPageAsync(422, "the right password while locked");
            var text = page.One("main").Text();
            Assert.Contains("Dit account is geblokkeerd", text, StringComparison.Ordinal);
            Assert.Contains("15 minuten", text, StringComparison.Ordinal);
            Assert.NotNull(page.QuerySelector("#locked-out"));
            Assert.Null(SetCookie(right, AuthCookie));
        }

        // The lock ends 15 minutes after the fifth failure. ASP.NET Core Identity times lockouts on the system clock,
        // not on the app's TimeProvider, so the test lets the 15 minutes pass by moving the stored end back, as the
        // passing of time would, instead of moving app.Time (which is moved too, for the cookie it is about to get).
        var end = (await StoredUserAsync(app, id)).LockoutEnd!.Value;
        Assert.InRange(end, beforeFifth + IdentitySetup.LockoutDuration, afterFifth + IdentitySetup.LockoutDuration);

        await MoveLockoutEndAsync(app, id, -(IdentitySetup.LockoutDuration - TimeSpan.FromMinutes(1)));
        using (var almost = await SignInAsync(client, "dirk@dep.test", Password))
        {
            var page = await almost.ReadPageAsync(422, "the right password a minute before the lock ends");
            Assert.Contains("Dit account is geblokkeerd", page.One("main").Text(), StringComparison.Ordinal);
        }

        app.Time.Advance(IdentitySetup.LockoutDuration + TimeSpan.FromMinutes(1));
        await MoveLockoutEndAsync(app, id, -TimeSpan.FromMinutes(1) - TimeSpan.FromSeconds(1));
        using var after = await SignInAsync(client, "dirk@dep.test", Password);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.NotNull(SetCookie(after, AuthCookie));
        await client.GetPageAsync("/Account/Manage");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RateLimit_MoreSignInPostsThanAllowedPerMinute_Get429WithRetryAfter_AndDoNotCount(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, realSignIn: true, settings: new Dictionary<string, string> { [AccountsSetup.LoginRateLimitKey] = "3" });
        var id = await CreateUserAsync(app, "gokker@regie.test", new RoleGrant(Role.PolicyOfficer));
        using var client = app.Client(role: null);
        var form = (IHtmlFormElement)(await client.GetPageAsync("/Account/Login")).One("main form[method=post]");
        var values = new Dictionary<string, string> { ["Input.Email"] = "gokker@regie.test", ["Input.Password"] = "Geraden-wachtwoord-000" };

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var allowed = await PostAsync(client, "/Account/Login", form, values);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, allowed.StatusCode);
        }

        foreach (var spelling in new[] { "/Account/Login", "/account/login/" })
        {
            using var refused = await PostAsync(client, spelling, form, values);
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.True(refused.Headers.RetryAfter?.Delta is { } wait && wait > TimeSpan.Zero, $"{spelling}: 429 needs a Retry-After in seconds, got '{refused.Headers.RetryAfter}'.");
            // The error page, in the site's layout and the visitor's language.
            Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Te veel pogingen vanaf dit adres. Probeer het over een minuut opnieuw.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The same limit holds on every page that takes a password or sends a mail, and on no other.
        var limited = app.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints.OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>()?.PolicyName == AccountsSetup.SignInRateLimit)
            .Select(e => e.RoutePattern.RawText).Order(StringComparer.Ordinal);
        Assert.Equal(["Account/ForgotPassword", "Account/Login", "Account/LoginWith2fa", "Account/ResetPassword"], limited);

        // Refused before the password was looked at: the refused attempts do not count towards the lockout; pages still open.
        Assert.Equal(3, (await StoredUserAsync(app, id)).AccessFailedCount);
        await client.GetPageAsync("/Account/Login");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PasswordReset_MailsALinkThatWorksOnce_AndAnUnknownAddressGetsTheSameAnswerAndNoMail(DatabaseProvider provider)
    {
        using var mail = new MailFolder();
        await using var app = await TestApp.StartAsync(provider, realSignIn: true, settings: mail.Settings);
        await CreateUserAsync(app, "vergeten@regie.test", new RoleGrant(Role.Signatory, (await PartnershipsAsync(app)).Own));

        using var known = await SubmitAsync(app.Client(role: null), "/Account/ForgotPassword", "main form[method=post]", new Dictionary<string, string> { ["Email"] = "vergeten@regie.test" });
        var knownPage = await known.ReadPageAsync(200, "forgot password, known address");
        Assert.NotNull(knownPage.QuerySelector("#sent"));
        var message = Assert.Single(mail.Mails());
        Assert.Contains("To: vergeten@regie.test\r\n", message, StringComparison.Ordinal);
        var link = ResetLink().Match(message);
        Assert.True(link.Success, "The mail holds a link to /Account/ResetPassword:\n" + message);
        var resetUrl = link.Groups["path"].Value;

        // An unknown address: the same answer, and no mail.
        using var unknown = await SubmitAsync(app.Client(role: null), "/Account/ForgotPassword", "main form[method=post]", new Dictionary<string, string> { ["Email"] = "niemand@regie.test" });
        var unknownPage = await unknown.ReadPageAsync(200, "forgot password, unknown address");
        Assert.Equal(knownPage.One("main").Text(), unknownPage.One("main").Text());
        Assert.Single(mail.Mails());

        // Following the link and setting a new password.
        using var client = app.Client(role: null);
        var newValues = new Dictionary<string, string> { ["NewPassword"] = "Een-nieuw-wachtwoord-2026", ["ConfirmPassword"] = "Een-nieuw-wachtwoord-2026" };
        using var reset = await SubmitAsync(client, resetUrl, "main form[method=post]", newValues);
        var resetPage = await reset.ReadPageAsync(200, "reset password");
        Assert.NotNull(resetPage.QuerySelector("#done"));

        using (var old = await SignInAsync(app.Client(role: null), "vergeten@regie.test", Password))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, old.StatusCode);
        }

        using (var fresh = await SignInAsync(app.Client(role: null), "vergeten@regie.test", "Een-nieuw-wachtwoord-2026"))
        {
            Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        }

        // The same link a second time: refused, and the password stays.
        var again = new Dictionary<string, string> { ["NewPassword"] = "Nog-een-ander-wachtwoord-2026", ["ConfirmPassword"] = "Nog-een-ander-wachtwoord-2026" };
        using var second = await SubmitAsync(app.Client(role: null), resetUrl, "main form[method=post]", again);
        var secondPage = await second.ReadPageAsync(422, "reset link used twice");
        Assert.Null(secondPage.QuerySelector("#done"));
        Assert.Contains("De link is ongeldig of verlopen", secondPage.One("main").Text(), StringComparison.Ordinal);
        using (var other = await SignInAsync(app.Client(role: null), "vergeten@regie.test", "Nog-een-ander-wachtwoord-2026"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        }

        using (var still = await SignInAsync(app.Client(role: null), "vergeten@regie.test", "Een-nieuw-wachtwoord-2026"))
        {
            Assert.Equal(HttpStatusCode.Redirect, still.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwoFactor_AdministratorWithAuthenticator_NeedsTheCodeAfterThePassword_AndAWrongCodeIsRefused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, realSignIn: true);
        var (_, key) = await CreateAdministratorWithAuthenticatorAsync(app, "bea@dep.test");
        using var client = app.Client(role: null);

        using var first = await SignInAsync(client, "bea@dep.test", Password, "/Admin/Users");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var secondStep = Target(first);
        Assert.Equal("/Account/LoginWith2fa?returnUrl=%2FAdmin%2FUsers", secondStep);
        Assert.Null(SetCookie(first, AuthCookie));

        // The password alone signs nobody in.
        using (var early = await client.GetAsync(new Uri("/Admin/Users", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, early.StatusCode);
            Assert.StartsWith("/Account/Login", Target(early), StringComparison.Ordinal);
        }

        const string CodeForm = "main form[method=post]:not([action])";
        using (var wrong = await SubmitAsync(client, secondStep, CodeForm, new Dictionary<string, string> { ["Code"] = WrongCode(key) }))
        {
            var page = await wrong.ReadPageAsync(422, "wrong authenticator code");
            Assert.Contains("Code: niet juist", page.One("main").Text(), StringComparison.Ordinal);
            Assert.Null(SetCookie(wrong, AuthCookie));
        }

        using var right = await SubmitAsync(client, secondStep, CodeForm, new Dictionary<string, string> { ["Code"] = Totp(key, AuthenticatorNow) });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/Admin/Users", Target(right));
        Assert.NotNull(SetCookie(right, AuthCookie));
        var users = await client.GetPageAsync("/Admin/Users");
        Assert.Contains("bea@dep.test", users.One("table#users").Text(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwoFactor_AdministratorWithoutIt_IsSentToSetItUpFromEveryPage_ButCanSignOut(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, realSignIn: true);
        await CreateUserAsync(app, "nieuw@dep.test", new RoleGrant(Role.Administrator));
        using var client = app.Client(role: null);

        using var signedIn = await SignInAsync(client, "nieuw@dep.test", Password, "/Admin/Users");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.NotNull(SetCookie(signedIn, AuthCookie));

        foreach (var url in new[] { "/Admin/Users", "/", "/Partnerships", "/Audit", "/Account/Manage", "/Account/Manage/Tokens" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: expected a redirect to set up two-factor sign-in, got {(int)response.StatusCode}.");
            Assert.Equal("/Account/Manage/TwoFactor?required=true", Target(response));
        }

        using (var api = await client.GetAsync(new Uri("/api/v1/partnerships", UriKind.Relative)))
        {
            await api.ReadProblemAsync(403, "administrator-two-factor", "API with the cookie of an administrator without two-factor");
        }

        var setup = await client.GetPageAsync("/Account/Manage/TwoFactor?required=true");
        Assert.NotNull(setup.QuerySelector("#required"));
        Assert.Matches("^[A-Z2-7 ]{32,}$", setup.One("#shared-key").Text());

        using var signOut = await SubmitAsync(client, "/Account/Logout", "main form[method=post]", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.StartsWith("/Account/Logout", Target(signOut), StringComparison.Ordinal);
        using var afterwards = await client.GetAsync(new Uri("/Admin/Users", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.StartsWith("/Account/Login", Target(afterwards), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SignOutEverywhere_EndsTheOtherBrowsersSession_WithinTheSecurityStampInterval(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, realSignIn: true);
        var (own, _) = await PartnershipsAsync(app);
        var id = await CreateUserAsync(app, "twee@regie.test", new RoleGrant(Role.Regisseur, own));
        await CreateUserAsync(app, "collega@regie.test", new RoleGrant(Role.Regisseur, own));
        using var laptop = app.Client(role: null);
        using var phone = app.Client(role: null);
        using var colleague = app.Client(role: null);
        foreach (var (browser, email) in new[] { (laptop, "twee@regie.test"), (phone, "twee@regie.test"), (colleague, "collega@regie.test") })
        {
            using var signedIn = await SignInAsync(browser, email, Password);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            await browser.GetPageAsync("/Account/Manage");
        }

        var last = await LastAuditIdAsync(app);
        using var everywhere = await SubmitAsync(laptop, "/Account/Manage", "form[action*='handler=SignOutEverywhere']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, everywhere.StatusCode);
        Assert.Equal("/Account/Logout?everywhere=1", Target(everywhere));
        Assert.Contains("op elk toestel", (await laptop.GetPageAsync(Target(everywhere))).One("[role=status]").Text(), StringComparison.Ordinal);
        await AssertSentToSignInAsync(laptop, "/Account/Manage");

        var record = Assert.Single(await AuditSinceAsync(app, last));
        Assert.Equal(("User", id.ToString("D"), "SignedOutEverywhere", (Guid?)id), (record.EntityType, record.EntityId, record.Action, record.ActorUserId));

        // The other browser notices at its next security-stamp check.
        app.Time.Advance(AccountsSetup.SecurityStampInterval + TimeSpan.FromSeconds(1));
        await AssertSentToSignInAsync(phone, "/Account/Manage");
        await AssertSentToSignInAsync(phone, $"/Partnerships/{own}");

        // Someone else's session, checked at the same time, goes on: it is the new security stamp that ends sessions, not the clock.
        await colleague.GetPageAsync("/Account/Manage");
        await colleague.GetPageAsync($"/Partnerships/{own}");

        // Signing in again works.
        using var again = await SignInAsync(phone, "twee@regie.test", Password);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        await phone.GetPageAsync("/Account/Manage");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ApiToken_MadeOnTheWeb_ShownOnce_WorksForOwnData_RevokedGets401_EachStepOneAuditRecordWithoutTheSecret(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, realSignIn: true);
        var (own, other) = await PartnershipsAsync(app);
        var id = await CreateUserAsync(app, "script@regie.test", new RoleGrant(Role.Regisseur, own));
        using var client = app.Client(role: null);
        using (var signedIn = await SignInAsync(client, "script@regie.test", Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        var last = await LastAuditIdAsync(app);
        using var made = await SubmitAsync(client, "/Account/Manage/Tokens", "form[action*='handler=Create']", new Dictionary<string, string> { ["Name"] = "rapportage-script" });
        var madePage = await made.ReadPageAsync(200, "create token");
        var secret = madePage.One("#token-secret").Text();
        Assert.True(ApiTokenService.IsWellFormed(secret), $"'{secret}' is not a token.");

        // Shown once: the list shows its start, never the whole secret.
        var list = await client.GetPageAsync("/Account/Manage/Tokens");
        Assert.DoesNotContain(secret, list.DocumentElement.OuterHtml, StringComparison.Ordinal);
        var row = Assert.Single(list.Rows("table#tokens"));
        Assert.Equal("rapportage-script", row[0]);
        Assert.Equal("actief", row[5]);

        // The token acts for its user: their own partnership, not another's.
        using var api = app.Client(role: null);
        api.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        var visible = (await api.GetJsonAsync("/api/v1/partnerships")).AsArray();
        Assert.Equal(new[] { own }, visible.Select(p => (int)p!["id"]!));
        using (var others = await api.GetAsync(new Uri($"/api/v1/partnerships/{other}", UriKind.Relative)))
        {
            await others.ReadProblemAsync(403, "forbidden", "another partnership with the token");
        }

        var created = Assert.Single(await AuditSinceAsync(app, last));
        AssertTokenRecord(created, "Created", id, "script@regie.test", secret);
        Assert.Null(created.Before);
        last = created.Id;

        using var revoked = await SubmitAsync(client, "/Account/Manage/Tokens", "table#tokens form[action*='handler=Revoke']", new Dictionary<string, string>());
        var revokedPage = await revoked.ReadPageAsync(200, "revoke token");
        Assert.Contains("Ingetrokken: rapportage-script", revokedPage.One("main").Text(), StringComparison.Ordinal);
        var revocation = Assert.Single(await AuditSinceAsync(app, last));
        AssertTokenRecord(revocation, "Revoked", id, "script@regie.test", secret);
        Assert.Equal(created.EntityId, revocation.EntityId);
        Assert.Equal(JsonValueKind.Null, Json(revocation.Before).GetProperty("RevokedAtUtc").ValueKind);
        Assert.Equal(JsonValueKind.String, Json(revocation.After).GetProperty("RevokedAtUtc").ValueKind);

        using var refused = await api.GetAsync(new Uri("/api/v1/partnerships", UriKind.Relative));
        var problem = await refused.ReadProblemAsync(401, "token-revoked", "API with a revoked token");
        Assert.Contains("ingetrokken", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Contains("revoked", (string?)problem["errors"]![0]!["messageEn"], StringComparison.Ordinal);
        Assert.Empty(await AuditSinceAsync(app, revocation.Id));
    }

    [Fact]
    public async Task Administrator_CreatingAUser_WithARoleButNoPartnership_OrTheOtherWayRound_IsToldWhich_AndNothingIsCreated()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, realSignIn: true);
        var (own, _) = await PartnershipsAsync(app);
        var (_, key) = await CreateAdministratorWithAuthenticatorAsync(app, "beheer@dep.test");
        using var client = app.Client(role: null);
        await SignInWithTwoFactorAsync(client, "beheer@dep.test", key);
        var last = await LastAuditIdAsync(app);

        using var noPartnership = await SubmitAsync(client, "/Admin/Users", "main form[method=post]", new Dictionary<string, string>
        {
            ["Input.Email"] = "nina@regie.test",
            ["Input.DisplayName"] = "Nina Nieuw",
            ["Input.PartnershipRole"] = "Regisseur",
        });
        using var noRole = await SubmitAsync(client, "/Admin/Users", "main form[method=post]", new Dictionary<string, string>
        {
            ["Input.Email"] = "nina@regie.test",
            ["Input.DisplayName"] = "Nina Nieuw",
            ["Input.PartnershipId"] = own.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, noPartnership.StatusCode);
        Assert.Contains("Rol Regisseur (regieverband): kies het regieverband waarvoor de rol geldt.", await noPartnership.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noRole.StatusCode);
        Assert.Contains("Rol in het regieverband: kies een rol voor het gekozen regieverband.", await noRole.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await AuditSinceAsync(app, last));
        using var scope = app.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<RegiekamerDb>().Users.AnyAsync(u => u.Email == "nina@regie.test"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Administrator_RevokesAUsersToken_OnThatUsersPage_ButNotAnotherUsersTokenThroughIt(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, realSignIn: true);
        var (_, key) = await CreateAdministratorWithAuthenticatorAsync(app, "beheer@dep.test");
        var nina = await CreateUserAsync(app, "nina@regie.test", new RoleGrant(Role.PolicyOfficer));
        var jan = await CreateUserAsync(app, "jan@regie.test", new RoleGrant(Role.PolicyOfficer));
        int ninasToken, jansToken;
        using (var scope = app.Services.CreateScope())
        {
            var tokens = scope.ServiceProvider.GetRequiredService<ApiTokenService>();
            ninasToken = (await tokens.CreateAsync(nina, "script", null)).Value!.Token.Id;
            jansToken = (await tokens.CreateAsync(jan, "script", null)).Value!.Token.Id;
        }

        using var client = app.Client(role: null);
        await SignInWithTwoFactorAsync(client, "beheer@dep.test", key);
        var ninasPage = $"/Admin/Users/Edit?id={nina}";
        var revokeForm = (IHtmlFormElement)(await client.GetPageAsync(ninasPage)).One("form[action*='handler=Revoke']");

        // Jan's token id in the form on Nina's page: not found there, and Jan's token keeps working.
        using (var wrong = await PostAsync(client, ninasPage, revokeForm, new Dictionary<string, string> { ["tokenId"] = jansToken.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        {
            Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
            Assert.Contains($"Token {jansToken} bestaat niet.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var right = await PostAsync(client, ninasPage, revokeForm, new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
            Assert.Contains("done=revoked", Target(right), StringComparison.Ordinal);
        }

        using var check = app.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<RegiekamerDb>();
        var revoked = await db.ApiTokens.AsNoTracking().Where(t => t.RevokedAtUtc != null).Select(t => t.Id).ToListAsync();
        Assert.Equal([ninasToken], revoked);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Administrator_CreatesAUser_AddsAndRemovesARole_OneAuditRecordEach_ForgedOrMissingAntiforgeryChangesNothing(DatabaseProvider provider)
    {
        using var mail = new MailFolder();
        await using var app = await TestApp.StartAsync(provider, realSignIn: true, settings: mail.Settings);
        var (own, other) = await PartnershipsAsync(app);
        var (adminId, key) = await CreateAdministratorWithAuthenticatorAsync(app, "beheer@dep.test");
        using var client = app.Client(role: null);
        await SignInWithTwoFactorAsync(client, "beheer@dep.test", key);

        // Create a user with a partnership role.
        var last = await LastAuditIdAsync(app);
        using var created = await SubmitAsync(client, "/Admin/Users", "main form[method=post]", new Dictionary<string, string>
        {
            ["Input.Email"] = "nina@regie.test",
            ["Input.DisplayName"] = "Nina Nieuw",
            ["Input.PartnershipRole"] = "Regisseur",
            ["Input.PartnershipId"] = own.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var editUrl = Target(created);
        var match = Regex.Match(editUrl, "^/Admin/Users/Edit\\?id=(?<id>[0-9a-f-]{36})&created=1$");
        Assert.True(match.Success, editUrl);
        var userId = Guid.Parse(match.Groups["id"].Value);
        editUrl = $"/Admin/Users/Edit?id={userId}";
        Assert.Equal([$"Regisseur:{own}"], await StoredRolesAsync(app, userId));

        var creation = Assert.Single(await AuditSinceAsync(app, last));
        AssertUserRecord(creation, userId, "Created", adminId, "beheer@dep.test", before: null, after: [$"Regisseur:{own}"]);
        Assert.Equal("nina@regie.test", Json(creation.After).GetProperty("Email").GetString());
        var welcome = Assert.Single(mail.Mails());
        Assert.Contains("To: nina@regie.test\r\n", welcome, StringComparison.Ordinal);
        Assert.Matches(ResetLink(), welcome);

        // Add a role for another partnership, then withdraw it.
        last = creation.Id;
        using var added = await SubmitAsync(client, editUrl, "form[action*='handler=AddRole']", new Dictionary<string, string>
        {
            ["Role"] = "MemberViewer",
            ["PartnershipId"] = other.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("done=role-added", Target(added), StringComparison.Ordinal);
        string[] both = [$"MemberViewer:{other}", $"Regisseur:{own}"];
        Assert.Equal(both, await StoredRolesAsync(app, userId));
        var addition = Assert.Single(await AuditSinceAsync(app, last));
        AssertUserRecord(addition, userId, "RoleAdded", adminId, "beheer@dep.test", before: [$"Regisseur:{own}"], after: both);

        last = addition.Id;
        var editPage = await client.GetPageAsync(editUrl);
        var withdraw = editPage.QuerySelectorAll("form[action*='handler=RemoveRole']").OfType<IHtmlFormElement>()
            .Single(f => f.QuerySelector("input[name=role]")?.GetAttribute("value") == "MemberViewer");
        using var removed = await PostAsync(client, editUrl, withdraw, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Contains("done=role-removed", Target(removed), StringComparison.Ordinal);
        Assert.Equal([$"Regisseur:{own}"], await StoredRolesAsync(app, userId));
        var removal = Assert.Single(await AuditSinceAsync(app, last));
        AssertUserRecord(removal, userId, "RoleRemoved", adminId, "beheer@dep.test", before: both, after: [$"Regisseur:{own}"]);

        // Without the antiforgery token, or with one that is not this session's: 400, and nothing changes.
        last = removal.Id;
        string othersToken;
        using (var attacker = app.Client(role: null))
        {
            othersToken = (await attacker.GetPageAsync("/Account/Login")).One("main input[name=__RequestVerificationToken]").GetAttribute("value")!;
        }

        var tampering = new Dictionary<string, Func<List<KeyValuePair<string, string>>, IEnumerable<KeyValuePair<string, string>>>>
        {
            ["missing"] = fields => fields.Where(f => f.Key != "__RequestVerificationToken"),
            ["another session's"] = fields => fields.Select(f => f.Key == "__RequestVerificationToken" ? new(f.Key, othersToken) : f),
            ["made up"] = fields => fields.Select(f => f.Key == "__RequestVerificationToken" ? new KeyValuePair<string, string>(f.Key, "CfDJ8-vervalst-forged") : f),
        };
        var usersPage = "/Admin/Users";
        var createForm = (IHtmlFormElement)(await client.GetPageAsync(usersPage)).One("main form[method=post]");
        var addForm = (IHtmlFormElement)(await client.GetPageAsync(editUrl)).One("form[action*='handler=AddRole']");
        foreach (var (how, tamper) in tampering)
        {
            using var forgedCreate = await PostAsync(client, usersPage, createForm, new Dictionary<string, string>
            {
                ["Input.Email"] = "vervalst@regie.test",
                ["Input.DisplayName"] = "Vervalst",
                ["Input.PartnershipRole"] = "Regisseur",
                ["Input.PartnershipId"] = own.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }, tamper);
            Assert.True(forgedCreate.StatusCode == HttpStatusCode.BadRequest, $"create user with a {how} token: expected 400, got {(int)forgedCreate.StatusCode}.");
            Http.AssertNoInternals(await forgedCreate.Content.ReadAsStringAsync(), $"create user with a {how} token");

            using var forgedAdd = await PostAsync(client, editUrl, addForm, new Dictionary<string, string> { ["Role"] = "Administrator", ["PartnershipId"] = "" }, tamper);
            Assert.True(forgedAdd.StatusCode == HttpStatusCode.BadRequest, $"add role with a {how} token: expected 400, got {(int)forgedAdd.StatusCode}.");
        }

        Assert.Empty(await AuditSinceAsync(app, last));
        Assert.Equal([$"Regisseur:{own}"], await StoredRolesAsync(app, userId));
        using (var scope = app.Services.CreateScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<RegiekamerDb>().Users.AnyAsync(u => u.Email == "vervalst@regie.test"));
        }

        Assert.Single(mail.Mails());

        // The real form still works in the same session afterwards (the refusals were about the token, not the session).
        var stillWorks = await client.GetPageAsync(editUrl);
        Assert.Contains("Nina Nieuw", stillWorks.One("h1").Text(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DemoAccounts_InProductionWithDemoData_AreNotListedOnTheSignInPage_AndDoNotExist(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: true, realSignIn: true);
        using var client = app.Client(role: null);

        var page = await client.GetPageAsync("/Account/Login");
        var html = page.DocumentElement.OuterHtml;
        Assert.Null(page.QuerySelector("#demo-accounts"));
        Assert.Null(page.QuerySelector("#demo-heading"));
        Assert.DoesNotContain(DemoAccounts.Password, html, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoAccounts.AdministratorAuthenticatorKey, html, StringComparison.Ordinal);
        Assert.All(DemoAccounts.All, a => Assert.DoesNotContain(a.Email, html, StringComparison.OrdinalIgnoreCase));

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegiekamerDb>();
            Assert.True(await db.Partnerships.AnyAsync(p => p.IsDemo && p.Name == DemoAccounts.ScheldelandName), "Demo:Seed is on: the demo partnerships are there.");
            var emails = await db.Users.Select(u => u.Email!).ToListAsync();
            Assert.Empty(emails.Intersect(DemoAccounts.All.Select(a => a.Email), StringComparer.OrdinalIgnoreCase));
        }

        using var demo = await SignInAsync(client, DemoAccounts.All[0].Email, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, demo.StatusCode);
        Assert.Null(SetCookie(demo, AuthCookie));
    }

    [Fact]
    public async Task DemoAccounts_InDevelopment_AreListedOnTheSignInPage_AndTheRegisseurSignsIn()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, demo: true, realSignIn: true, settings: new Dictionary<string, string> { ["environment"] = "Development" });
        using var client = app.Client(role: null);

        var page = await client.GetPageAsync("/Account/Login");
        var demo = page.One("#demo-accounts");
        Assert.All(DemoAccounts.All, a => Assert.Contains(a.Email, demo.TextContent, StringComparison.Ordinal));
        Assert.Contains(DemoAccounts.Password, page.DocumentElement.OuterHtml, StringComparison.Ordinal);

        using var signedIn = await SignInAsync(client, "regisseur@regiekamer.demo", DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.NotNull(SetCookie(signedIn, AuthCookie));
    }

    [GeneratedRegex(@"http://localhost(?<path>/Account/ResetPassword\?email=[^\s&]+&token=\S+)")]
    private static partial Regex ResetLink();

    private static async Task AssertSentToSignInAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: expected a redirect to sign in, got {(int)response.StatusCode}.");
        Assert.StartsWith("/Account/Login?ReturnUrl=", Target(response), StringComparison.Ordinal);
    }

    /// <summary>Moves the end of a user's lockout by <paramref name="by"/>, as time passing (on Identity's clock) would.</summary>
    private static async Task MoveLockoutEndAsync(TestApp app, Guid id, TimeSpan by)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RegiekamerDb>();
        var user = await db.Users.SingleAsync(u => u.Id == id);
        user.LockoutEnd = user.LockoutEnd!.Value + by;
        await db.SaveChangesAsync();
    }

    private static JsonElement Json(string? json) => JsonDocument.Parse(json ?? "null").RootElement.Clone();

    private static void AssertTokenRecord(AuditRecord record, string action, Guid actor, string actorEmail, string secret)
    {
        Assert.Equal((ApiTokenService.AuditEntity, action, (Guid?)actor, actorEmail), (record.EntityType, record.Action, record.ActorUserId, record.ActorName));
        Assert.Equal(secret[..ApiTokenService.PrefixLength], Json(record.After).GetProperty("Prefix").GetString());
        var everything = string.Join("\n", record.EntityId, record.ActorName, record.ActorRole, record.Before, record.After);
        Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[ApiTokenService.PrefixLength..], everything, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiTokenService.Hash(secret), everything, StringComparison.OrdinalIgnoreCase);
    }

    private static void AssertUserRecord(AuditRecord record, Guid user, string action, Guid actor, string actorEmail, string[]? before, string[] after)
    {
        Assert.Equal((AccountService.AuditEntity, user.ToString("D"), action), (record.EntityType, record.EntityId, record.Action));
        Assert.Equal(((Guid?)actor, actorEmail), (record.ActorUserId, record.ActorName));
        Assert.Contains("Administrator", record.ActorRole, StringComparison.Ordinal);
        if (before is null)
        {
            Assert.Null(record.Before);
        }
        else
        {
            Assert.Equal(before, Roles(record.Before));
        }

        Assert.Equal(after, Roles(record.After));
    }

    private static string[] Roles(string? json) =>
        Json(json).GetProperty("Roles").EnumerateArray().Select(r => r.GetString()!).ToArray();
}
