using System.Globalization;
using Regiekamer.Core.Common;
using Regiekamer.Core.Documents;

namespace Regiekamer.Core.Applications.Documents;

/// <summary>
/// Where the review of a version stands: every check of <see cref="ReviewChecks"/> with its verdict, date and note (or
/// "nog niet beoordeeld"), and the decisions taken so far on this version and the ones before it, each with its date,
/// motivation, rules, points and response date. Who reviewed or decided is not named (personal data, kept in the audit trail).
/// </summary>
public static class ReviewPdf
{
    public static byte[] Create(ApplicationContent content, Receipt receipt, IReadOnlyList<ReviewCheck> checks, IReadOnlyList<ApplicationDecision> decisions, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(decisions);
        ReceiptPdf.SameVersion(receipt, content);

        var version = content.Version.ToString(CultureInfo.InvariantCulture);
        using var pdf = new PdfDocumentBuilder(new PdfDocumentProperties($"Beoordeling {content.DossierNumber}, versie {version}", asOf)
        {
            Subject = $"Controles en beslissingen over de aanvraag {content.DossierNumber} ({content.Partnership.Name}) tot en met versie {version}",
            Keywords = $"beoordeling, {content.DossierNumber}, {DocumentText.Scheme}",
            FooterLine = DocumentText.Footer(content.DossierNumber, content.Version, receipt.Sha256),
        });

        pdf.Title("Beoordeling van de aanvraag")
            .KeyValues(
                ("Dossiernummer", content.DossierNumber),
                ("Lokaal regieverband", content.Partnership.Name),
                ("Versie", $"{version}, ingediend op {DocumentText.Moment(receipt.SubmittedAtUtc)}"),
                ("Stand op", DocumentText.Moment(asOf.UtcDateTime) + " (Brusselse tijd)"));

        var ofVersion = checks.Where(c => c.VersionNumber == content.Version)
            .GroupBy(c => c.Check, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.ReviewedAtUtc).Last(), StringComparer.Ordinal);
        pdf.Heading($"Controles van versie {version}")
            .Table(
                [new PdfColumn("Controle", 4), new PdfColumn("Oordeel", 2.1), new PdfColumn("Datum", 1.4), new PdfColumn("Toelichting", 3.5)],
                CheckRows(ofVersion));

        var earlier = decisions.Where(d => d.VersionNumber <= content.Version).OrderBy(d => d.DecidedAtUtc).ThenBy(d => d.Id).ToList();
        pdf.Heading("Beslissingen tot nu toe");
        if (earlier.Count == 0)
        {
            pdf.Paragraph($"Over versie {version} is nog niet beslist.");
        }

        foreach (var d in earlier)
        {
            pdf.Paragraph(TextRun.Strong(string.Create(CultureInfo.InvariantCulture, $"Versie {d.VersionNumber}: {DecisionLetterPdf.KindTitle(d.Kind)}")),
                TextRun.Plain($" op {DocumentText.Moment(d.DecidedAtUtc)}"));
            var items = new List<(string, string)> { ("Motivering", d.Motivation) };
            var rules = DecisionLetterPdf.RuleIds(d.Rules);
            if (rules.Count > 0)
            {
                items.Add(("Regels", string.Join("; ", rules.Select(r => Rules.Title(r) is { } t ? $"{r}: {t.Nl}" : r))));
            }

            var points = DocumentText.Lines(d.Points);
            if (points.Count > 0)
            {
                items.Add(("Aan te passen", string.Join("\n", points.Select((p, i) => $"{i + 1}. {p}"))));
            }

            if (d.ResponseDue is { } due)
            {
                items.Add(("Antwoord uiterlijk op", Formats.Date(due)));
            }

            pdf.KeyValues(items);
        }

        return pdf.ToBytes();
    }

    /// <summary>Every check in <see cref="ReviewChecks.All"/>'s order, then any other recorded one.</summary>
    private static IEnumerable<IReadOnlyList<string>> CheckRows(Dictionary<string, ReviewCheck> recorded)
    {
        foreach (var definition in ReviewChecks.All)
        {
            yield return recorded.TryGetValue(definition.Key, out var c) ? Row(definition.Title.Nl, c) : [definition.Title.Nl, "nog niet beoordeeld", "", ""];
        }

        foreach (var c in recorded.Values.Where(c => ReviewChecks.Find(c.Check) is null).OrderBy(c => c.Check, StringComparer.Ordinal))
        {
            yield return Row(c.Check, c);
        }
    }

    private static IReadOnlyList<string> Row(string title, ReviewCheck c) =>
        [title, ReviewChecks.Label(c.Verdict).Nl, Formats.Date(DocumentText.BrusselsDate(c.ReviewedAtUtc)), c.Note ?? ""];
}
