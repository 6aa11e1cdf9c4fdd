using System.Globalization;

namespace Regiekamer.Core.Common;

/// <summary>
/// Number and date formats for the two UI languages. Fixed here rather than taken from ICU so that
/// nl-BE always reads 35.000,00 and 15/01/2023 whatever the host's culture data.
/// </summary>
public static class Formats
{
    public static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-BE");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private static readonly NumberFormatInfo DutchNumbers = new()
    {
        NumberGroupSeparator = ".",
        NumberDecimalSeparator = ",",
        PercentGroupSeparator = ".",
        PercentDecimalSeparator = ",",
        NegativeSign = "-",
    };

    private static readonly NumberFormatInfo EnglishNumbers = new()
    {
        NumberGroupSeparator = ",",
        NumberDecimalSeparator = ".",
        PercentGroupSeparator = ",",
        PercentDecimalSeparator = ".",
        NegativeSign = "-",
    };

    public static bool IsDutch(CultureInfo culture) => culture.TwoLetterISOLanguageName == "nl";

    public static NumberFormatInfo NumberFormat(CultureInfo culture) => IsDutch(culture) ? DutchNumbers : EnglishNumbers;

    /// <summary>57812 → "57.812" (nl) or "57,812" (en).</summary>
    public static string Count(long value, CultureInfo culture) => value.ToString("#,##0", NumberFormat(culture));

    public static string Fixed(decimal value, int decimals, CultureInfo culture) =>
        value.ToString("#,##0." + new string('0', decimals), NumberFormat(culture));

    /// <summary>15/01/2023 in both languages (the Belgian order; English UI keeps it to avoid ambiguity).</summary>
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>1/1/2020: the short form used inside rule messages, as in the department's own letters.</summary>
    public static string ShortDate(DateOnly date) => date.ToString("d/M/yyyy", CultureInfo.InvariantCulture);

    public static string Percent(decimal fraction, CultureInfo culture) => Fixed(fraction * 100m, 1, culture) + "%";
}
