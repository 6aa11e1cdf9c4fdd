using System.Text;
using System.Text.RegularExpressions;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;
using Microsoft.Extensions.Caching.Memory;

namespace Regiekamer.Core.Documents;

/// <summary>
/// Formatted text that people write (a BBC action's long description, R11) made safe to show: stored as written,
/// sanitised when shown, with an allow-list of our own (ADR 0006) so that a change of the list applies to old texts.
/// </summary>
/// <remarks>
/// <para>What is kept: <c>p br ul ol li strong b em i u</c> and <c>a</c> with an absolute <c>https:</c> <c>href</c>
/// (it gets <c>rel="noopener noreferrer"</c>). No other attribute, no <c>style</c>, no class. Other tags are taken
/// away but their text stays: a <c>span</c> or <c>font</c> gives way to its text, a <c>div</c>, table row or heading
/// that holds no other block becomes a paragraph (a heading's text in bold), and text left between blocks is put in a
/// paragraph. Tags whose content is code, a control or metadata rather than text (<c>script</c>, <c>style</c>,
/// <c>iframe</c>, <c>svg</c>, <c>textarea</c>, <c>img</c>, …) go with their content. A link whose address is not an
/// absolute https address becomes its text. Paragraphs, lists and items without text are dropped. Sanitising the
/// output again gives the same output.</para>
/// <para>Plain text — a description with no block tags (<c>p</c>, <c>br</c>, lists, <c>div</c>, …) — keeps its line
/// breaks: a blank line starts a new paragraph, a single line break becomes <c>&lt;br&gt;</c>, and every paragraph is a
/// <c>&lt;p&gt;</c>. Its text is read as HTML text, so "&amp;amp;" shows as "&amp;" and "&lt;" stays a "&lt;".</para>
/// </remarks>
public static partial class SafeHtml
{
    private static readonly HashSet<string> AllowedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "ul", "ol", "li", "strong", "b", "em", "i", "u", "a",
    };

    /// <summary>Removed with everything inside: their content is code, a control or metadata, not text a reader wrote.</summary>
    private static readonly HashSet<string> RemovedWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript",
        "noembed", "noframes", "svg", "math", "textarea", "select", "option", "optgroup", "datalist", "button",
        "title", "head", "meta", "link", "base", "xmp", "plaintext", "canvas", "audio", "video", "picture", "source",
        "track", "img", "input", "map", "area", "param",
    };

    /// <summary>
    /// Blocks we do not keep but whose text is a paragraph of its own: one that holds no other block becomes a
    /// <c>p</c> (a heading one with its text in bold), one that does is taken away around its content.
    /// </summary>
    private static readonly HashSet<string> Containers = new(StringComparer.OrdinalIgnoreCase)
    {
        "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "section", "article", "header", "footer",
        "main", "nav", "aside", "address", "figure", "figcaption", "details", "summary", "fieldset", "legend",
        "center", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "caption", "form",
    };

    private static readonly HashSet<string> Headings = new(StringComparer.OrdinalIgnoreCase) { "h1", "h2", "h3", "h4", "h5", "h6" };

    /// <summary>Tags that make a text HTML with structure: when one is there, line breaks in the text are just spaces.</summary>
    private static readonly HashSet<string> BlockTags = new(Containers.Concat(["p", "br", "ul", "ol", "li", "td", "th", "hr"]), StringComparer.OrdinalIgnoreCase);

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>
    /// Sanitised texts already seen, by their text: parsing and sanitising costs a few hundred microseconds a text, and
    /// a plan page shows hundreds of them on every render. Bounded by characters held (about 8 MB).
    /// </summary>
    private static readonly MemoryCache Seen = new(new MemoryCacheOptions { SizeLimit = 4_000_000 });

    /// <summary>The HTML, reduced to the allow-list; "" for null, blank or nothing left.</summary>
    public static string Sanitize(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        if (Seen.TryGetValue(html, out string? known) && known is not null)
        {
            return known;
        }

        var safe = SanitizeUncached(html);
        Seen.Set(html, safe, new MemoryCacheEntryOptions { Size = html.Length + safe.Length, SlidingExpiration = TimeSpan.FromHours(1) });
        return safe;
    }

    private static string SanitizeUncached(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var body = document.Body;
        if (body is null)
        {
            return "";
        }

        foreach (var element in document.All.Where(e => RemovedWithContent.Contains(e.LocalName)).ToList())
        {
            element.Remove();
        }

        if (!body.Descendants<IElement>().Any(e => BlockTags.Contains(e.LocalName)))
        {
            KeepLineBreaks(document, body);
        }

        FlattenContainers(document, body);
        Sanitizer.SanitizeDom(document, body, string.Empty);

        foreach (var element in body.Descendants<IElement>().ToList())
        {
            if (element.LocalName == "a")
            {
                var href = HttpsAddress(element.GetAttribute("href"));
                if (href is null)
                {
                    Unwrap(element);
                    continue;
                }

                element.SetAttribute("href", href);
                element.SetAttribute("rel", "noopener noreferrer");
            }
            else
            {
                foreach (var attribute in element.Attributes.Select(a => a.Name).ToList())
                {
                    element.RemoveAttribute(attribute);
                }
            }
        }

        RemoveEmpty(document, body);
        WrapLooseText(document, body);

        var result = new StringBuilder();
        foreach (var node in body.ChildNodes)
        {
            result.Append(node.ToHtml(HtmlFormatter.Instance));
        }

        return string.IsNullOrWhiteSpace(body.TextContent) ? "" : result.ToString().Trim();
    }

    /// <summary>
    /// The description as plain-text paragraphs and list items, for a PDF: the same allow-list as
    /// <see cref="Sanitize"/>, then <c>p</c> → a paragraph, <c>li</c> → an item ("•" or "1."), <c>br</c> → a line
    /// break, <c>strong</c>/<c>b</c> → bold, <c>em</c>/<c>i</c> → italic, a link → its text with the address after it
    /// in brackets. Loose text in a list that reads "- een - twee - drie" (as BBC exports have it) becomes one item per dash.
    /// </summary>
    public static IReadOnlyList<TextBlock> ToParagraphs(string? html)
    {
        var safe = Sanitize(html);
        if (safe.Length == 0)
        {
            return [];
        }

        var document = new HtmlParser().ParseDocument(safe);
        var collector = new BlockCollector();
        foreach (var node in document.Body!.ChildNodes)
        {
            collector.Walk(node, new Style(false, false));
        }

        collector.EndBlock();
        return collector.Blocks;
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = HtmlSanitizerOptions.Empty();
        foreach (var tag in AllowedTags)
        {
            options.AllowedTags.Add(tag);
        }

        options.AllowedAttributes.Add("href");
        options.UriAttributes.Add("href");
        options.AllowedSchemes.Add("https");
        var sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };

        // Also removed before sanitising; here again so that nothing the sanitiser's own walk finds keeps such content.
        sanitizer.RemovingTag += (_, e) =>
        {
            if (RemovedWithContent.Contains(e.Tag.LocalName))
            {
                foreach (var child in e.Tag.ChildNodes.ToList())
                {
                    child.RemoveFromParent();
                }
            }
        };
        return sanitizer;
    }

    private static string? HttpsAddress(string? href)
    {
        if (href is null || !Uri.TryCreate(href.Trim(), UriKind.Absolute, out var uri))
        {
            return null;
        }

        return uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host) ? uri.AbsoluteUri : null;
    }

    private static void Unwrap(IElement element)
    {
        var children = element.ChildNodes.ToArray();
        if (children.Length == 0)
        {
            element.Remove();
        }
        else
        {
            element.Replace(children);
        }
    }

    /// <summary>
    /// Divs, headings, table rows and the like: the innermost become paragraphs, the rest give way to their content,
    /// so that text in two divs does not run together once the divs are gone. Table cells end in a space.
    /// </summary>
    private static void FlattenContainers(IHtmlDocument document, IHtmlElement body)
    {
        foreach (var cell in body.Descendants<IElement>().Where(e => e.LocalName is "td" or "th").ToList())
        {
            cell.AppendChild(document.CreateTextNode(" "));
        }

        var innermost = body.Descendants<IElement>()
            .Where(e => Containers.Contains(e.LocalName)
                && !e.Descendants<IElement>().Any(d => Containers.Contains(d.LocalName) || d.LocalName is "p" or "ul" or "ol" or "li"))
            .ToList();
        foreach (var container in innermost)
        {
            var p = document.CreateElement("p");
            var target = p as IElement;
            if (Headings.Contains(container.LocalName))
            {
                target = document.CreateElement("strong");
                p.AppendChild(target);
            }

            foreach (var child in container.ChildNodes.ToList())
            {
                target.AppendChild(child);
            }

            container.Replace(p);
        }
    }

    /// <summary>Takes away paragraphs, lists and items without text, and turns empty emphasis into the space it held.</summary>
    private static void RemoveEmpty(IHtmlDocument document, IHtmlElement body)
    {
        foreach (var element in body.Descendants<IElement>().Reverse().ToList())
        {
            if (element.LocalName == "br" || !string.IsNullOrWhiteSpace(element.TextContent))
            {
                continue;
            }

            if (element.LocalName is "p" or "ul" or "ol" or "li")
            {
                element.Remove();
            }
            else
            {
                element.Replace(document.CreateTextNode(element.TextContent.Length > 0 ? " " : ""));
            }
        }
    }

    /// <summary>Text and emphasis straight in the body, between blocks, go into a paragraph of their own.</summary>
    private static void WrapLooseText(IHtmlDocument document, IHtmlElement body)
    {
        var run = new List<INode>();
        foreach (var node in body.ChildNodes.ToList())
        {
            if (node is IElement { LocalName: "p" or "ul" or "ol" or "li" })
            {
                Wrap(run);
                run.Clear();
            }
            else
            {
                run.Add(node);
            }
        }

        Wrap(run);

        void Wrap(List<INode> nodes)
        {
            if (!nodes.Any(n => !string.IsNullOrWhiteSpace(n.TextContent)))
            {
                return;
            }

            var p = document.CreateElement("p");
            body.InsertBefore(p, nodes[0]);
            foreach (var node in nodes)
            {
                p.AppendChild(node);
            }

            TrimEdges(p);
        }
    }

    /// <summary>Text without block tags: paragraphs at blank lines, &lt;br&gt; at single line breaks.</summary>
    private static void KeepLineBreaks(IHtmlDocument document, IHtmlElement body)
    {
        var paragraphs = new List<List<INode>> { new() };
        foreach (var node in body.ChildNodes.ToList())
        {
            node.RemoveFromParent();
            if (node is not IText text)
            {
                paragraphs[^1].Add(node);
                continue;
            }

            var parts = BlankLine().Split(text.Data.Replace("\r\n", "\n", StringComparison.Ordinal));
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0)
                {
                    paragraphs.Add([]);
                }

                paragraphs[^1].Add(document.CreateTextNode(parts[i]));
            }
        }

        foreach (var nodes in paragraphs)
        {
            var p = document.CreateElement("p");
            foreach (var node in nodes)
            {
                p.AppendChild(node);
            }

            if (string.IsNullOrWhiteSpace(p.TextContent))
            {
                continue;
            }

            foreach (var text in p.Descendants<IText>().Where(t => t.Data.Contains('\n', StringComparison.Ordinal)).ToList())
            {
                var replacement = new List<INode>();
                foreach (var line in text.Data.Split('\n'))
                {
                    if (replacement.Count > 0)
                    {
                        replacement.Add(document.CreateElement("br"));
                    }

                    replacement.Add(document.CreateTextNode(line));
                }

                text.Replace([.. replacement]);
            }

            TrimEdges(p);
            body.AppendChild(p);
        }
    }

    /// <summary>Takes line breaks and white space off the start and end of a paragraph made from plain text.</summary>
    private static void TrimEdges(IElement p)
    {
        while (p.FirstChild is { } first && (first is IElement { LocalName: "br" } || (first is IText t && string.IsNullOrWhiteSpace(t.Data))))
        {
            first.RemoveFromParent();
        }

        while (p.LastChild is { } last && (last is IElement { LocalName: "br" } || (last is IText t && string.IsNullOrWhiteSpace(t.Data))))
        {
            last.RemoveFromParent();
        }
    }

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex BlankLine();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^[-–•*]\s+")]
    private static partial Regex LeadingDash();

    [GeneratedRegex(@"\s+[-–•*]\s+")]
    private static partial Regex DashSeparator();

    private readonly record struct Style(bool Bold, bool Italic);

    /// <summary>Walks sanitised HTML and collects its text into blocks, collapsing white space as a browser does.</summary>
    private sealed class BlockCollector
    {
        private readonly List<TextRun> runs = [];
        private TextBlockKind kind = TextBlockKind.Paragraph;
        private string marker = "";
        private int level;
        private int listDepth = -1;

        public List<TextBlock> Blocks { get; } = [];

        public void Walk(INode node, Style style)
        {
            if (node is IText text)
            {
                Append(text.Data, style);
                return;
            }

            if (node is not IElement element)
            {
                return;
            }

            switch (element.LocalName)
            {
                case "br":
                    LineBreak();
                    break;
                case "p":
                    if (kind == TextBlockKind.ListItem && listDepth >= 0)
                    {
                        // A paragraph inside a list item continues the item on a new line.
                        LineBreak();
                        WalkChildren(element, style);
                    }
                    else
                    {
                        EndBlock();
                        WalkChildren(element, style);
                        EndBlock();
                    }

                    break;
                case "ul":
                case "ol":
                    WalkList(element, style);
                    break;
                case "li":
                    // An item outside any list: still an item.
                    StartItem(TextBlock.Bullet, Math.Max(0, listDepth));
                    WalkChildren(element, style);
                    EndBlock();
                    break;
                case "strong":
                case "b":
                    WalkChildren(element, style with { Bold = true });
                    break;
                case "em":
                case "i":
                    WalkChildren(element, style with { Italic = true });
                    break;
                case "a":
                    WalkChildren(element, style);
                    var href = element.GetAttribute("href");
                    if (href is not null && !string.Equals(Whitespace().Replace(element.TextContent, " ").Trim(), href, StringComparison.Ordinal))
                    {
                        Append($" ({href})", style);
                    }

                    break;
                default:
                    WalkChildren(element, style);
                    break;
            }
        }

        public void EndBlock()
        {
            while (runs.Count > 0 && runs[^1].Text.TrimEnd(' ', '\n').Length == 0)
            {
                runs.RemoveAt(runs.Count - 1);
            }

            if (runs.Count > 0)
            {
                runs[^1] = runs[^1] with { Text = runs[^1].Text.TrimEnd(' ', '\n') };
                Blocks.Add(new TextBlock(kind, [.. runs], marker, level));
                runs.Clear();
            }

            kind = TextBlockKind.Paragraph;
            marker = "";
            level = 0;
        }

        private void WalkChildren(IElement element, Style style)
        {
            foreach (var child in element.ChildNodes)
            {
                Walk(child, style);
            }
        }

        private void WalkList(IElement list, Style style)
        {
            EndBlock();
            listDepth++;
            var ordered = list.LocalName == "ol";
            var number = 0;
            foreach (var child in list.ChildNodes)
            {
                switch (child)
                {
                    case IElement { LocalName: "li" } item:
                        StartItem(ordered ? $"{++number}." : TextBlock.Bullet, listDepth);
                        foreach (var node in item.ChildNodes)
                        {
                            if (node is IElement { LocalName: "ul" or "ol" } nested)
                            {
                                WalkList(nested, style);
                                StartItem("", listDepth);
                            }
                            else
                            {
                                Walk(node, style);
                            }
                        }

                        EndBlock();
                        break;
                    case IText loose when !string.IsNullOrWhiteSpace(loose.Data):
                        foreach (var entry in LooseItems(loose.Data))
                        {
                            StartItem(ordered ? $"{++number}." : TextBlock.Bullet, listDepth);
                            Append(entry, style);
                            EndBlock();
                        }

                        break;
                    case IElement other:
                        StartItem(ordered ? $"{++number}." : TextBlock.Bullet, listDepth);
                        Walk(other, style);
                        EndBlock();
                        break;
                }
            }

            listDepth--;
        }

        /// <summary>Text straight inside a list, without &lt;li&gt;: one item per "- " if it starts with one, else one item.</summary>
        private static IEnumerable<string> LooseItems(string text)
        {
            var trimmed = Whitespace().Replace(text, " ").Trim();
            return LeadingDash().IsMatch(trimmed)
                ? DashSeparator().Split(LeadingDash().Replace(trimmed, "")).Where(s => s.Length > 0)
                : [trimmed];
        }

        private void StartItem(string itemMarker, int itemLevel)
        {
            EndBlock();
            kind = TextBlockKind.ListItem;
            marker = itemMarker;
            level = itemLevel;
        }

        private void LineBreak()
        {
            if (runs.Count == 0)
            {
                return;
            }

            runs[^1] = runs[^1] with { Text = runs[^1].Text.TrimEnd(' ') + "\n" };
        }

        private void Append(string data, Style style)
        {
            var text = Whitespace().Replace(data, " ");
            var atLineStart = runs.Count == 0 || runs[^1].Text.EndsWith(' ') || runs[^1].Text.EndsWith('\n');
            if (atLineStart)
            {
                text = text.TrimStart(' ');
            }

            if (text.Length == 0)
            {
                return;
            }

            if (runs.Count > 0 && runs[^1].Bold == style.Bold && runs[^1].Italic == style.Italic)
            {
                runs[^1] = runs[^1] with { Text = runs[^1].Text + text };
            }
            else
            {
                runs.Add(new TextRun(text, style.Bold, style.Italic));
            }
        }
    }
}
