using Microsoft.Playwright;

namespace Regiekamer.Web.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright. Playwright's own browser download cannot work on our machines, so the
/// tests use the system package and fail (never skip) when it is missing.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<Chromium> LaunchAsync()
    {
        Assert.True(
            File.Exists(ExecutablePath),
            $"The browser tests need Chromium at {ExecutablePath}: install it with `apt-get install chromium` (Debian). Playwright's own browser download does not work here.");
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            return new Chromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A fresh context (cookies, storage) in Dutch, with CSP bypassed so axe-core can be injected, signed in with the
    /// given role through <see cref="Infrastructure.TestAuthentication"/> (anonymous with null). Every wait may take a
    /// minute, not Playwright's 30 s: CI runs all four test projects at once on two cores.
    /// </summary>
    /// <param name="javaScript">False: a browser with JavaScript switched off (the forms must work without it).</param>
    public async Task<IBrowserContext> NewContextAsync(Uri? baseAddress = null, string? role = Infrastructure.TestAuthentication.Administrator, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = baseAddress?.ToString(),
            JavaScriptEnabled = javaScript,
            BypassCSP = true,
            Locale = "nl-BE",
            ExtraHTTPHeaders = role is null ? null : new Dictionary<string, string> { [Infrastructure.TestAuthentication.Header] = role },
        });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}

/// <summary>Navigation helpers for the browser tests.</summary>
public static class Navigation
{
    /// <summary>
    /// Waits for the page to reach a URL whose path and query start with <paramref name="pathAndQuery"/> and to show
    /// its main content; when it does not, says where it is and what it shows. It watches <see cref="IPage.Url"/>
    /// (updated when a navigation commits) and then waits for the content. Playwright's WaitForURL is not used: when
    /// the URL already matches it waits for the "load" event whatever WaitUntil says, and under CI load it missed
    /// that event after a POST-redirect-GET and hung (twice, in both journeys).
    /// </summary>
    public static Task ArriveAsync(this IPage page, string pathAndQuery) =>
        page.ArriveAsync(url => url.StartsWith(pathAndQuery, StringComparison.Ordinal), pathAndQuery);

    /// <summary>The same, for an address that matches a pattern (e.g. a new partnership's page, whose id is not known yet).</summary>
    public static Task ArriveAsync(this IPage page, System.Text.RegularExpressions.Regex pathAndQuery) =>
        page.ArriveAsync(pathAndQuery.IsMatch, pathAndQuery.ToString());

    private static async Task ArriveAsync(this IPage page, Func<string, bool> arrived, string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(page);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        try
        {
            while (!arrived(new Uri(page.Url).PathAndQuery))
            {
                if (DateTime.UtcNow > deadline)
                    throw new TimeoutException("The browser did not reach the URL within 60 s.");
                await Task.Delay(50);
            }
            // The layout's footer closes the body: once it is there, the whole page has been parsed.
            await page.Locator("main h1").WaitForAsync(new() { Timeout = 60_000 });
            await page.Locator("footer.site-footer").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        }
        catch (TimeoutException e)
        {
            var main = await page.Locator("main").AllInnerTextsAsync();
            throw new TimeoutException($"Expected {pathAndQuery}, but the browser is at {page.Url}:\n{string.Join("\n", main)}", e);
        }
    }
}
