using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Regiekamer.Core.Common;

/// <summary>
/// An international bank account number (ISO 13616): country code, two check digits (mod 97 of the rearranged number
/// is 1) and the national account number. Spaces are allowed and letters may be lower case; <see cref="Value"/> is
/// compact and upper case. The length is checked for the SEPA countries (Belgium: 16, BE + 14 digits, with the
/// Belgian account number's own mod-97 check); any other country needs 15 to 34 characters.
/// </summary>
public readonly record struct Iban
{
    public const int MinLength = 15;
    public const int MaxLength = 34;

    /// <summary>The length of an IBAN per country, for the countries of the SEPA zone (SWIFT's IBAN registry).</summary>
    private static readonly FrozenDictionary<string, int> Lengths = new Dictionary<string, int>
    {
        ["AD"] = 24,
        ["AT"] = 20,
        ["BE"] = 16,
        ["BG"] = 22,
        ["CH"] = 21,
        ["CY"] = 28,
        ["CZ"] = 24,
        ["DE"] = 22,
        ["DK"] = 18,
        ["EE"] = 20,
        ["ES"] = 24,
        ["FI"] = 18,
        ["FR"] = 27,
        ["GB"] = 22,
        ["GR"] = 27,
        ["HR"] = 21,
        ["HU"] = 28,
        ["IE"] = 22,
        ["IS"] = 26,
        ["IT"] = 27,
        ["LI"] = 21,
        ["LT"] = 20,
        ["LU"] = 20,
        ["LV"] = 21,
        ["MC"] = 27,
        ["MT"] = 31,
        ["NL"] = 18,
        ["NO"] = 15,
        ["PL"] = 28,
        ["PT"] = 25,
        ["RO"] = 24,
        ["SE"] = 24,
        ["SI"] = 19,
        ["SK"] = 24,
        ["SM"] = 27,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private Iban(string value) => Value = value;

    /// <summary>Compact and upper case, e.g. "BE68539007547034".</summary>
    public string Value { get; }

    /// <summary>The two-letter country code, e.g. "BE".</summary>
    public string Country => Value is null ? string.Empty : Value[..2];

    public static Iban Parse(string value) =>
        TryParse(value, out var iban) ? iban : throw new FormatException($"'{value}' is not a valid IBAN.");

    public static bool TryParse([NotNullWhen(true)] string? value, out Iban iban)
    {
        iban = default;
        if (value is null || value.Length > 2 * MaxLength)
        {
            return false;
        }

        var compact = new StringBuilder(MaxLength);
        foreach (var c in value)
        {
            if (c == ' ')
            {
                continue;
            }

            if (!char.IsAsciiLetterOrDigit(c) || compact.Length == MaxLength)
            {
                return false;
            }

            compact.Append(char.ToUpperInvariant(c));
        }

        var text = compact.ToString();
        if (text.Length < MinLength || !char.IsAsciiLetter(text[0]) || !char.IsAsciiLetter(text[1]) || !char.IsAsciiDigit(text[2]) || !char.IsAsciiDigit(text[3]))
        {
            return false;
        }

        if (Lengths.TryGetValue(text[..2], out var length) && text.Length != length)
        {
            return false;
        }

        if (Mod97(text.AsSpan(4), text.AsSpan(0, 4)) != 1)
        {
            return false;
        }

        if (text.StartsWith("BE", StringComparison.Ordinal) && !IsBelgianAccount(text.AsSpan(4)))
        {
            return false;
        }

        iban = new Iban(text);
        return true;
    }

    /// <summary>In groups of four: "BE68 5390 0754 7034".</summary>
    public string ToDisplayString()
    {
        if (Value is null)
        {
            return string.Empty;
        }

        var text = new StringBuilder(Value.Length + (Value.Length / 4));
        for (var i = 0; i < Value.Length; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                text.Append(' ');
            }

            text.Append(Value[i]);
        }

        return text.ToString();
    }

    public override string ToString() => Value ?? string.Empty;

    /// <summary>The number made of <paramref name="first"/> then <paramref name="second"/>, letters as 10..35, mod 97.</summary>
    private static int Mod97(ReadOnlySpan<char> first, ReadOnlySpan<char> second) => Mod97(second, Mod97(first, 0));

    private static int Mod97(ReadOnlySpan<char> part, int rest)
    {
        foreach (var c in part)
        {
            rest = char.IsAsciiDigit(c) ? ((rest * 10) + (c - '0')) % 97 : ((rest * 100) + (c - 'A' + 10)) % 97;
        }

        return rest;
    }

    /// <summary>A Belgian account number: twelve digits, the last two the first ten mod 97 (97 where that is 0).</summary>
    private static bool IsBelgianAccount(ReadOnlySpan<char> account)
    {
        if (account.Length != 12)
        {
            return false;
        }

        var body = 0L;
        for (var i = 0; i < 10; i++)
        {
            if (!char.IsAsciiDigit(account[i]))
            {
                return false;
            }

            body = (body * 10) + (account[i] - '0');
        }

        if (!char.IsAsciiDigit(account[10]) || !char.IsAsciiDigit(account[11]))
        {
            return false;
        }

        var check = ((account[10] - '0') * 10) + (account[11] - '0');
        var expected = (int)(body % 97);
        return check == (expected == 0 ? 97 : expected);
    }
}
