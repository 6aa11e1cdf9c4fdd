using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Regiekamer.Core.Common;
using Regiekamer.Core.Imports;

namespace Regiekamer.Core.Applications.Plan;

/// <summary>A cell as a file gives it: text (CSV, or a text cell), a number (a spreadsheet's number cell), or something else (a date, a truth value).</summary>
internal readonly record struct PlanCell(string? Text, double? Number = null, string? Other = null)
{
    public bool IsEmpty => Number is null && Other is null && string.IsNullOrWhiteSpace(Text);

    /// <summary>The cell as text: trimmed, with the apostrophe <see cref="Spreadsheet.Safe"/> puts before =, +, -, @ taken off again; null when empty.</summary>
    public string? AsText()
    {
        var text = (Text ?? (Number is { } n ? n.ToString(CultureInfo.InvariantCulture) : Other))?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return text.Length > 1 && text[0] == '\'' && text[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? text[1..] : text;
    }
}

/// <summary>
/// Turns the rows of a plan file (CSV or XLSX alike) into actions: finds the columns in the header row, reads each
/// data row, and notes what it finds on the way. Text lengths, codes and coverage are left to <see cref="PlanRules"/>.
/// </summary>
internal sealed partial class PlanTable(string fileName, PlanPeriod period, PlanFileFormat format)
{
    private const int None = -1;

    private readonly List<PlanAction> _actions = [];
    private readonly List<PlanFinding> _columnFindings = [];
    private readonly List<PlanFinding> _rowFindings = [];
    private readonly List<PlanIgnoredAmount> _ignoredAmounts = [];
    private (int Year, int Index)[] _amounts = [];
    private (string Header, int Year, int Index, int Values)[] _ignoredYears = [];
    private int _goal = None;
    private int _plan = None;
    private int _short = None;
    private int _long = None;
    private int _comment = None;
    private int _code = None;
    private int _columns;

    public bool HasHeader { get; private set; }

    public int DataRows { get; private set; }

    /// <summary>Reads the header row; an error when a required column is missing or a column appears twice.</summary>
    public PlanFileResult? Header(int row, IReadOnlyList<PlanCell> cells, string? separator)
    {
        HasHeader = true;
        _columns = cells.Count;
        var amounts = new List<(int Year, int Index)>();
        var ignored = new List<(string, int, int, int)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < cells.Count; i++)
        {
            var written = cells[i].AsText() ?? "";
            var name = Normalize(written);
            if (name.Length == 0)
            {
                continue; // a column without a name, such as the empty ones right of a sheet's data
            }

            if (seen.TryGetValue(name, out var first))
            {
                return PlanFile.Fail(format, fileName, row, $"kolom '{Shorten(written)}' staat twee keer in de kopregel (kolom {first + 1} en {i + 1})", $"column '{Shorten(written)}' appears twice in the header (columns {first + 1} and {i + 1})");
            }

            seen[name] = i;
            switch (name)
            {
                case "beleidsdoelstelling": _goal = i; break;
                case "actieplan": _plan = i; break;
                case "actie omschrijving": _short = i; break;
                case "actie lange omschrijving": _long = i; break;
                case "actie commentaar": _comment = i; break;
                case "code": _code = i; break;
                default:
                    if (AmountHeader().Match(name) is { Success: true } match && int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
                    {
                        if (period.Contains(year))
                        {
                            amounts.Add((year, i));
                        }
                        else
                        {
                            ignored.Add((written, year, i, 0));
                        }
                    }
                    else
                    {
                        _columnFindings.Add(new PlanFinding(Rules.R11, FindingSeverity.Warning, null, Shorten(written), new Bilingual(
                            $"R11: kolom '{Shorten(written)}' is geen kolom van een meerjarenplan en wordt niet gelezen.",
                            $"R11: column '{Shorten(written)}' is not a column of a multi-year plan and is not read.")));
                    }

                    break;
            }
        }

        var missing = new List<string>();
        foreach (var (index, column) in new[] { (_short, PlanColumns.ShortDescription), (_long, PlanColumns.LongDescription), (_comment, PlanColumns.Comment), (_code, PlanColumns.Code) })
        {
            if (index == None)
            {
                missing.Add(column);
            }
        }

        missing.AddRange(period.Years.Where(y => amounts.All(a => a.Year != y)).Select(PlanColumns.Amount));
        if (missing.Count > 0)
        {
            var found = Shorten(string.Join(" | ", cells.Select(c => c.AsText() ?? "")), 200);
            var list = string.Join(", ", missing.Select(m => $"'{m}'"));
            var (sepNl, sepEn) = separator is null ? ("", "") : ($"; gelezen met scheidingsteken {separator}", $"; read with separator {separator}");
            return PlanFile.Fail(
                format,
                fileName,
                row,
                $"de kopregel mist {(missing.Count == 1 ? "de kolom" : "de kolommen")} {list}. Een meerjarenplan voor {period} heeft de kolommen {Expected(period, "en")} (en mag Beleidsdoelstelling en Actieplan hebben); de kopregel is: {found}{sepNl}",
                $"the header lacks {(missing.Count == 1 ? "the column" : "the columns")} {list}. A multi-year plan for {period} has the columns {Expected(period, "and")} (and may have Beleidsdoelstelling and Actieplan); the header is: {found}{sepEn}");
        }

        _amounts = [.. amounts];
        _ignoredYears = [.. ignored];
        return null;
    }

    /// <summary>Reads one data row (completely empty rows are skipped); false when the file has too many rows.</summary>
    public bool Row(int row, IReadOnlyList<PlanCell> cells)
    {
        var empty = true;
        for (var i = 0; i < cells.Count && empty; i++)
        {
            empty = cells[i].IsEmpty;
        }

        if (empty)
        {
            return true;
        }

        if (++DataRows > PlanFile.MaxRows)
        {
            return false;
        }

        if (format == PlanFileFormat.Csv && cells.Count != _columns)
        {
            CheckFieldCount(row, cells);
        }

        var amounts = new Dictionary<int, Money>(_amounts.Length);
        foreach (var (year, index) in _amounts)
        {
            var cell = Cell(cells, index);
            if (cell.IsEmpty)
            {
                continue; // the action does not run that year
            }

            var amount = Money.Zero;
            var problem = cell.Number is { } number ? PlanAmount.FromNumber(number, out amount)
                : cell.Other is not null ? PlanAmountProblem.Unreadable
                : PlanAmount.TryParse(cell.Text, out amount);
            if (problem == PlanAmountProblem.None)
            {
                amounts[year] = amount;
            }
            else
            {
                _rowFindings.Add(AmountFinding(row, year, cell.AsText() ?? "", problem));
            }
        }

        for (var i = 0; i < _ignoredYears.Length; i++)
        {
            if (!Cell(cells, _ignoredYears[i].Index).IsEmpty)
            {
                _ignoredYears[i].Values++;
                _ignoredAmounts.Add(new PlanIgnoredAmount(row, _ignoredYears[i].Year));
            }
        }

        _actions.Add(new PlanAction(
            row,
            Text(cells, _goal),
            Text(cells, _plan),
            Text(cells, _short) ?? "",
            Text(cells, _long),
            Text(cells, _comment),
            Text(cells, _code) ?? "",
            amounts));
        return true;
    }

    public PlanFileResult Finish()
    {
        foreach (var (header, _, _, values) in _ignoredYears)
        {
            var name = Shorten(header);
            _columnFindings.Add(new PlanFinding(Rules.R11, FindingSeverity.Warning, null, name, new Bilingual(
                $"R11: kolom '{name}' valt buiten de periode van het plan ({period}) en wordt niet gelezen ({Values(values, "bedrag", "bedragen")} genegeerd).",
                $"R11: column '{name}' lies outside the plan's period ({period}) and is not read ({Values(values, "amount", "amounts")} ignored).")));
        }

        return PlanFileResult.Readable(format, _actions, [.. _columnFindings, .. _rowFindings], _ignoredAmounts);
    }

    private void CheckFieldCount(int row, IReadOnlyList<PlanCell> cells)
    {
        if (cells.Count < _columns)
        {
            _rowFindings.Add(new PlanFinding(Rules.R11, FindingSeverity.Violation, row, null, new Bilingual(
                $"R11: de rij heeft {cells.Count} velden, de kopregel {_columns}: de rij is onvolledig (afgebroken, of een scheidingsteken ontbreekt).",
                $"R11: the row has {cells.Count} fields, the header {_columns}: the row is incomplete (cut off, or a separator is missing).")));
            return;
        }

        for (var i = _columns; i < cells.Count; i++)
        {
            if (!cells[i].IsEmpty)
            {
                _rowFindings.Add(new PlanFinding(Rules.R11, FindingSeverity.Violation, row, null, new Bilingual(
                    $"R11: de rij heeft {cells.Count} velden, de kopregel {_columns}: staat er een scheidingsteken in een tekst of bedrag zonder aanhalingstekens (bv. 35.000,00 in een bestand met komma's)?",
                    $"R11: the row has {cells.Count} fields, the header {_columns}: is there a separator inside a text or amount without quotes (e.g. 35.000,00 in a comma-separated file)?")));
                return;
            }
        }
    }

    private static PlanFinding AmountFinding(int row, int year, string value, PlanAmountProblem problem)
    {
        var shown = Shorten(value);
        var (nl, en) = problem switch
        {
            PlanAmountProblem.Negative => ($"'{shown}' is negatief; een actie plant een bedrag van 0 of meer", $"'{shown}' is negative; an action plans an amount of 0 or more"),
            PlanAmountProblem.TooManyDecimals => ($"'{shown}' heeft meer dan twee decimalen; een bedrag is in euro en cent", $"'{shown}' has more than two decimals; an amount is in euros and cents"),
            PlanAmountProblem.TooLarge => ($"'{shown}' is te groot voor een bedrag van één actie in één jaar", $"'{shown}' is too large for the amount of one action in one year"),
            _ => ($"'{shown}' is geen bedrag; schrijf bv. 35.000,00, 1.500, 0 of 35000.00 (laat de cel leeg als de actie dat jaar niet loopt)", $"'{shown}' is not an amount; write e.g. 35.000,00, 1.500, 0 or 35000.00 (leave the cell empty when the action does not run that year)"),
        };
        return new PlanFinding(Rules.R11, FindingSeverity.Violation, row, PlanColumns.Amount(year), new Bilingual($"R11: {nl}.", $"R11: {en}."));
    }

    private static PlanCell Cell(IReadOnlyList<PlanCell> cells, int index) => index >= 0 && index < cells.Count ? cells[index] : default;

    private static string? Text(IReadOnlyList<PlanCell> cells, int index) => Cell(cells, index).AsText();

    /// <summary>
    /// A header as we compare it: lower case, white space collapsed, footnote marks around it taken off (the annex of
    /// seed 003 has "¹¹ Bedrag 2023").
    /// </summary>
    internal static string Normalize(string header)
    {
        var text = new StringBuilder(header.Length);
        foreach (var c in header)
        {
            if (char.IsWhiteSpace(c) || c == '\uFEFF')
            {
                if (text.Length > 0 && text[^1] != ' ')
                {
                    text.Append(' ');
                }
            }
            else
            {
                text.Append(char.ToLowerInvariant(c));
            }
        }

        return text.ToString().Trim(FootnoteMarks).Trim();
    }

    private static readonly char[] FootnoteMarks = ['¹', '²', '³', '⁰', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹', '*', '†', '‡', ' '];

    private static string Expected(PlanPeriod period, string and) =>
        $"{PlanColumns.ShortDescription}, {PlanColumns.LongDescription}, {PlanColumns.Comment}, {PlanColumns.Code} {and} " + string.Join(", ", period.Years.Select(PlanColumns.Amount));

    private static string Values(int count, string one, string many) => $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? one : many)}";

    private static string Shorten(string value) => CsvText.Shorten(value);

    private static string Shorten(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "…";

    [GeneratedRegex(@"^bedrag ?(\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex AmountHeader();
}
