using Regiekamer.Core.Common;

namespace Regiekamer.Core.Applications.Plan;

/// <summary>Why an amount in a plan file could not be read.</summary>
public enum PlanAmountProblem
{
    None,

    /// <summary>Not a number in any of the accepted forms.</summary>
    Unreadable,

    /// <summary>Below zero.</summary>
    Negative,

    /// <summary>More than two decimals: amounts are euros and cents.</summary>
    TooManyDecimals,

    /// <summary>EUR 100 billion or more: no action plans that much (and sums stay exact in whole cents).</summary>
    TooLarge,
}

/// <summary>
/// The amounts of a plan file, read exactly into <see cref="Money"/>. nl-BE as in the seed's annex (35.000,00, 1.500,
/// 0) or plain (35000.00): a comma is always the decimal separator; a dot followed by exactly three digits is a
/// thousands separator, one followed by one or two digits (at the end) a decimal point. A euro sign before or after is
/// allowed. Numbers from a spreadsheet cell are converted through decimal, as the spreadsheet shows them (15
/// significant digits), never through binary floating point arithmetic.
/// </summary>
public static class PlanAmount
{
    /// <summary>The largest amount an action may plan for a year: 11 digits of euros (less than EUR 100 billion).</summary>
    public const long MaxCents = 99_999_999_999_99;

    /// <summary>Reads a text cell: "35.000,00", "1.500", "0", "35000.00", "1.5", "€ 2.500".</summary>
    public static PlanAmountProblem TryParse(ReadOnlySpan<char> text, out Money amount)
    {
        amount = Money.Zero;
        text = text.Trim();
        if (text.StartsWith("€"))
        {
            text = text[1..].TrimStart();
        }
        else if (text.EndsWith("€"))
        {
            text = text[..^1].TrimEnd();
        }

        var negative = false;
        if (text.Length > 0 && text[0] is '-' or '\u2212')
        {
            negative = true;
            text = text[1..];
        }

        if (text.Length == 0 || text.Length > 40)
        {
            return PlanAmountProblem.Unreadable;
        }

        // Split off the decimals: after the comma, or after a last dot that is followed by one or two digits.
        ReadOnlySpan<char> whole;
        ReadOnlySpan<char> decimals = default;
        var comma = text.IndexOf(',');
        if (comma >= 0)
        {
            if (text[(comma + 1)..].Contains(','))
            {
                return PlanAmountProblem.Unreadable;
            }

            whole = text[..comma];
            decimals = text[(comma + 1)..];
            if (decimals.Length == 0 || decimals.ContainsAnyExceptInRange('0', '9'))
            {
                return PlanAmountProblem.Unreadable;
            }
        }
        else
        {
            var dot = text.LastIndexOf('.');
            var after = dot >= 0 ? text.Length - dot - 1 : 0;
            if (dot >= 0 && after is 1 or 2)
            {
                whole = text[..dot];
                decimals = text[(dot + 1)..];
            }
            else
            {
                whole = text;
            }
        }

        if (whole.Length == 0 || !TryWhole(whole, out var euros))
        {
            return PlanAmountProblem.Unreadable;
        }

        var significant = decimals.TrimEnd('0');
        if (significant.Length > 2)
        {
            return PlanAmountProblem.TooManyDecimals;
        }

        long cents = 0;
        for (var i = 0; i < 2; i++)
        {
            cents = (cents * 10) + (i < significant.Length ? significant[i] - '0' : 0);
        }

        if (euros > MaxCents / 100)
        {
            return PlanAmountProblem.TooLarge;
        }

        cents += euros * 100;
        if (negative && cents != 0)
        {
            amount = new Money(-cents);
            return PlanAmountProblem.Negative;
        }

        amount = new Money(cents);
        return PlanAmountProblem.None;
    }

    /// <summary>Reads a number cell of a spreadsheet: exact euros and cents, as the spreadsheet shows the number.</summary>
    public static PlanAmountProblem FromNumber(double number, out Money amount)
    {
        amount = Money.Zero;
        if (!double.IsFinite(number))
        {
            return PlanAmountProblem.Unreadable;
        }

        if (Math.Abs(number) >= 1e11)
        {
            return PlanAmountProblem.TooLarge;
        }

        // The conversion keeps 15 significant digits, as Excel shows: 0.1 + 0.2 stored as 0.30000000000000004 is 0.3.
        var euros = (decimal)number;
        var cents = euros * 100m;
        if (cents != decimal.Truncate(cents))
        {
            return PlanAmountProblem.TooManyDecimals;
        }

        amount = new Money((long)cents);
        return cents < 0 ? PlanAmountProblem.Negative : PlanAmountProblem.None;
    }

    /// <summary>Digits with dots as thousands separators (1.500.000: groups of three, the first 1-3 digits not starting with 0) or digits alone.</summary>
    private static bool TryWhole(ReadOnlySpan<char> text, out long euros)
    {
        euros = 0;
        var digits = 0;
        if (text.Contains('.'))
        {
            var groups = 0;
            foreach (var range in text.Split('.'))
            {
                var group = text[range];
                var first = groups == 0;
                if ((first && (group.Length is < 1 or > 3 || (group[0] == '0' && text.Length > group.Length))) || (!first && group.Length != 3))
                {
                    return false;
                }

                groups++;
            }
        }

        foreach (var c in text)
        {
            if (c == '.')
            {
                continue;
            }

            if (!char.IsAsciiDigit(c) || ++digits > 15)
            {
                return false;
            }

            euros = (euros * 10) + (c - '0');
        }

        return digits > 0;
    }

    /// <summary>"35.000,00": how a plan file writes an amount.</summary>
    public static string Format(Money amount) => amount.ToDisplayString(Formats.Dutch);
}
