using System.Data;
using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using Regiekamer.Core.Common;
using Regiekamer.Core.Imports;

namespace Regiekamer.Core.Applications.Plan;

/// <summary>
/// Reads and writes a multi-year plan in BBC's action layout (seed 003, annex; docs/plan-file-format.md): a header
/// row with Actie omschrijving, Actie lange omschrijving, Actie commentaar, Code and Bedrag YYYY for each year, and
/// optionally Beleidsdoelstelling and Actieplan; one action per row. CSV (UTF-8, separator ; , or tab) or XLSX
/// (first sheet), told apart by content. Whatever the bytes, reading never throws: the file is either read, with
/// findings on its rows, or refused with one error naming the file.
/// </summary>
public static class PlanFile
{
    /// <summary>Larger files are refused unread: a plan of 10,000 actions with long descriptions is about 11.5 MB as CSV.</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    /// <summary>More data rows than this and the file is refused: a plan has tens of actions.</summary>
    public const int MaxRows = 100_000;

    private static readonly byte[] ZipStart = [(byte)'P', (byte)'K'];
    private static readonly byte[] OleStart = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>Reads the plan in <paramref name="content"/>; <paramref name="fileName"/> is only used in messages.</summary>
    public static PlanFileResult Read(Stream content, string fileName, PlanPeriod period)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(period);
        byte[] bytes;
        try
        {
            bytes = ReadAll(content);
        }
        catch (IOException e)
        {
            return Fail(null, fileName, null, $"het bestand kan niet gelezen worden ({e.Message})", $"the file cannot be read ({e.Message})");
        }

        if (bytes.Length > MaxBytes)
        {
            var mb = (MaxBytes / 1024 / 1024).ToString(CultureInfo.InvariantCulture);
            return Fail(null, fileName, null, $"het bestand is groter dan {mb} MB; een meerjarenplan is veel kleiner", $"the file is larger than {mb} MB; a multi-year plan is much smaller");
        }

        if (bytes.AsSpan().StartsWith(ZipStart))
        {
            return PlanXlsx.Read(bytes, fileName, period);
        }

        if (bytes.AsSpan().StartsWith(OleStart))
        {
            return Fail(null, fileName, null, "dit is een oud Excel-bestand (.xls); bewaar het als Excel-werkmap (.xlsx) of als CSV (UTF-8)", "this is an old Excel file (.xls); save it as an Excel workbook (.xlsx) or as CSV (UTF-8)");
        }

        return PlanCsv.Read(bytes, fileName, period);
    }

    /// <summary>
    /// The plan as CSV for Excel in Flanders: UTF-8 with a byte-order mark, separator ';', amounts as 35.000,00, a
    /// column per year of <paramref name="period"/> (amounts for other years are not written). Every text goes
    /// through <see cref="Spreadsheet.Safe"/>; reading undoes that.
    /// </summary>
    /// <param name="leading">Columns before BBC's (the department's export of every plan: dossier, partnership): their headers, and a value per action.</param>
    public static void WriteCsv(Stream output, IReadOnlyList<PlanAction> actions, PlanPeriod period, LeadingColumns? leading = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(period);
        leading?.Check(actions.Count);
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 65_536, leaveOpen: true);
        using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = ";",
            NewLine = "\r\n",
            // Quote whatever a reader could split or trim: separators, quotes, line breaks (CsvHelper misses a lone \n), spaces at the ends.
            ShouldQuote = args => args.Field is { Length: > 0 } field && (field.AsSpan().IndexOfAny(";\"\r\n") >= 0 || char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1])),
        });
        foreach (var header in (leading?.Headers ?? []).Concat(Header(period)))
        {
            csv.WriteField(header);
        }

        csv.NextRecord();
        for (var row = 0; row < actions.Count; row++)
        {
            var action = actions[row];
            foreach (var text in leading?.Values[row] ?? [])
            {
                csv.WriteField(Spreadsheet.Safe(text));
            }

            foreach (var text in Texts(action))
            {
                csv.WriteField(text is null ? "" : Spreadsheet.Safe(text));
            }

            for (var year = period.FirstYear; year <= period.LastYear; year++)
            {
                csv.WriteField(action.Amounts.TryGetValue(year, out var amount) ? PlanAmount.Format(amount) : "");
            }

            csv.NextRecord();
        }
    }

    /// <summary>The plan as an Excel workbook: one sheet "Acties", texts as text (through <see cref="Spreadsheet.Safe"/>), amounts as numbers in euros.</summary>
    public static void WriteXlsx(Stream output, IReadOnlyList<PlanAction> actions, PlanPeriod period, LeadingColumns? leading = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(period);
        leading?.Check(actions.Count);
        using var table = new DataTable("Acties") { Locale = CultureInfo.InvariantCulture };
        var before = leading?.Headers ?? [];
        var header = before.Concat(Header(period)).ToList();
        for (var i = 0; i < header.Count; i++)
        {
            table.Columns.Add(header[i], i < before.Count + 6 ? typeof(string) : typeof(decimal));
        }

        for (var row = 0; row < actions.Count; row++)
        {
            var action = actions[row];
            var values = new object[header.Count];
            var i = 0;
            foreach (var text in leading?.Values[row] ?? [])
            {
                values[i++] = Spreadsheet.Safe(text);
            }

            foreach (var text in Texts(action))
            {
                values[i++] = text is null ? DBNull.Value : Spreadsheet.Safe(text);
            }

            for (var year = period.FirstYear; year <= period.LastYear; year++)
            {
                values[i++] = action.Amounts.TryGetValue(year, out var amount) ? amount.Euros : DBNull.Value;
            }

            table.Rows.Add(values);
        }

        output.SaveAs(table, printHeader: true, sheetName: "Acties", excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration { FastMode = false });
    }

    /// <summary>The columns a written plan has: the two optional ones first, then BBC's order.</summary>
    public static IReadOnlyList<string> Header(PlanPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return
        [
            PlanColumns.PolicyGoal, PlanColumns.ActionPlan, PlanColumns.ShortDescription, PlanColumns.LongDescription, PlanColumns.Comment, PlanColumns.Code,
            .. period.Years.Select(PlanColumns.Amount),
        ];
    }

    private static string?[] Texts(PlanAction action) =>
        [action.PolicyGoal, action.ActionPlan, action.ShortDescription, action.LongDescription, action.Comment, action.Code];

    /// <summary>The whole stream, or one byte more than <see cref="MaxBytes"/> when it is larger.</summary>
    private static byte[] ReadAll(Stream content)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = content.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                break;
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The error of a file that cannot be read as a plan: "{file}: …" or "{file}, rij {row}: …".</summary>
    internal static PlanFileResult Fail(PlanFileFormat? format, string fileName, int? row, string nl, string en) =>
        PlanFileResult.Unreadable(format, row is { } r
            ? CsvText.Unreadable(fileName, r, nl, en)
            : DomainError.Invalid(CsvText.UnreadableCode, $"{fileName}: {nl}.", $"{fileName}: {en}.", "file"));
}

/// <summary>Columns written before a plan's own (headers, and one row of values per action).</summary>
public sealed record LeadingColumns(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Values)
{
    internal void Check(int actions)
    {
        if (Values.Count != actions || Values.Any(v => v.Count != Headers.Count))
        {
            throw new ArgumentException("One row of leading values per action, one value per leading header.", nameof(actions));
        }
    }
}
