using System.Text;
using Regiekamer.Core.Documents;
using Regiekamer.Core.Partnerships;

namespace Regiekamer.Core.Applications.Documents;

/// <summary>A part of the commitment statement: an optional heading and its paragraphs and list items.</summary>
public sealed record StatementSection(string? Heading, IReadOnlyList<TextBlock> Blocks);

/// <summary>
/// The text of the commitment statement (verbintenisverklaring, R7b; seed 003 §5.2 and footnote 9) that the member
/// municipalities of a partnership sign: that they take part in it, that it takes up the local director role social
/// economy and work for the call's period, and where relevant which member is its managing municipality (R4). One
/// text for the web page (as HTML) and the PDF (<see cref="CommitmentStatementPdf"/>), so both say the same.
/// </summary>
/// <remarks>
/// Named <c>…Text</c> because <see cref="Applications.CommitmentStatement"/> is the signed statement on file; a
/// page that uses both namespaces would otherwise not know which one it means.
/// </remarks>
/// <param name="Title">"Verbintenisverklaring".</param>
/// <param name="Subtitle">The scheme and the call.</param>
/// <param name="Partnership">The partnership's name.</param>
/// <param name="Particulars">Label and value: the partnership, its legal form, the managing municipality, the period.</param>
/// <param name="Sections">The statement itself, in order.</param>
/// <param name="Members">The member municipalities, in the order of their NIS codes: one signature place each.</param>
/// <param name="SignatureFields">What each signatory fills in, in order.</param>
/// <param name="Signatories">How many people sign per member (their places side by side).</param>
public sealed record CommitmentStatementText(
    string Title,
    string Subtitle,
    string Partnership,
    IReadOnlyList<(string Label, string Value)> Particulars,
    IReadOnlyList<StatementSection> Sections,
    IReadOnlyList<ContentMember> Members,
    IReadOnlyList<string> SignatureFields,
    int Signatories)
{
    /// <summary>What a member fills in above the signatures.</summary>
    public const string CouncilDecisionLabel = "Datum van het gemeenteraadsbesluit";

    /// <summary>A place left open to be filled in by hand.</summary>
    public const string Blank = "……………………………………";

    /// <summary>The statement for <paramref name="partnership"/> as it is composed now (or was in a submitted version) and <paramref name="call"/>.</summary>
    public static CommitmentStatementText For(ContentPartnership partnership, ContentCall call)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        ArgumentNullException.ThrowIfNull(call);
        var members = partnership.Members.OrderBy(m => m.NisCode, StringComparer.Ordinal).ToList();
        var period = DocumentText.Period(call.FirstYear, call.LastYear);
        var interlocal = PartnershipCodes.TryParseKind(partnership.Kind, out var kind) && kind == PartnershipKind.InterlocalAssociation;
        var managing = DocumentText.Managing(partnership);
        var managingName = managing is null ? Blank : DocumentText.Member(managing);
        var one = members.Count == 1;
        var name = partnership.Name;

        var particulars = new List<(string, string)>
        {
            ("Lokaal regieverband", name),
            ("Rechtsvorm", DocumentText.Kind(partnership.Kind)),
        };
        if (interlocal || managing is not null)
        {
            particulars.Add(("Beherende gemeente", managingName));
        }

        particulars.Add(("Oproep", $"{DocumentText.Scheme}, {call.Code}"));
        particulars.Add(("Periode", period));

        var sections = new List<StatementSection>
        {
            new(one ? "Deelnemende gemeente" : "Deelnemende gemeenten", [
                TextBlock.Paragraph(one
                    ? $"Aan het lokale regieverband {name} neemt de volgende gemeente deel:"
                    : $"Aan het lokale regieverband {name} nemen de volgende {DocumentText.Count(members.Count)} gemeenten deel:"),
                .. members.Select(m => TextBlock.Item(DocumentText.Member(m))),
            ]),
        };

        var points = new List<string>
        {
            $"dat {(one ? "zij" : "elk van hen")} deelneemt aan het lokale regieverband {name} ({DocumentText.Kind(partnership.Kind).ToLowerInvariant()});",
            $"akkoord te gaan dat het lokale regieverband {name} de {DocumentText.Scheme} opneemt voor de periode {period}, "
                + $"in het kader van de oproep {call.Code} van de Vlaamse overheid;",
        };
        if (interlocal)
        {
            points.Add($"akkoord te gaan dat {managingName} de beherende gemeente van de interlokale vereniging is: de beherende gemeente "
                + "dient de aanvraag in, rapporteert jaarlijks via de digitale rapportering van de beleids- en beheerscyclus (BBC/DR) "
                + "en ontvangt als begunstigde de subsidies;");
            points.Add("kennis te hebben genomen dat de interlokale vereniging zelf bepaalt hoe die subsidies onderling worden verdeeld en ingezet;");
        }
        else if (managing is not null)
        {
            points.Add($"akkoord te gaan dat {managingName} de beherende gemeente van het lokale regieverband is;");
        }

        points.Add($"dat {(one ? "zij" : "elk van hen")} van geen ander lokaal regieverband sociale economie en werk deel uitmaakt.");
        sections.Add(new StatementSection("Verklaring", [
            TextBlock.Paragraph(one ? "Het ondergetekende lokale bestuur verklaart:" : "De ondergetekende lokale besturen verklaren:"),
            .. points.Select((p, i) => TextBlock.Item(p, $"{i + 1}.")),
        ]));

        sections.Add(new StatementSection("Toelichting", [
            TextBlock.Paragraph("Met deze verklaring weet de Vlaamse overheid wie er allemaal deelneemt aan het lokale regieverband. "
                + "Ze maakt deel uit van een volledig aanvraagdossier (handleiding bij de oproep, punt 5.2) en wordt ingediend door "
                + "nieuwe lokale regieverbanden en door bestaande lokale regieverbanden die zich uitbreiden of wijzigen; voor "
                + "bestaande, ongewijzigde lokale regieverbanden is ze niet van toepassing."),
            TextBlock.Paragraph("Elke deelnemende gemeente vult onder ‘Ondertekening’ de datum van haar gemeenteraadsbesluit in en ondertekent. "
                + "Voeg de ondertekende verklaring als bijlage toe aan het aanvraagdossier."),
        ]));

        return new CommitmentStatementText(
            "Verbintenisverklaring",
            $"Lokale regierol sociale economie en werk – oproep {call.Code}",
            name,
            particulars,
            sections,
            members,
            ["Naam", "Functie", "Datum", "Handtekening"],
            Signatories: 2);
    }

    /// <summary>The statement as plain text, e.g. for a mail or a test: title, particulars, sections, and a signature place per member.</summary>
    public string ToPlainText()
    {
        var text = new StringBuilder();
        text.Append(Title).Append('\n').Append(Subtitle).Append("\n\n");
        foreach (var (label, value) in Particulars)
        {
            text.Append(label).Append(": ").Append(value).Append('\n');
        }

        foreach (var section in Sections)
        {
            text.Append('\n');
            if (section.Heading is not null)
            {
                text.Append(section.Heading).Append('\n');
            }

            foreach (var block in section.Blocks)
            {
                text.Append(block).Append('\n');
            }
        }

        foreach (var member in Members)
        {
            text.Append('\n').Append(DocumentText.Member(member)).Append('\n');
            text.Append(CouncilDecisionLabel).Append(": ").Append(Blank).Append('\n');
            for (var s = 1; s <= Signatories; s++)
            {
                foreach (var field in SignatureFields)
                {
                    text.Append(field).Append(": ").Append(Blank).Append('\n');
                }
            }
        }

        return text.ToString();
    }
}
