using System.Globalization;
using Regiekamer.Core.Applications.Documents;
using Regiekamer.Core.Applications.Plan;
using Regiekamer.Core.Common;
using Regiekamer.Core.Documents;

namespace Regiekamer.Core.Reports;

/// <summary>
/// The annual report's legal documents, in Dutch: the receipt of a submission (ontvangstbewijs, with the SHA-256 of
/// what was handed in and whether it came in on time) and the department's decision on an evaluation (R16: accepted,
/// clarification asked, or not used for its purpose, with the judgement per priority, the motivation and, on a
/// refusal, its consequences). Pure: the same report gives the same bytes.
/// </summary>
public static class ReportPdf
{
    public static byte[] Receipt(ReportReceipt receipt, AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentNullException.ThrowIfNull(report);
        var version = receipt.Version.ToString(CultureInfo.InvariantCulture);
        using var pdf = new PdfDocumentBuilder(new PdfDocumentProperties($"Ontvangstbewijs jaarverslag {receipt.Year}, {receipt.PartnershipName}, versie {version}", BrusselsClock.InBrussels(receipt.SubmittedAtUtc))
        {
            Subject = $"Ontvangstbewijs van het jaarverslag {receipt.Year}, {DocumentText.Scheme}",
            Keywords = $"ontvangstbewijs, jaarverslag, {receipt.Year}, {DocumentText.Scheme}",
            FooterLine = $"Jaarverslag {receipt.Year} · {receipt.PartnershipName} · versie {version} · SHA-256 {receipt.Sha256}",
        });
        var carried = report.Actions.Count(a => a.Outcome != ReportOutcome.NotCarriedOut);
        pdf.Title("Ontvangstbewijs jaarverslag")
            .Paragraph($"Jaarverslag (R15) voor de subsidie {DocumentText.Scheme}, oproep {receipt.CallCode}. Dit bewijs bevestigt dat het "
                + "jaarverslag hieronder werd ontvangen; het is geen beoordeling ervan.")
            .KeyValues(
                ("Lokaal regieverband", receipt.PartnershipName),
                ("Werkingsjaar", receipt.Year.ToString(CultureInfo.InvariantCulture)),
                ("Versie", $"{version} (een antwoord op een vraag om verduidelijking is de volgende versie)"),
                ("Ingediend op", DocumentText.Moment(receipt.SubmittedAtUtc) + " (Brusselse tijd)"),
                ("Uiterlijk", $"{Formats.Date(receipt.LastDay)}: {ReportDeadlines.Label(receipt.Timing).Nl}"),
                ("Route", report.BbcRoute ? "BBC (jaarrekening)" : "formulier met financieel verslag"),
                ("Acties", $"{DocumentText.Count(report.Actions.Count)}, waarvan {DocumentText.Count(carried)} uitgevoerd"),
                ("Kosten", report.BbcRoute ? "in de jaarrekening (BBC)" : $"€ {DocumentText.Amount(ReportRules.TotalCost(report.Actions))}"));
        pdf.Heading("Vingerafdruk van de ingediende inhoud (SHA-256)")
            .Paragraph(DocumentText.Hash(receipt.Sha256), bold: true)
            .Paragraph("De vingerafdruk dekt de acties zoals ingediend: per actie de code, het resultaat, de omschrijvingen, het commentaar, "
                + "de reden waarom ze niet werd uitgevoerd en de kosten. Elke latere wijziging geeft een andere vingerafdruk.");
        Actions(pdf, report);
        return pdf.ToBytes();
    }

    public static byte[] Decision(AnnualReport report, string partnershipName, string callCode)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.EvaluatedAtUtc is not { } at || report.Status is ReportStatus.Draft or ReportStatus.Submitted)
        {
            throw new ArgumentException($"Report {report.Id} has no evaluation.", nameof(report));
        }

        var reference = ReportRules.DecisionReference(report);
        var status = ReportRules.Label(report.Status).Nl;
        using var pdf = new PdfDocumentBuilder(new PdfDocumentProperties($"Beslissing {reference}: jaarverslag {report.Year} {status}", BrusselsClock.InBrussels(at))
        {
            Subject = $"Beoordeling van het jaarverslag {report.Year} van {partnershipName}, {DocumentText.Scheme}",
            Keywords = $"beslissing, jaarverslag, {reference}, {DocumentText.Scheme}",
            FooterLine = $"{reference} · jaarverslag {report.Year}, versie {report.SubmittedVersions} · SHA-256 {report.SubmittedSha256}",
        });
        pdf.Paragraph($"Vlaamse overheid\n{DocumentText.Department}", bold: true)
            .Paragraph($"Aan het lokale regieverband {partnershipName}")
            .Paragraph($"Datum van de beslissing: {Formats.Date(DocumentText.BrusselsDate(at))}")
            .Space(6)
            .Title($"Beoordeling van uw jaarverslag {report.Year}: {status}")
            .KeyValues(
                ("Beslissing", reference),
                ("Oproep", $"{DocumentText.Scheme}, {callCode}"),
                ("Jaarverslag", $"werkingsjaar {report.Year}, versie {report.SubmittedVersions}" + (report.SubmittedAtUtc is { } s ? $", ingediend op {DocumentText.Moment(s)}" : "")),
                ("SHA-256", report.SubmittedSha256 is { } sha ? DocumentText.Hash(sha) : "—"));
        pdf.Heading("Beslissing");
        switch (report.Status)
        {
            case ReportStatus.Accepted:
                pdf.Paragraph($"Het {DocumentText.Department} aanvaardt het jaarverslag {report.Year}: de Vlaamse beleidsprioriteiten werden voldoende nagestreefd (R16).");
                break;
            case ReportStatus.ClarificationRequested:
                pdf.Paragraph($"Het {DocumentText.Department} vindt het jaarverslag {report.Year} manifest onduidelijk: het toont onvoldoende aan dat de "
                    + "vooropgestelde acties werden uitgevoerd of de bijhorende doelstellingen werden nagestreefd. Wij vragen een aangepast jaarverslag "
                    + "of bijkomende motivering" + (report.ResponseDue is { } due ? $" uiterlijk op {Formats.Date(due)}." : "."));
                break;
            default:
                pdf.Paragraph($"Uit het jaarverslag {report.Year} en het antwoord erop blijkt dat de subsidie niet werd aangewend voor het doel waarvoor ze werd "
                    + "verleend: de Vlaamse beleidsprioriteiten werden onvoldoende nagestreefd (R16).")
                    .Bullets(
                        $"Er wordt geen verdere subsidie uitbetaald voor de oproep {callCode}.",
                        "De al uitbetaalde subsidie wordt teruggevorderd; de terugvordering volgt met haar bedrag per jaar en de datum waarop ze te betalen is.");
                break;
        }

        if (report.PriorityEvaluations.Count > 0)
        {
            pdf.Heading("Beoordeling per Vlaamse beleidsprioriteit")
                .Table(
                    [new PdfColumn("Prioriteit", 4.5), new PdfColumn("Nagestreefd", 1.8), new PdfColumn("Met welke acties en resultaten", 6)],
                    report.PriorityEvaluations.OrderBy(p => p.Code, StringComparer.Ordinal).Select(p => (IReadOnlyList<string>)
                        [PriorityCode.TryParse(p.Code.AsSpan(), out var code) ? $"{code.Value}: {code.Title.Nl}" : p.Code, p.Sufficient ? "voldoende" : "onvoldoende", p.Remarks ?? ""]));
        }

        pdf.Heading("Motivering");
        foreach (var line in DocumentText.Lines(report.EvaluationMotivation))
        {
            pdf.Paragraph(line);
        }

        pdf.Heading("Wetgevend kader")
            .Paragraph($"Het wetgevend kader van de oproep {callCode} (handleiding bij de oproep, punt 9):")
            .Bullets(DecisionLetterPdf.LegalFramework)
            .Space(10)
            .Paragraph($"Namens het {DocumentText.Department},\n{Formats.Date(DocumentText.BrusselsDate(at))}");
        return pdf.ToBytes();
    }

    private static void Actions(PdfDocumentBuilder pdf, AnnualReport report)
    {
        pdf.Heading("Wat werd ingediend");
        var columns = new List<PdfColumn> { new("Nr.", 0.8), new("Code", 1.6), new("Actie", 6), new("Resultaat", 2.4) };
        if (!report.BbcRoute)
        {
            columns.Add(PdfColumn.Number("Kosten (€)", 2));
        }

        var rows = report.Actions.OrderBy(a => a.Position).Select(a =>
        {
            IReadOnlyList<string> row = [a.Position.ToString(CultureInfo.InvariantCulture), a.Code, a.ShortDescription, Outcome(a.Outcome)];
            return report.BbcRoute ? row : [.. row, a.Cost is { } c ? DocumentText.Amount(c) : ""];
        });
        pdf.Table(columns, rows, totals: report.BbcRoute ? null : ["Totaal", "", "", "", DocumentText.Amount(ReportRules.TotalCost(report.Actions))]);
    }

    private static string Outcome(ReportOutcome outcome) => outcome switch
    {
        ReportOutcome.CarriedOut => "uitgevoerd",
        ReportOutcome.NotCarriedOut => "niet uitgevoerd",
        _ => "niet gepland, uitgevoerd",
    };
}
