using System.Globalization;
using Regiekamer.Core.Common;
using Regiekamer.Core.Documents;

namespace Regiekamer.Core.Applications.Documents;

/// <summary>
/// The receipt of a submitted version (ontvangstbewijs) as a PDF: the dossier number that stays the same across
/// versions, the version, the moment in Brussels, whether it came in under an extension, the SHA-256 in full and what
/// it covers, and a short summary of the plan that was handed in. Pure: the same receipt and content give the same bytes.
/// </summary>
public static class ReceiptPdf
{
    /// <summary>The receipt of <paramref name="receipt"/>'s version, whose frozen content is <paramref name="content"/>.</summary>
    public static byte[] Create(Receipt receipt, ApplicationContent content)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentNullException.ThrowIfNull(content);
        SameVersion(receipt, content);

        var version = receipt.Version.ToString(CultureInfo.InvariantCulture);
        using var pdf = new PdfDocumentBuilder(new PdfDocumentProperties($"Ontvangstbewijs {receipt.DossierNumber}, versie {version}", BrusselsClock.InBrussels(receipt.SubmittedAtUtc))
        {
            Subject = $"Ontvangstbewijs van de aanvraag {receipt.DossierNumber}, versie {version}, {DocumentText.Scheme}",
            Keywords = $"ontvangstbewijs, {receipt.DossierNumber}, {DocumentText.Scheme}",
            FooterLine = DocumentText.Footer(receipt.DossierNumber, receipt.Version, receipt.Sha256),
        });

        pdf.Title("Ontvangstbewijs")
            .Paragraph($"Aanvraag voor de subsidie {DocumentText.Scheme}, oproep {receipt.CallCode}. Dit bewijs bevestigt dat de "
                + "aanvraag hieronder werd ontvangen; het is geen beslissing over de aanvraag.")
            .KeyValues(
                ("Dossiernummer", receipt.DossierNumber),
                ("Versie", $"{version} (het dossiernummer blijft hetzelfde voor elke versie)"),
                ("Lokaal regieverband", $"{receipt.PartnershipName} ({DocumentText.Kind(content.Partnership.Kind).ToLowerInvariant()})"),
                ("Oproep", string.Create(CultureInfo.InvariantCulture, $"{receipt.CallCode}, oproepversie {receipt.CallVersion}")),
                ("Ingediend op", DocumentText.Moment(receipt.SubmittedAtUtc) + " (Brusselse tijd)"),
                ("Uitstel", UnderExtension(receipt, content)));

        pdf.Heading("Vingerafdruk van de ingediende versie (SHA-256)")
            .Paragraph(DocumentText.Hash(receipt.Sha256), bold: true);
        foreach (var line in DocumentText.HashCovers)
        {
            pdf.Paragraph(line);
        }

        pdf.Paragraph("Controleren: download het dossierpakket van deze versie en bereken de SHA-256 van inhoud.json "
            + "(bijvoorbeeld met sha256sum inhoud.json). Is die gelijk aan de vingerafdruk hierboven, dan is de inhoud "
            + "ongewijzigd sinds de indiening.");

        Summary(pdf, content);
        return pdf.ToBytes();
    }

    private static string UnderExtension(Receipt receipt, ApplicationContent content) => receipt.UnderExtension
        ? $"Ja, ingediend na de uiterste indieningsdatum van de oproep ({DocumentText.Date(content.Call.Deadline)}), binnen het uitstel dat voor dit dossier werd toegestaan"
        : $"Nee, ingediend binnen de termijn van de oproep (uiterste indieningsdatum {DocumentText.Date(content.Call.Deadline)})";

    private static void Summary(PdfDocumentBuilder pdf, ApplicationContent content)
    {
        var grid = VersionPlan.Grid(content);
        var years = grid.Period.Years;
        var members = content.Partnership.Members.Count;
        pdf.Heading("Wat werd ingediend")
            .Bullets(
                $"Het inlichtingenformulier, met {DocumentText.Count(members)} {(members == 1 ? "deelnemende gemeente" : "deelnemende gemeenten")}.",
                content.Commitments.Count == 0
                    ? "Geen verbintenisverklaringen."
                    : $"{DocumentText.Count(content.Commitments.Count)} {(content.Commitments.Count == 1 ? "verbintenisverklaring" : "verbintenisverklaringen")} van de deelnemende gemeenten.",
                $"Het meerjarenplan {DocumentText.Period(grid.Period.FirstYear, grid.Period.LastYear)} met {DocumentText.Count(content.Actions.Count)} {(content.Actions.Count == 1 ? "actie" : "acties")}.")
            .Paragraph("Aantal acties per Vlaamse beleidsprioriteit en per jaar, en het totaal geplande bedrag per jaar:");

        var columns = new List<PdfColumn> { new("Beleidsprioriteit", 5.5) };
        columns.AddRange(years.Select(y => PdfColumn.Number(y.ToString(CultureInfo.InvariantCulture), 1.5)));
        var rows = PriorityCode.All.Select(p => (IReadOnlyList<string>)
            [$"{p.Value}: {p.Title.Nl}", .. years.Select(y => DocumentText.Count(grid.Actions(y, p)))]);
        pdf.Table(columns, rows, totals: ["Totaal gepland bedrag (€)", .. years.Select(y => DocumentText.Amount(grid.Total(y)))]);
    }

    internal static void SameVersion(Receipt receipt, ApplicationContent content)
    {
        if (!string.Equals(receipt.DossierNumber, content.DossierNumber, StringComparison.Ordinal) || receipt.Version != content.Version)
        {
            throw new ArgumentException(
                $"The receipt is of {receipt.DossierNumber} version {receipt.Version}, the content of {content.DossierNumber} version {content.Version}.",
                nameof(content));
        }
    }
}
