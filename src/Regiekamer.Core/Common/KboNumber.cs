using System.Diagnostics.CodeAnalysis;

namespace Regiekamer.Core.Common;

/// <summary>
/// A Belgian enterprise number (ondernemingsnummer, KBO/BCE): ten digits starting with 0 or 1, the last two a check on
/// the first eight: 97 − (first eight mod 97). Written 0207.000.077; read also as 0207 000 077, 0207000077,
/// BE0207000077 or BE 0207.000.077.
/// </summary>
public readonly record struct KboNumber : IComparable<KboNumber>
{
    private KboNumber(string value) => Value = value;

    /// <summary>The ten digits, e.g. "0207000077".</summary>
    public string Value { get; }

    public static KboNumber Parse(string value) =>
        TryParse(value, out var number) ? number : throw new FormatException($"'{value}' is not a Belgian enterprise number (ten digits, checksum 97 − first eight mod 97).");

    public static bool TryParse([NotNullWhen(true)] string? value, out KboNumber number)
    {
        number = default;
        if (value is null || value.Length > 40)
        {
            return false;
        }

        var text = value.AsSpan().Trim();
        if (text.StartsWith("BE", StringComparison.OrdinalIgnoreCase))
        {
            text = text[2..].TrimStart();
        }

        Span<char> digits = stackalloc char[10];
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                if (count == digits.Length)
                {
                    return false;
                }

                digits[count++] = c;
            }
            else if ((c is not '.' and not ' ') || i == 0 || i == text.Length - 1 || !char.IsAsciiDigit(text[i - 1]))
            {
                // Dots and single spaces only between digits: "0207.000.077", "0207 000 077".
                return false;
            }
        }

        if (count != 10 || digits[0] is not ('0' or '1'))
        {
            return false;
        }

        var body = 0L;
        for (var i = 0; i < 8; i++)
        {
            body = (body * 10) + (digits[i] - '0');
        }

        var check = ((digits[8] - '0') * 10) + (digits[9] - '0');
        if (check != 97 - (int)(body % 97))
        {
            return false;
        }

        number = new KboNumber(new string(digits));
        return true;
    }

    /// <summary>"0207.000.077".</summary>
    public string ToDisplayString() => Value is null ? string.Empty : $"{Value[..4]}.{Value[4..7]}.{Value[7..]}";

    public int CompareTo(KboNumber other) => string.CompareOrdinal(Value, other.Value);

    public static bool operator <(KboNumber left, KboNumber right) => left.CompareTo(right) < 0;

    public static bool operator <=(KboNumber left, KboNumber right) => left.CompareTo(right) <= 0;

    public static bool operator >(KboNumber left, KboNumber right) => left.CompareTo(right) > 0;

    public static bool operator >=(KboNumber left, KboNumber right) => left.CompareTo(right) >= 0;

    public override string ToString() => Value ?? string.Empty;
}
