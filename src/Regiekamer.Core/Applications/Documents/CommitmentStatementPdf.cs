using System.Globalization;
using System.Text;
using Regiekamer.Core.Documents;

namespace Regiekamer.Core.Applications.Documents;

/// <summary>
/// The commitment statement (<see cref="CommitmentStatementText"/>) as a PDF to print and sign: its text, then one row
/// per member municipality with a place for the date of its council decision and for two signatures (name, function,
/// date, signature). A member's row is never split over two pages.
/// </summary>
public static class CommitmentStatementPdf
{
    public static byte[] Create(CommitmentStatementText statement, DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var partnership = statement.Partnership;
        using var pdf = new PdfDocumentBuilder(new PdfDocumentProperties($"{statement.Title} {partnership}", created)
        {
            Subject = $"{statement.Title} van de deelnemende gemeenten van het lokale regieverband {partnership}",
            Keywords = $"verbintenisverklaring, {DocumentText.Scheme}",
            FooterLine = $"{statement.Title} · {partnership} · {statement.Subtitle}",
        });

        pdf.Title(statement.Title)
            .Paragraph(statement.Subtitle, bold: true)
            .KeyValues(statement.Particulars);
        foreach (var section in statement.Sections)
        {
            if (section.Heading is not null)
            {
                pdf.Heading(section.Heading);
            }

            pdf.Blocks(section.Blocks);
        }

        // The signatures start on a page of their own: a member's row is tall and never split, so it would otherwise
        // leave the heading and the table's header alone at the bottom of the text's last page.
        pdf.PageBreak().Heading("Ondertekening");
        var columns = new List<PdfColumn> { new("Gemeente", 2), new(CommitmentStatementText.CouncilDecisionLabel, 2.2) };
        columns.AddRange(Enumerable.Range(1, statement.Signatories).Select(s => new PdfColumn($"Ondertekenaar {s.ToString(CultureInfo.InvariantCulture)}", 2.4)));
        var place = SignaturePlace(statement.SignatureFields);
        pdf.Table(columns, statement.Members.Select(m => (IReadOnlyList<string>)
        [
            $"{m.Name}\nNIS-code {m.NisCode}",
            "\n…… / …… / …………",
            .. Enumerable.Repeat(place, statement.Signatories),
        ]));
        return pdf.ToBytes();
    }

    /// <summary>"Naam:" with room below it, and so on; the signature gets the most room.</summary>
    private static string SignaturePlace(IReadOnlyList<string> fields)
    {
        var text = new StringBuilder();
        for (var i = 0; i < fields.Count; i++)
        {
            text.Append(fields[i]).Append(':').Append(i == fields.Count - 1 ? "\n\n\n\n" : "\n\n\n");
        }

        return text.ToString();
    }
}
