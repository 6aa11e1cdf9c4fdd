using System.Globalization;
using Regiekamer.Core.Applications.Plan;
using Regiekamer.Core.Common;
using Regiekamer.Core.Documents;
using Regiekamer.Core.Partnerships;

namespace Regiekamer.Core.Applications.Documents;

/// <summary>
/// A submitted version on paper: the partnership and the information form, the commitment statements received, the
/// multi-year plan by policy goal → action plan → action (code, short and long description, comment, amounts per
/// year), the totals per priority and year, and the reference data it was checked against. The contact details are
/// not in the version's content (they are kept beside it), so not in this document either.
/// </summary>
public static class VersionPdf
{
    private const string NoPolicyGoal = "Zonder beleidsdoelstelling";
    private const string NoActionPlan = "Zonder actieplan";

    // Room (in points) a goal, an action plan and an action need at the bottom of a page for their heading, title and
    // the first lines of the description: less, and they start on the next page rather than stand alone.
    private const double KeepAction = 100;
    private const double KeepPlan = KeepAction + 30;
    private const double KeepGoal = KeepPlan + 40;

    public static byte[] Create(ApplicationContent content, Receipt receipt)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(receipt);
        ReceiptPdf.SameVersion(receipt, content);

        var version = content.Version.ToString(CultureInfo.InvariantCulture);
        using var pdf = new PdfDocumentBuilder(new PdfDocumentProperties($"Aanvraag {content.DossierNumber}, versie {version}", BrusselsClock.InBrussels(receipt.SubmittedAtUtc))
        {
            Subject = $"Aanvraag {DocumentText.Scheme} van {content.Partnership.Name}, oproep {content.Call.Code}: versie {version} zoals ingediend",
            Keywords = $"aanvraag, meerjarenplan, {content.DossierNumber}, {DocumentText.Scheme}",
            FooterLine = DocumentText.Footer(content.DossierNumber, content.Version, receipt.Sha256),
        });

        pdf.Title($"Aanvraag {content.DossierNumber} – versie {version}")
            .Paragraph($"{content.Partnership.Name}: aanvraag voor de subsidie {DocumentText.Scheme}, oproep {content.Call.Code}, zoals ingediend.")
            .KeyValues(
                ("Dossiernummer", content.DossierNumber),
                ("Versie", version),
                ("Oproep", string.Create(CultureInfo.InvariantCulture, $"{content.Call.Code}, oproepversie {content.Call.Version}, uiterste indieningsdatum {DocumentText.Date(content.Call.Deadline)}")),
                ("Ingediend op", DocumentText.Moment(receipt.SubmittedAtUtc) + " (Brusselse tijd)" + (receipt.UnderExtension ? ", onder uitstel" : "")),
                ("Gecontroleerd op", DocumentText.Date(content.CheckedOn)),
                ("SHA-256", DocumentText.Hash(receipt.Sha256)));

        Partnership(pdf, content.Partnership);
        Information(pdf, content.Information);
        Commitments(pdf, content);
        MultiYearPlan(pdf, content);
        Totals(pdf, content);
        ReferenceData(pdf, content.ReferenceData);
        return pdf.ToBytes();
    }

    private static void Partnership(PdfDocumentBuilder pdf, ContentPartnership p)
    {
        var managing = DocumentText.Managing(p);
        pdf.Heading("1. Lokaal regieverband")
            .KeyValues(
                ("Naam", p.Name),
                ("Rechtsvorm", DocumentText.Kind(p.Kind)),
                ("Status", DocumentText.Status(p.Status)),
                ("Beherende gemeente", managing is null ? "geen" : DocumentText.Member(managing)),
                ("Aantal gemeenten", DocumentText.Count(p.Members.Count)));
        if (!string.IsNullOrWhiteSpace(p.ChangeMotivation))
        {
            pdf.Paragraph("Motivering van de wijziging of opsplitsing:", bold: true);
            foreach (var line in DocumentText.Lines(p.ChangeMotivation))
            {
                pdf.Paragraph(line);
            }
        }

        pdf.Table(
            [new PdfColumn("Gemeente", 4), new PdfColumn("NIS-code", 1.2), new PdfColumn("Rol", 2)],
            p.Members.Select(m => (IReadOnlyList<string>)[m.Name, m.NisCode, m.NisCode == p.ManagingMunicipality ? "beherende gemeente" : "lid"]));
    }

    private static void Information(PdfDocumentBuilder pdf, ContentInformation i) =>
        pdf.Heading("2. Inlichtingenformulier")
            .KeyValues(
                ("Werkt met BBC", DocumentText.YesNo(i.BbcUser)),
                ("KBO-nummer van de begunstigde", DocumentText.Kbo(i.BeneficiaryKbo)),
                ("Rekeningnummer (IBAN)", DocumentText.Iban(i.Iban)),
                ("Wijk-werken in het gebied", DocumentText.YesNo(i.WijkWerken)))
            .Paragraph("De contactgegevens van de regisseur en de ondertekenaar zijn persoonsgegevens: ze worden naast deze versie "
                + "bewaard en staan niet in dit document.");

    private static void Commitments(PdfDocumentBuilder pdf, ApplicationContent content)
    {
        pdf.Heading("3. Verbintenisverklaringen");
        if (content.Commitments.Count == 0)
        {
            var existing = PartnershipCodes.TryParseStatus(content.Partnership.Status, out var status) && status == PartnershipStatus.Existing;
            pdf.Paragraph(existing
                ? "Geen: voor een bestaand, ongewijzigd lokaal regieverband is een verbintenisverklaring niet van toepassing."
                : "Geen verbintenisverklaringen ontvangen.");
            return;
        }

        pdf.Paragraph($"{DocumentText.Count(content.Commitments.Count)} van de {DocumentText.Count(content.Partnership.Members.Count)} "
            + "deelnemende gemeenten. De SHA-256 van elk bestand staat in de inhoud van deze versie; het bestand zelf zit in het dossierpakket.");
        pdf.Table(
            [new PdfColumn("Gemeente", 2.2), new PdfColumn("Besluit gemeenteraad", 1.5), new PdfColumn("Bestand en SHA-256", 4.3)],
            content.Commitments.Select(c => (IReadOnlyList<string>)
            [
                $"{c.Name}\nNIS-code {c.NisCode}",
                DocumentText.Date(c.CouncilDecisionDate),
                string.IsNullOrEmpty(c.Sha256) ? c.FileName : $"{c.FileName}\n{DocumentText.Hash(c.Sha256)}",
            ]));
    }

    private static void MultiYearPlan(PdfDocumentBuilder pdf, ApplicationContent content)
    {
        var period = VersionPlan.Period(content);
        var actions = content.Actions.OrderBy(a => a.Position).ToList();
        var goals = Grouped(actions, a => a.PolicyGoal);
        pdf.Heading("4. Meerjarenplan")
            .Paragraph($"{DocumentText.Count(actions.Count)} {(actions.Count == 1 ? "actie" : "acties")} voor {DocumentText.Period(period.FirstYear, period.LastYear)}, "
                + "per beleidsdoelstelling en actieplan, in de volgorde van het plan. Bedragen in euro.");
        if (actions.Count == 0)
        {
            return;
        }

        var columns = new List<PdfColumn> { new("Code", 1.4) };
        columns.AddRange(period.Years.Select(y => PdfColumn.Number(PlanColumns.Amount(y), 1.5)));
        var number = 0;
        for (var g = 0; g < goals.Count; g++)
        {
            var (goal, inGoal) = goals[g];
            pdf.KeepTogether(KeepGoal).Heading(string.Create(CultureInfo.InvariantCulture, $"4.{g + 1} {(goal is null ? NoPolicyGoal : "Beleidsdoelstelling: " + goal)}"));
            var plans = Grouped(inGoal, a => a.ActionPlan);
            for (var p = 0; p < plans.Count; p++)
            {
                var (plan, inPlan) = plans[p];
                if (plan is not null || plans.Count > 1)
                {
                    pdf.KeepTogether(KeepPlan).Paragraph(TextRun.Strong(string.Create(CultureInfo.InvariantCulture, $"4.{g + 1}.{p + 1} ")), TextRun.Strong(plan is null ? NoActionPlan : "Actieplan: " + plan));
                }

                foreach (var action in inPlan)
                {
                    number++;
                    Action(pdf, action, number, columns, period);
                }
            }
        }
    }

    private static void Action(PdfDocumentBuilder pdf, ContentAction action, int number, List<PdfColumn> columns, PlanPeriod period)
    {
        var plan = VersionPlan.ToPlanAction(action);
        pdf.KeepTogether(KeepAction)
            .Rule()
            .Paragraph(TextRun.Strong(string.Create(CultureInfo.InvariantCulture, $"Actie {number}: ")), TextRun.Strong(action.ShortDescription));
        var description = SafeHtml.ToParagraphs(action.LongDescription);
        pdf.Paragraph(new TextRun("Actie lange omschrijving", Italic: true));
        pdf.Blocks(description.Count == 0 ? [TextBlock.Paragraph("(geen)")] : description);
        var comment = SafeHtml.ToParagraphs(action.Comment);
        if (comment.Count > 0)
        {
            pdf.Paragraph(new TextRun("Actie commentaar", Italic: true)).Blocks(comment);
        }

        pdf.Table(columns, [[action.Code, .. period.Years.Select(y => plan.Amounts.TryGetValue(y, out var amount) ? DocumentText.Amount(amount) : "–")]]);
        var outside = plan.Amounts.Keys.Where(y => !period.Contains(y)).Order().ToList();
        if (outside.Count > 0)
        {
            pdf.Paragraph("Bedragen buiten de periode van de oproep: "
                + string.Join(", ", outside.Select(y => $"{y.ToString(CultureInfo.InvariantCulture)}: {DocumentText.Amount(plan.Amounts[y])}")) + ".");
        }
    }

    private static void Totals(PdfDocumentBuilder pdf, ApplicationContent content)
    {
        var grid = VersionPlan.Grid(content);
        var years = grid.Period.Years;
        var columns = new List<PdfColumn> { new("Beleidsprioriteit", 3.6) };
        columns.AddRange(years.Select(y => PdfColumn.Number(y.ToString(CultureInfo.InvariantCulture), 1.6)));
        columns.Add(PdfColumn.Number("Totaal", 1.8));

        pdf.Heading("5. Totalen per beleidsprioriteit en jaar")
            .Paragraph("Gepland bedrag in euro, met tussen haakjes het aantal acties.");
        var rows = PriorityCode.All.Select(p => (IReadOnlyList<string>)
        [
            $"{p.Value}: {p.Title.Nl}",
            .. years.Select(y => $"{DocumentText.Amount(grid.Amount(y, p))} ({DocumentText.Count(grid.Actions(y, p))})"),
            DocumentText.Amount(years.Aggregate(Money.Zero, (sum, y) => sum + grid.Amount(y, p))),
        ]).ToList();
        var other = years.Select(y => grid.Total(y) - PriorityCode.All.Aggregate(Money.Zero, (sum, p) => sum + grid.Amount(y, p))).ToList();
        if (other.Any(m => m != Money.Zero))
        {
            rows.Add(["Andere code", .. other.Select(DocumentText.Amount), DocumentText.Amount(other.Aggregate(Money.Zero, (a, b) => a + b))]);
        }

        pdf.Table(columns, rows, totals:
        [
            "Totaal",
            .. years.Select(y => DocumentText.Amount(grid.Total(y))),
            DocumentText.Amount(years.Aggregate(Money.Zero, (sum, y) => sum + grid.Total(y))),
        ]);
    }

    private static void ReferenceData(PdfDocumentBuilder pdf, IReadOnlyList<ContentDataset> datasets)
    {
        if (datasets.Count == 0)
        {
            return;
        }

        pdf.Heading("6. Referentiegegevens")
            .Paragraph("De gegevens waartegen de aanvraag bij de indiening werd gecontroleerd (subsidiabiliteit, R1–R6).")
            .Table(
                [new PdfColumn("Gegevens", 1.8), new PdfColumn("Titel en bron", 4.4), new PdfColumn("Referentiedatum", 1.5)],
                datasets.Select(d => (IReadOnlyList<string>)
                [
                    Role(d.Role),
                    $"{d.Title}\n{d.Source}{(d.Estimate ? "\n(deels geraamd)" : "")}",
                    DocumentText.Date(d.ReferenceDate),
                ]));
    }

    private static string Role(string role) => role switch
    {
        "regions" => "Referentieregio's",
        "inhabitants" => "Inwoners",
        "working-age" => "Bevolking op beroepsactieve leeftijd",
        "job-seekers" => "Werkzoekenden",
        _ => role,
    };

    /// <summary>Groups in the order their first action appears; actions keep their order within a group.</summary>
    private static List<(string? Key, List<ContentAction> Actions)> Grouped(IEnumerable<ContentAction> actions, Func<ContentAction, string?> key)
    {
        var groups = new List<(string? Key, List<ContentAction> Actions)>();
        foreach (var action in actions)
        {
            var k = string.IsNullOrWhiteSpace(key(action)) ? null : key(action)!.Trim();
            var index = groups.FindIndex(g => string.Equals(g.Key, k, StringComparison.Ordinal));
            if (index < 0)
            {
                groups.Add((k, [action]));
            }
            else
            {
                groups[index].Actions.Add(action);
            }
        }

        return groups;
    }
}
