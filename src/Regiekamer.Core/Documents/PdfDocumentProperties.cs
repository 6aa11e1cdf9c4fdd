using System.Globalization;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Documents;

/// <summary>
/// What a PDF says about itself: its metadata and the footer of every page. The creation date is passed in (from the
/// injected clock, or the moment the decision was taken), never read inside, so the same input gives the same document.
/// </summary>
/// <param name="Title">The document's title, shown by viewers instead of the file name.</param>
/// <param name="Created">When the document was made; written as its creation and modification date.</param>
public sealed record PdfDocumentProperties(string Title, DateTimeOffset Created)
{
    /// <summary>What the document is about, e.g. "Ontvangstbewijs aanvraag RK-2023-0007".</summary>
    public string Subject { get; init; } = "";

    public string Keywords { get; init; } = "";

    /// <summary>The language of the document: its footer ("pagina 1 van 3" or "page 1 of 3") and its language tag.</summary>
    public CultureInfo Culture { get; init; } = Formats.Dutch;

    /// <summary>A line in the footer of every page that says which document this is, e.g. the dossier number and a SHA-256.</summary>
    public string? FooterLine { get; init; }
}

public enum ColumnAlignment
{
    Left,

    /// <summary>For numbers and amounts: the last digits line up.</summary>
    Right,
}

/// <summary>A column of a table in a PDF.</summary>
/// <param name="Header">The column's heading, repeated at the top of every page the table runs onto.</param>
/// <param name="Width">Its share of the width: columns of width 3, 1 and 1 take 60 %, 20 % and 20 % of the text width.</param>
/// <param name="Alignment">Left for text, right for numbers.</param>
public sealed record PdfColumn(string Header, double Width, ColumnAlignment Alignment = ColumnAlignment.Left)
{
    /// <summary>A right-aligned column, for amounts and counts.</summary>
    public static PdfColumn Number(string header, double width) => new(header, width, ColumnAlignment.Right);
}
