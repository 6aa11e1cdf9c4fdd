namespace Regiekamer.Core.Common;

/// <summary>
/// Exports are opened in spreadsheets, which run a cell that starts with =, +, -, @, a tab or a carriage return as a
/// formula (CSV injection, OWASP). Every free-text cell of an export goes through <see cref="Safe"/>.
/// </summary>
public static class Spreadsheet
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>The text with an apostrophe in front when a spreadsheet would read it as a formula; otherwise as it is.</summary>
    public static string Safe(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0 && FormulaStarts.Contains(text[0]) ? "'" + text : text;
    }
}
