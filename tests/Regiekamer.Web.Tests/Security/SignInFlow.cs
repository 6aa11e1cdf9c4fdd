using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;

namespace Regiekamer.Web.Tests.Security;

/// <summary>
/// What the sign-in tests do as a browser would: real users made through <see cref="AccountService"/>, forms fetched
/// and posted with the fields (antiforgery token included) the page rendered, and an authenticator app's codes.
/// </summary>
public static class SignInFlow
{
    public const string Password = "Veilig-wachtwoord-2026!";

    /// <summary>The sign-in cookie (ASP.NET Core Identity's application scheme).</summary>
    public const string AuthCookie = ".AspNetCore.Identity.Application";

    /// <summary>A user with a password and the given roles, made the way the CLI and the demo seeding make them.</summary>
    public static async Task<Guid> CreateUserAsync(TestApp app, string email, params RoleGrant[] roles)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var scope = app.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var user = await accounts.CreateAsync(email, "Test " + email.Split('@')[0], roles, Password);
        Assert.True(user.IsSuccess, string.Join("; ", user.Errors.Select(e => e.Message.En)));
        return user.Value!.Id;
    }

    /// <summary>The demo partnership Scheldeland (the partnership roles' own) and another one.</summary>
    public static async Task<(int Own, int Other)> PartnershipsAsync(TestApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RegiekamerDb>();
        var own = await db.Partnerships.Where(p => p.Name == DemoAccounts.ScheldelandName).Select(p => p.Id).SingleAsync();
        var other = await db.Partnerships.Where(p => p.Id != own).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        return (own, other);
    }

    /// <summary>
    /// An administrator with an authenticator app: the key from <see cref="AccountService.AuthenticatorKeyAsync"/>,
    /// two-factor sign-in turned on with a code computed from it. Returns the user and the key.
    /// </summary>
    public static async Task<(Guid Id, string Key)> CreateAdministratorWithAuthenticatorAsync(TestApp app, string email)
    {
        var id = await CreateUserAsync(app, email, new RoleGrant(Role.Administrator));
        string key;
        using (var scope = app.Services.CreateScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            key = await accounts.AuthenticatorKeyAsync((await accounts.FindAsync(id))!);
        }

        using (var scope = app.Services.CreateScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            var enabled = await accounts.EnableTwoFactorAsync((await accounts.FindAsync(id))!, Totp(key, AuthenticatorNow));
            Assert.True(enabled.IsSuccess, string.Join("; ", enabled.Errors.Select(e => e.Message.En)));
        }

        return (id, key);
    }

    /// <summary>Signs an administrator with an authenticator in through both steps; fails the test unless it lands on <paramref name="returnUrl"/>.</summary>
    public static async Task SignInWithTwoFactorAsync(HttpClient client, string email, string key, string returnUrl = "/Admin/Users")
    {
        using var first = await SignInAsync(client, email, Password, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = first.Headers.Location!.OriginalString;
        Assert.StartsWith("/Account/LoginWith2fa", second, StringComparison.Ordinal);
        using var done = await SubmitAsync(client, second, "main form[method=post]:not([action])", new Dictionary<string, string> { ["Code"] = Totp(key, AuthenticatorNow) });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(returnUrl, done.Headers.Location!.OriginalString);
    }

    /// <summary>Opens the sign-in page (with the return URL, as the app's redirect would) and posts its form.</summary>
    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password, string? returnUrl = null) =>
        SubmitAsync(
            client,
            returnUrl is null ? "/Account/Login" : "/Account/Login?returnUrl=" + Uri.EscapeDataString(returnUrl),
            "main form[method=post]",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>GETs the page, finds the one form matching <paramref name="formSelector"/> and posts it as a browser would.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, string formSelector, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetPageAsync(pageUrl);
        return await PostAsync(client, pageUrl, (IHtmlFormElement)page.One(formSelector), values);
    }

    /// <summary>Posts the form's fields (see <see cref="Html.Fields"/>) to its action, or to the page's own URL when it has none, as a browser does.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, IHtmlFormElement form, IReadOnlyDictionary<string, string> values, Func<List<KeyValuePair<string, string>>, IEnumerable<KeyValuePair<string, string>>>? tamper = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(form);
        var fields = Html.Fields(form, values);
        using var content = new FormUrlEncodedContent(tamper is null ? fields : tamper(fields));
        return await client.PostAsync(new Uri(ActionOf(form, pageUrl), UriKind.Relative), content);
    }

    public static string ActionOf(IHtmlFormElement form, string pageUrl)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form.GetAttribute("action") is { Length: > 0 } action ? action : pageUrl;
    }

    /// <summary>Where a redirect sends the browser, as path and query (the cookie handler's redirects are absolute, the pages' relative).</summary>
    public static string Target(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var location = response.Headers.Location ?? throw new InvalidOperationException($"{(int)response.StatusCode} without a Location header.");
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    /// <summary>The Set-Cookie header for the named cookie, if the response sets it.</summary>
    public static string? SetCookie(HttpResponseMessage response, string name)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.FirstOrDefault(c => c.StartsWith(name + "=", StringComparison.Ordinal))
            : null;
    }

    /// <summary>The audit records written after <paramref name="afterId"/>, oldest first.</summary>
    public static async Task<List<AuditRecord>> AuditSinceAsync(TestApp app, long afterId)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RegiekamerDb>();
        return await ReadableAudit.ResolveAsync(db, await db.AuditRecords.AsNoTracking().Where(a => a.Id > afterId).OrderBy(a => a.Id).ToListAsync());
    }

    public static async Task<long> LastAuditIdAsync(TestApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RegiekamerDb>().AuditRecords.MaxAsync(a => (long?)a.Id) ?? 0;
    }

    public static async Task<RegiekamerUser> StoredUserAsync(TestApp app, Guid id)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RegiekamerDb>().Users.AsNoTracking().SingleAsync(u => u.Id == id);
    }

    public static async Task<List<string>> StoredRolesAsync(TestApp app, Guid id)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var scope = app.Services.CreateScope();
        var roles = await scope.ServiceProvider.GetRequiredService<RegiekamerDb>().RoleAssignments.AsNoTracking().Where(r => r.UserId == id).ToListAsync();
        return roles.Select(r => RoleGrant.Of(r).ToString()).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The time an authenticator app on the user's phone reads: the real clock. ASP.NET Core Identity checks codes
    /// (and times lockouts) against the system clock, not the app's TimeProvider, so <c>app.Time</c> does not apply here.
    /// </summary>
    public static DateTimeOffset AuthenticatorNow => DateTimeOffset.UtcNow;

    /// <summary>RFC 6238 TOTP as an authenticator app computes it: HMAC-SHA1 over the 30-second step, dynamic truncation, 6 digits.</summary>
    public static string Totp(string base32Key, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(base32Key);
        var step = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(step, at.ToUnixTimeSeconds() / 30);
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1; the test must compute what they compute.
        var hash = HMACSHA1.HashData(FromBase32(base32Key), step);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFFFFFF;
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>Six digits that are no valid code now: none of the codes of the steps around now (Identity accepts two steps either side).</summary>
    public static string WrongCode(string base32Key)
    {
        var now = AuthenticatorNow;
        var valid = Enumerable.Range(-4, 9).Select(i => Totp(base32Key, now.AddSeconds(30 * i))).ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range(123456, 100).Select(n => n.ToString("D6", CultureInfo.InvariantCulture)).First(c => !valid.Contains(c));
    }

    public static byte[] FromBase32(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var bytes = new List<byte>();
        foreach (var c in text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant())
        {
            var index = Alphabet.IndexOf(c, StringComparison.Ordinal);
            Assert.True(index >= 0, $"'{c}' is not a base32 character.");
            value = (value << 5) | index;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)((value >> (bits - 8)) & 0xFF));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}

/// <summary>A folder of its own for mail the app writes (Mail:PickupFolder), deleted afterwards.</summary>
public sealed class MailFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "regiekamer-mail-" + Guid.NewGuid().ToString("N"));

    /// <summary>The settings that send the app's mail here.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Mail:PickupFolder"] = Path };

    /// <summary>The mails written so far, oldest first (file names start with the time).</summary>
    public IReadOnlyList<string> Mails() =>
        Directory.Exists(Path) ? Directory.GetFiles(Path, "*.eml").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList() : [];

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
