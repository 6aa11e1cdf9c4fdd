using System.Globalization;
using System.Text;
using Regiekamer.Core.Applications.Documents;
using Regiekamer.Core.Common;
using Regiekamer.Core.Documents;

namespace Regiekamer.Core.Grants.Documents;

/// <summary>
/// A ministerial decree (R13) as the legal document, in Dutch: its title with the year, number and date, the legal
/// basis it cites ("Gelet op"), for an amending decree the decree it changes and why, the articles that grant each
/// beneficiary its amount (a table of beneficiary, kind, KBO number, bank account and amount, over as many pages as it
/// takes with its header repeated), the total and the year's budget, its status, and in the footer of every page the
/// decree and the moment the document was made (Brussels time). A draft says "ONTWERP" at the top and on every page.
/// Pure: the same decree and moment give the same bytes.
/// </summary>
public static class DecreePdf
{
    /// <summary>Who signs a decree of the scheme.</summary>
    public const string Minister = "De Vlaamse minister bevoegd voor de sociale economie";

    /// <summary>"Ministerieel besluit tot toekenning van een subsidie voor de lokale regierol sociale economie en werk, jaar 2023".</summary>
    public static string Title(int year) =>
        string.Create(CultureInfo.InvariantCulture, $"Ministerieel besluit tot toekenning van een subsidie voor de {DocumentText.Scheme}, jaar {year}");

    /// <summary>"besluit-MB-2023-0412.pdf": the number with anything but letters, digits, '-' and '_' as a dash.</summary>
    public static string FileName(Decree decree)
    {
        ArgumentNullException.ThrowIfNull(decree);
        var name = new StringBuilder("besluit-");
        foreach (var c in decree.Number)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        }

        return name.Append(".pdf").ToString();
    }

    /// <param name="decree">The decree with its lines.</param>
    /// <param name="amendsNumber">For an amending decree, the number of the decree it amends.</param>
    /// <param name="generatedAtUtc">When the document is made (the injected clock): its metadata and the footer of every page.</param>
    /// <param name="callCode">The call the decree grants for, e.g. "LR-2023-2025" (optional).</param>
    public static byte[] Create(Decree decree, string? amendsNumber, DateTime generatedAtUtc, string? callCode = null)
    {
        ArgumentNullException.ThrowIfNull(decree);
        var draft = decree.Status == DecreeStatus.Draft;
        var title = Title(decree.Year);
        var amends = decree.AmendsDecreeId is { } amendsId
            ? amendsNumber ?? amendsId.ToString(CultureInfo.InvariantCulture)
            : null;
        using var pdf = new PdfDocumentBuilder(new PdfDocumentProperties((draft ? "ONTWERP – " : "") + title + $" ({decree.Number})", BrusselsClock.InBrussels(generatedAtUtc))
        {
            Subject = $"Ministerieel besluit {decree.Number} van {Formats.Date(decree.DecreeDate)}, {DocumentText.Scheme}, jaar {decree.Year.ToString(CultureInfo.InvariantCulture)}",
            Keywords = $"ministerieel besluit, {decree.Number}, {DocumentText.Scheme}, subsidie",
            FooterLine = (draft ? $"ONTWERP · besluit {decree.Number}" : $"Besluit {decree.Number} ({DecreeLifecycle.Label(decree.Status).Nl})")
                + $" · gemaakt op {DocumentText.Moment(generatedAtUtc)} (Brusselse tijd)",
        });

        pdf.Paragraph($"Vlaamse overheid\n{DocumentText.Department}", bold: true);
        if (draft)
        {
            pdf.Heading("ONTWERP")
                .Paragraph("Dit besluit is nog niet ondertekend en heeft geen rechtsgevolg. De bedragen kunnen nog veranderen.", bold: true);
        }

        pdf.Title(title)
            .KeyValues(Header(decree, amends, callCode));

        pdf.Paragraph("Gelet op:", bold: true)
            .Bullets(DocumentText.Lines(decree.LegalBasis).Select(line => line.TrimEnd(';', '.') + ";"));

        if (amends is not null)
        {
            pdf.Paragraph($"Dit besluit wijzigt besluit {amends}. Het vervangt de bedragen van dat besluit voor het jaar {decree.Year.ToString(CultureInfo.InvariantCulture)} door de bedragen hieronder.", bold: true);
            var reason = DocumentText.Lines(decree.AmendmentReason);
            if (reason.Count > 0)
            {
                pdf.Paragraph("Reden van de wijziging:", bold: true);
                foreach (var line in reason)
                {
                    pdf.Paragraph(line);
                }
            }
        }

        var year = decree.Year.ToString(CultureInfo.InvariantCulture);
        pdf.Heading("Besluit:")
            .Paragraph(TextRun.Strong("Artikel 1. "), TextRun.Plain(
                $"Aan de begunstigden hieronder wordt voor het jaar {year} een subsidie toegekend voor de {DocumentText.Scheme}, "
                + "voor het bedrag naast hun naam. De subsidie wordt betaald op het vermelde rekeningnummer."))
            .Table(Columns, decree.Lines.OrderBy(l => l.BeneficiaryName, StringComparer.Create(Formats.Dutch, CompareOptions.IgnoreCase)).ThenBy(l => l.PartnershipName, StringComparer.Ordinal).Select(Row),
                totals: ["Totaal", "", "", "", Euro(decree.Total)])
            .Paragraph(TextRun.Strong("Artikel 2. "), TextRun.Plain(
                $"Het totaal van de toegekende subsidies bedraagt {Euro(decree.Total)}, binnen het budget van het jaar {year} van {Euro(decree.Budget)}."))
            .KeyValues(
                ("Aantal begunstigden", DocumentText.Count(decree.Lines.Count)),
                ("Totaal toegekend", Euro(decree.Total)),
                ("Budget van het jaar", Euro(decree.Budget)))
            .KeepTogether(56)
            .Space(10)
            .Paragraph($"Brussel, {Formats.Date(decree.DecreeDate)}")
            .Paragraph(Minister + ",")
            .Paragraph(decree.SignedAtUtc is { } signed && !draft
                ? $"(ondertekend op {Formats.Date(DocumentText.BrusselsDate(signed))})"
                : "(niet ondertekend: ontwerp)");
        return pdf.ToBytes();
    }

    private static readonly PdfColumn[] Columns =
    [
        new("Begunstigde", 3.2),
        new("Soort", 1.5),
        new("KBO-nummer", 1.45),
        new("Rekeningnummer", 2.2),
        PdfColumn.Number("Bedrag", 1.65),
    ];

    private static IReadOnlyList<string> Row(DecreeLine line) =>
    [
        line.BeneficiaryName + (string.Equals(line.BeneficiaryName, line.PartnershipName, StringComparison.Ordinal) ? "" : $"\nregieverband {line.PartnershipName}"),
        GrantRules.Label(line.BeneficiaryKind).Nl,
        DocumentText.Kbo(line.BeneficiaryKbo),
        DocumentText.Iban(line.Iban),
        Euro(line.Amount),
    ];

    private static IEnumerable<(string Label, string Value)> Header(Decree decree, string? amends, string? callCode)
    {
        yield return ("Nummer", decree.Number);
        yield return ("Datum", Formats.Date(decree.DecreeDate));
        yield return ("Jaar", decree.Year.ToString(CultureInfo.InvariantCulture));
        if (callCode is not null)
        {
            yield return ("Oproep", callCode);
        }

        if (amends is not null)
        {
            yield return ("Wijzigt", $"besluit {amends}");
        }

        yield return ("Status", Status(decree));
    }

    /// <summary>"gepubliceerd (ondertekend op 20/04/2023, gepubliceerd op 02/05/2023)"; a draft: "ONTWERP (niet ondertekend)".</summary>
    private static string Status(Decree decree)
    {
        if (decree.Status == DecreeStatus.Draft)
        {
            return "ONTWERP (niet ondertekend)";
        }

        var moments = new List<string>();
        if (decree.SignedAtUtc is { } signed)
        {
            moments.Add($"ondertekend op {Formats.Date(DocumentText.BrusselsDate(signed))}");
        }

        if (decree.Status == DecreeStatus.Published && decree.PublishedAtUtc is { } published)
        {
            moments.Add($"gepubliceerd op {Formats.Date(DocumentText.BrusselsDate(published))}");
        }

        var label = DecreeLifecycle.Label(decree.Status).Nl;
        return moments.Count == 0 ? label : $"{label} ({string.Join(", ", moments)})";
    }

    /// <summary>"€ 35.000,00".</summary>
    private static string Euro(Money amount) => "€ " + DocumentText.Amount(amount);
}
