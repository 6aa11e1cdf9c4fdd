using System.Globalization;
using Regiekamer.Core.Common;
using Regiekamer.Core.Documents;

namespace Regiekamer.Core.Applications.Documents;

/// <summary>
/// The department's letter on a decision about a submitted version: approve, reject (with the rules it rests on, by
/// ID and title) or request changes (with the points and the date to respond by); its motivation, the date of the
/// decision in Brussels, and the legal framework as the call's manual names it (seed 003, §9).
/// </summary>
public static class DecisionLetterPdf
{
    /// <summary>The legal framework of the call, as the manual lists it (seed 003, §9).</summary>
    public static IReadOnlyList<string> LegalFramework { get; } =
    [
        "Decreet van 17 februari 2012 betreffende de ondersteuning van het ondernemerschap op het vlak van de sociale economie "
            + "en de stimulering van het maatschappelijk verantwoord ondernemen",
        "Decreet van 15 juli 2011 houdende vaststelling van de algemene regels waaronder in de Vlaamse Gemeenschap en het Vlaamse "
            + "Gewest periodieke plan- en rapporteringsverplichtingen aan lokale besturen kunnen worden opgelegd",
        "Besluit van de Vlaamse Regering tot bepaling van de lokale regierol van de gemeenten op het vlak van sociale economie en werk",
    ];

    /// <summary>
    /// The letter on <paramref name="decision"/>, taken on the version whose content is <paramref name="content"/> and
    /// whose receipt is <paramref name="receipt"/>.
    /// </summary>
    public static byte[] Create(ApplicationDecision decision, ApplicationContent content, Receipt receipt)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(receipt);
        ReceiptPdf.SameVersion(receipt, content);
        if (decision.VersionNumber != content.Version)
        {
            throw new ArgumentException($"The decision is on version {decision.VersionNumber}, the content is version {content.Version}.", nameof(decision));
        }

        var p = content.Partnership;
        var decidedOn = Formats.Date(DocumentText.BrusselsDate(decision.DecidedAtUtc));
        var version = content.Version.ToString(CultureInfo.InvariantCulture);
        var kind = KindTitle(decision.Kind);
        using var pdf = new PdfDocumentBuilder(new PdfDocumentProperties($"Beslissing over de aanvraag {content.DossierNumber}: {kind}", BrusselsClock.InBrussels(decision.DecidedAtUtc))
        {
            Subject = $"Beslissing over versie {version} van de aanvraag {content.DossierNumber} ({p.Name}), {DocumentText.Scheme}",
            Keywords = $"beslissing, {content.DossierNumber}, {DocumentText.Scheme}",
            FooterLine = $"{content.DossierNumber} · beslissing over versie {version} · SHA-256 {receipt.Sha256}",
        });

        var managing = DocumentText.Managing(p);
        pdf.Paragraph($"Vlaamse overheid\n{DocumentText.Department}", bold: true)
            .Paragraph($"Aan het lokale regieverband {p.Name}"
                + (managing is null ? "" : $"\nt.a.v. de beherende gemeente {managing.Name}"))
            .Paragraph($"Datum van de beslissing: {decidedOn}")
            .Space(6)
            .Title($"Beslissing over uw aanvraag: {kind}")
            .KeyValues(
                ("Dossiernummer", content.DossierNumber),
                ("Regieverband", $"{p.Name} ({DocumentText.Kind(p.Kind).ToLowerInvariant()})"),
                ("Oproep", $"{DocumentText.Scheme}, {content.Call.Code}"),
                ("Versie", $"{version}, ingediend op {DocumentText.Moment(receipt.SubmittedAtUtc)} (Brusselse tijd)"),
                ("SHA-256", DocumentText.Hash(receipt.Sha256)));

        var period = DocumentText.Period(content.Call.FirstYear, content.Call.LastYear);
        pdf.Heading("Beslissing");
        switch (decision.Kind)
        {
            case DecisionKind.Approve:
                pdf.Paragraph($"Het {DocumentText.Department} keurt versie {version} van de aanvraag van het lokale regieverband {p.Name} "
                    + $"voor de oproep {content.Call.Code} goed.")
                    .Paragraph($"De subsidiebedragen voor {period} worden berekend volgens de verdelingscriteria van de oproep en "
                        + "jaarlijks toegekend via een ministerieel besluit.");
                break;
            case DecisionKind.Reject:
                pdf.Paragraph($"Het {DocumentText.Department} wijst versie {version} van de aanvraag van het lokale regieverband {p.Name} "
                    + $"voor de oproep {content.Call.Code} af.");
                break;
            default:
                pdf.Paragraph($"Het {DocumentText.Department} vraagt het lokale regieverband {p.Name} de aanvraag aan te passen "
                    + "op de punten hieronder en de aangepaste aanvraag opnieuw in te dienen "
                    + (decision.ResponseDue is { } due ? $"uiterlijk op {Formats.Date(due)}." : "."))
                    .Paragraph($"De aangepaste aanvraag krijgt een nieuw versienummer onder hetzelfde dossiernummer {content.DossierNumber}.");
                break;
        }

        pdf.Heading("Motivering");
        foreach (var line in DocumentText.Lines(decision.Motivation))
        {
            pdf.Paragraph(line);
        }

        var rules = RuleIds(decision.Rules);
        if (decision.Kind == DecisionKind.Reject && rules.Count > 0)
        {
            pdf.Heading(rules.Count == 1 ? "Regel waarop de afwijzing steunt" : "Regels waarop de afwijzing steunt")
                .Bullets(rules.Select(r => Rules.Title(r) is { } title ? $"{r}: {title.Nl}" : r));
        }

        if (decision.Kind == DecisionKind.RequestChanges)
        {
            var points = DocumentText.Lines(decision.Points);
            pdf.Heading("Aan te passen")
                .Blocks(points.Select((point, i) => TextBlock.Item(point, $"{i + 1}.")));
            if (decision.ResponseDue is { } responseDue)
            {
                pdf.KeyValues(("Antwoord uiterlijk op", Formats.Date(responseDue)));
            }
        }

        pdf.Heading("Wetgevend kader")
            .Paragraph($"Het wetgevend kader van de oproep {content.Call.Code} (handleiding bij de oproep, punt 9):")
            .Bullets(LegalFramework)
            .Space(10)
            .Paragraph($"Namens het {DocumentText.Department},\n{decidedOn}");
        return pdf.ToBytes();
    }

    /// <summary>"goedgekeurd", "afgewezen", "aanpassing gevraagd".</summary>
    public static string KindTitle(DecisionKind kind) => ReviewService.Label(kind).Nl;

    /// <summary>The rule IDs stored with a decision ("R6;R10"), in their order.</summary>
    public static IReadOnlyList<string> RuleIds(string? rules) =>
        (rules ?? "").Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
