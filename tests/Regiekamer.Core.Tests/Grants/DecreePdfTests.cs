using System.Globalization;
using Regiekamer.Core.Common;
using Regiekamer.Core.Grants;
using Regiekamer.Core.Grants.Documents;
using Regiekamer.Core.Tests.Documents;

namespace Regiekamer.Core.Tests.Grants;

/// <summary>Issue 9, point 1: a decree as its Dutch legal document, read back with PdfPig.</summary>
public sealed class DecreePdfTests
{
    /// <summary>1 June 2025, 12:00 UTC: 14:00 in Brussels (summer time).</summary>
    private static readonly DateTime GeneratedAt = new(2025, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    private static readonly DateTime Signed = new(2023, 4, 20, 9, 30, 0, DateTimeKind.Utc);

    private static readonly DateTime Published = new(2023, 5, 2, 8, 0, 0, DateTimeKind.Utc);

    /// <summary>Gent alone (a central city) and Scheldeland, whose subsidy goes to Hamme, its managing municipality (R4).</summary>
    private static List<DecreeLine> TwoLines() =>
    [
        new()
        {
            PartnershipId = 1, PartnershipName = "Regie Gent", BeneficiaryKind = BeneficiaryKind.City, BeneficiaryName = "Gent",
            BeneficiaryKbo = "0207451227", Iban = "BE68539007547034", Members = "44021", Amount = new Money(3_500_000),
        },
        new()
        {
            PartnershipId = 2, PartnershipName = "Scheldeland", BeneficiaryKind = BeneficiaryKind.ManagingMunicipality, BeneficiaryName = "Hamme",
            BeneficiaryKbo = "0316381039", Iban = "BE71096123456769", Members = "42008;42003;42006;42025;46029", Amount = new Money(6_543_210),
        },
    ];

    private static Decree Decree(IEnumerable<DecreeLine> lines, DecreeStatus status = DecreeStatus.Published, string number = "MB-2023-0412", int? amends = null, string? reason = null)
    {
        var list = lines.ToList();
        var budget = list.Aggregate(Money.Zero, (sum, l) => sum + l.Amount);
        var decree = Core.Grants.Decree.Draft(1, 2023, number, new DateOnly(2023, 4, 20), GrantRules.DefaultLegalBasis, 7, budget, list, Signed.AddDays(-3), amends, reason);
        if (status != DecreeStatus.Draft)
        {
            decree.MoveTo(DecreeStatus.Signed, Signed, null);
        }

        if (status == DecreeStatus.Published)
        {
            decree.MoveTo(DecreeStatus.Published, Published, null);
        }

        return decree;
    }

    private static string AllText(PdfText text) => string.Join(" ", text.AllLines);

    [Fact]
    public void PublishedDecree_ReadsAsTheLegalDocument_WithEveryBeneficiary_AndAmountsInBelgianFormat()
    {
        var text = PdfText.Read(DecreePdf.Create(Decree(TwoLines()), null, GeneratedAt, "LR-2023-2025"));
        var all = AllText(text);

        Assert.Single(text.Pages);
        Assert.Contains("Ministerieel besluit tot toekenning van een subsidie voor de lokale regierol sociale economie en werk, jaar 2023", all, StringComparison.Ordinal);
        var lines = text.AllLines.ToList();
        Assert.Contains("Nummer: MB-2023-0412", lines);
        Assert.Contains("Datum: 20/04/2023", lines);
        Assert.Contains("Oproep: LR-2023-2025", lines);
        Assert.Contains("Status: gepubliceerd (ondertekend op 20/04/2023, gepubliceerd op 02/05/2023)", lines);

        // "Gelet op" and every line of the legal basis.
        Assert.Contains("Gelet op:", lines);
        foreach (var basis in GrantRules.DefaultLegalBasis.Split('\n'))
        {
            Assert.Contains(basis[..60], all, StringComparison.Ordinal);
        }

        // The table: beneficiary (with its partnership when that is another name), kind, KBO, IBAN in groups of four, amount.
        Assert.Contains(lines, l => l.StartsWith("Begunstigde Soort KBO-nummer Rekeningnummer Bedrag", StringComparison.Ordinal));
        Assert.Contains("Gent stad 0207.451.227 BE68 5390 0754 7034 € 35.000,00", lines);
        Assert.Contains("Hamme beherende 0316.381.039 BE71 0961 2345 6769 € 65.432,10", lines);
        Assert.Contains("regieverband Scheldeland", all, StringComparison.Ordinal);
        Assert.Contains("Totaal € 100.432,10", lines);
        Assert.Contains("Het totaal van de toegekende subsidies bedraagt € 100.432,10, binnen het budget van het jaar 2023 van € 100.432,10.", all, StringComparison.Ordinal);
        Assert.Contains("Budget van het jaar: € 100.432,10", lines);
        Assert.DoesNotContain("ONTWERP", all, StringComparison.Ordinal);

        // The footer names the decree and when the document was made, in Brussels time.
        Assert.Equal("Besluit MB-2023-0412 (gepubliceerd) · gemaakt op 01/06/2025 om 14:00 (Brusselse tijd) pagina 1 van 1", text.Pages[0][^1].Text);
        Assert.Contains("MB-2023-0412", text.Information.Title, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(GeneratedAt), text.Information.Created);
    }

    [Fact]
    public void Draft_IsMarkedOntwerp_AtTheTop_AndOnEveryPage()
    {
        var text = PdfText.Read(DecreePdf.Create(Decree(ManyLines(60), DecreeStatus.Draft), null, GeneratedAt));

        Assert.True(text.Pages.Count > 1);
        Assert.Equal("ONTWERP", text.Pages[0][2].Text);
        Assert.StartsWith("Dit besluit is nog niet ondertekend en heeft geen rechtsgevolg.", text.Pages[0][3].Text, StringComparison.Ordinal);
        Assert.Contains("Status: ONTWERP (niet ondertekend)", text.AllLines);
        foreach (var page in text.Pages)
        {
            Assert.StartsWith("ONTWERP · besluit MB-2023-0412 · gemaakt op 01/06/2025 om 14:00", page[^1].Text, StringComparison.Ordinal);
        }

        Assert.StartsWith("ONTWERP", text.Information.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void AmendingDecree_NamesTheDecreeItAmends_AndWhy()
    {
        var decree = Decree(TwoLines(), DecreeStatus.Signed, number: "MB-2023-0500", amends: 3, reason: "Rekenfout in de verdeling van 2023.\nBedrag van Gent verbeterd.");

        var all = AllText(PdfText.Read(DecreePdf.Create(decree, "MB-2023-0412", GeneratedAt)));

        Assert.Contains("Wijzigt: besluit MB-2023-0412", all, StringComparison.Ordinal);
        Assert.Contains("Dit besluit wijzigt besluit MB-2023-0412.", all, StringComparison.Ordinal);
        Assert.Contains("Reden van de wijziging: Rekenfout in de verdeling van 2023. Bedrag van Gent verbeterd.", all, StringComparison.Ordinal);
        Assert.Contains("Status: ondertekend (ondertekend op 20/04/2023)", all, StringComparison.Ordinal);
    }

    [Fact]
    public void SixtyLines_RunOverMorePages_WithTheHeaderRepeated_EveryBeneficiaryOnce_AndTheTotal()
    {
        var decree = Decree(ManyLines(60));

        var text = PdfText.Read(DecreePdf.Create(decree, null, GeneratedAt));

        Assert.True(text.Pages.Count > 1, $"60 lines on {text.Pages.Count} page(s)");
        Assert.All(text.Pages.Where(p => p.Any(l => l.Text.StartsWith("Gemeente ", StringComparison.Ordinal))), page =>
            Assert.Contains(page, l => l.Text.StartsWith("Begunstigde Soort KBO-nummer", StringComparison.Ordinal)));
        var rows = text.AllLines.Where(l => l.StartsWith("Gemeente ", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(1, 60).Select(i => $"Gemeente {i:00}"), rows.Select(r => r[..11]));
        Assert.Contains("Totaal € 61.830,00", text.AllLines);
        Assert.Equal(text.Pages.Count, text.Pages.Count(p => p[^1].Text.EndsWith($"van {text.Pages.Count}", StringComparison.Ordinal)));
    }

    [Fact]
    public void SameDecreeAndMoment_GiveTheSameBytes()
    {
        Assert.Equal(DecreePdf.Create(Decree(TwoLines()), null, GeneratedAt), DecreePdf.Create(Decree(TwoLines()), null, GeneratedAt));
    }

    [Fact]
    public void FileName_KeepsOnlySafeCharacters()
    {
        Assert.Equal("besluit-MB-2023-0412.pdf", DecreePdf.FileName(Decree(TwoLines())));
        Assert.Equal("besluit-MB-2023-04-12-x.pdf", DecreePdf.FileName(Decree(TwoLines(), number: "MB 2023/04\\12\"x")));
    }

    /// <summary>Municipalities 01–60, amounts € 1.001,00 … € 1.060,00 (in all € 61.830,00).</summary>
    private static IEnumerable<DecreeLine> ManyLines(int count) =>
        Enumerable.Range(1, count).Select(i => new DecreeLine
        {
            PartnershipId = i,
            PartnershipName = string.Create(CultureInfo.InvariantCulture, $"Gemeente {i:00}"),
            BeneficiaryKind = BeneficiaryKind.City,
            BeneficiaryName = string.Create(CultureInfo.InvariantCulture, $"Gemeente {i:00}"),
            BeneficiaryKbo = "0316381039",
            Iban = "BE68539007547034",
            Members = "44021",
            Amount = Money.FromEuros(1000 + i),
        });
}
