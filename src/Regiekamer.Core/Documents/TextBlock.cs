namespace Regiekamer.Core.Documents;

/// <summary>A piece of text in one style. A line break inside is written "\n".</summary>
public sealed record TextRun(string Text, bool Bold = false, bool Italic = false)
{
    public static TextRun Plain(string text) => new(text);

    public static TextRun Strong(string text) => new(text, Bold: true);
}

public enum TextBlockKind
{
    /// <summary>A paragraph of running text.</summary>
    Paragraph,

    /// <summary>An item of a list, shown after its <see cref="TextBlock.Marker"/> with a hanging indent.</summary>
    ListItem,
}

/// <summary>
/// A paragraph or list item of plain text, with bold and italic runs: what <see cref="SafeHtml.ToParagraphs"/> makes of a
/// formatted description and what <see cref="PdfDocumentBuilder.Blocks"/> prints.
/// </summary>
/// <param name="Kind">Paragraph or list item.</param>
/// <param name="Runs">The text; never empty, no run is empty.</param>
/// <param name="Marker">"•" for an item of an unordered list, "1.", "2.", … for an ordered one; empty for a paragraph, or for
/// the rest of an item after a list inside it (indented as an item, without a marker).</param>
/// <param name="Level">0 for a top-level list, 1 for a list inside it, and so on.</param>
public sealed record TextBlock(TextBlockKind Kind, IReadOnlyList<TextRun> Runs, string Marker = "", int Level = 0)
{
    public const string Bullet = "•";

    /// <summary>The text without styles.</summary>
    public string Text => string.Concat(Runs.Select(r => r.Text));

    public static TextBlock Paragraph(params TextRun[] runs) => new(TextBlockKind.Paragraph, runs);

    public static TextBlock Paragraph(string text) => new(TextBlockKind.Paragraph, [new TextRun(text)]);

    public static TextBlock Item(string text, string marker = Bullet, int level = 0) =>
        new(TextBlockKind.ListItem, [new TextRun(text)], marker, level);

    /// <summary>"• item" or "1. item": how the block reads as one line of plain text.</summary>
    public override string ToString() => Kind == TextBlockKind.ListItem ? $"{new string(' ', 2 * Level)}{Marker} {Text}" : Text;
}
