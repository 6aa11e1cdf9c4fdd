using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;

namespace Regiekamer.Web.Tests.Pages;

public sealed class PageTests
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-BE");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Home_ShowsTheCallItsBudgetAndTheEstimateBanner(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.Client();

        var page = await client.GetPageAsync("/");

        Assert.Equal("nl-BE", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("2023-2025", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("€ 3.000.000,00", page.Body.Text(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".banner.estimate"));
        Assert.NotNull(page.QuerySelector("main#main h1"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Municipalities_Lists300Rows_InDutchNumberFormat_AndInEnglishOnRequest(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        using var client = app.Client();

        var dutch = await client.GetPageAsync("/Municipalities?all=true");
        var english = await client.GetPageAsync("/Municipalities?culture=en&all=true");
        var set2025 = await client.GetPageAsync("/Municipalities?set=2025&all=true");

        var rows = dutch.Rows("table#municipalities");
        Assert.Equal(300, rows.Count);
        var antwerpen = rows.Single(r => r[1] == "Antwerpen");
        Assert.Equal("11002", antwerpen[0]);
        Assert.Contains("529.247", antwerpen); // Statbel, 1/1/2020, nl-BE grouping
        Assert.NotNull(dutch.QuerySelector(".banner.estimate"));

        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Contains("529,247", english.Rows("table#municipalities").Single(r => r[1] == "Antwerpen"));
        Assert.Contains("Municipalities", english.One("h1").TextContent, StringComparison.Ordinal);

        Assert.Equal(285, set2025.Rows("table#municipalities").Count);

        // Without all=true: 50 a page, and the pages together are the whole list, each municipality once.
        var codes = new List<string>();
        var url = "/Municipalities";
        for (var page = 1; page <= 6; page++)
        {
            var html = await client.GetPageAsync(url);
            var pageRows = html.Rows("table#municipalities");
            Assert.Equal(50, pageRows.Count);
            codes.AddRange(pageRows.Select(r => r[0]));
            var next = html.QuerySelector("nav.pager a[rel=next]")?.GetAttribute("href");
            Assert.Equal(page < 6, next is not null);
            url = next ?? url;
        }

        Assert.Equal(rows.Select(r => r[0]).Order(StringComparer.Ordinal), codes.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CultureSwitch_SetsACookie_AndOnlyRedirectsWithinTheSite(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        using var client = app.Client();

        using var switched = await client.GetAsync(new Uri("/culture?c=en&returnUrl=/Partnerships", UriKind.Relative));
        var after = await client.GetPageAsync("/Partnerships");
        using var offsite = await client.GetAsync(new Uri("/culture?c=nl&returnUrl=//evil.example/x", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/Partnerships", switched.Headers.Location?.OriginalString);
        Assert.Equal("en", after.DocumentElement.GetAttribute("lang"));
        Assert.Equal(HttpStatusCode.Redirect, offsite.StatusCode);
        Assert.Equal("/", offsite.Headers.Location?.OriginalString);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Partnerships_ListsEveryPartnershipWithALinkToItsDetails(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.Client();
        var api = (await client.GetJsonAsync("/api/v1/partnerships")).AsArray();

        var page = await client.GetPageAsync("/Partnerships");

        var links = page.One("table#partnerships").QuerySelectorAll("tbody tr td:first-child a").Cast<IHtmlAnchorElement>().ToList();
        Assert.Equal(api.Count, links.Count);
        foreach (var p in api)
        {
            var link = links.Single(a => a.TextContent.Trim() == (string)p!["name"]!);
            Assert.Equal($"/Partnerships/{(int)p!["id"]!}", link.GetAttribute("href"));
        }

        var scheldeland = api.Single(p => ((string)p!["name"]!).Contains("Scheldeland", StringComparison.Ordinal))!;
        var details = await client.GetPageAsync($"/Partnerships/{(int)scheldeland["id"]!}?on=2025-06-01");
        Assert.Contains("R5", details.One("#eligibility").TextContent, StringComparison.Ordinal);
        Assert.Equal(5, details.Rows("table#members").Count);
        using var missing = await client.GetAsync(new Uri("/Partnerships/987654", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CreateForm_RoundTripWithAntiforgeryToken_CreatesThePartnership(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        using var client = app.Client();
        var form = (IHtmlFormElement)(await client.GetPageAsync("/Partnerships/New")).One("main form[method=post]");
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));

        using var content = new FormUrlEncodedContent(Html.Fields(form, new Dictionary<string, string>
        {
            ["Input.Name"] = "Regie Dender",
            ["Input.Kind"] = "interlocal-association",
            ["Input.Status"] = "new",
            ["Input.Members"] = "Dendermonde\r\nBuggenhout\r\n42011",
            ["Input.ManagingMunicipality"] = "Dendermonde",
        }));
        using var response = await client.PostAsync(new Uri("/Partnerships/New", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/Partnerships/[0-9]+\\?saved=true$", location);
        var details = await client.GetPageAsync(location);
        Assert.Equal("Regie Dender", details.One("h1").TextContent.Trim());
        Assert.True(details.QuerySelector("[role=status]") is not null, $"After saving, the details page ({location}) should confirm it with a role=status banner.");
        Assert.Equal(["Buggenhout", "Dendermonde (beherend)", "Lebbeke"], details.Rows("table#members").Select(r => r[1]));

        var created = Assert.Single((await client.GetJsonAsync("/api/v1/partnerships")).AsArray())!;
        Assert.Equal("Regie Dender", (string)created["name"]!);
        Assert.Equal("42006", (string)created["managingMunicipality"]!);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CreateForm_WithoutAntiforgeryToken_Returns400AndCreatesNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        using var client = app.Client();
        var form = (IHtmlFormElement)(await client.GetPageAsync("/Partnerships/New")).One("main form[method=post]");
        var fields = Html.Fields(form, new Dictionary<string, string>
        {
            ["Input.Name"] = "Forged",
            ["Input.Members"] = "Dendermonde",
        }).Where(f => f.Key != "__RequestVerificationToken");

        using var content = new FormUrlEncodedContent(fields);
        using var response = await client.PostAsync(new Uri("/Partnerships/New", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Http.AssertNoInternals(await response.Content.ReadAsStringAsync(), "antiforgery rejection");
        Assert.Empty((await client.GetJsonAsync("/api/v1/partnerships")).AsArray());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CreateForm_WithABrokenRule_ShowsTheErrorLinkedToItsField_AndKeepsTheInput(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        using var client = app.Client();
        var form = (IHtmlFormElement)(await client.GetPageAsync("/Partnerships/New")).One("main form[method=post]");

        using var content = new FormUrlEncodedContent(Html.Fields(form, new Dictionary<string, string>
        {
            ["Input.Name"] = "Regie Dender",
            ["Input.Members"] = "Dendermonde\nBuggenhout",
            ["Input.ManagingMunicipality"] = "Gent",
        }));
        using var response = await client.PostAsync(new Uri("/Partnerships/New", UriKind.Relative), content);

        var page = await response.ReadPageAsync(422, "form with R4 error");
        var summary = page.One("[role=alert]");
        var link = summary.One("a");
        Assert.Contains("R4", link.TextContent, StringComparison.Ordinal);
        var target = link.GetAttribute("href")!.TrimStart('#');
        Assert.NotNull(page.GetElementById(target));
        Assert.Equal("Input_ManagingMunicipality", target);
        Assert.Equal("Regie Dender", ((IHtmlInputElement)page.GetElementById("Input_Name")!).Value);
        Assert.Equal("Gent", ((IHtmlInputElement)page.GetElementById("Input_ManagingMunicipality")!).Value);
        Assert.Empty((await client.GetJsonAsync("/api/v1/partnerships")).AsArray());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Allocation_ShowsTheRoundingRuleTheEstimateBanner_AndTheSameAmountsAsTheApi(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.Client();
        var api = await client.GetJsonAsync("/api/v1/allocation?on=2025-06-01");

        var page = await client.GetPageAsync("/Allocation?on=2025-06-01");

        Assert.Contains("grootste resten", page.One("#rounding-rule").TextContent, StringComparison.Ordinal);
        Assert.Contains("werkzoekenden", page.One(".banner.estimate").TextContent, StringComparison.Ordinal);
        var rows = page.Rows("table#allocation");
        var lines = api["lines"]!.AsArray();
        Assert.Equal(lines.Count, rows.Count);
        foreach (var line in lines)
        {
            var row = rows.Single(r => r[0] == (string)line!["partnership"]!);
            Assert.Equal(Cents.Parse(line!["total"]), ParseDutchEuro(row[^1]));
        }

        Assert.Equal(3_000_000_00, rows.Sum(r => ParseDutchEuro(r[^1])));
        Assert.Equal(3_000_000_00, ParseDutchEuro(page.One("table#allocation tfoot").QuerySelectorAll("td")[^1].TextContent));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryMenuPage_Renders_WithSecurityHeaders(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.Client();
        var home = await client.GetPageAsync("/");
        var links = home.QuerySelectorAll("nav.main-nav a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.True(links.Count >= 5, "The main menu lists the pages.");

        foreach (var link in links)
        {
            using var response = await client.GetAsync(new Uri(link, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link}: {(int)response.StatusCode}\n{body}");
            Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            var page = await response.ReadPageAsync(200, link);
            Assert.Single(page.QuerySelectorAll("h1"));
            Assert.Equal("page", page.QuerySelector($"nav.main-nav a[href='{link}']")!.GetAttribute("aria-current"));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UnknownPage_Returns404WithoutInternals(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        using var client = app.Client();

        using var response = await client.GetAsync(new Uri("/does-not-exist", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Http.AssertNoInternals(await response.Content.ReadAsStringAsync(), "404");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UnknownPartnership_OnAPage_Returns404HtmlInDutch_AndTheApiKeepsProblemDetails(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.Client();

        foreach (var url in new[] { "/Partnerships/999999", "/Partnerships/999999/History", "/nothing-here" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            var page = await response.ReadPageAsync(404, url);
            Assert.Equal("nl-BE", page.DocumentElement.GetAttribute("lang"));
            Assert.Equal("Pagina niet gevonden", page.One("main#main h1").TextContent.Trim());
            Assert.Contains("bestaan niet (meer)", page.One("#error-message").TextContent, StringComparison.Ordinal);
            Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Http.AssertNoInternals(page.DocumentElement.OuterHtml, url);
        }

        var english = await client.GetPageAsync("/Partnerships/999999?culture=en", 404);
        Assert.Equal("Page not found", english.One("main#main h1").TextContent.Trim());

        using var api = await client.GetAsync(new Uri("/api/v1/partnerships/999999", UriKind.Relative));
        await api.ReadProblemAsync(404, "not-found", "GET /api/v1/partnerships/999999");
        using var unknownApi = await client.GetAsync(new Uri("/api/v1/nothing-here", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknownApi.StatusCode);
        Assert.Equal("application/problem+json", unknownApi.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CallVersionForm_WithABadBudget_LinksTheErrorToItsField_MarksItInvalid_AndAddsNoVersion(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        using var client = app.Client();
        var calls = await client.GetPageAsync("/Calls");
        var form = (IHtmlFormElement)calls.One("main details form[method=post]");

        using var content = new FormUrlEncodedContent(Html.Fields(form, new Dictionary<string, string> { ["Budget"] = "drie miljoen" }));
        using var response = await client.PostAsync(new Uri("/Calls", UriKind.Relative), content);

        var page = await response.ReadPageAsync(422, "call version with a bad budget");
        var link = page.One("[role=alert] a");
        Assert.Contains("R13", link.TextContent, StringComparison.Ordinal);
        var field = page.GetElementById(link.GetAttribute("href")!.TrimStart('#'));
        Assert.NotNull(field);
        Assert.Equal("Budget", field.GetAttribute("name"));
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        var described = field.GetAttribute("aria-describedby")!.Split(' ');
        Assert.Contains("drie miljoen", page.GetElementById(described[^1])!.TextContent, StringComparison.Ordinal);
        Assert.Single(page.QuerySelectorAll("main table")[0].QuerySelectorAll("tbody tr"));
    }

    /// <summary>"€ 1.234.567,89" (nl-BE) to cents.</summary>
    private static long ParseDutchEuro(string text)
    {
        var number = text.Replace("€", "", StringComparison.Ordinal).Trim();
        Assert.Matches(@"^\d{1,3}(\.\d{3})*,\d{2}$", number);
        return (long)(decimal.Parse(number, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, Dutch) * 100);
    }
}
