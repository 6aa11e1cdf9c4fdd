using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Regiekamer.Web.Tests.Browser;

/// <summary>
/// Runs axe-core (vendored in Browser/axe, see its README) on a page. The app's CSP allows no inline script, so the
/// browser context is opened with BypassCSP to inject it.
/// </summary>
public static class Axe
{
    private static readonly string ScriptPath = Path.Combine(AppContext.BaseDirectory, "Browser", "axe", "axe.min.js");

    /// <summary>The violations axe finds (all rules tagged WCAG 2.x A/AA and best practices), one readable block each.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!File.Exists(ScriptPath))
        {
            throw new FileNotFoundException($"axe-core is not next to the tests: {ScriptPath}.");
        }

        await page.AddScriptTagAsync(new() { Path = ScriptPath });
        var result = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
              return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary }))
              }));
            }
            """);
        var url = page.Url;
        var violations = new List<string>();
        foreach (var v in result.EnumerateArray())
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"{url}: [{v.GetProperty("impact").GetString()}] {v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()} ({v.GetProperty("helpUrl").GetString()})");
            foreach (var node in v.GetProperty("nodes").EnumerateArray())
            {
                text.Append(CultureInfo.InvariantCulture, $"\n    at {node.GetProperty("target").GetString()}: {node.GetProperty("html").GetString()}");
                text.Append(CultureInfo.InvariantCulture, $"\n       {node.GetProperty("summary").GetString()?.ReplaceLineEndings("\n       ")}");
            }

            violations.Add(text.ToString());
        }

        return violations;
    }
}
