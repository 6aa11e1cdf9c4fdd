using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;
using Regiekamer.Core.Applications.Plan;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Tests.TestSupport;

/// <summary>Plans for tests: actions in a line, files as bytes, the sample plan of tests/TestData/Plans.</summary>
public static class Plans
{
    public static readonly PlanPeriod Period = PlanPeriod.OpenCall2023;

    /// <summary>tests/TestData/Plans/plan-2023-2025.csv: the actions of seed 003's annex (see the README beside it).</summary>
    public static string SamplePath => Path.Combine(AppContext.BaseDirectory, "TestData", "Plans", "plan-2023-2025.csv");

    /// <summary>An action with a title, a long description and the code, running every year of <see cref="Period"/> with <paramref name="euros"/>.</summary>
    public static PlanAction Action(string code, long euros = 1_000, int? row = null, string? title = null) => new(
        row,
        null,
        null,
        title ?? $"Actie {code}",
        "<p>Wat en waarom, de rol van de regisseur, hoe en met welk effect.</p>",
        null,
        code,
        Amounts(Period.Years.ToDictionary(y => y, _ => euros * 100)));

    /// <summary>One action per priority, every year: the smallest valid plan.</summary>
    public static List<PlanAction> EveryPriority(long euros = 1_000) => [.. PriorityCode.All.Select(p => Action(p.Value, euros))];

    public static IReadOnlyDictionary<int, Money> Amounts(IReadOnlyDictionary<int, long> cents) => cents.ToDictionary(c => c.Key, c => new Money(c.Value));

    public static PlanFileResult Read(string text, string name = "plan.csv", PlanPeriod? period = null) => Read(Encoding.UTF8.GetBytes(text), name, period);

    public static PlanFileResult Read(byte[] bytes, string name = "plan.csv", PlanPeriod? period = null)
    {
        using var stream = new MemoryStream(bytes);
        return PlanFile.Read(stream, name, period ?? Period);
    }

    /// <summary>Lines joined with \n under the standard header (separator ;).</summary>
    public static string Csv(params string[] rows) =>
        string.Join("\n", ["Actie omschrijving;Actie lange omschrijving;Actie commentaar;Code;Bedrag 2023;Bedrag 2024;Bedrag 2025", .. rows]) + "\n";

    public static byte[] WriteCsv(IReadOnlyList<PlanAction> actions, PlanPeriod? period = null)
    {
        using var stream = new MemoryStream();
        PlanFile.WriteCsv(stream, actions, period ?? Period);
        return stream.ToArray();
    }

    public static byte[] WriteXlsx(IReadOnlyList<PlanAction> actions, PlanPeriod? period = null)
    {
        using var stream = new MemoryStream();
        PlanFile.WriteXlsx(stream, actions, period ?? Period);
        return stream.ToArray();
    }

    /// <summary>
    /// A workbook made the way Excel makes one, without MiniExcel: texts in the shared-string table, numbers as number
    /// cells, true/false as boolean cells; null leaves the cell out. One sheet, rows from row 1.
    /// </summary>
    public static byte[] Xlsx(params object?[][] rows)
    {
        var strings = new List<string>();
        var sheet = new StringBuilder();
        for (var r = 0; r < rows.Length; r++)
        {
            sheet.Append(CultureInfo.InvariantCulture, $"<row r=\"{r + 1}\">");
            for (var c = 0; c < rows[r].Length; c++)
            {
                var reference = $"{(char)('A' + c)}{r + 1}";
                switch (rows[r][c])
                {
                    case null:
                        break;
                    case string text:
                        strings.Add(text);
                        sheet.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"s\"><v>{strings.Count - 1}</v></c>");
                        break;
                    case bool truth:
                        sheet.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"b\"><v>{(truth ? 1 : 0)}</v></c>");
                        break;
                    case double number:
                        sheet.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\"><v>{number.ToString("R", CultureInfo.InvariantCulture)}</v></c>");
                        break;
                    case var number:
                        sheet.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\"><v>{Convert.ToString(number, CultureInfo.InvariantCulture)}</v></c>");
                        break;
                }
            }

            sheet.Append("</row>");
        }

        var shared = string.Concat(strings.Select(s => $"<si><t xml:space=\"preserve\">{SecurityElement.Escape(s)}</t></si>"));
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(archive, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""");
            Entry(archive, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Entry(archive, "xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Acties" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Entry(archive, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");
            Entry(archive, "xl/worksheets/sheet1.xml", $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheet}</sheetData></worksheet>""");
            Entry(archive, "xl/sharedStrings.xml", $"""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{strings.Count}" uniqueCount="{strings.Count}">{shared}</sst>""");
        }

        return zip.ToArray();
    }

    public static readonly object?[] XlsxHeader = ["Actie omschrijving", "Actie lange omschrijving", "Actie commentaar", "Code", "Bedrag 2023", "Bedrag 2024", "Bedrag 2025"];

    private static void Entry(ZipArchive archive, string name, string content)
    {
        using var writer = new StreamWriter(archive.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
