namespace Regiekamer.Core.Common;

/// <summary>
/// Exports are opened in spreadsheets, which run a cell that starts with =, +, -, @, a tab or a carriage return as a
/// formula (CSV injection, OWASP). Every free-text cell of an export goes through <see cref="Safe"/>.
/// </summary>
public static class Spreadsheet
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>
    /// A cell of a CSV whose columns mix numbers and text: a number ("-1234.50", "12") as it is, so that it stays a
    /// number; any other text through <see cref="Safe"/>.
    /// </summary>
    public static string SafeCell(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return decimal.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out _) ? text : Safe(text);
    }

    /// <summary>The text with an apostrophe in front when a spreadsheet would read it as a formula; otherwise as it is.</summary>
    public static string Safe(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0 && FormulaStarts.Contains(text[0]) ? "'" + text : text;
    }
}
