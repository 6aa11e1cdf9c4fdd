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
    /// given role through <see cref="Infrastructure.TestAuthentication"/> (anonymous with null).
    /// </summary>
    public Task<IBrowserContext> NewContextAsync(Uri? baseAddress = null, string? role = Infrastructure.TestAuthentication.Administrator) =>
        Browser.NewContextAsync(new()
        {
            BaseURL = baseAddress?.ToString(),
            BypassCSP = true,
            Locale = "nl-BE",
            ExtraHTTPHeaders = role is null ? null : new Dictionary<string, string> { [Infrastructure.TestAuthentication.Header] = role },
        });

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
