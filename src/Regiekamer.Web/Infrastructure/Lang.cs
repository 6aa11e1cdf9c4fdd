using System.Globalization;
using Regiekamer.Core.Common;

namespace Regiekamer.Web.Infrastructure;

/// <summary>
/// The page's language. Texts sit in the markup as Dutch/English pairs (<c>@L["Gemeenten", "Municipalities"]</c>) so
/// both stay side by side and in step; see docs/adr/0004-bilingual-texts.md.
/// </summary>
public sealed class Lang
{
    public static CultureInfo Culture => CultureInfo.CurrentUICulture;

    public static bool IsDutch => Formats.IsDutch(Culture);

    public string this[string nl, string en] => IsDutch ? nl : en;

    public static string Of(Bilingual text) => text?.For(Culture) ?? "";

    public static string Count(long value) => Formats.Count(value, Culture);

    public static string Count(long? value) => value is { } v ? Formats.Count(v, Culture) : "–";

    public static string Euro(Money money) => "€ " + money.ToDisplayString(Culture);

    public static string SignedEuro(Money money) => (money.Cents > 0 ? "+" : money.Cents < 0 ? "−" : "") + "€ " + new Money(Math.Abs(money.Cents)).ToDisplayString(Culture);

    public static string Date(DateOnly date) => Formats.Date(date);

    public static string Percent(decimal fraction) => Formats.Percent(fraction, Culture);

    /// <summary>UTC stored, Brussels shown.</summary>
    public static string DateTime(DateTime utc) => BrusselsClock.Display(utc);
}
