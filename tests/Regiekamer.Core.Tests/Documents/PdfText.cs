using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Tokens;

namespace Regiekamer.Core.Tests.Documents;

/// <summary>A PDF read back with PdfPig: its pages as lines of text, top to bottom, as a reader sees them.</summary>
internal sealed class PdfText
{
    private PdfText(IReadOnlyList<IReadOnlyList<PdfLine>> pages, PdfInformation information, IReadOnlyList<string> embeddedFonts)
    {
        Pages = pages;
        Information = information;
        EmbeddedFonts = embeddedFonts;
    }

    public IReadOnlyList<IReadOnlyList<PdfLine>> Pages { get; }

    public PdfInformation Information { get; }

    /// <summary>The FontName of every font descriptor that carries a TrueType program (/FontFile2).</summary>
    public IReadOnlyList<string> EmbeddedFonts { get; }

    public IEnumerable<string> AllLines => Pages.SelectMany(p => p.Select(l => l.Text));

    public string PageText(int index) => string.Join("\n", Pages[index].Select(l => l.Text));

    public static PdfText Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().Select(ReadLines).ToList();
        var info = document.Information;
        var information = new PdfInformation(info.Title, info.Author, info.Subject, info.Creator, info.Producer, info.GetCreatedDateTimeOffset(), info.GetModifiedDateTimeOffset());
        return new PdfText(pages, information, FontFiles(document));
    }

    private static List<PdfLine> ReadLines(Page page)
    {
        var lines = new List<PdfLine>();
        foreach (var group in page.Letters.GroupBy(l => Math.Round(l.StartBaseLine.Y, 1)).OrderByDescending(g => g.Key))
        {
            var letters = group.OrderBy(l => l.StartBaseLine.X).ToList();
            var text = new StringBuilder();
            for (var i = 0; i < letters.Count; i++)
            {
                var letter = letters[i];
                if (i > 0)
                {
                    var previous = letters[i - 1];
                    var gap = letter.StartBaseLine.X - previous.EndBaseLine.X;
                    if (gap > letter.PointSize * 0.25 && previous.Value != " " && letter.Value != " ")
                    {
                        text.Append(' ');
                    }
                }

                text.Append(letter.Value);
            }

            lines.Add(new PdfLine(text.ToString(), group.Key, letters.Min(l => l.StartBaseLine.X), letters.Max(l => l.EndBaseLine.X), letters));
        }

        return lines;
    }

    private static List<string> FontFiles(PdfDocument document)
    {
        var names = new List<string>();
        foreach (var reference in document.Structure.CrossReferenceTable.ObjectOffsets.Keys)
        {
            var token = document.Structure.GetObject(reference).Data;
            if (token is DictionaryToken dictionary
                && dictionary.TryGet(NameToken.Type, out var type) && type is NameToken { Data: "FontDescriptor" }
                && dictionary.ContainsKey(NameToken.FontFile2)
                && dictionary.TryGet(NameToken.FontName, out var name) && name is NameToken fontName)
            {
                names.Add(fontName.Data);
            }
        }

        return names;
    }
}

internal sealed record PdfLine(string Text, double Baseline, double Left, double Right, IReadOnlyList<Letter> Letters)
{
    public override string ToString() => Text;
}

internal sealed record PdfInformation(string? Title, string? Author, string? Subject, string? Creator, string? Producer, DateTimeOffset? Created, DateTimeOffset? Modified);
