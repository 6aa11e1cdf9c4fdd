using System.Data;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Regiekamer.Core.Common;

/// <summary>
/// A table for export (payment orders, the ledger): text columns and amount columns. CSV is RFC 4180 with a comma,
/// UTF-8 with BOM, amounts as plain numbers with a dot ("35000.00") for the systems that read them; XLSX has amounts as
/// numbers in euros. Every text cell goes through <see cref="Spreadsheet.Safe"/>.
/// </summary>
public sealed class Table(string sheet, IReadOnlyList<(string Header, bool Amount)> columns)
{
    private readonly List<object?[]> _rows = [];

    public IReadOnlyList<(string Header, bool Amount)> Columns { get; } = columns;

    /// <summary>Adds a row: a string (or null) for a text column, a <see cref="Money"/> for an amount column.</summary>
    public void Add(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != Columns.Count)
        {
            throw new ArgumentException($"A row of '{sheet}' has {Columns.Count} values, not {values.Length}.", nameof(values));
        }

        _rows.Add(values);
    }

    public byte[] ToCsv()
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = "," }))
        {
            foreach (var (header, _) in Columns)
            {
                csv.WriteField(header);
            }

            csv.NextRecord();
            foreach (var row in _rows)
            {
                for (var i = 0; i < row.Length; i++)
                {
                    csv.WriteField(row[i] switch
                    {
                        Money m => m.ToInvariantString(),
                        null => "",
                        var v => Spreadsheet.Safe(Convert.ToString(v, CultureInfo.InvariantCulture) ?? ""),
                    });
                }

                csv.NextRecord();
            }
        }

        return stream.ToArray();
    }

    public byte[] ToXlsx()
    {
        using var table = new DataTable(sheet) { Locale = CultureInfo.InvariantCulture };
        foreach (var (header, amount) in Columns)
        {
            table.Columns.Add(header, amount ? typeof(decimal) : typeof(string));
        }

        foreach (var row in _rows)
        {
            table.Rows.Add(row.Select(v => v switch
            {
                Money m => (object)m.Euros,
                null => DBNull.Value,
                var x => Spreadsheet.Safe(Convert.ToString(x, CultureInfo.InvariantCulture) ?? ""),
            }).ToArray());
        }

        using var stream = new MemoryStream();
        stream.SaveAs(table, printHeader: true, sheetName: sheet, excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration { FastMode = false });
        return stream.ToArray();
    }
}
