using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Regiekamer.Web.Features.Applications;

/// <summary>One piece of a word diff: kept, removed or added text.</summary>
public sealed record DiffPiece(ChangeType Kind, string Text);

/// <summary>Two versions of a long text compared word by word (DiffPlex, ADR 0006), for reading what changed in a description.</summary>
public static class WordDiff
{
    /// <summary>The two texts as people read them (BBC's simple HTML as its paragraphs and list items), compared word by word.</summary>
    public static IReadOnlyList<DiffPiece> Compare(string? before, string? after)
    {
        var model = InlineDiffBuilder.Diff(Plain(before), Plain(after), ignoreWhiteSpace: false, ignoreCase: false, chunker: WordChunker.Instance);
        var pieces = new List<DiffPiece>();
        foreach (var line in model.Lines)
        {
            // Words of the same kind in a row read as one stretch.
            if (pieces.Count > 0 && pieces[^1].Kind == line.Type)
            {
                pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + line.Text };
            }
            else
            {
                pieces.Add(new DiffPiece(line.Type, line.Text ?? ""));
            }
        }

        return pieces;
    }

    private static string Plain(string? html) => string.Join("\n", Core.Documents.SafeHtml.ToParagraphs(html).Select(b => b.ToString()));
}
