using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Regiekamer.Core.Catalogue;

/// <summary>
/// A code of the EU Common Procurement Vocabulary (Regulation (EC) No 213/2008): eight digits, a hyphen and a check
/// digit ("77310000-6"). Its digits say where it sits: division XX000000, group XXX00000, class XXXX0000, category
/// XXXXX000 and finer; trailing zeros are the levels it does not go down to. The check digit's algorithm is not
/// published with the vocabulary, so a code is valid when its format is and it is in the shipped list
/// (<see cref="CpvVocabulary"/>), not by computing the digit.
/// </summary>
public static class Cpv
{
    /// <summary>"77310000-6", or eight digits alone ("77310000"): the eight digits, else null.</summary>
    public static string? DigitsOf(string? text)
    {
        var t = (text ?? "").Trim();
        if (t.Length is not (8 or 10) || !t.Take(8).All(char.IsAsciiDigit))
        {
            return null;
        }

        return t.Length == 8 || (t[8] == '-' && char.IsAsciiDigit(t[9])) ? t[..8] : null;
    }

    /// <summary>Whether the text has the form of a full code, "########-#".</summary>
    public static bool IsWellFormed(string? text) => text is { Length: 10 } && DigitsOf(text) is not null;

    /// <summary>
    /// The prefix a search for <paramref name="text"/> matches: its digits without the trailing zeros, but at least the
    /// division's two ("77000000" → "77", "77310000-6" → "7731", "7731" → "7731"). Null when it is no code or prefix.
    /// </summary>
    public static string? SearchPrefix(string? text)
    {
        var t = (text ?? "").Trim();
        var dash = t.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            if (DigitsOf(t) is null)
            {
                return null;
            }

            t = t[..dash];
        }

        if (t.Length is < 2 or > 8 || !t.All(char.IsAsciiDigit))
        {
            return null;
        }

        var trimmed = t.TrimEnd('0');
        return trimmed.Length >= 2 ? trimmed : t[..2];
    }

    /// <summary>
    /// Every prefix <see cref="SearchPrefix"/> can give that finds <paramref name="code"/>: its first 2 to 8 digits,
    /// leaving out those that end in a zero (a search trims it), except the division's two ("79810000-5" → "79", "798",
    /// "7981").
    /// </summary>
    public static IEnumerable<string> SearchPrefixesOf(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var digits = code.Length >= 8 ? code[..8] : code;
        for (var length = 2; length <= digits.Length; length++)
        {
            if (length == 2 || digits[length - 1] != '0')
            {
                yield return digits[..length];
            }
        }
    }

    /// <summary>Whether <paramref name="code"/> lies under the search prefix (itself or narrower).</summary>
    public static bool IsUnder(string code, string prefix) => code.StartsWith(prefix, StringComparison.Ordinal);
}

/// <summary>One code of the vocabulary with its Dutch label.</summary>
public sealed record CpvEntry(string Code, string LabelNl);

/// <summary>
/// The CPV 2008 main vocabulary with Dutch labels, shipped in ReferenceData/Data/cpv_2008_nl.csv (SOURCES item 11:
/// code and Dutch label of the official EU vocabulary, via the public repository chompff/tenderforce). Read once.
/// </summary>
public sealed class CpvVocabulary
{
    public const string ResourceName = "Regiekamer.ReferenceData.cpv_2008_nl.csv";

    public const string Source = "EU Common Procurement Vocabulary 2008 (Verordening (EG) nr. 213/2008), Nederlandse omschrijvingen; kopie via GitHub chompff/tenderforce src/data/cpvData.json";

    private static readonly Lazy<CpvVocabulary> Loaded = new(Load);

    private readonly FrozenDictionary<string, CpvEntry> _byDigits;

    public CpvVocabulary(IEnumerable<CpvEntry> entries)
    {
        Entries = entries.OrderBy(e => e.Code, StringComparer.Ordinal).ToList();
        _byDigits = Entries.ToFrozenDictionary(e => e.Code[..8], StringComparer.Ordinal);
    }

    public static CpvVocabulary Shipped => Loaded.Value;

    public IReadOnlyList<CpvEntry> Entries { get; }

    /// <summary>The code as the list has it (with its check digit) for "77310000-6" or "77310000"; null when it is not in the list, or its check digit differs.</summary>
    public bool TryFind(string? text, [NotNullWhen(true)] out CpvEntry? entry)
    {
        entry = null;
        var digits = Cpv.DigitsOf(text);
        if (digits is null || !_byDigits.TryGetValue(digits, out var found))
        {
            return false;
        }

        if (text!.Trim().Length == 10 && !string.Equals(found.Code, text.Trim(), StringComparison.Ordinal))
        {
            return false;
        }

        entry = found;
        return true;
    }

    public string? LabelOf(string code) => TryFind(code, out var e) ? e.LabelNl : null;

    /// <summary>The codes whose label or code contains the text (case-insensitive), at most <paramref name="max"/>.</summary>
    public IReadOnlyList<CpvEntry> Find(string text, int max = 50) =>
        Entries.Where(e => e.Code.StartsWith(text.Trim(), StringComparison.Ordinal) || e.LabelNl.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase)).Take(max).ToList();

    private static CpvVocabulary Load()
    {
        using var stream = typeof(CpvVocabulary).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return new CpvVocabulary(Parse(reader));
    }

    /// <summary>"cpv_code,label_nl" with RFC 4180 quoting of the label.</summary>
    public static IEnumerable<CpvEntry> Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine();
        if (header?.TrimStart('\uFEFF') != "cpv_code,label_nl")
        {
            throw new InvalidDataException("cpv_2008_nl.csv: the header is not \"cpv_code,label_nl\".");
        }

        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            var comma = text.IndexOf(',', StringComparison.Ordinal);
            var code = comma < 0 ? "" : text[..comma];
            if (!Cpv.IsWellFormed(code))
            {
                throw new InvalidDataException($"cpv_2008_nl.csv line {line}: \"{code}\" is not a CPV code.");
            }

            var label = text[(comma + 1)..];
            if (label.StartsWith('"'))
            {
                label = label[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal);
            }

            yield return new CpvEntry(code, label);
        }
    }
}
