using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Regiekamer.Core.Documents;

namespace Regiekamer.Core.Tests.Documents;

public class SafeHtmlTests
{
    // Long descriptions from the annex of the call's guidance (BBC format, action level), as written there.
    private const string Regisseur =
        "<p>Jaarlijkse personeelskosten regisseur voor de periode 2023-2025 Voor de opdracht wordt 1 VTE voltijds in dienst genomen.</p> "
        + "<p>Doel: de lokale regisseur sensibiliseert intern (bij de lokale besturen) en extern (op het werkveld), coördineert de verschillende actoren, doet aan netwerking, visievorming en beleidsvoorbereiding.</p> "
        + "<p>Hij staat in voor... en rapporteert intern aan...</p>";

    private const string MeetAndGreet =
        "<p>Jaarlijks organiseert de regisseur een meet & greet tussen sociale economiebedrijven en andere actoren in het socia-economisch werkveld (lokale besturen, reguliere bedrijven, sociale partners).</p> "
        + "<p>Trekker: regisseur sociale economie en werk</p> "
        + "<p>Doel van deze meet & greet is samenwerking en kennisdeling stimuleren. Daarnaast beoogt het samenwerkingsverband met deze meet & greet -formule meer lokale groei binnen sociale economie</p> <p>...</p>";

    private const string Partnerschap =
        "<p>Trekker: regisseur sociale economie en werk & netwerkmanager VDAB</p> "
        + "<p>In 2023 wordt de partnerschapsovereenkomst tussen VDAB en de lokale besturen vanuit de X vormgegeven en ter goedkeuring voorgelegd aan de verschillende gemeenteraden. Binnen deze partnerschapsovereenkomst wordt een actieplan uitgewerkt voor de periode 2023-2025 waarbij we willen inzetten op 6 actiedomeinen:</p> "
        + "<ul style=\"list-style-type: none\"> - Flankerend onderwijsbeleid - Randvoorwaarden tewerkstelling - Nederlands op de werkvloer - Dienstverlening aan bedrijven - Activeren & bemiddelen richting arbeidsmarkt - Inclusieve economie ";

    [Fact]
    public void Sanitize_SeedParagraphs_AreKeptAsTheyAre()
    {
        Assert.Equal(Regisseur, SafeHtml.Sanitize(Regisseur));
    }

    [Fact]
    public void Sanitize_SeedAmpersands_AreEscaped()
    {
        var html = SafeHtml.Sanitize(MeetAndGreet);

        Assert.Contains("<p>Jaarlijks organiseert de regisseur een meet &amp; greet tussen", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" & ", html, StringComparison.Ordinal);
        AssertOnlyAllowedMarkup(html);
    }

    [Fact]
    public void Sanitize_SeedListWithStyle_LosesTheStyle_AndIsClosed()
    {
        var html = SafeHtml.Sanitize(Partnerschap);

        Assert.EndsWith(
            "<ul> - Flankerend onderwijsbeleid - Randvoorwaarden tewerkstelling - Nederlands op de werkvloer - Dienstverlening aan bedrijven - Activeren &amp; bemiddelen richting arbeidsmarkt - Inclusieve economie </ul>",
            html,
            StringComparison.Ordinal);
        Assert.DoesNotContain("style", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToParagraphs_SeedParagraphs_BecomePlainParagraphs()
    {
        var blocks = SafeHtml.ToParagraphs(Regisseur);

        Assert.Equal(
            [
                "Jaarlijkse personeelskosten regisseur voor de periode 2023-2025 Voor de opdracht wordt 1 VTE voltijds in dienst genomen.",
                "Doel: de lokale regisseur sensibiliseert intern (bij de lokale besturen) en extern (op het werkveld), coördineert de verschillende actoren, doet aan netwerking, visievorming en beleidsvoorbereiding.",
                "Hij staat in voor... en rapporteert intern aan...",
            ],
            blocks.Select(b => b.ToString()));
        Assert.All(blocks, b => Assert.Equal(TextBlockKind.Paragraph, b.Kind));
    }

    [Fact]
    public void ToParagraphs_SeedDashesInsideAList_BecomeOneItemEach()
    {
        var blocks = SafeHtml.ToParagraphs(Partnerschap);

        Assert.Equal(
            [
                "Trekker: regisseur sociale economie en werk & netwerkmanager VDAB",
                "In 2023 wordt de partnerschapsovereenkomst tussen VDAB en de lokale besturen vanuit de X vormgegeven en ter goedkeuring voorgelegd aan de verschillende gemeenteraden. Binnen deze partnerschapsovereenkomst wordt een actieplan uitgewerkt voor de periode 2023-2025 waarbij we willen inzetten op 6 actiedomeinen:",
                "• Flankerend onderwijsbeleid",
                "• Randvoorwaarden tewerkstelling",
                "• Nederlands op de werkvloer",
                "• Dienstverlening aan bedrijven",
                "• Activeren & bemiddelen richting arbeidsmarkt",
                "• Inclusieve economie",
            ],
            blocks.Select(b => b.ToString()));
    }

    [Fact]
    public void ToParagraphs_ADashInRunningText_IsNotAList()
    {
        var blocks = SafeHtml.ToParagraphs(MeetAndGreet);

        Assert.Equal(4, blocks.Count);
        Assert.Contains("met deze meet & greet -formule meer lokale groei", blocks[2].Text, StringComparison.Ordinal);
        Assert.Equal("...", blocks[3].Text);
    }

    [Fact]
    public void ToParagraphs_ListsAndEmphasis_KeepTheirShape()
    {
        var blocks = SafeHtml.ToParagraphs(
            "<p>Doel: <strong>jaarlijks</strong> minimaal <em>1 concrete actie</em>.<br>Tweede regel</p>"
            + "<ol><li>Omgevingsanalyse<ul><li>actoren <b>bevragen</b></li><li>cijfers</li></ul>en terugkoppelen</li><li><p>Netwerking</p></li></ol>");

        Assert.Equal(
            ["Doel: jaarlijks minimaal 1 concrete actie.\nTweede regel", "1. Omgevingsanalyse", "  • actoren bevragen", "  • cijfers", " en terugkoppelen", "2. Netwerking"],
            blocks.Select(b => b.ToString()));
        Assert.Equal([new TextRun("Doel: "), new TextRun("jaarlijks", Bold: true), new TextRun(" minimaal "), new TextRun("1 concrete actie", Italic: true), new TextRun(".\nTweede regel")], blocks[0].Runs);
        Assert.Equal([new TextRun("actoren "), new TextRun("bevragen", Bold: true)], blocks[2].Runs);
        Assert.Equal([0, 0, 1, 1, 0, 0], blocks.Select(b => b.Level));
    }

    [Fact]
    public void ToParagraphs_Link_ShowsItsAddressAfterItsText()
    {
        var blocks = SafeHtml.ToParagraphs("<p>Zie <a href=\"https://www.socialeconomie.be/het-lokale-bestuur-als-regisseur\">het overzicht</a> en <a href=\"https://www.vlaanderen.be/\">https://www.vlaanderen.be/</a>.</p>");

        Assert.Equal(
            "Zie het overzicht (https://www.socialeconomie.be/het-lokale-bestuur-als-regisseur) en https://www.vlaanderen.be/.",
            Assert.Single(blocks).Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("<p> </p><br><ul><li></li></ul>")]
    [InlineData("<script>alert(1)</script>")]
    public void Nothing_GivesNothing(string? html)
    {
        Assert.Equal("", SafeHtml.Sanitize(html));
        Assert.Empty(SafeHtml.ToParagraphs(html));
    }

    [Fact]
    public void PlainText_KeepsItsLineBreaks_AsParagraphsAndBreaks()
    {
        var text = "Regel één & nog iets\r\nRegel twee < drie\n\n  \nNieuwe alinea met \"aanhalingstekens\"\n";

        Assert.Equal(
            "<p>Regel één &amp; nog iets<br>Regel twee &lt; drie</p><p>Nieuwe alinea met \"aanhalingstekens\"</p>",
            SafeHtml.Sanitize(text));
        Assert.Equal(
            ["Regel één & nog iets\nRegel twee < drie", "Nieuwe alinea met \"aanhalingstekens\""],
            SafeHtml.ToParagraphs(text).Select(b => b.Text));
    }

    [Fact]
    public void InlineOnlyHtml_KeepsItsLineBreaksToo()
    {
        Assert.Equal("<p>Dit is <b>vet</b><br>en dit niet</p>", SafeHtml.Sanitize("Dit is <b>vet</b>\nen dit niet"));
    }

    [Fact]
    public void HtmlWithBlocks_TreatsLineBreaksAsSpaces()
    {
        Assert.Equal(
            ["Eerste regel tweede regel"],
            SafeHtml.ToParagraphs("<p>Eerste regel\ntweede regel</p>").Select(b => b.Text));
    }

    [Fact]
    public void Entities_AreDecodedOnce_AndEscapedAgain()
    {
        var html = "<p>&eacute;&euml; &euro; 35.000,00 &lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; &#8217;</p>";

        Assert.Equal("<p>éë € 35.000,00 &lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; ’</p>", SafeHtml.Sanitize(html));
        Assert.Equal("éë € 35.000,00 <script>alert(1)</script> &amp; ’", Assert.Single(SafeHtml.ToParagraphs(html)).Text);
    }

    [Theory]
    [InlineData("<a href=\"https://www.vlaanderen.be/regierol\">regierol</a>", "<p><a href=\"https://www.vlaanderen.be/regierol\" rel=\"noopener noreferrer\">regierol</a></p>")]
    [InlineData("<a href=\"HTTPS://Www.Vlaanderen.be\" target=\"_blank\" rel=\"opener\" title=\"x\">x</a>", "<p><a href=\"https://www.vlaanderen.be/\" rel=\"noopener noreferrer\">x</a></p>")]
    [InlineData("<a href=\"http://www.vlaanderen.be\">onveilig</a>", "<p>onveilig</p>")]
    [InlineData("<a href=\"/relatief/pad\">relatief</a>", "<p>relatief</p>")]
    [InlineData("<a href=\"//evil.example/\">zonder schema</a>", "<p>zonder schema</p>")]
    [InlineData("<a href=\"javascript:alert(1)\">klik</a>", "<p>klik</p>")]
    [InlineData("<a href=\"JaVaScRiPt:alert(1)\">klik</a>", "<p>klik</p>")]
    [InlineData("<a href=\"java&#x09;script:alert(1)\">klik</a>", "<p>klik</p>")]
    [InlineData("<a href=\" javascript:alert(1)\">klik</a>", "<p>klik</p>")]
    [InlineData("<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">klik</a>", "<p>klik</p>")]
    [InlineData("<a href=\"mailto:regie@vlaanderen.be\">mail</a>", "<p>mail</p>")]
    [InlineData("<a>geen adres</a>", "<p>geen adres</p>")]
    [InlineData("<p href=\"https://www.vlaanderen.be\">href op p</p>", "<p>href op p</p>")]
    public void Links_OnlyHttps_WithNoopener(string html, string expected)
    {
        Assert.Equal(expected, SafeHtml.Sanitize(html));
    }

    public static TheoryData<string, string> XssBattery => new()
    {
        { "<p>a<script>alert(1)</script>b</p>", "<p>ab</p>" },
        { "<SCRIPT SRC=https://evil.example/x.js></SCRIPT><p>tekst</p>", "<p>tekst</p>" },
        { "<p>a<img src=x onerror=alert(1)>b</p>", "<p>ab</p>" },
        { "<svg onload=alert(1)><p>in svg</p></svg><p>na</p>", "<p>in svg</p><p>na</p>" }, // a <p> ends the svg (HTML parsing rules)
        { "<p onclick=\"alert(1)\" onmouseover=alert(2) style=\"color:red;background:url(javascript:alert(3))\" class=\"x\" id=\"y\">klik</p>", "<p>klik</p>" },
        { "<iframe src=\"https://evil.example\">tekst in iframe</iframe><p>na</p>", "<p>na</p>" },
        { "<style>p{background:url(javascript:alert(1))}</style><p>na</p>", "<p>na</p>" },
        { "<div style=\"x\"><span>in div</span></div>", "<p>in div</p>" },
        { "<div>een</div><div>twee<div>drie</div></div><h2>Kop</h2><table><tr><td>a</td><td>b</td></tr></table>", "<p>een</p><p>twee</p><p>drie</p><p><strong>Kop</strong></p><p>a b </p>" },
        { "<body onload=alert(1)><p>body</p></body>", "<p>body</p>" },
        { "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math><p>na</p>", "<p>na</p>" },
        { "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">x</p></noscript><p>na</p>", "<p>x</p><p>na</p>" }, // the <p> ends the noscript in the head
        { "<p>open <b>vet <i>beide</p> erna", "<p>open <b>vet <i>beide</i></b></p><p><b><i> erna</i></b></p>" },
        { "<ul><li>een<li>twee</ul>", "<ul><li>een</li><li>twee</li></ul>" },
        { "<<script>script>alert(1)<</script>/script>", "<p>&lt;/script&gt;</p>" }, // "<", a script element, "/script>"
        { "<p>&lt;img src=x onerror=alert(1)&gt;</p>", "<p>&lt;img src=x onerror=alert(1)&gt;</p>" },
        { "<!-- <script>alert(1)</script> --><p>commentaar</p>", "<p>commentaar</p>" },
        { "<p><object data=\"x.swf\"></object><embed src=\"x.swf\"><form action=\"https://evil.example\"><input value=x><button>knop</button>formulier</form></p>", "<p>formulier</p>" },
        { "<p>a<b> </b>b<em></em></p><p><br></p><ul><li> </li></ul>", "<p>a b</p>" },
        { "<template><script>alert(1)</script></template><p>na</p>", "<p>na</p>" },
        { "<textarea><script>alert(1)</script></textarea><p>na</p>", "<p>na</p>" },
        { "<a href=\"https://www.vlaanderen.be\" onclick=\"alert(1)\" style=\"x\">ok</a>", "<p><a href=\"https://www.vlaanderen.be/\" rel=\"noopener noreferrer\">ok</a></p>" },
        { "<b onmouseover=alert(1)>vet</b>", "<p><b>vet</b></p>" },
        { "<p><svg><a href=\"javascript:alert(1)\"><text>svg-link</text></a></svg></p>", "" },
        { "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\"><p>na</p>", "<p>na</p>" },
        { "<base href=\"https://evil.example/\"><a href=\"https://www.vlaanderen.be/x\">x</a>", "<p><a href=\"https://www.vlaanderen.be/x\" rel=\"noopener noreferrer\">x</a></p>" },
    };

    [Theory]
    [MemberData(nameof(XssBattery))]
    public void XssBattery_OnlyOurTagsSurvive(string html, string expected)
    {
        var safe = SafeHtml.Sanitize(html);

        Assert.Equal(expected, safe);
        AssertOnlyAllowedMarkup(safe);
        Assert.Equal(safe, SafeHtml.Sanitize(safe));
    }

    private static readonly HashSet<string> Allowed = ["p", "br", "ul", "ol", "li", "strong", "b", "em", "i", "u", "a"];

    /// <summary>Parses the output as a browser would and checks every element and attribute against the allow-list.</summary>
    private static void AssertOnlyAllowedMarkup(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var element in document.Body!.Descendants<IElement>())
        {
            Assert.Contains(element.LocalName, Allowed);
            if (element.LocalName == "a")
            {
                Assert.Equal(["href", "rel"], element.Attributes.Select(a => a.Name).Order());
                Assert.StartsWith("https://", element.GetAttribute("href"), StringComparison.Ordinal);
                Assert.Equal("noopener noreferrer", element.GetAttribute("rel"));
            }
            else
            {
                Assert.Empty(element.Attributes);
            }
        }

        Assert.Empty(document.Head!.Children);
    }
}
