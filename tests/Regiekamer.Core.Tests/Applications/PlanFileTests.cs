using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using Regiekamer.Core.Applications.Plan;
using Regiekamer.Core.Common;
using Regiekamer.Core.Imports;
using static Regiekamer.Core.Tests.TestSupport.Plans;

namespace Regiekamer.Core.Tests.Applications;

public class PlanFileTests
{
    private const string Header = "Actie omschrijving;Actie lange omschrijving;Actie commentaar;Code;Bedrag 2023;Bedrag 2024;Bedrag 2025";

    [Fact]
    public void SamplePlan_TheSeedAnnexActions_IsValid_EveryPriorityEveryYear()
    {
        var read = Read(File.ReadAllBytes(SamplePath), "plan-2023-2025.csv");
        var check = read.Check(Period);

        Assert.True(read.IsReadable, read.Error?.Message.En);
        Assert.Equal(PlanFileFormat.Csv, read.Format);
        Assert.Empty(check.Findings);
        Assert.True(check.Valid);

        // The annex: four actions for WSE-LR1, three for WSE-LR2, two each for WSE-LR3 and WSE-LR4, the same every year;
        // 35.000 + 3.500 + 0 + 2.500 (LR1) + 1.500 + 0 + 1.500 (LR2) + 1.500 + 3.000 (LR3) + 0 + 500 (LR4) = 49.000 a year.
        Assert.Equal(11, read.Actions.Count);
        Assert.Equal(Enumerable.Range(2, 11).Cast<int?>(), read.Actions.Select(a => a.Row));
        foreach (var year in Period.Years)
        {
            Assert.Equal([4, 3, 2, 2], PriorityCode.All.Select(p => check.Actions(year, p)));
            Assert.Equal([4_100_000L, 300_000, 450_000, 50_000], PriorityCode.All.Select(p => check.Amount(year, p).Cents));
            Assert.Equal(Money.FromEuros(49_000), check.Total(year));
        }

        var first = read.Actions[0];
        Assert.Equal("Concrete actie: In dienst nemen of houden van de regisseur sociale economie en werk", first.ShortDescription);
        Assert.StartsWith("<p>Jaarlijkse personeelskosten regisseur", first.LongDescription, StringComparison.Ordinal);
        Assert.Null(first.Comment);
        Assert.Contains("<ul style=\"list-style-type: none\">", read.Actions[^1].LongDescription, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(';')]
    [InlineData(',')]
    [InlineData('\t')]
    public void Separator_IsDetected(char separator)
    {
        var rows = new[]
        {
            new[] { "Actie omschrijving", "Actie lange omschrijving", "Actie commentaar", "Code", "Bedrag 2023", "Bedrag 2024", "Bedrag 2025" },
            ["Regisseur in dienst", "Loonkost; 1 VTE, voltijds", "", "WSE-LR1", "35.000,00", "35.000,00", "1.500"],
        };
        var text = string.Join("\r\n", rows.Select(r => string.Join(separator, r.Select(f => f.Contains(separator, StringComparison.Ordinal) ? $"\"{f}\"" : f))));

        var read = Read(text);

        var action = Assert.Single(read.Actions);
        Assert.Empty(read.Findings);
        Assert.Equal(("Regisseur in dienst", "Loonkost; 1 VTE, voltijds", "WSE-LR1"), (action.ShortDescription, action.LongDescription, action.Code));
        Assert.Equal([3_500_000L, 3_500_000, 150_000], Period.Years.Select(y => action.Amounts[y].Cents));
    }

    [Fact]
    public void CommaSeparatedFile_WithAnUnquotedNlBeAmount_IsAViolationOnItsRow()
    {
        var read = Read("Actie omschrijving,Actie lange omschrijving,Actie commentaar,Code,Bedrag 2023,Bedrag 2024,Bedrag 2025\nA,B,,WSE-LR1,35.000,00,0,0\n");

        var finding = Assert.Single(read.Findings);
        Assert.Equal((Rules.R11, FindingSeverity.Violation, (int?)2, (string?)null), (finding.Rule, finding.Severity, finding.Row, finding.Field));
        Assert.Contains("8 velden, de kopregel 7", finding.Message.Nl, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ByteOrderMark_IsOptional(bool bom)
    {
        var text = Csv("Titel;Uitleg;;WSE-LR1;1;2;3");
        byte[] bytes = bom ? [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text);

        var read = Read(bytes);

        Assert.Equal("Titel", Assert.Single(read.Actions).ShortDescription);
        Assert.Empty(read.Findings);
    }

    [Fact]
    public void Header_CaseSpacesOrderAndFootnoteMarks_DoNotMatter()
    {
        // The first header row of the annex of seed 003, as it stands there (tab-separated, footnote ¹¹ before Bedrag 2023),
        // with the columns in another order and odd spacing.
        var text = "CODE\t ¹¹ Bedrag 2023\tBedrag  2024\tbedrag 2025²\tactie OMSCHRIJVING \tActie lange omschrijving\tActie commentaar\u00A0\n" +
                   "WSE-LR4\t500,00\t500,00\t\tPartnerschap VDAB\t<p>Trekker: regisseur</p>\t\n";

        var read = Read(text);

        var action = Assert.Single(read.Actions);
        Assert.Empty(read.Findings);
        Assert.Equal(("WSE-LR4", "Partnerschap VDAB", "<p>Trekker: regisseur</p>", (string?)null), (action.Code, action.ShortDescription, action.LongDescription, action.Comment));
        Assert.Equal([2023, 2024], action.Amounts.Keys.Order());
    }

    [Fact]
    public void SeedAnnexFirstRows_Verbatim_AreRead()
    {
        var seedHeader = "Actie omschrijving\tActie lange omschrijving\tActie commentaar\tCode\t¹¹ Bedrag 2023\tBedrag 2024\tBedrag 2025";
        var text = seedHeader + "\nConcrete actie: het opmaken van een omgevingsanalyse\t<p>Het opmaken van een omgevingsanalyse.</p>\t\tWSE-LR1\t3.500,00\t3.500,00\t3.500,00\n";

        var read = Read(text, "annex.txt");

        Assert.Equal([350_000L, 350_000, 350_000], Period.Years.Select(y => Assert.Single(read.Actions).Amounts[y].Cents));
    }

    [Theory]
    [InlineData("Actie omschrijving;Actie lange omschrijving;Code;Bedrag 2023;Bedrag 2024;Bedrag 2025", "'Actie commentaar'")]
    [InlineData("Actie omschrijving;Actie lange omschrijving;Actie commentaar;Code;Bedrag 2023;Bedrag 2024", "'Bedrag 2025'")]
    [InlineData("Omschrijving;Lange omschrijving;Commentaar;Code;Bedrag 2023;Bedrag 2024;Bedrag 2025", "'Actie omschrijving', 'Actie lange omschrijving', 'Actie commentaar'")]
    [InlineData("naam,leden", "'Actie omschrijving', 'Actie lange omschrijving', 'Actie commentaar', 'Code', 'Bedrag 2023', 'Bedrag 2024', 'Bedrag 2025'")]
    public void MissingColumn_IsFatal_NamingTheFileAndTheColumns(string header, string missing)
    {
        var read = Read(header + "\nA;B;C;WSE-LR1;1;1;1\n", "mijn plan.csv");

        Assert.False(read.IsReadable);
        Assert.Empty(read.Actions);
        var error = read.Error!;
        Assert.Equal((CsvText.UnreadableCode, "file"), (error.Code, error.Field));
        Assert.StartsWith("mijn plan.csv, rij 1: de kopregel mist", error.Message.Nl, StringComparison.Ordinal);
        Assert.StartsWith("mijn plan.csv, row 1: the header lacks", error.Message.En, StringComparison.Ordinal);
        Assert.Contains(missing, error.Message.Nl, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => read.Check(Period));
    }

    [Fact]
    public void MissingYear_DependsOnThePeriod()
    {
        var text = "Actie omschrijving;Actie lange omschrijving;Actie commentaar;Code;Bedrag 2023;Bedrag 2024\nA;B;;WSE-LR1;1;1\n";

        Assert.True(Read(text, period: new PlanPeriod(2023, 2024)).IsReadable);
        Assert.Contains("'Bedrag 2025'", Read(text).Error!.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateColumn_IsFatal()
    {
        var read = Read(Header + ";code\nA;B;;WSE-LR1;1;1;1;WSE-LR2\n");

        Assert.Contains("column 'code' appears twice in the header (columns 4 and 8)", read.Error!.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownColumn_IsAWarningWithoutRow_AndIgnored()
    {
        var read = Read("Opmerking;" + Header + ";\nwat dan ook;A;B;;WSE-LR1;1;1;1;\n");

        var finding = Assert.Single(read.Findings);
        Assert.Equal((Rules.R11, FindingSeverity.Warning, (int?)null, (string?)"Opmerking"), (finding.Rule, finding.Severity, finding.Row, finding.Field));
        Assert.Equal("A", Assert.Single(read.Actions).ShortDescription);
    }

    [Fact]
    public void AmountColumnOutsideThePeriod_IsAWarning_ItsValuesNotRead()
    {
        var read = Read("Bedrag 2022;" + Header + ";Bedrag 2026\n5;A;B;;WSE-LR1;1;1;1;\n;C;D;;WSE-LR2;1;1;1;7\n");

        Assert.Equal(["Bedrag 2022", "Bedrag 2026"], read.Findings.Select(f => f.Field));
        Assert.All(read.Findings, f => Assert.Equal((FindingSeverity.Warning, (int?)null), (f.Severity, f.Row)));
        Assert.Contains("(1 bedrag genegeerd)", read.Findings[0].Message.Nl, StringComparison.Ordinal);
        Assert.Contains("outside the plan's period (2023-2025)", read.Findings[1].Message.En, StringComparison.Ordinal);
        Assert.All(read.Actions, a => Assert.Equal([2023, 2024, 2025], a.Amounts.Keys.Order()));
        Assert.DoesNotContain(PlanRules.Check(read.Actions, Period).Findings, f => f.Rule != Rules.R10);
    }

    [Fact]
    public void OptionalColumns_PolicyGoalAndActionPlan_AreRead()
    {
        var read = Read("Beleidsdoelstelling;Actieplan;" + Header + "\nBD1 Werk voor iedereen;AP1.1 Lokale regie;A;B;C;WSE-LR1;1;1;1\n");

        var action = Assert.Single(read.Actions);
        Assert.Equal(("BD1 Werk voor iedereen", "AP1.1 Lokale regie", "C"), (action.PolicyGoal, action.ActionPlan, action.Comment));
    }

    [Fact]
    public void EmptyRows_AreSkipped_RowsKeepTheirNumbers()
    {
        var read = Read(Csv("A;B;;WSE-LR1;1;1;1", "", ";;;;;;", "   ;  ;;;;;", "C;D;;WSE-LR2;;;0"));

        Assert.Equal([2, 6], read.Actions.Select(a => a.Row));
        Assert.Equal([2025], read.Actions[1].Amounts.Keys);
    }

    [Theory]
    [InlineData("35.000,00", 3_500_000)]
    [InlineData("1.500", 150_000)]
    [InlineData("0", 0)]
    [InlineData("35000.00", 3_500_000)]
    [InlineData("1.5", 150)]
    [InlineData("1.50", 150)]
    public void Amounts_InTheFile(string amount, long cents)
    {
        var read = Read(Csv($"A;B;;WSE-LR1;{amount};;"));

        Assert.Empty(read.Findings);
        Assert.Equal(new Money(cents), Assert.Single(read.Actions).Amounts[2023]);
    }

    [Theory]
    [InlineData("-5", "'-5' is negatief")]
    [InlineData("abc", "'abc' is geen bedrag")]
    [InlineData("1,005", "'1,005' heeft meer dan twee decimalen")]
    [InlineData("1000000000000", "te groot")]
    public void BadAmount_IsAViolationOnItsRowAndColumn_TheYearLeftOut(string amount, string says)
    {
        var read = Read(Csv("A;B;;WSE-LR1;1;1;1", $"C;D;;WSE-LR2;1;{amount};1"));

        var finding = Assert.Single(read.Findings);
        Assert.Equal((Rules.R11, FindingSeverity.Violation, (int?)3, (string?)"Bedrag 2024"), (finding.Rule, finding.Severity, finding.Row, finding.Field));
        Assert.Contains(says, finding.Message.Nl, StringComparison.Ordinal);
        Assert.Equal([2023, 2025], read.Actions[1].Amounts.Keys.Order());
    }

    [Fact]
    public void EmptyAmount_MeansTheActionDoesNotRunThatYear()
    {
        var read = Read(Csv("A;B;;WSE-LR1;;0;"));

        Assert.Equal([2024], Assert.Single(read.Actions).Amounts.Keys);
        Assert.Empty(read.Findings);
    }

    [Fact]
    public void TruncatedRow_IsAViolationOnItsRow()
    {
        var read = Read(Csv("A;B;;WSE-LR1;1;1;1", "C;D;;WSE-LR2;1"));

        var finding = Assert.Single(read.Findings);
        Assert.Equal((3, "R11: the row has 5 fields, the header 7: the row is incomplete (cut off, or a separator is missing)."), (finding.Row, finding.Message.En));
        Assert.Equal([2023], read.Actions[1].Amounts.Keys);
    }

    [Fact]
    public void QuoteInsideAnUnquotedField_IsKept()
    {
        var read = Read(Csv("Meet & greet \"light\";<ul style=\"list-style-type: none\"><li>x</li></ul>;;WSE-LR1;0;0;0"));

        var action = Assert.Single(read.Actions);
        Assert.Equal(("Meet & greet \"light\"", "<ul style=\"list-style-type: none\"><li>x</li></ul>"), (action.ShortDescription, action.LongDescription));
    }

    [Theory]
    [InlineData("A;\"B;;WSE-LR1;0;0;0\nC;D;;WSE-LR2;0;0;0", 2)] // never closed
    [InlineData("A;B;;WSE-LR1;0;0;0\nC;\"D\" en meer;;WSE-LR2;0;0;0", 3)] // text after the closing quote
    public void BrokenQuotedField_IsFatal_NamingFileAndRow(string rows, int row)
    {
        var read = Read(Csv(rows), "plan.csv");

        Assert.StartsWith($"plan.csv, rij {row}: geen geldige CSV", read.Error!.Message.Nl, StringComparison.Ordinal);
        Assert.StartsWith($"plan.csv, row {row}: not valid CSV", read.Error.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void QuotedFieldsWithLineBreaks_KeepTheSpreadsheetRowNumber()
    {
        var read = Read(Csv("A;\"regel 1\nregel 2\";;WSE-LR1;0;0;0", "C;D;;LSEVBP01;0;0;0"));

        Assert.Equal("regel 1\nregel 2", read.Actions[0].LongDescription);
        Assert.Equal(3, read.Check(Period).Findings.Single(f => f.Rule == Rules.R12).Row);
    }

    [Fact]
    public void NotUtf8_IsFatal_NamingTheFile()
    {
        var read = Read(Encoding.Latin1.GetBytes(Csv("Samenwerking één;B;;WSE-LR1;0;0;0")), "latin.csv");

        Assert.StartsWith("latin.csv, rij 2: het bestand is niet in UTF-8", read.Error!.Message.Nl, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf16_IsFatal()
    {
        var utf16 = new UnicodeEncoding(bigEndian: false, byteOrderMark: true);

        var read = Read([.. utf16.GetPreamble(), .. utf16.GetBytes(Csv("A;B;;WSE-LR1;0;0;0"))]);

        Assert.Contains("UTF-16", read.Error!.Message.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n  \n")]
    public void EmptyFile_IsFatal(string text) => Assert.StartsWith("plan.csv: ", Read(text).Error!.Message.Nl, StringComparison.Ordinal);

    [Fact]
    public void HeaderOnly_IsReadable_AndMissesEveryCell()
    {
        var read = Read(Csv());

        Assert.Empty(read.Actions);
        Assert.Equal(12, read.Check(Period).Violations);
    }

    [Fact]
    public void OldExcelFile_IsFatal_AndSaysSo()
    {
        var read = Read([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0], "plan.xls");

        Assert.Equal("plan.xls: dit is een oud Excel-bestand (.xls); bewaar het als Excel-werkmap (.xlsx) of als CSV (UTF-8).", read.Error!.Message.Nl);
    }

    [Fact]
    public void HugeCell_IsAnR11LengthViolation_NotACrash()
    {
        var huge = new string('x', 1024 * 1024);

        foreach (var bytes in new[] { Encoding.UTF8.GetBytes(Csv($"A;{huge};;WSE-LR1;0;0;0")), Xlsx(XlsxHeader, ["A", huge, null, "WSE-LR1", 0d, 0d, 0d]) })
        {
            var check = Read(bytes).Check(Period);

            var finding = check.Findings.Single(f => f.Row == 2);
            Assert.Equal((Rules.R11, PlanColumns.LongDescription), (finding.Rule, finding.Field));
            Assert.Contains("1.048.576 tekens", finding.Message.Nl, StringComparison.Ordinal);
            Assert.True(finding.Message.Nl.Length < 300);
        }
    }

    [Fact]
    public void HugeCodeOrAmount_IsShortenedInTheMessage()
    {
        var huge = new string('9', 100_000);

        var check = Read(Csv($"A;B;;{huge};{huge};0;0")).Check(Period);

        Assert.Contains(check.Findings, f => f.Field == "Code");
        Assert.Contains(check.Findings, f => f.Field == "Bedrag 2023");
        Assert.All(check.Findings, f => Assert.True(f.Message.Nl.Length < 1_000, f.Message.Nl[..100]));
    }

    [Fact]
    public void Xlsx_NumberCells_AreNumbers_TextCellsReadAsInCsv()
    {
        var bytes = Xlsx(
            XlsxHeader,
            ["Regisseur", "Loonkost", null, "WSE-LR1", 35000d, 35000.5d, 0.1 + 0.2],
            ["Analyse", "Omgevingsanalyse", "Resultaat", "wse-lr2", "3.500,00", "1.500", "0"],
            [],
            ["Fout", "Bedragen", null, "WSE-LR3", 1.005d, -5d, true]);

        var read = Read(bytes, "plan.xlsx");

        Assert.Equal(PlanFileFormat.Xlsx, read.Format);
        Assert.Equal([2, 3, 5], read.Actions.Select(a => a.Row));
        Assert.Equal([3_500_000L, 3_500_050, 30], Period.Years.Select(y => read.Actions[0].Amounts[y].Cents));
        Assert.Equal([350_000L, 150_000, 0], Period.Years.Select(y => read.Actions[1].Amounts[y].Cents));
        Assert.Equal(("Analyse", "Resultaat", "wse-lr2"), (read.Actions[1].ShortDescription, read.Actions[1].Comment, read.Actions[1].Code));
        Assert.Empty(read.Actions[2].Amounts);
        Assert.Equal(
            [(5, "Bedrag 2023", "meer dan twee decimalen"), (5, "Bedrag 2024", "negatief"), (5, "Bedrag 2025", "geen bedrag")],
            read.Findings.Select(f => (f.Row!.Value, f.Field!, Reason(f.Message.Nl))));
    }

    [Fact]
    public void Xlsx_HeaderBelowEmptyRows_AndNumbersInTextColumns()
    {
        var bytes = Xlsx([], [null, null], [.. XlsxHeader], [2023d, "Uitleg", null, "WSE-LR4", 0d, 0d, 0d]);

        var read = Read(bytes);

        Assert.Equal((4, "2023"), (Assert.Single(read.Actions).Row!.Value, read.Actions[0].ShortDescription));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(100)]
    [InlineData(-22)] // the end of the central directory cut off
    public void Xlsx_Truncated_IsFatal_NamingTheFile(int keep)
    {
        var bytes = WriteXlsx(EveryPriority());
        bytes = bytes[..(keep > 0 ? keep : bytes.Length + keep)];

        var read = Read(bytes, "plan.xlsx");

        Assert.Equal(PlanFileFormat.Xlsx, read.Format);
        Assert.StartsWith("plan.xlsx: het bestand is een ZIP-bestand maar geen leesbare Excel-werkmap", read.Error!.Message.Nl, StringComparison.Ordinal);
        Assert.StartsWith("plan.xlsx: the file is a ZIP file but no readable Excel workbook", read.Error.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Xlsx_AZipThatIsNoWorkbook_IsFatal()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry("plan.csv").Open());
            writer.Write(Csv("A;B;;WSE-LR1;0;0;0"));
        }

        Assert.Contains("ZIP", Read(zip.ToArray(), "plan.zip").Error!.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Xlsx_MissingColumn_IsFatal_LikeCsv()
    {
        var read = Read(Xlsx(XlsxHeader[..6]), "plan.xlsx");

        Assert.StartsWith("plan.xlsx, rij 1: de kopregel mist de kolom 'Bedrag 2025'", read.Error!.Message.Nl, StringComparison.Ordinal);
    }

    [Fact]
    public void ContentDecides_NotTheName()
    {
        var csv = Read(Encoding.UTF8.GetBytes(Csv("A;B;;WSE-LR1;0;0;0")), "plan.xlsx");
        var xlsx = Read(WriteXlsx(EveryPriority()), "plan.csv");

        Assert.Equal((PlanFileFormat.Csv, 1), (csv.Format!.Value, csv.Actions.Count));
        Assert.Equal((PlanFileFormat.Xlsx, 4), (xlsx.Format!.Value, xlsx.Actions.Count));
    }

    public static TheoryData<string> Formats => new() { "csv", "xlsx" };

    [Theory]
    [MemberData(nameof(Formats))]
    public void RoundTrip_GivesTheSameActions(string format)
    {
        var actions = RoundTripActions();

        var bytes = format == "csv" ? WriteCsv(actions) : WriteXlsx(actions);
        var read = Read(bytes, "plan." + format);

        Assert.True(read.IsReadable, read.Error?.Message.En);
        Assert.Empty(read.Findings);
        Assert.Equal(actions, read.Actions);
    }

    [Fact]
    public void RoundTrip_TheSamplePlan_BothFormats()
    {
        var sample = Read(File.ReadAllBytes(SamplePath)).Actions;

        Assert.Equal(sample, Read(WriteCsv(sample)).Actions);
        Assert.Equal(sample, Read(WriteXlsx(sample)).Actions);
    }

    [Fact]
    public void WriteCsv_Utf8Bom_Semicolons_NlBeAmounts_SafeTexts()
    {
        var action = new PlanAction(null, "=HYPERLINK(\"x\")", "+AP", "-Regisseur", "@lange", "Resultaat; 3 sessies", "WSE-LR1", Amounts(new Dictionary<int, long> { [2023] = 3_500_000, [2025] = 0 }));

        var bytes = WriteCsv([action]);
        var text = Encoding.UTF8.GetString(bytes.AsSpan(3));

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = text.Split("\r\n");
        Assert.Equal("Beleidsdoelstelling;Actieplan;Actie omschrijving;Actie lange omschrijving;Actie commentaar;Code;Bedrag 2023;Bedrag 2024;Bedrag 2025", lines[0]);
        Assert.Equal("\"'=HYPERLINK(\"\"x\"\")\";'+AP;'-Regisseur;'@lange;\"Resultaat; 3 sessies\";WSE-LR1;35.000,00;;0,00", lines[1]);
    }

    [Fact]
    public void WriteXlsx_AmountsAreNumbers_TextsAreSafeText()
    {
        var action = new PlanAction(null, null, null, "=1+1", null, null, "WSE-LR1", Amounts(new Dictionary<int, long> { [2023] = 3_500_050 }));

        using var archive = new ZipArchive(new MemoryStream(WriteXlsx([action])));
        using var stream = archive.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        var sheet = XDocument.Load(stream);
        XNamespace x = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var cells = sheet.Descendants(x + "c").ToDictionary(c => (string)c.Attribute("r")!);

        Assert.Equal(("n", "35000.5"), ((string?)cells["G2"].Attribute("t"), (string?)cells["G2"].Element(x + "v")));
        Assert.Equal("'=1+1", (string?)cells["C2"].Element(x + "v"));
        Assert.NotEqual("n", (string?)cells["C2"].Attribute("t"));
        Assert.Empty(sheet.Descendants(x + "f"));
    }

    private static readonly string[] Reasons = ["meer dan twee decimalen", "negatief", "geen bedrag"];

    private static string Reason(string message) => Reasons.First(r => message.Contains(r, StringComparison.Ordinal));

    private static List<PlanAction> RoundTripActions() =>
    [
        new(2, "BD1 Werk en sociale economie", "AP1.1 Lokale regie", "Regisseur in dienst", "<p>Loonkost regisseur 2023-2025.</p> <p>Doel: \"netwerking\"; visie.</p>", "Resultaat:\nlijn 2", "WSE-LR1", Amounts(new Dictionary<int, long> { [2023] = 3_500_000, [2024] = 3_500_001, [2025] = 99 })),
        new(3, null, null, "=SOM(A1:A3)", "+32 lange omschrijving", "-10% kosten", "WSE-LR2", Amounts(new Dictionary<int, long> { [2024] = 0 })),
        new(4, "@doel", "Actieplan; met puntkomma", "Tab\tin titel", "Één, twee, drie — ‘quotes’ €", null, "WSE-LR3", Amounts(new Dictionary<int, long>())),
        new(5, null, null, "2024", null, null, "LSEVBP01", Amounts(new Dictionary<int, long> { [2023] = 1, [2024] = 10, [2025] = PlanAmount.MaxCents })),
    ];
}
