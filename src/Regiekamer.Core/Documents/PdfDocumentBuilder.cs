using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Documents;

/// <summary>
/// Lays out a document of fixed shape (a receipt, a statement, a decision letter) on A4 pages with PDFsharp: title,
/// headings, wrapped paragraphs, label–value lines, tables that run over pages with their header repeated, lists and
/// rules, with "pagina X van Y" and a line naming the document in the footer of every page. Each call places its
/// content at once below the previous, starting a new page when the page is full; <see cref="ToBytes"/> finishes the
/// document. One builder makes one document, on one thread.
/// </summary>
/// <remarks>
/// Text is set in Liberation Sans (<see cref="LiberationSansFontResolver"/>), embedded as a subset with Unicode
/// encoding, so every character the font has (é, ë, €, ‘’ “”, –, …) prints and can be copied or searched. The output
/// is the same bytes for the same content and properties (with the same PDFsharp and .NET, whose versions it names): the
/// creation date is passed in, and what PDFsharp draws at random — the document ID, the six-letter tags of the embedded
/// font subsets, the XMP document and instance IDs — is derived from a hash of the content instead.
/// </remarks>
public sealed partial class PdfDocumentBuilder : IDisposable
{
    /// <summary>The author in every document's metadata.</summary>
    public const string Author = "Regiekamer";

    // A4 in points (1/72 inch).
    private const double PageWidth = 595.28;
    private const double PageHeight = 841.89;
    private const double Mm = 72 / 25.4;
    private const double MarginLeft = 20 * Mm;
    private const double MarginRight = 20 * Mm;
    private const double MarginTop = 20 * Mm;
    private const double MarginBottom = 25 * Mm;
    private const double Left = MarginLeft;
    private const double Right = PageWidth - MarginRight;
    private const double ContentWidth = Right - Left;
    private const double Bottom = PageHeight - MarginBottom;
    private const double BodyHeight = Bottom - MarginTop;

    private const double TitleSize = 17;
    private const double TitleLeading = 21;
    private const double HeadingSize = 12.5;
    private const double HeadingLeading = 16;
    private const double BodySize = 10;
    private const double BodyLeading = 14;
    private const double TableSize = 9;
    private const double TableLeading = 11;
    private const double CellPaddingX = 4;
    private const double CellPaddingY = 2.5;
    private const double FooterSize = 8;
    private const double FooterLeading = 10;
    private const double ListIndent = 14;

    private static readonly XColor Ink = XColor.FromArgb(0x1A, 0x1A, 0x1A);
    private static readonly XColor Muted = XColor.FromArgb(0x59, 0x59, 0x59);
    private static readonly XColor Line = XColor.FromArgb(0xB4, 0xB4, 0xB4);
    private static readonly XColor HeaderFill = XColor.FromArgb(0xE8, 0xEB, 0xEE);

    private readonly PdfDocumentProperties properties;
    private readonly PdfDocument document = new();
    private readonly IncrementalHash fingerprint = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly Dictionary<(double Size, bool Bold, bool Italic), XFont> fonts = [];
    private readonly Dictionary<(XFont Font, string Text), double> widths = [];
    private readonly XSolidBrush inkBrush = new(Ink);
    private readonly XSolidBrush mutedBrush = new(Muted);
    private readonly XSolidBrush headerBrush = new(HeaderFill);
    private readonly XPen rulePen = new(Line, 0.6);
    private readonly XPen strongPen = new(Muted, 0.8);

    private XGraphics gfx;
    private double y;
    private bool pageHasContent;
    private byte[]? output;

    public PdfDocumentBuilder(PdfDocumentProperties properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        DocumentFonts.EnsureRegistered();
        this.properties = properties;
        Note("document", properties.Title, properties.Subject, properties.Keywords, properties.Culture.Name, properties.FooterLine ?? "",
            properties.Created.ToString("O", CultureInfo.InvariantCulture));
        gfx = NewPage();
    }

    /// <summary>The document's title, large and bold.</summary>
    public PdfDocumentBuilder Title(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        EnsureOpen();
        Note("title", text);
        var lines = Wrap([new TextRun(text, Bold: true)], TitleSize, ContentWidth);
        Reserve(lines.Count * TitleLeading + 2 * BodyLeading);
        DrawLines(lines, Left, TitleLeading, Ink);
        Gap(8);
        return this;
    }

    /// <summary>A section heading; it moves to the next page rather than stand alone at the bottom of one.</summary>
    public PdfDocumentBuilder Heading(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        EnsureOpen();
        Note("heading", text);
        Gap(8);
        var lines = Wrap([new TextRun(text, Bold: true)], HeadingSize, ContentWidth);
        Reserve(lines.Count * HeadingLeading + 3 + 2 * BodyLeading);
        DrawLines(lines, Left, HeadingLeading, Ink);
        Gap(3);
        return this;
    }

    /// <summary>A paragraph of plain text, wrapped to the width; "\n" starts a new line.</summary>
    public PdfDocumentBuilder Paragraph(string text, bool bold = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Paragraph([new TextRun(text, bold)]);
    }

    /// <summary>A paragraph of runs in their own styles (plain, bold, italic), wrapped as one text.</summary>
    public PdfDocumentBuilder Paragraph(params IReadOnlyList<TextRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        EnsureOpen();
        Note("paragraph", Describe(runs));
        DrawLines(Wrap(runs, BodySize, ContentWidth), Left, BodyLeading, Ink);
        Gap(6);
        return this;
    }

    /// <summary>
    /// Lines of "label: value" with the labels in bold in a column of their own ("Dossiernummer: RK-2023-0007"); a long
    /// value wraps within its column.
    /// </summary>
    public PdfDocumentBuilder KeyValues(params IEnumerable<(string Label, string Value)> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        EnsureOpen();
        var rows = items.Select(i => (Label: WithColon(i.Label), Value: i.Value ?? "")).ToList();
        if (rows.Count == 0)
        {
            return this;
        }

        Note("key-values", rows.SelectMany(r => new[] { r.Label, r.Value }).ToArray());
        const double gap = 8;
        var labelFont = Font(BodySize, bold: true, italic: false);
        var labelWidth = Math.Min(rows.Max(r => Measure(labelFont, r.Label)) + gap, ContentWidth * 0.4);
        foreach (var (label, value) in rows)
        {
            var labelLines = Wrap([new TextRun(label, Bold: true)], BodySize, labelWidth - gap);
            var valueLines = Wrap([new TextRun(value)], BodySize, ContentWidth - labelWidth);
            var count = Math.Max(labelLines.Count, valueLines.Count);
            Reserve(Math.Min(count, 3) * BodyLeading);
            for (var i = 0; i < count; i++)
            {
                EnsureSpace(BodyLeading);
                if (i < labelLines.Count)
                {
                    DrawLine(labelLines[i], Left, BodyLeading, Ink);
                }

                if (i < valueLines.Count)
                {
                    DrawLine(valueLines[i], Left + labelWidth, BodyLeading, Ink);
                }

                y += BodyLeading;
                pageHasContent = true;
            }

            Gap(1.5);
        }

        Gap(5);
        return this;
    }

    /// <summary>A bulleted list ("• item"), each item wrapped with a hanging indent.</summary>
    public PdfDocumentBuilder Bullets(params IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return Blocks(items.Select(i => TextBlock.Item(i)).ToList());
    }

    /// <summary>Paragraphs and list items, e.g. a sanitised description from <see cref="SafeHtml.ToParagraphs"/>.</summary>
    public PdfDocumentBuilder Blocks(IEnumerable<TextBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        EnsureOpen();
        var list = blocks.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var block = list[i];
            if (block.Kind == TextBlockKind.Paragraph)
            {
                Paragraph(block.Runs);
                continue;
            }

            Note("item", block.Marker, block.Level.ToString(CultureInfo.InvariantCulture), Describe(block.Runs));
            var indent = Math.Max(0, block.Level) * ListIndent;
            var markerFont = Font(BodySize, bold: false, italic: false);
            var markerWidth = Math.Max(ListIndent, Measure(markerFont, block.Marker) + 5);
            var lines = Wrap(block.Runs, BodySize, ContentWidth - indent - markerWidth);
            for (var l = 0; l < lines.Count; l++)
            {
                EnsureSpace(BodyLeading);
                if (l == 0 && block.Marker.Length > 0)
                {
                    gfx.DrawString(block.Marker, markerFont, inkBrush, Left + indent, TextTop(markerFont, BodyLeading), XStringFormats.TopLeft);
                }

                DrawLine(lines[l], Left + indent + markerWidth, BodyLeading, Ink);
                y += BodyLeading;
                pageHasContent = true;
            }

            var next = i + 1 < list.Count ? list[i + 1] : null;
            Gap(next?.Kind == TextBlockKind.ListItem ? 2 : 6);
        }

        return this;
    }

    /// <summary>
    /// A table with a header row: columns share the width by their <see cref="PdfColumn.Width"/>, cells wrap, number
    /// columns are right-aligned, and a table longer than the page goes on with its header repeated. An optional
    /// totals row closes it in bold.
    /// </summary>
    public PdfDocumentBuilder Table(IReadOnlyList<PdfColumn> columns, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<string>? totals = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        EnsureOpen();
        if (columns.Count == 0 || columns.Any(c => !(c.Width > 0)))
        {
            throw new ArgumentException("A table needs at least one column, each with a width above 0.", nameof(columns));
        }

        var table = new TableLayout(this, columns);
        Note("table", columns.SelectMany(c => new[] { c.Header, c.Width.ToString("R", CultureInfo.InvariantCulture), c.Alignment.ToString() }).ToArray());
        var header = table.Wrap(columns.Select(c => c.Header).ToList(), bold: true);
        var first = true;
        foreach (var row in rows)
        {
            CheckCells(row, columns.Count);
            Note("row", row.ToArray());
            var cells = table.Wrap(row, bold: false);
            if (first)
            {
                // A row is never split when it fits on a page (DrawRow), so the header keeps with all of such a first row.
                var whole = TableLayout.Height(header) + TableLayout.Height(cells);
                Reserve(whole <= BodyHeight ? whole : TableLayout.Height(header) + TableLayout.Height(cells, Math.Min(2, TableLayout.LineCount(cells))));
                table.DrawHeader(header);
                first = false;
            }

            table.DrawRow(cells, header, rulePen);
        }

        if (first)
        {
            Reserve(TableLayout.Height(header));
            table.DrawHeader(header);
        }

        if (totals is not null)
        {
            CheckCells(totals, columns.Count);
            Note("totals", totals.ToArray());
            table.DrawRow(table.Wrap(totals, bold: true), header, rulePen, lineAbove: strongPen);
        }

        Gap(8);
        return this;
    }

    /// <summary>A thin horizontal line across the text width.</summary>
    public PdfDocumentBuilder Rule()
    {
        EnsureOpen();
        Note("rule");
        Gap(4);
        EnsureSpace(6);
        gfx.DrawLine(rulePen, Left, y + 3, Right, y + 3);
        y += 6;
        pageHasContent = true;
        Gap(6);
        return this;
    }

    /// <summary>White space of the given height in points (1/72 inch); none at the top of a page.</summary>
    public PdfDocumentBuilder Space(double points)
    {
        EnsureOpen();
        Note("space", points.ToString("R", CultureInfo.InvariantCulture));
        Gap(points);
        return this;
    }

    /// <summary>
    /// Goes on at the top of a new page unless <paramref name="points"/> of height (1/72 inch) still fit on this one:
    /// keeps what comes next together, such as a title with the start of its text or a place to sign.
    /// </summary>
    public PdfDocumentBuilder KeepTogether(double points)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(points);
        EnsureOpen();
        Note("keep-together", points.ToString("R", CultureInfo.InvariantCulture));
        Reserve(points);
        return this;
    }

    /// <summary>Goes on at the top of a new page, unless the current one is still empty.</summary>
    public PdfDocumentBuilder PageBreak()
    {
        EnsureOpen();
        Note("page-break");
        if (pageHasContent)
        {
            StartNewPage();
        }

        return this;
    }

    /// <summary>Finishes the document (footers, metadata) and returns it. Later calls return the same bytes.</summary>
    public byte[] ToBytes()
    {
        Finish();
        return (byte[])output!.Clone();
    }

    /// <summary>Finishes the document and writes it to <paramref name="stream"/>.</summary>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Finish();
        stream.Write(output);
    }

    public void Dispose()
    {
        if (output is null)
        {
            gfx.Dispose();
            document.Dispose();
        }

        fingerprint.Dispose();
    }

    private void Finish()
    {
        if (output is not null)
        {
            return;
        }

        gfx.Dispose();
        DrawFooters();

        var info = document.Info;
        info.Title = properties.Title;
        info.Author = Author;
        info.Subject = properties.Subject;
        info.Keywords = properties.Keywords;
        info.Creator = Author;
        info.CreationDate = properties.Created.UtcDateTime;
        info.ModificationDate = properties.Created.UtcDateTime;
        document.Language = properties.Culture.Name;
        document.ViewerPreferences.DisplayDocTitle = true;

        var hash = fingerprint.GetHashAndReset();
        var id = new string([.. hash.Take(16).Select(b => (char)b)]);
        document.Internals.FirstDocumentID = id;
        document.Internals.SecondDocumentID = id;

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        output = Deterministic(stream.ToArray(), hash);
        document.Dispose();
    }

    private void DrawFooters()
    {
        var total = document.PageCount;
        var font = Font(FooterSize, bold: false, italic: false);
        for (var i = 0; i < total; i++)
        {
            using var g = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            var top = Bottom + 12;
            g.DrawLine(rulePen, Left, top, Right, top);
            top += 4;

            var label = new Bilingual($"pagina {i + 1} van {total}", $"page {i + 1} of {total}").For(properties.Culture);
            var labelWidth = g.MeasureString(label, font).Width;
            g.DrawString(label, font, mutedBrush, Right - labelWidth, top, XStringFormats.TopLeft);

            if (!string.IsNullOrWhiteSpace(properties.FooterLine))
            {
                var lines = Wrap([new TextRun(properties.FooterLine)], FooterSize, ContentWidth - labelWidth - 16);
                for (var l = 0; l < Math.Min(lines.Count, 2); l++)
                {
                    var x = Left;
                    foreach (var fragment in lines[l].Fragments)
                    {
                        g.DrawString(fragment.Text, fragment.Font, mutedBrush, x, top + l * FooterLeading, XStringFormats.TopLeft);
                        x += fragment.Width;
                    }
                }
            }
        }
    }

    /// <summary>
    /// Replaces what PDFsharp 6.2.4 makes up at random by values from the content hash: the six letters that tag each
    /// embedded font subset ("ABCDEF+Liberation Sans,Bold"; they only have to differ between the subsets of one file)
    /// and the document and instance UUIDs of the XMP metadata (set to the document ID, as the trailer's two IDs are).
    /// Each replacement has the length of what it replaces, so no offset or stream length in the file changes.
    /// </summary>
    private static byte[] Deterministic(byte[] pdf, byte[] hash)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        text = SubsetTag().Replace(text, m =>
        {
            if (!tags.TryGetValue(m.Value, out var tag))
            {
                var n = tags.Count;
                var letters = new char[6];
                for (var i = 0; i < 6; i++)
                {
                    letters[i] = (char)('A' + (hash[(n * 6 + i) % hash.Length] + n) % 26);
                }

                tag = new string(letters);
                while (tags.ContainsValue(tag))
                {
                    tag = tag[1..] + tag[0];
                }

                tags[m.Value] = tag;
            }

            return tag;
        });
        var uuid = new Guid(hash.AsSpan(0, 16)).ToString("D");
        text = XmpUuid().Replace(text, uuid);
        return Encoding.Latin1.GetBytes(text);
    }

    [GeneratedRegex(@"(?<=/)[A-Z]{6}(?=\+Liberation)", RegexOptions.CultureInvariant)]
    private static partial Regex SubsetTag();

    [GeneratedRegex(@"(?<=<xmpMM:(?:DocumentID|InstanceID)>uuid:)[0-9a-fA-F-]{36}(?=</xmpMM:)", RegexOptions.CultureInvariant)]
    private static partial Regex XmpUuid();

    private XGraphics NewPage()
    {
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(PageHeight);
        y = MarginTop;
        pageHasContent = false;
        return XGraphics.FromPdfPage(page);
    }

    private void StartNewPage()
    {
        gfx.Dispose();
        gfx = NewPage();
    }

    private void EnsureOpen()
    {
        if (output is not null)
        {
            throw new InvalidOperationException("The document is finished; a builder makes one document.");
        }
    }

    /// <summary>Starts a new page unless <paramref name="height"/> fits on this one (or this one is still empty).</summary>
    private void EnsureSpace(double height)
    {
        if (pageHasContent && y + height > Bottom + 0.01)
        {
            StartNewPage();
        }
    }

    private void Reserve(double height) => EnsureSpace(Math.Min(height, BodyHeight));

    private void Gap(double points)
    {
        if (pageHasContent)
        {
            y = Math.Min(y + points, Bottom);
        }
    }

    private void DrawLines(List<LaidLine> lines, double x, double leading, XColor color)
    {
        foreach (var line in lines)
        {
            EnsureSpace(leading);
            DrawLine(line, x, leading, color);
            y += leading;
            pageHasContent = true;
        }
    }

    private void DrawLine(LaidLine line, double x, double leading, XColor color)
    {
        var brush = color == Ink ? inkBrush : mutedBrush;
        foreach (var fragment in line.Fragments)
        {
            gfx.DrawString(fragment.Text, fragment.Font, brush, x, TextTop(fragment.Font, leading), XStringFormats.TopLeft);
            x += fragment.Width;
        }
    }

    /// <summary>The top of the text in a line of height <paramref name="leading"/> at <see cref="y"/>, centred.</summary>
    private double TextTop(XFont font, double leading) => y + (leading - font.GetHeight()) / 2;

    private XFont Font(double size, bool bold, bool italic)
    {
        if (!fonts.TryGetValue((size, bold, italic), out var font))
        {
            var style = (bold, italic) switch
            {
                (true, true) => XFontStyleEx.BoldItalic,
                (true, false) => XFontStyleEx.Bold,
                (false, true) => XFontStyleEx.Italic,
                _ => XFontStyleEx.Regular,
            };
            font = new XFont(LiberationSansFontResolver.FamilyName, size, style, new XPdfFontOptions(PdfFontEncoding.Unicode));
            fonts[(size, bold, italic)] = font;
        }

        return font;
    }

    private double Measure(XFont font, string text)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        if (!widths.TryGetValue((font, text), out var width))
        {
            width = gfx.MeasureString(text, font).Width;
            if (text.Length <= 64)
            {
                widths[(font, text)] = width;
            }
        }

        return width;
    }

    private static string WithColon(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var trimmed = label.TrimEnd();
        return trimmed.Length == 0 || trimmed.EndsWith(':') ? trimmed : trimmed + ":";
    }

    private static void CheckCells(IReadOnlyList<string> row, int columns)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Count != columns)
        {
            throw new ArgumentException($"A row has {row.Count} cells; the table has {columns} columns.", nameof(row));
        }
    }

    private static string Describe(IReadOnlyList<TextRun> runs) =>
        string.Concat(runs.Select(r => (r.Bold ? "b" : "-") + (r.Italic ? "i" : "-") + r.Text + "\u001f"));

    private void Note(string kind, params string[] parts)
    {
        fingerprint.AppendData(Encoding.UTF8.GetBytes(kind));
        foreach (var part in parts)
        {
            fingerprint.AppendData([0x1F]);
            fingerprint.AppendData(Encoding.UTF8.GetBytes(part));
        }

        fingerprint.AppendData([0x1E]);
    }

    // ---- wrapping ------------------------------------------------------------------------------------------------

    private readonly record struct Fragment(string Text, XFont Font, double Width);

    private sealed class LaidLine
    {
        public List<Fragment> Fragments { get; } = [];

        public double Width { get; private set; }

        public bool IsEmpty => Fragments.Count == 0;

        public void Add(Fragment fragment)
        {
            if (Fragments.Count > 0 && ReferenceEquals(Fragments[^1].Font, fragment.Font))
            {
                var last = Fragments[^1];
                Fragments[^1] = new Fragment(last.Text + fragment.Text, last.Font, last.Width + fragment.Width);
            }
            else
            {
                Fragments.Add(fragment);
            }

            Width += fragment.Width;
        }
    }

    private abstract record Token;

    private sealed record WordToken(List<Fragment> Parts) : Token
    {
        public double Width => Parts.Sum(p => p.Width);
    }

    private sealed record SpaceToken(Fragment Space) : Token;

    private sealed record BreakToken : Token;

    /// <summary>
    /// Breaks runs into lines no wider than <paramref name="width"/>: at spaces, at "\n", and inside a word only when the
    /// word alone is wider than a line. Always at least one line (empty for empty text), so a blank paragraph still
    /// takes its place.
    /// </summary>
    private List<LaidLine> Wrap(IReadOnlyList<TextRun> runs, double size, double width)
    {
        width = Math.Max(width, 20);
        var lines = new List<LaidLine> { new() };
        Fragment? pendingSpace = null;
        foreach (var token in Tokenize(runs, size))
        {
            var line = lines[^1];
            switch (token)
            {
                case BreakToken:
                    lines.Add(new LaidLine());
                    pendingSpace = null;
                    break;
                case SpaceToken space:
                    pendingSpace = line.IsEmpty ? null : space.Space;
                    break;
                case WordToken word:
                    var spaceWidth = pendingSpace?.Width ?? 0;
                    var wordWidth = word.Width;
                    if (line.Width + spaceWidth + wordWidth <= width + 0.01)
                    {
                        if (pendingSpace is { } s)
                        {
                            line.Add(s);
                        }

                        word.Parts.ForEach(line.Add);
                    }
                    else if (wordWidth <= width + 0.01)
                    {
                        var next = new LaidLine();
                        word.Parts.ForEach(next.Add);
                        lines.Add(next);
                    }
                    else
                    {
                        if (!line.IsEmpty)
                        {
                            line = new LaidLine();
                            lines.Add(line);
                        }

                        BreakWord(word, width, lines);
                    }

                    pendingSpace = null;
                    break;
            }
        }

        return lines;
    }

    /// <summary>A word wider than a line, cut between characters (never inside a surrogate pair or a combined accent).</summary>
    private void BreakWord(WordToken word, double width, List<LaidLine> lines)
    {
        foreach (var part in word.Parts)
        {
            var elements = StringInfo.GetTextElementEnumerator(part.Text);
            while (elements.MoveNext())
            {
                var element = elements.GetTextElement();
                var w = Measure(part.Font, element);
                if (!lines[^1].IsEmpty && lines[^1].Width + w > width + 0.01)
                {
                    lines.Add(new LaidLine());
                }

                lines[^1].Add(new Fragment(element, part.Font, w));
            }
        }
    }

    private List<Token> Tokenize(IReadOnlyList<TextRun> runs, double size)
    {
        var tokens = new List<Token>();
        WordToken? word = null;
        foreach (var run in runs)
        {
            ArgumentNullException.ThrowIfNull(run);
            var font = Font(size, run.Bold, run.Italic);
            var text = (run.Text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
            var start = 0;
            for (var i = 0; i <= text.Length; i++)
            {
                var c = i < text.Length ? text[i] : '\0';
                var ends = i == text.Length || c is ' ' or '\t' or '\n' || (char.IsControl(c) && c != '\n');
                if (!ends)
                {
                    continue;
                }

                if (i > start)
                {
                    var piece = text[start..i];
                    word ??= new WordToken([]);
                    word.Parts.Add(new Fragment(piece, font, Measure(font, piece)));
                }

                start = i + 1;
                if (i == text.Length)
                {
                    break;
                }

                if (c is ' ' or '\t' or '\n')
                {
                    if (word is not null)
                    {
                        tokens.Add(word);
                        word = null;
                    }

                    if (c == '\n')
                    {
                        tokens.Add(new BreakToken());
                    }
                    else if (tokens.Count > 0 && tokens[^1] is not SpaceToken)
                    {
                        tokens.Add(new SpaceToken(new Fragment(" ", font, Measure(font, " "))));
                    }
                }
            }
        }

        if (word is not null)
        {
            tokens.Add(word);
        }

        return tokens;
    }

    // ---- tables --------------------------------------------------------------------------------------------------

    private sealed class TableLayout(PdfDocumentBuilder builder, IReadOnlyList<PdfColumn> columns)
    {
        private readonly double[] widths = Widths(columns);

        public static int LineCount(List<List<LaidLine>> cells) => cells.Max(c => c.Count);

        public List<List<LaidLine>> Wrap(IReadOnlyList<string> cells, bool bold) =>
            cells.Select((text, i) => builder.Wrap([new TextRun(text ?? "", bold)], TableSize, widths[i] - 2 * CellPaddingX)).ToList();

        public static double Height(List<List<LaidLine>> cells, int? lines = null) =>
            (lines ?? LineCount(cells)) * TableLeading + 2 * CellPaddingY;

        public void DrawHeader(List<List<LaidLine>> header)
        {
            var height = Height(header);
            builder.gfx.DrawRectangle(builder.headerBrush, Left, builder.y, ContentWidth, height);
            DrawCells(header, 0, LineCount(header));
            builder.y += height;
            builder.gfx.DrawLine(builder.strongPen, Left, builder.y, Right, builder.y);
            builder.pageHasContent = true;
        }

        /// <summary>A row on this page if it fits, else on the next under a repeated header; a row taller than a whole page is split by lines.</summary>
        public void DrawRow(List<List<LaidLine>> cells, List<List<LaidLine>> header, XPen separator, XPen? lineAbove = null)
        {
            var total = LineCount(cells);
            if (builder.y + Height(cells) > Bottom + 0.01 && Height(header) + Height(cells) <= BodyHeight)
            {
                NewPageWithHeader(header);
            }

            if (lineAbove is not null)
            {
                builder.gfx.DrawLine(lineAbove, Left, builder.y, Right, builder.y);
            }

            var from = 0;
            while (from < total)
            {
                var fit = (int)Math.Floor((Bottom - builder.y - 2 * CellPaddingY + 0.01) / TableLeading);
                if (fit < 1)
                {
                    NewPageWithHeader(header);
                    continue;
                }

                var to = Math.Min(total, from + fit);
                DrawCells(cells, from, to);
                builder.y += (to - from) * TableLeading + 2 * CellPaddingY;
                builder.gfx.DrawLine(separator, Left, builder.y, Right, builder.y);
                from = to;
                if (from < total)
                {
                    NewPageWithHeader(header);
                }
            }
        }

        private void NewPageWithHeader(List<List<LaidLine>> header)
        {
            builder.StartNewPage();
            DrawHeader(header);
        }

        private void DrawCells(List<List<LaidLine>> cells, int from, int to)
        {
            var x = Left;
            for (var c = 0; c < cells.Count; c++)
            {
                var top = builder.y + CellPaddingY;
                for (var l = from; l < Math.Min(to, cells[c].Count); l++)
                {
                    var line = cells[c][l];
                    var left = columns[c].Alignment == ColumnAlignment.Right
                        ? x + widths[c] - CellPaddingX - line.Width
                        : x + CellPaddingX;
                    foreach (var fragment in line.Fragments)
                    {
                        var textTop = top + (l - from) * TableLeading + (TableLeading - fragment.Font.GetHeight()) / 2;
                        builder.gfx.DrawString(fragment.Text, fragment.Font, builder.inkBrush, left, textTop, XStringFormats.TopLeft);
                        left += fragment.Width;
                    }
                }

                x += widths[c];
            }
        }

        private static double[] Widths(IReadOnlyList<PdfColumn> columns)
        {
            var sum = columns.Sum(c => c.Width);
            return [.. columns.Select(c => ContentWidth * c.Width / sum)];
        }
    }
}
