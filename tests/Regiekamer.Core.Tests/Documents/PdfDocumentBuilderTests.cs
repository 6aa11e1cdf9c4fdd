using System.Globalization;
using Regiekamer.Core.Common;
using Regiekamer.Core.Documents;

namespace Regiekamer.Core.Tests.Documents;

public class PdfDocumentBuilderTests
{
    private const double A4Width = 595.28;
    private const double MarginLeft = 20 * 72 / 25.4;
    private const double MarginRight = A4Width - MarginLeft;

    private static readonly DateTimeOffset Created = new(2023, 1, 15, 14, 5, 0, TimeSpan.FromHours(1));

    private const string Sha = "3f2a9c0d5e7b41a8c6d2e0f1b3a5c7e9d1f3a5b7c9e1d3f5a7b9c1e3d5f7a9b1";

    private static PdfDocumentProperties Properties(CultureInfo? culture = null, DateTimeOffset? created = null) =>
        new("Beslissing lokale regierol sociale economie en werk", created ?? Created)
        {
            Subject = "Beslissing over de aanvraag RK-2023-0007",
            Keywords = "regierol, beslissing",
            Culture = culture ?? Formats.Dutch,
            FooterLine = $"RK-2023-0007 · SHA-256 {Sha}",
        };

    /// <summary>A decision letter: title, key values, text with accents and amounts, a table of 120 municipalities.</summary>
    internal static byte[] DecisionLetter(int rows = 120, DateTimeOffset? created = null)
    {
        using var pdf = new PdfDocumentBuilder(Properties(created: created));
        pdf.Title("Beslissing over je aanvraag")
            .KeyValues(
                ("Dossiernummer", "RK-2023-0007"),
                ("Aanvrager", "Welzijnsvereniging Scheldeland – dienst Economie"),
                ("Datum van de beslissing", Formats.Date(new DateOnly(2023, 1, 15))),
                ("Toegekend bedrag", "€ " + new Money(3_500_000).ToDisplayString(Formats.Dutch)))
            .Heading("1. Beslissing")
            .Paragraph(
                TextRun.Plain("De minister kent het lokale regieverband een subsidie toe van "),
                TextRun.Strong("€ 35.000,00"),
                TextRun.Plain(" per jaar voor 2023–2025. De coördinator ‘regie’ zorgt voor de “lokale samenwerkingsovereenkomst” met VDAB; "
                    + "geïnteresseerde gemeenten kunnen zich bij één regieverband aansluiten (café-overleg, reëel budget, naïeve ramingen vermijden)."))
            .Bullets("Omgevingsanalyse: actoren bevragen.", "Netwerking: samenwerking organiseren en de resultaten terugkoppelen aan het geheel van de betrokken actoren, ook als die regel lang is.")
            .Rule()
            .Heading("2. Verdeling per gemeente")
            .Table(
                MunicipalityColumns,
                MunicipalityRows(rows),
                totals: ["Totaal", "", Formats.Count(Enumerable.Range(1, rows).Sum(i => 1_000L * i + 7), Formats.Dutch), new Money(123_456L * Enumerable.Range(1, rows).Sum()).ToDisplayString(Formats.Dutch)])
            .Paragraph("Deze beslissing kan worden aangevochten binnen 30 dagen.");
        return pdf.ToBytes();
    }

    private static readonly PdfColumn[] MunicipalityColumns =
        [new PdfColumn("Gemeente", 3), new PdfColumn("NIS-code", 1), PdfColumn.Number("Inwoners", 1.2), PdfColumn.Number("Bedrag (€)", 1.5)];

    private static IEnumerable<IReadOnlyList<string>> MunicipalityRows(int rows) =>
        Enumerable.Range(1, rows).Select(i => (IReadOnlyList<string>)
        [
            $"Gemeente {i:000}",
            (11000 + i).ToString(CultureInfo.InvariantCulture),
            Formats.Count(1_000L * i + 7, Formats.Dutch),
            new Money(123_456L * i).ToDisplayString(Formats.Dutch),
        ]);

    /// <summary>An annex: a title, one sentence and the table of municipalities.</summary>
    private static byte[] Annex(int rows)
    {
        using var pdf = new PdfDocumentBuilder(Properties());
        return pdf.Title("Bijlage: verdeling per gemeente")
            .Paragraph("De bedragen gelden per jaar, voor 2023, 2024 en 2025.")
            .Table(MunicipalityColumns, MunicipalityRows(rows))
            .ToBytes();
    }

    [Fact]
    public void DecisionLetter_ReadsInOrder_WithAccentsAndAmountsInBelgianFormat()
    {
        var text = PdfText.Read(DecisionLetter());

        var lines = text.AllLines.ToList();
        AssertInOrder(lines,
            "Beslissing over je aanvraag",
            "Dossiernummer: RK-2023-0007",
            "Aanvrager: Welzijnsvereniging Scheldeland – dienst Economie",
            "Datum van de beslissing: 15/01/2023",
            "Toegekend bedrag: € 35.000,00",
            "1. Beslissing",
            "De minister kent het lokale regieverband een subsidie toe van € 35.000,00 per jaar voor 2023–2025.",
            "• Omgevingsanalyse: actoren bevragen.",
            "• Netwerking: samenwerking organiseren",
            "2. Verdeling per gemeente",
            "Gemeente NIS-code Inwoners Bedrag (€)",
            "Gemeente 001 11001 1.007 1.234,56",
            "Gemeente 120 11120 120.007 148.147,20",
            "Totaal 7.260.840 8.962.905,60",
            "Deze beslissing kan worden aangevochten binnen 30 dagen.");
        var all = string.Join(" ", lines);
        foreach (var word in new[] { "coördinator", "‘regie’", "“lokale", "samenwerkingsovereenkomst”", "geïnteresseerde", "één", "café-overleg", "reëel", "naïeve" })
        {
            Assert.Contains(word, all, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Table_Of120Rows_SpansThreePages_WithItsHeaderOnEach_AndEveryRowOnce()
    {
        var text = PdfText.Read(Annex(rows: 120));

        Assert.Equal(3, text.Pages.Count);
        for (var page = 0; page < 3; page++)
        {
            Assert.Contains(text.Pages[page], l => l.Text == "Gemeente NIS-code Inwoners Bedrag (€)");
        }

        var rows = text.AllLines.Where(l => l.StartsWith("Gemeente 0", StringComparison.Ordinal) || l.StartsWith("Gemeente 1", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(1, 120).Select(i => $"Gemeente {i:000}"), rows.Select(r => r[..12]));
        Assert.True(text.Pages[0].Count(l => l.Text.StartsWith("Gemeente ", StringComparison.Ordinal)) > 20, "the table starts on the first page");
        Assert.True(text.Pages[2].Count(l => l.Text.StartsWith("Gemeente ", StringComparison.Ordinal)) > 2, "and ends on the third");
    }

    [Fact]
    public void Table_NumberColumns_AreRightAligned()
    {
        var text = PdfText.Read(Annex(rows: 60));

        var amounts = text.Pages.SelectMany(p => p)
            .Where(l => l.Text.StartsWith("Gemeente 0", StringComparison.Ordinal))
            .Select(l => l.Letters.Where(c => c.Value != " ").Max(c => c.EndBaseLine.X))
            .ToList();
        Assert.Equal(60, amounts.Count);
        Assert.True(amounts.Max() - amounts.Min() < 0.5, $"the right edges of the amounts differ by {amounts.Max() - amounts.Min():0.00} pt");
        Assert.InRange(amounts.Max(), MarginRight - 10, MarginRight);
    }

    [Fact]
    public void Footer_OnEveryPage_NamesThePageAndTheDocument()
    {
        var text = PdfText.Read(Annex(rows: 120));

        Assert.Equal(3, text.Pages.Count);
        for (var page = 0; page < 3; page++)
        {
            var footer = text.Pages[page][^1].Text;
            Assert.Equal($"RK-2023-0007 · SHA-256 {Sha} pagina {page + 1} van 3", footer);
        }
    }

    [Fact]
    public void Footer_InEnglish_SaysPageXOfY()
    {
        using var pdf = new PdfDocumentBuilder(Properties(Formats.English));
        var text = PdfText.Read(pdf.Title("Receipt").ToBytes());

        Assert.EndsWith("page 1 of 1", text.Pages[0][^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_HasTitleAuthorSubjectAndTheCreationDatePassedIn()
    {
        var text = PdfText.Read(DecisionLetter(rows: 3));

        Assert.Equal("Beslissing lokale regierol sociale economie en werk", text.Information.Title);
        Assert.Equal("Regiekamer", text.Information.Author);
        Assert.Equal("Regiekamer", text.Information.Creator);
        Assert.Equal("Beslissing over de aanvraag RK-2023-0007", text.Information.Subject);
        Assert.Equal(Created, text.Information.Created);
        Assert.Equal(Created, text.Information.Modified);
        Assert.StartsWith("PDFsharp 6.2.4", text.Information.Producer, StringComparison.Ordinal);
    }

    [Fact]
    public void Font_LiberationSans_IsEmbedded_InEveryStyleUsed()
    {
        var text = PdfText.Read(DecisionLetter(rows: 3));

        Assert.Equal(2, text.EmbeddedFonts.Count);
        Assert.Matches("^[A-Z]{6}\\+Liberation Sans$", text.EmbeddedFonts.Single(f => !f.Contains(',', StringComparison.Ordinal)));
        Assert.Matches("^[A-Z]{6}\\+Liberation Sans,Bold$", text.EmbeddedFonts.Single(f => f.Contains(',', StringComparison.Ordinal)));
        Assert.All(text.Pages.SelectMany(p => p).SelectMany(l => l.Letters), l => Assert.Contains("Liberation Sans", l.FontName, StringComparison.Ordinal));
    }

    [Fact]
    public void SameInput_GivesTheSameBytes_AndAnotherDateOtherBytes()
    {
        var first = DecisionLetter(rows: 50);
        var second = DecisionLetter(rows: 50);
        var nextDay = DecisionLetter(rows: 50, created: Created.AddDays(1));

        Assert.Equal(first, second);
        Assert.NotEqual(first, nextDay);
    }

    [Fact]
    public void Empty_IsOnePage_WithItsFooter()
    {
        using var pdf = new PdfDocumentBuilder(new PdfDocumentProperties("Leeg", Created));
        var text = PdfText.Read(pdf.Paragraph("").KeyValues().Bullets().Blocks([]).Table([new PdfColumn("Kolom", 1)], []).ToBytes());

        Assert.Single(text.Pages);
        Assert.Equal(["Kolom", "pagina 1 van 1"], text.Pages[0].Select(l => l.Text));
    }

    [Fact]
    public void Paragraph_Of20000Characters_WrapsWithinTheMargins_OverSeveralPages_AndLosesNothing()
    {
        var words = Enumerable.Range(0, 4000).Select(i => i % 7 == 0 ? "één" : "regie" + (i % 100).ToString(CultureInfo.InvariantCulture)).ToList();
        var paragraph = string.Join(' ', words);
        Assert.True(paragraph.Length >= 20_000, $"{paragraph.Length} characters");

        using var pdf = new PdfDocumentBuilder(new PdfDocumentProperties("Lang", Created));
        var text = PdfText.Read(pdf.Paragraph(paragraph).ToBytes());

        Assert.InRange(text.Pages.Count, 4, 10);
        var body = text.Pages.SelectMany(p => p.Take(p.Count - 1)).ToList();
        Assert.Equal(words, body.SelectMany(l => l.Text.Split(' ')));
        Assert.All(body, l => Assert.InRange(l.Left, MarginLeft - 0.5, MarginLeft + 0.5));
        Assert.All(body, l => Assert.InRange(l.Right, MarginLeft, MarginRight + 0.5));
    }

    [Fact]
    public void Word_LongerThanALine_IsBrokenAcrossLines()
    {
        var word = string.Concat(Enumerable.Repeat("Subsidieaanvraagdossiernummerverwerking", 8));
        var sha = string.Concat(Enumerable.Repeat(Sha, 4));

        using var pdf = new PdfDocumentBuilder(new PdfDocumentProperties("Lang woord", Created) { FooterLine = sha });
        var text = PdfText.Read(pdf.Paragraph("Voor " + word + " na").KeyValues(("SHA-256", sha)).ToBytes());

        var lines = text.Pages[0].Take(text.Pages[0].Count - 2).ToList();
        Assert.True(lines.Count >= 5, string.Join("\n", lines));
        Assert.Equal("Voor" + word + "na" + "SHA-256:" + sha, string.Concat(lines.Select(l => l.Text.Replace(" ", "", StringComparison.Ordinal))));
        Assert.All(lines, l => Assert.InRange(l.Right, MarginLeft, MarginRight + 0.5));
    }

    [Fact]
    public void Blocks_FromSanitisedHtml_PrintAsParagraphsAndBulletedLines_WithoutTags()
    {
        var blocks = SafeHtml.ToParagraphs("<p>Trekker: <strong>regisseur</strong> &amp; VDAB</p><ul><li>Flankerend onderwijsbeleid</li><li>Inclusieve economie<ol><li>stap één</li></ol></li></ul><script>alert(1)</script>");

        using var pdf = new PdfDocumentBuilder(new PdfDocumentProperties("Actie", Created));
        var text = PdfText.Read(pdf.Blocks(blocks).ToBytes());

        Assert.Equal(
            ["Trekker: regisseur & VDAB", "• Flankerend onderwijsbeleid", "• Inclusieve economie", "1. stap één", "pagina 1 van 1"],
            text.Pages[0].Select(l => l.Text));
        var nested = text.Pages[0][3];
        var outer = text.Pages[0][2];
        Assert.True(nested.Left > outer.Left + 10, "a list inside a list is indented");
    }

    [Fact]
    public void Text_TheFontLacks_DoesNotStopTheDocument()
    {
        using var pdf = new PdfDocumentBuilder(new PdfDocumentProperties("Tekens", Created));
        var text = PdfText.Read(pdf.Paragraph("Vóór 😀 na, 中文 en \u0007bel\ttab").ToBytes());

        // Liberation Sans has no emoji or Chinese: those print as the font's empty box; the rest prints as it is.
        Assert.Matches("^Vóór .+ na, .+ en bel tab$", text.Pages[0][0].Text);
    }

    [Fact]
    public void Builders_OnManyThreadsAtOnce_AllSucceed()
    {
        var results = new byte[8][];
        Parallel.For(0, results.Length, i => results[i] = DecisionLetter(rows: 10 + i));

        Assert.All(results, r => Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(r, 0, 4)));
        Assert.Same(DocumentFonts.Resolver, PdfSharp.Fonts.GlobalFontSettings.FontResolver);
    }

    [Fact]
    public void Builder_IsSpentAfterToBytes()
    {
        using var pdf = new PdfDocumentBuilder(new PdfDocumentProperties("Eén keer", Created));
        var bytes = pdf.Title("Eén keer").ToBytes();

        Assert.Equal(bytes, pdf.ToBytes());
        Assert.Throws<InvalidOperationException>(() => pdf.Paragraph("te laat"));
    }

    [Fact]
    public void Table_RowWithTooFewCells_IsABug()
    {
        using var pdf = new PdfDocumentBuilder(new PdfDocumentProperties("Tabel", Created));

        Assert.Throws<ArgumentException>(() => pdf.Table([new PdfColumn("A", 1), new PdfColumn("B", 1)], [["alleen A"]]));
    }

    [Fact]
    public void PageBreak_GoesOnOnANewPage_WithTheFooterOnBoth()
    {
        using var pdf = new PdfDocumentBuilder(Properties());
        var text = PdfText.Read(pdf.Paragraph("Eerste pagina").PageBreak().PageBreak().Paragraph("Tweede pagina").ToBytes());

        Assert.Equal(2, text.Pages.Count);
        Assert.Equal("Tweede pagina", text.Pages[1][0].Text);
        Assert.All(text.Pages, (page, i) => Assert.EndsWith($"pagina {i + 1} van 2", page[^1].Text, StringComparison.Ordinal));
    }

    [Fact]
    public void KeepTogether_StartsANewPage_OnlyWhenTheHeightNoLongerFits()
    {
        static PdfText Build(double space)
        {
            using var pdf = new PdfDocumentBuilder(new PdfDocumentProperties("Samen", Created));
            return PdfText.Read(pdf.Paragraph("Eerst").Space(space).KeepTogether(100).Paragraph("Daarna").ToBytes());
        }

        var fits = Build(300);
        var moves = Build(600);

        Assert.Single(fits.Pages);
        Assert.Equal(2, moves.Pages.Count);
        Assert.Equal("Daarna", moves.Pages[1][0].Text);
    }

    [Fact]
    public void Table_KeepsItsHeader_WithAWholeFirstRowThatFitsOnAPage()
    {
        using var pdf = new PdfDocumentBuilder(new PdfDocumentProperties("Tabel", Created));
        var text = PdfText.Read(pdf.Paragraph("Eerst").Space(560)
            .Table([new PdfColumn("Gemeente", 1), new PdfColumn("Handtekening", 1)], [["Zele", "Naam:\n\n\n\nFunctie:\n\n\n\nDatum:\n\n\n\n"]])
            .ToBytes());

        Assert.Equal(2, text.Pages.Count);
        Assert.DoesNotContain(text.Pages[0], l => l.Text.StartsWith("Gemeente", StringComparison.Ordinal));
        Assert.Equal("Gemeente Handtekening", text.Pages[1][0].Text);
    }

    private static void AssertInOrder(List<string> lines, params string[] expected)
    {
        var at = 0;
        foreach (var want in expected)
        {
            var found = -1;
            for (var i = at; i < lines.Count; i++)
            {
                if (lines[i].StartsWith(want, StringComparison.Ordinal))
                {
                    found = i;
                    break;
                }
            }

            Assert.True(found >= 0, $"\"{want}\" not found after line {at} in:\n{string.Join("\n", lines)}");
            at = found + 1;
        }
    }
}
