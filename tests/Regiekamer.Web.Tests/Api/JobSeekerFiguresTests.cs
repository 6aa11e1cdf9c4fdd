using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;

namespace Regiekamer.Web.Tests.Api;

/// <summary>
/// The allocation names the job-seeker figures it used (VDAB, series, year, reference date) and which lines rest on an
/// estimate; the call version chooses the figures. The demo partnerships include Antwerpen alone (without Borsbeek,
/// which merged into it in 2025), Zuid-Oost Limburg (Bilzen and Tongeren without Hoeselt and Borgloon) and
/// Haspengouw (Borgloon and Kortessem without Tongeren and Hasselt): shares of a 2025 merger, estimates.
/// </summary>
public sealed class JobSeekerFiguresTests
{
    private const string Vdab = "VDAB, via Provincies in Cijfers (export 21/05/2026)";

    private const string Antwerpen = "Centrumstad Antwerpen";

    private const string Gent = "Centrumstad Gent";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AllocationApi_NamesTheFiguresUsed_AndExactlyTheLinesThatHoldPartOfAMerger(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.Client();

        var allocation = await client.GetJsonAsync("/api/v1/allocation?on=2025-06-01");

        var js = allocation["jobSeekers"]!;
        Assert.Equal((Vdab, "year-average", 2022, "2022-12-31", "2025"), ((string)js["source"]!, (string)js["series"]!, (int)js["year"]!, (string)js["referenceDate"]!, (string)js["municipalitySet"]!));
        Assert.True((bool)js["estimate"]!);
        Assert.Contains("grootste resten", (string)js["estimateMethod"]!, StringComparison.Ordinal);
        Assert.Null(allocation["jobSeekersChosen"]);
        Assert.True((bool)allocation["estimate"]!);

        // Independently: a line is estimated when a member merged in 2025 without all of its partners, or is suppressed (Herstappe).
        var municipalities = (await client.GetJsonAsync("/api/v1/reference/municipalities?set=2019"))["municipalities"]!.AsArray().Select(m => m!).ToList();
        var successor = municipalities.ToDictionary(m => (string)m["nisCode"]!, m => (string)m["nisCode2025"]!);
        var jobSeekers = municipalities.ToDictionary(m => (string)m["nisCode"]!, m => (long)m["jobSeekers"]!);
        var partnerships = (await client.GetJsonAsync("/api/v1/partnerships")).AsArray().ToDictionary(p => (int)p!["id"]!, p => p!["members"]!.AsArray().Select(m => (string)m!["nisCode"]!).ToList());
        var lines = allocation["lines"]!.AsArray().Select(l => l!).ToList();
        foreach (var line in lines)
        {
            var members = partnerships[(int)line["partnershipId"]!];
            var partial = members.Where(m => m == "73028" || successor.Where(kv => kv.Value == successor[m]).Any(kv => !members.Contains(kv.Key))).Order(StringComparer.Ordinal).ToList();
            var name = (string)line["partnership"]!;
            Assert.Equal(partial.Count > 0, (bool)line["jobSeekersEstimate"]!);
            Assert.Equal(partial, line["jobSeekerEstimates"]!.AsArray().Select(e => (string)e!["nisCode"]!).Order(StringComparer.Ordinal));
            Assert.Equal(members.Sum(m => jobSeekers[m]), (long)line["jobSeekers"]!);
        }

        var antwerpen = lines.Single(l => (string)l["partnership"]! == Antwerpen);
        var estimate = Assert.Single(antwerpen["jobSeekerEstimates"]!.AsArray())!;
        Assert.Equal(("11002", "merger-share", "11002", "Antwerpen"), ((string)estimate["nisCode"]!, (string)estimate["reason"]!, (string)estimate["mergedNisCode2025"]!, (string)estimate["merged2025"]!));
        Assert.Contains("split by working-age population", (string)estimate["descriptionEn"]!, StringComparison.Ordinal);
        // VDAB 2022: Antwerpen + Borsbeek = 29,207, split 333,354 : 6,699 → 28,632 for Antwerpen.
        Assert.Equal(28_632, (long)antwerpen["jobSeekers"]!);
        Assert.False((bool)lines.Single(l => (string)l["partnership"]! == Gent)["jobSeekersEstimate"]!);
        Assert.Equal(11_689, (long)lines.Single(l => (string)l["partnership"]! == Gent)["jobSeekers"]!);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StoredRun_OnEstimates_NamesItsEstimatedLines_AndPublishingSaysWhatToImport(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.Client();

        using var created = await client.PostAsync(new Uri("/api/v1/allocation/runs?on=2025-06-01", UriKind.Relative), null);
        var id = (int)(await created.ReadJsonAsync(201, "create run"))["id"]!;
        var run = await client.GetJsonAsync($"/api/v1/allocation/runs/{id}");
        using var refused = await client.PostAsync(new Uri($"/api/v1/allocation/runs/{id}/publish", UriKind.Relative), null);
        var problem = await refused.ReadProblemAsync(409, "R13", "publish a run on estimates");

        Assert.True((bool)run["estimate"]!);
        Assert.Equal((Vdab, "year-average", 2022, true), ((string)run["jobSeekers"]!["source"]!, (string)run["jobSeekers"]!["series"]!, (int)run["jobSeekers"]!["year"]!, (bool)run["jobSeekers"]!["estimate"]!));
        var line = run["lines"]!.AsArray().Single(l => (string)l!["partnership"]! == Antwerpen)!;
        Assert.Equal("11002", (string)Assert.Single(line["jobSeekerEstimates"]!.AsArray())!["nisCode"]!);
        var detail = (string)problem["detail"]!;
        Assert.Contains($"{Antwerpen}: Antwerpen (11002)", detail, StringComparison.Ordinal);
        Assert.Contains("Bilzen (73006)", detail, StringComparison.Ordinal);
        Assert.Contains("/Imports", detail, StringComparison.Ordinal);
        Assert.Contains("regiekamer import job-seekers", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(Gent, detail, StringComparison.Ordinal);

        var page = await client.GetPageAsync($"/Allocation/Run?id={id}");
        Assert.Contains(Antwerpen, page.One(".banner.estimate").TextContent, StringComparison.Ordinal);
        Assert.Contains("(schatting)", page.Rows("table#run-lines").Single(r => r[0] == Antwerpen)[3], StringComparison.Ordinal);
        Assert.DoesNotContain("schatting", page.Rows("table#run-lines").Single(r => r[0] == Gent)[3], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AllocationPage_NamesTheFiguresAndMarksTheEstimatedLines(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.Client();

        var page = await client.GetPageAsync("/Allocation?on=2025-06-01");

        var source = page.One("#job-seeker-source").Text();
        Assert.Contains("Werkzoekenden zonder werk (WZW), jaargemiddelde 2022", source, StringComparison.Ordinal);
        Assert.Contains(Vdab, source, StringComparison.Ordinal);
        Assert.Contains("referentiedatum 31/12/2022", source, StringComparison.Ordinal);
        Assert.Contains("De keuze van oproepversie 1.", source, StringComparison.Ordinal);
        Assert.Contains("Geschat (deels):", source, StringComparison.Ordinal);
        var rows = page.Rows("table#allocation");
        Assert.Contains("(schatting)", rows.Single(r => r[0] == Antwerpen)[2], StringComparison.Ordinal);
        Assert.DoesNotContain("schatting", rows.Single(r => r[0] == Gent)[2], StringComparison.Ordinal);

        var banner = page.One(".banner.estimate");
        var items = banner.QuerySelectorAll("ul.estimates li").Select(li => li.Text()).ToList();
        Assert.Contains(items, i => i.StartsWith(Antwerpen + ": Antwerpen (11002): deel van Antwerpen (11002, fusie 2025)", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Contains("Bilzen (73006): deel van Bilzen-Hoeselt (73110, fusie 2025)", StringComparison.Ordinal));
        Assert.DoesNotContain(items, i => i.StartsWith(Gent, StringComparison.Ordinal));
        AssertSaysItOnce(banner.Text());
    }

    /// <summary>The banner used to read "Schatting: … geen officiële cijfers. Schatting, geen officieel cijfer: …"; it says it once now, and names what is estimated.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task HomeBanner_NamesWhatIsEstimated_Once_AndIsAbsentWithoutEstimates(DatabaseProvider provider)
    {
        await using (var app = await TestApp.StartAsync(provider))
        {
            using var client = app.Client();
            var banner = (await client.GetPageAsync("/")).One(".banner.estimate");
            var text = banner.Text();
            AssertSaysItOnce(text);
            Assert.Contains(Antwerpen, text, StringComparison.Ordinal);
            Assert.Contains("Antwerpen (11002)", text, StringComparison.Ordinal);
            Assert.DoesNotContain(Gent, text, StringComparison.Ordinal);
            Assert.NotNull(banner.QuerySelector("a[href='/Imports']"));
        }

        // No partnerships, so no figure is used: no banner.
        await using (var empty = await TestApp.StartAsync(provider, demo: false))
        {
            using var client = empty.Client();
            Assert.Null((await client.GetPageAsync("/")).QuerySelector(".banner.estimate"));
            Assert.Null((await client.GetPageAsync("/Allocation")).QuerySelector(".banner.estimate"));
            Assert.Contains("Geen enkel cijfer in deze verdeling is een schatting.", (await client.GetPageAsync("/Allocation")).One("#job-seeker-source").Text(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CallsApi_ShowsTheVersionsJobSeekers_AndANewVersionChoosesOthers(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.Client();
        var call = (await client.GetJsonAsync("/api/v1/calls")).AsArray().Single()!;
        var v1 = call["versions"]!.AsArray().Single()!;
        Assert.Equal(("year-average", 2022, Vdab), ((string)v1["jobSeekers"]!["series"]!, (int)v1["jobSeekers"]!["year"]!, (string)v1["jobSeekers"]!["source"]!));
        Assert.Equal((int)v1["jobSeekersDatasetId"]!, (int)v1["jobSeekers"]!["datasetId"]!);
        var datasets = (await client.GetJsonAsync("/api/v1/reference/datasets")).AsArray().Select(d => d!).ToList();
        var december2023 = datasets.Single(d => (string?)d["series"] == "31dec" && (int?)d["year"] == 2023);
        var inhabitants = datasets.First(d => (string)d["kind"]! == "Inhabitants");

        JsonObject Body(JsonNode dataset) => new()
        {
            ["yearlyBudget"] = "3000000",
            ["weightWorkingAge"] = 40,
            ["weightJobSeekers"] = 20,
            ["weightEqual"] = 40,
            ["deadline"] = "2023-01-15",
            ["priorities"] = "WSE-LR1;WSE-LR2;WSE-LR3;WSE-LR4",
            ["effectiveFrom"] = "2024-01-01",
            ["note"] = "VDAB 31/12/2023",
            ["version"] = (int)call["version"]!,
            ["jobSeekersDatasetId"] = (int)dataset["id"]!,
        };

        using var wrong = await client.PostJsonAsync($"/api/v1/calls/{(int)call["id"]!}/versions", Body(inhabitants));
        var problem = await wrong.ReadProblemAsync(422, "R13", "a version with inhabitants as job seekers");
        Assert.Equal(["jobSeekersDatasetId"], Http.ErrorFields(problem));

        using var added = await client.PostJsonAsync($"/api/v1/calls/{(int)call["id"]!}/versions", Body(december2023));
        var v2 = await added.ReadJsonAsync(201, "add version");
        Assert.Equal(("31dec", 2023), ((string)v2["jobSeekers"]!["series"]!, (int)v2["jobSeekers"]!["year"]!));

        var allocation = await client.GetJsonAsync("/api/v1/allocation?on=2025-06-01");
        Assert.Equal((2, "31dec", 2023, "2023-12-31"), ((int)allocation["callVersion"]!, (string)allocation["jobSeekers"]!["series"]!, (int)allocation["jobSeekers"]!["year"]!, (string)allocation["jobSeekers"]!["referenceDate"]!));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CallsPage_ShowsTheJobSeekers_AndItsFormChoosesThem(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        using var client = app.Client();

        var page = await client.GetPageAsync("/Calls");
        var row = Assert.Single(page.QuerySelectorAll("table[id^=versions-] tbody tr"));
        Assert.Contains("jaargemiddelde 2022", row.Text(), StringComparison.Ordinal);
        var form = (IHtmlFormElement)page.One("main form[method=post]");
        var select = (IHtmlSelectElement)form.QuerySelector("select[name=JobSeekersDatasetId]")!;
        Assert.Contains("jaargemiddelde 2022", select.SelectedOptions.Single().Text, StringComparison.Ordinal);
        var december2023 = select.Options.Single(o => o.Text.StartsWith("Werkzoekenden zonder werk (WZW) op 31/12/2023", StringComparison.Ordinal)).Value;
        Assert.NotNull(page.QuerySelector($"label[for='{select.Id}']"));

        using var content = new FormUrlEncodedContent(Html.Fields(form, new Dictionary<string, string> { ["JobSeekersDatasetId"] = december2023, ["Note"] = "VDAB 31/12/2023" }));
        using var response = await client.PostAsync(new Uri("/Calls", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var versions = (await client.GetJsonAsync("/api/v1/calls")).AsArray().Single()!["versions"]!.AsArray();
        Assert.Equal(int.Parse(december2023, System.Globalization.CultureInfo.InvariantCulture), (int)versions.Single(v => (int)v!["number"]! == 2)!["jobSeekersDatasetId"]!);
        var after = await client.GetPageAsync("/Calls");
        Assert.Contains("toestand op 31/12/2023", after.QuerySelectorAll("table[id^=versions-] tbody tr")[1].Text(), StringComparison.Ordinal);
    }

    private static void AssertSaysItOnce(string banner)
    {
        Assert.Equal(1, CountOf(banner, "Schatting"));
        Assert.DoesNotContain("geen officieel cijfer", banner, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string word)
    {
        var count = 0;
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
