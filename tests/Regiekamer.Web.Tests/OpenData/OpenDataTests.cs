using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Grants;
using Regiekamer.Core.Grants.OpenData;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;

namespace Regiekamer.Web.Tests.OpenData;

/// <summary>
/// Issue 9, point 7, on both databases: the public sees published decrees only — on the transparency page, in its CSV
/// and PDFs, in /api/v1/published-decrees — and the 360Giving package holds exactly the lines in force, to the cent.
/// Gent (a central city) and Scheldeland (an interlocal association managed by Hamme) have a decree for 2023 that is
/// published, one for 2024 that is signed but not published, and a draft for 2025.
/// </summary>
public sealed class OpenDataTests
{
    private sealed record Scenario(TestApp App, int Gent, int Scheldeland, Decree Published, Decree Signed, Decree Draft) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    /// <summary>The dossiers are submitted and approved before the call's deadline; the public looks on <see cref="TestApp.Today"/>.</summary>
    private static async Task<Scenario> StartAsync(DatabaseProvider provider, bool publish = true, IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = await TestApp.StartAsync(provider, demo: false, settings: settings);
        app.Time.SetUtcNow(FakeTimeProvider.DayBeforeDeadline);
        var services = app.Services;
        var gent = await services.CreatePartnershipAsync(p => p.CentralCity("Gent").Named("Regie Gent"));
        var scheldeland = await services.CreatePartnershipAsync(p => p.Interlocal("Hamme", "Hamme", "Berlare", "Dendermonde", "Wichelen", "Zele").Named("Scheldeland"));
        var run = await services.CreateApprovedRunAsync(gent, scheldeland);
        var first = await services.CreateSignedDecreeAsync(run, 2023, "MB-2023-0001");
        var published = publish ? await services.PublishDecreeAsync(first) : first;
        var signed = await services.CreateSignedDecreeAsync(run, 2024, "MB-2024-0001");
        var draft = await services.CreateDraftDecreeAsync(run, 2025, "MB-2025-0001");
        app.Time.SetUtcNow(TestApp.Today);
        return new Scenario(app, gent.Id, scheldeland.Id, published, signed, draft);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TransparencyPage_ShowsThePublishedDecree_WithItsAmountsSourceAndMoment_NotASignedOneNorADraft(DatabaseProvider provider)
    {
        await using var s = await StartAsync(provider);
        using var visitor = s.App.Client(null);

        using var response = await visitor.GetAsync(new Uri("/OpenData/Decrees", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        var page = await response.ReadPageAsync(200, "GET /OpenData/Decrees");

        Assert.Contains("Bron: Regiekamer, gepubliceerde ministeriële besluiten · stand op 01/06/2025 12:00", page.One("#source").TextContent, StringComparison.Ordinal);
        Assert.Contains("MB-2023-0001", page.One($"#decree-{s.Published.Id}").TextContent, StringComparison.Ordinal);
        Assert.Contains("20/04/2023", page.One($"#decree-{s.Published.Id}").TextContent, StringComparison.Ordinal);
        foreach (var hidden in new[] { "MB-2024-0001", "MB-2025-0001" })
        {
            Assert.DoesNotContain(hidden, html, StringComparison.Ordinal);
        }

        // One row per beneficiary with its partnership and amount; the total is the year's budget.
        var table = $"table#decree-{s.Published.Id}-lines";
        Assert.NotNull(page.One(table).QuerySelector("caption"));
        Assert.All(page.One(table).QuerySelectorAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        var rows = page.Rows(table);
        Assert.Equal(2, rows.Count);
        foreach (var line in s.Published.Lines)
        {
            var row = rows.Single(r => r[1] == line.PartnershipName);
            Assert.StartsWith(line.BeneficiaryName + " (", row[0], StringComparison.Ordinal);
            Assert.Equal("€ " + line.Amount.ToDisplayString(Formats.Dutch), row[2]);
        }

        Assert.Equal("Gent (stad)", rows.Single(r => r[1] == "Regie Gent")[0]);
        Assert.Equal("Hamme (beherende gemeente)", rows.Single(r => r[1] == "Scheldeland")[0]);
        Assert.Equal("€ " + s.Published.Budget.ToDisplayString(Formats.Dutch), page.One($"{table} tfoot td").TextContent.Trim());

        // Its PDF, the CSV of all lines and the 360Giving package are linked.
        var links = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/OpenData/Decrees/{s.Published.Id}/pdf", links);
        Assert.Contains("/OpenData/Decrees?handler=Csv", links);
        Assert.Contains("/api/v1/open-data/360giving.json", links);

        // The same in English; the menu leads here for everyone.
        var english = await visitor.GetPageAsync("/OpenData/Decrees?culture=en");
        Assert.Contains("Source: Regiekamer, published ministerial decrees · as of 01/06/2025 12:00", english.One("#source").TextContent, StringComparison.Ordinal);
        Assert.Equal("€ " + s.Published.Budget.ToDisplayString(Formats.English), english.One($"{table} tfoot td").TextContent.Trim());
        var home = await visitor.GetPageAsync("/");
        Assert.NotNull(home.QuerySelector("nav.main-nav a[href='/OpenData/Decrees']"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PublishedDecreesApi_ListsThePublishedDecreeOnly_WithItsLinesToTheCent_And404ForTheOthers(DatabaseProvider provider)
    {
        await using var s = await StartAsync(provider);
        using var visitor = s.App.Client(null);

        var list = (await visitor.GetJsonAsync("/api/v1/published-decrees")).AsArray();

        var decree = Assert.Single(list)!;
        Assert.Equal(s.Published.Id, (int)decree["id"]!);
        Assert.Equal(("MB-2023-0001", 2023, "2023-04-20"), ((string?)decree["number"], (int)decree["year"]!, (string?)decree["date"]));
        Assert.Null((string?)decree["amendsNumber"]);
        Assert.Equal(s.Published.Budget.Cents, Cents.Parse(decree["total"]));
        Assert.Equal($"/OpenData/Decrees/{s.Published.Id}/pdf", (string?)decree["pdf"]);
        var lines = decree["lines"]!.AsArray();
        Assert.Equal(2, lines.Count);
        foreach (var line in s.Published.Lines)
        {
            var json = lines.Single(l => (int)l!["partnershipId"]! == line.PartnershipId)!;
            Assert.Equal(line.Amount.Cents, Cents.Parse(json["amount"]));
            Assert.Equal((line.BeneficiaryName, line.BeneficiaryKind.Code(), line.BeneficiaryKbo, line.PartnershipName), ((string?)json["beneficiary"], (string?)json["beneficiaryKind"], (string?)json["kbo"], (string?)json["partnershipName"]));
        }

        Assert.Equal("managing-municipality", (string?)lines.Single(l => (int)l!["partnershipId"]! == s.Scheldeland)!["beneficiaryKind"]);
        Assert.Equal(s.Published.Budget.Cents, lines.Sum(l => Cents.Parse(l!["amount"])));

        var one = await visitor.GetJsonAsync($"/api/v1/published-decrees/{s.Published.Id}");
        Assert.Equal("MB-2023-0001", (string?)one["number"]);
        foreach (var id in new[] { s.Signed.Id, s.Draft.Id, 999999 })
        {
            using var response = await visitor.GetAsync(new Uri($"/api/v1/published-decrees/{id}", UriKind.Relative));
            var problem = await response.ReadProblemAsync(404, "not-found", $"GET /api/v1/published-decrees/{id}");
            Assert.DoesNotContain("MB-202", problem.ToJsonString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pdf_IsThereForAPublishedDecree_And404ForASignedOneOrADraft_AndTheCsvHoldsItsLines(DatabaseProvider provider)
    {
        await using var s = await StartAsync(provider);
        using var visitor = s.App.Client(null);

        using (var pdf = await visitor.GetAsync(new Uri($"/OpenData/Decrees/{s.Published.Id}/pdf", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
            Assert.Equal("besluit-MB-2023-0001.pdf", pdf.Content.Headers.ContentDisposition?.FileNameStar ?? pdf.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
            Assert.Equal("%PDF-", Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..5]));
        }

        foreach (var id in new[] { s.Signed.Id, s.Draft.Id, 999999 })
        {
            using var refused = await visitor.GetAsync(new Uri($"/OpenData/Decrees/{id}/pdf", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.NotEqual("application/pdf", refused.Content.Headers.ContentType?.MediaType);
        }

        using var csv = await visitor.GetAsync(new Uri("/OpenData/Decrees?handler=Csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var rows = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("call,year,decree_number,decree_date,amends_decree,amended_by_decree,beneficiary,beneficiary_kind,beneficiary_kbo,partnership_id,partnership,amount", rows[0]);
        Assert.Equal(3, rows.Length);
        Assert.All(rows[1..], r => Assert.Contains(",2023,MB-2023-0001,2023-04-20,,,", r, StringComparison.Ordinal));
        var gent = s.Published.Lines.Single(l => l.PartnershipId == s.Gent);
        Assert.Contains(rows, r => r.EndsWith($",Gent,city,{gent.BeneficiaryKbo},{s.Gent},Regie Gent,{gent.Amount.ToInvariantString()}", StringComparison.Ordinal));
        Assert.DoesNotContain("MB-2024-0001", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ThreeSixtyGiving_IsValid_OneGrantPerLineInForce_ToTheCent_AndFollowsAmendments(DatabaseProvider provider)
    {
        await using var s = await StartAsync(provider, settings: new Dictionary<string, string> { ["OpenData:IdPrefix"] = "360G-vlaanderen-wse-" });
        using var visitor = s.App.Client(null);

        var grants = await PackageAsync(visitor);
        Assert.Equal(2, grants.Count);
        AssertGrants(grants, s.Published, "MB-2023-0001");
        var hamme = grants.Single(g => (string?)g["recipientOrganization"]![0]!["name"] == "Hamme");
        Assert.Equal("Lokale regierol sociale economie en werk 2023 – Scheldeland", (string?)hamme["title"]);
        Assert.Contains("ministerieel besluit MB-2023-0001 van 20/04/2023", (string?)hamme["description"], StringComparison.Ordinal);
        Assert.Equal("BE-BCE_KBO-" + ApplicationBuilder.Kbo, (string?)hamme["recipientOrganization"]![0]!["id"]);
        Assert.Equal(["Berlare", "Dendermonde", "Hamme", "Wichelen", "Zele"], hamme["beneficiaryLocation"]!.AsArray().Select(l => (string)l!["name"]!).Order(StringComparer.Ordinal));
        Assert.All(hamme["beneficiaryLocation"]!.AsArray(), l => Assert.Matches("^[0-9]{5}$", (string?)l!["geoCode"]));
        Assert.Equal(("BE-BCE_KBO-0316381039", "Departement Werk en Sociale Economie (Vlaamse overheid)"), ((string?)hamme["fundingOrganization"]![0]!["id"], (string?)hamme["fundingOrganization"]![0]!["name"]));

        // A signed amendment replaces the published decree, but is not public yet: no grant of 2023 is current.
        var amendment = await s.App.Services.CreateAmendmentAsync(s.Published, "MB-2023-0002", s.Gent, s.Scheldeland, new Money(12_345), "Materiële vergissing: € 123,45 van Gent naar Hamme.");
        using (var none = await visitor.GetAsync(new Uri(OpenDataPath, UriKind.Relative)))
        {
            var problem = await none.ReadProblemAsync(404, "nothing-published", "GET 360giving.json after a signed amendment");
            Assert.Contains("minstens één subsidie", (string?)problem["detail"], StringComparison.Ordinal);
        }

        var page = await visitor.GetPageAsync("/OpenData/Decrees");
        Assert.DoesNotContain("MB-2023-0002", page.DocumentElement.OuterHtml, StringComparison.Ordinal);

        // Published, the amendment's lines are the grants, and the page says which decree it amends.
        await s.App.Services.PublishDecreeAsync(amendment);
        grants = await PackageAsync(visitor);
        Assert.Equal(2, grants.Count);
        AssertGrants(grants, amendment, "MB-2023-0002");
        var gentBefore = s.Published.Lines.Single(l => l.PartnershipId == s.Gent).Amount;
        var gentNow = grants.Single(g => (string?)g["title"] == "Lokale regierol sociale economie en werk 2023 – Regie Gent");
        Assert.Equal((gentBefore - new Money(12_345)).Euros, gentNow["amountAwarded"]!.GetValue<decimal>());
        Assert.Contains("Dit besluit wijzigt besluit MB-2023-0001.", (string?)gentNow["description"], StringComparison.Ordinal);

        page = await visitor.GetPageAsync("/OpenData/Decrees");
        Assert.Contains("Wijzigt besluit MB-2023-0001.", page.One($"section[aria-labelledby='decree-{amendment.Id}']").TextContent, StringComparison.Ordinal);
        Assert.Contains("Gewijzigd door besluit MB-2023-0002", page.One($"section[aria-labelledby='decree-{s.Published.Id}']").TextContent, StringComparison.Ordinal);
        var api = await visitor.GetJsonAsync($"/api/v1/published-decrees/{amendment.Id}");
        Assert.Equal(("MB-2023-0001", (string?)null), ((string?)api["amendsNumber"], (string?)api["amendedByNumber"]));
        Assert.Equal("MB-2023-0002", (string?)(await visitor.GetJsonAsync($"/api/v1/published-decrees/{s.Published.Id}"))["amendedByNumber"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task NothingPublished_ThePageSaysSo_And360GivingIs404ProblemDetails(DatabaseProvider provider)
    {
        await using var s = await StartAsync(provider, publish: false);
        using var visitor = s.App.Client(null);

        using var response = await visitor.GetAsync(new Uri(OpenDataPath, UriKind.Relative));
        var problem = await response.ReadProblemAsync(404, "nothing-published", "GET " + OpenDataPath);
        Assert.Contains("nog geen gepubliceerd ministerieel besluit", (string?)problem["detail"], StringComparison.Ordinal);

        var page = await visitor.GetPageAsync("/OpenData/Decrees");
        Assert.Contains("nog geen ministerieel besluit gepubliceerd", page.One("#none").TextContent, StringComparison.Ordinal);
        Assert.Empty((await visitor.GetJsonAsync("/api/v1/published-decrees")).AsArray());
    }

    private const string OpenDataPath = "/api/v1/open-data/360giving.json";

    /// <summary>The package, checked against the 360Giving schema; its grants.</summary>
    private static async Task<List<JsonNode>> PackageAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri(OpenDataPath, UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {OpenDataPath}: {(int)response.StatusCode}\n{Encoding.UTF8.GetString(bytes)}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var problems = ThreeSixtyGiving.Validate(new MemoryStream(bytes));
        Assert.True(problems.Count == 0, "The package is not valid 360Giving:\n" + string.Join("\n", problems));
        return JsonNode.Parse(bytes)!["grants"]!.AsArray().Select(g => g!).ToList();
    }

    /// <summary>One grant per line of the decree, with its key, the decree's date, and the line's amount to the cent.</summary>
    private static void AssertGrants(List<JsonNode> grants, Decree decree, string number)
    {
        Assert.Equal(
            decree.Lines.Select(l => $"360G-vlaanderen-wse-{number}-{l.Id}").Order(StringComparer.Ordinal),
            grants.Select(g => (string)g["id"]!).Order(StringComparer.Ordinal));
        foreach (var line in decree.Lines)
        {
            var grant = grants.Single(g => (string?)g["id"] == $"360G-vlaanderen-wse-{number}-{line.Id}");
            Assert.Equal(line.Amount.Euros, grant["amountAwarded"]!.GetValue<decimal>());
            Assert.Equal(decree.DecreeDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (string?)grant["awardDate"]);
            Assert.Equal("EUR", (string?)grant["currency"]);
        }

        Assert.Equal(decree.Budget.Euros, grants.Sum(g => g["amountAwarded"]!.GetValue<decimal>()));
    }
}
