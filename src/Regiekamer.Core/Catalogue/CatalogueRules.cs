using System.Globalization;
using System.Text.RegularExpressions;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Catalogue;

/// <summary>Where an entry stands by the date it was last confirmed (issue 10 point 5).</summary>
public enum Freshness
{
    /// <summary>Confirmed less than 12 months ago.</summary>
    Fresh,

    /// <summary>12 months or more without confirmation: the regisseur is told, the public still sees it.</summary>
    Stale,

    /// <summary>18 months or more: hidden from the public until someone confirms it.</summary>
    Hidden,
}

/// <summary>The catalogue's pure rules: staleness by the calendar, and search text made safe. No database, no clock.</summary>
public static partial class CatalogueRules
{
    public const int StaleAfterMonths = 12;

    public const int HiddenAfterMonths = 18;

    /// <summary>Confirmed on <paramref name="confirmed"/>: stale from the same day 12 months later, hidden from that day 18 months later.</summary>
    public static Freshness FreshnessOf(DateOnly confirmed, DateOnly today) =>
        today >= confirmed.AddMonths(HiddenAfterMonths) ? Freshness.Hidden
        : today >= confirmed.AddMonths(StaleAfterMonths) ? Freshness.Stale
        : Freshness.Fresh;

    /// <summary>The public sees entries confirmed after this day (so <see cref="FreshnessOf"/> is not Hidden).</summary>
    public static DateOnly PublicConfirmedAfter(DateOnly today) => today.AddMonths(-HiddenAfterMonths);

    /// <summary>Entries confirmed on or before this day are stale or hidden.</summary>
    public static DateOnly StaleOnOrBefore(DateOnly today) => today.AddMonths(-StaleAfterMonths);

    public const int MaxSearchTerms = 8;

    public const int MaxTermLength = 40;

    /// <summary>
    /// The words of a visitor's search text: runs of letters and digits, lower case, at most 8 of at most 40
    /// characters. Quotes, operators and SQL are not words, so they never reach a full-text query.
    /// </summary>
    public static IReadOnlyList<string> SearchTerms(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        return Word().Matches(text.Normalize(System.Text.NormalizationForm.FormC))
            .Select(m => m.Value.ToLowerInvariant())
            .Select(w => w.Length > MaxTermLength ? w[..MaxTermLength] : w)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxSearchTerms)
            .ToList();
    }

    /// <summary>SQLite FTS5: every term as a quoted prefix ("druk"*), all of them required.</summary>
    public static string Fts5Query(IReadOnlyList<string> terms) =>
        string.Join(" ", terms.Select(t => "\"" + t + "\"*"));

    /// <summary>PostgreSQL to_tsquery: every term as a prefix of its stem (druk:*), all of them required.</summary>
    public static string TsQuery(IReadOnlyList<string> terms) =>
        string.Join(" & ", terms.Select(t => t + ":*"));

    /// <summary>The text the full-text index holds for an entry: what it offers, who offers it, its categories and target groups.</summary>
    public static string SearchText(string title, string? description, string supplier, IEnumerable<string> categories, IEnumerable<string> targetGroups, IEnumerable<string> cpvLabels) =>
        string.Join(" ", new[] { title, description ?? "", supplier }.Concat(categories).Concat(targetGroups).Concat(cpvLabels).Where(s => s.Length > 0));

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The target groups a service works with or for: a short fixed list (codes in the API, names in the pages).</summary>
public static class TargetGroups
{
    public static readonly IReadOnlyList<(string Code, Bilingual Name)> All =
    [
        ("arbeidshandicap", new("Personen met een arbeidshandicap", "People with an occupational disability")),
        ("langdurig-werkzoekend", new("Langdurig werkzoekenden", "Long-term job seekers")),
        ("leefloon", new("Leefloongerechtigden", "People on social assistance")),
        ("nieuwkomers", new("Nieuwkomers", "Newcomers")),
        ("jongeren", new("Jongeren", "Young people")),
        ("vijfenvijftigplus", new("55-plussers", "People aged 55 and over")),
        ("ex-gedetineerden", new("(Ex-)gedetineerden", "(Former) prisoners")),
    ];

    public static Bilingual? NameOf(string code) => All.FirstOrDefault(t => t.Code == code) is { Code: not null } t ? t.Name : null;
}
