using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Regiekamer.Core.Applications.Plan;

/// <summary>
/// Reads a plan from the first sheet of an Excel workbook (.xlsx) with MiniExcel, row by row. Number cells are
/// numbers (amounts converted exactly, <see cref="PlanAmount.FromNumber"/>), text cells are read as in a CSV. A
/// damaged, cut-off or foreign ZIP is an error naming the file, never an exception.
/// </summary>
internal static class PlanXlsx
{
    public static PlanFileResult Read(byte[] bytes, string fileName, PlanPeriod period)
    {
        var table = new PlanTable(fileName, period, PlanFileFormat.Xlsx);
        var configuration = new OpenXmlConfiguration { EnableSharedStringCache = false, FillMergedCells = false };
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            string[] columns = [];
            var row = 0;
            foreach (var item in stream.Query(useHeaderRow: false, configuration: configuration))
            {
                row++; // MiniExcel gives every row from the first, empty ones too, so the count is the sheet's row number
                if (item is not IDictionary<string, object?> values)
                {
                    continue;
                }

                if (!table.HasHeader)
                {
                    var header = values.Select(v => Cell(v.Value)).ToArray();
                    if (header.All(c => c.IsEmpty))
                    {
                        continue;
                    }

                    columns = [.. values.Keys];
                    if (table.Header(row, header, null) is { } refused)
                    {
                        return refused;
                    }

                    continue;
                }

                var cells = new PlanCell[columns.Length];
                for (var i = 0; i < columns.Length; i++)
                {
                    cells[i] = values.TryGetValue(columns[i], out var value) ? Cell(value) : default;
                }

                if (!table.Row(row, cells))
                {
                    return PlanCsv.TooManyRows(fileName, row);
                }
            }
        }
#pragma warning disable CA1031 // MiniExcel meets untrusted bytes: whatever it throws on them, the file is unreadable, not our bug.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return PlanFile.Fail(
                PlanFileFormat.Xlsx,
                fileName,
                null,
                "het bestand is een ZIP-bestand maar geen leesbare Excel-werkmap (.xlsx): het is beschadigd, onvolledig of iets anders (bewaar het opnieuw als .xlsx, of als CSV in UTF-8)",
                "the file is a ZIP file but no readable Excel workbook (.xlsx): it is damaged, incomplete or something else (save it again as .xlsx, or as CSV in UTF-8)");
        }

        return table.HasHeader
            ? table.Finish()
            : PlanFile.Fail(PlanFileFormat.Xlsx, fileName, null, "het eerste werkblad is leeg; verwacht een kopregel met de kolommen van een meerjarenplan", "the first sheet is empty; expected a header row with the columns of a multi-year plan");
    }

    private static PlanCell Cell(object? value) => value switch
    {
        null => default,
        string text => new PlanCell(text),
        double number => new PlanCell(null, number),
        int or long or float or decimal => new PlanCell(null, Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        DateTime date => new PlanCell(null, null, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        bool truth => new PlanCell(null, null, truth ? "TRUE" : "FALSE"),
        _ => new PlanCell(null, null, Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };
}
