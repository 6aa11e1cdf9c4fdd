using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Regiekamer.Core.Imports;

namespace Regiekamer.Core.Applications.Plan;

/// <summary>
/// Reads a plan from CSV text: strict UTF-8 (with or without byte-order mark, <see cref="CsvText.Decode"/>), the
/// separator (; , or tab) guessed from the header row. A quote inside an unquoted field is taken as it is (BBC's
/// HTML has <c>style="…"</c>); a quoted field that is never closed, or has text after its closing quote, makes the
/// file unreadable. No limit on a field's length: a huge text is an R11 finding of <see cref="PlanRules"/>.
/// </summary>
internal static class PlanCsv
{
    public static PlanFileResult Read(byte[] bytes, string fileName, PlanPeriod period)
    {
        var decoded = CsvText.Decode(fileName, bytes);
        if (!decoded.IsSuccess)
        {
            return PlanFileResult.Unreadable(null, decoded.Errors[0]);
        }

        var text = decoded.Value!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return PlanFile.Fail(PlanFileFormat.Csv, fileName, null, "het bestand is leeg; verwacht een kopregel met de kolommen van een meerjarenplan", "the file is empty; expected a header row with the columns of a multi-year plan");
        }

        var separator = Separator(text);
        int? brokenQuote = null;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = separator.ToString(),
            DetectDelimiter = false,
            HasHeaderRecord = false,
            IgnoreBlankLines = true,
            MaxFieldSize = 0,
            Mode = CsvMode.RFC4180,
            TrimOptions = TrimOptions.None,
            BadDataFound = args =>
            {
                // A quote inside an unquoted field is kept as it is; a quoted field that is broken is not.
                if (args.Field.AsSpan().TrimStart().StartsWith('"'))
                {
                    brokenQuote ??= args.Context.Parser?.Row ?? 1;
                }
            },
        };

        var table = new PlanTable(fileName, period, PlanFileFormat.Csv);
        try
        {
            using var parser = new CsvParser(new StringReader(text), configuration);
            while (parser.Read())
            {
                if (brokenQuote is { } row)
                {
                    return BrokenQuote(fileName, row);
                }

                var record = parser.Record ?? [];
                var cells = new PlanCell[record.Length];
                for (var i = 0; i < record.Length; i++)
                {
                    cells[i] = new PlanCell(record[i]);
                }

                if (!table.HasHeader)
                {
                    if (cells.All(c => c.IsEmpty))
                    {
                        continue;
                    }

                    if (table.Header(parser.Row, cells, Describe(separator)) is { } refused)
                    {
                        return refused;
                    }
                }
                else if (!table.Row(parser.Row, cells))
                {
                    return TooManyRows(fileName, parser.Row);
                }
            }
        }
        catch (CsvHelperException e)
        {
            return PlanFileResult.Unreadable(PlanFileFormat.Csv, CsvText.Unreadable(fileName, e));
        }

        if (brokenQuote is { } last)
        {
            return BrokenQuote(fileName, last);
        }

        return table.HasHeader
            ? table.Finish()
            : PlanFile.Fail(PlanFileFormat.Csv, fileName, null, "het bestand heeft geen kopregel", "the file has no header row");
    }

    /// <summary>The separator of the header row (the first that is not blank): the one of ; tab , that occurs most outside quotes, ';' on a tie or when none does.</summary>
    internal static char Separator(string text)
    {
        int semicolons = 0, tabs = 0, commas = 0;
        var quoted = false;
        var seen = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                if (seen)
                {
                    break;
                }
            }
            else if (!quoted)
            {
                seen |= !char.IsWhiteSpace(c) || c == '\t';
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
                commas += c == ',' ? 1 : 0;
            }
        }

        return semicolons >= tabs && semicolons >= commas ? ';' : tabs >= commas ? '\t' : ',';
    }

    private static string Describe(char separator) => separator switch
    {
        '\t' => "tab",
        _ => $"'{separator}'",
    };

    private static PlanFileResult BrokenQuote(string fileName, int row) => PlanFile.Fail(
        PlanFileFormat.Csv,
        fileName,
        row,
        "geen geldige CSV: een veld tussen aanhalingstekens (\") is niet afgesloten, of er staat tekst na het afsluitende aanhalingsteken; zet zo'n veld helemaal tussen aanhalingstekens en verdubbel de aanhalingstekens erin",
        "not valid CSV: a field in quotes (\") is not closed, or text follows its closing quote; put such a field wholly in quotes and double the quotes inside it");

    internal static PlanFileResult TooManyRows(string fileName, int row) => PlanFile.Fail(
        null,
        fileName,
        row,
        $"het bestand heeft meer dan {PlanFile.MaxRows.ToString("N0", Regiekamer.Core.Common.Formats.Dutch)} rijen; een meerjarenplan heeft er veel minder",
        $"the file has more than {PlanFile.MaxRows.ToString("N0", CultureInfo.InvariantCulture)} rows; a multi-year plan has far fewer");
}
