using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;

namespace Regiekamer.Web.Tests.Api;

/// <summary>R13: EUR 3,000,000 a year, 40% by working-age population, 20% by job seekers, 40% in equal shares, all of it distributed.</summary>
public sealed class AllocationApiTests
{
    private const long BudgetCents = 3_000_000_00;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UnknownCall_Returns404Problem_OnEveryOperationThatTakesACall_AndCreatesNoRun(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.Client();
        var partnership = (int)(await client.GetJsonAsync("/api/v1/partnerships")).AsArray()[0]!["id"]!;

        var requests = new (string Method, string Url)[]
        {
            ("GET", "/api/v1/allocation?callId=999999"),
            ("POST", "/api/v1/allocation/runs?callId=999999"),
            ("GET", "/api/v1/eligibility?callId=999999"),
            ("GET", $"/api/v1/partnerships/{partnership}/eligibility?callId=999999"),
            ("GET", "/api/v1/what-if/join-table?callId=999999"),
            ("POST", "/api/v1/what-if?callId=999999"),
        };
        foreach (var (method, url) in requests)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
            if (url.Contains("what-if?", StringComparison.Ordinal))
            {
                request.Content = new StringContent("{\"partnershipId\":" + partnership + "}", Encoding.UTF8, "application/json");
            }

            using var response = await client.SendAsync(request);
            var problem = await response.ReadProblemAsync(404, "not-found", $"{method} {url}");
            Assert.Contains("999999", (string?)problem["detail"], StringComparison.Ordinal);
        }

        Assert.Empty((await client.GetJsonAsync("/api/v1/allocation/runs")).AsArray());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Preview_SumsExactlyToBudget_AndFollowsTheWeights(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.Client();

        var allocation = await client.GetJsonAsync("/api/v1/allocation?on=2025-06-01");

        Assert.Equal(BudgetCents, Cents.Parse(allocation["budget"]));
        var lines = allocation["lines"]!.AsArray().Select(l => l!).ToList();
        Assert.True(lines.Count >= 2, "The demo data has several eligible partnerships.");
        Assert.Equal(BudgetCents, lines.Sum(l => Cents.Parse(l["total"])));

        // Each part follows its weight to within rounding; the parts are shown rounded, the total is exact.
        var n = lines.Count;
        var workingAge = lines.Sum(l => (long)l["workingAgePopulation"]!);
        var jobSeekers = lines.Sum(l => (long)l["jobSeekers"]!);
        foreach (var l in lines)
        {
            var equal = BudgetCents * 0.40m / n;
            var byWorkingAge = BudgetCents * 0.40m * (long)l["workingAgePopulation"]! / workingAge;
            var byJobSeekers = BudgetCents * 0.20m * (long)l["jobSeekers"]! / jobSeekers;
            var name = (string)l["partnership"]!;
            AssertWithin(equal, Cents.Parse(l["equalPart"]), 1, $"{name}: equal part");
            AssertWithin(byWorkingAge, Cents.Parse(l["workingAgePart"]), 1, $"{name}: working-age part");
            AssertWithin(byJobSeekers, Cents.Parse(l["jobSeekerPart"]), 1, $"{name}: job-seeker part");
            AssertWithin(equal + byWorkingAge + byJobSeekers, Cents.Parse(l["total"]), 1, $"{name}: total");
        }

        Assert.True((bool)allocation["estimate"]!, "The shipped job-seeker figures are an estimate; the preview must say so.");
        Assert.False(string.IsNullOrWhiteSpace((string?)allocation["roundingRule"]));
        Assert.True((bool)allocation["jobSeekers"]!["estimate"]!);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Run_OnEstimates_CannotBePublished_UntilOfficialJobSeekersAreImported(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.Client();

        using var estimateRun = await client.PostAsync(new Uri("/api/v1/allocation/runs?on=2025-06-01", UriKind.Relative), null);
        var estimateRunId = (int)(await estimateRun.ReadJsonAsync(201, "create run on estimates"))["id"]!;
        Assert.Equal($"/api/v1/allocation/runs/{estimateRunId}", estimateRun.Headers.Location?.OriginalString);
        Assert.True((bool)(await client.GetJsonAsync($"/api/v1/allocation/runs/{estimateRunId}"))["estimate"]!);

        using var refused = await client.PostAsync(new Uri($"/api/v1/allocation/runs/{estimateRunId}/publish", UriKind.Relative), null);
        await refused.ReadProblemAsync(409, "R13", "publish a run on estimates");

        // Official figures for all 300 municipalities: a made-up but whole count per municipality.
        var municipalities = (await client.GetJsonAsync("/api/v1/reference/municipalities?set=2019"))["municipalities"]!.AsArray();
        var official = municipalities.ToDictionary(m => (string)m!["nisCode"]!, m => (long)m!["workingAgePopulation"]! / 23 + 7);
        var csv = new StringBuilder("nis_code,job_seekers\n");
        foreach (var (nis, count) in official)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{nis},{count}\n");
        }

        using var import = await client.PostCsvAsync("/api/v1/imports/job-seekers?referenceDate=2023-01-01&source=VDAB", csv.ToString());
        var datasets = (await import.ReadJsonAsync(201, "import job seekers")).AsArray();
        var imported = Assert.Single(datasets)!;
        Assert.Equal("JobSeekers", (string)imported["kind"]!);
        Assert.Equal(300, (int)imported["rowCount"]!);
        Assert.False((bool)imported["estimate"]!);

        using var officialRun = await client.PostAsync(new Uri("/api/v1/allocation/runs?on=2025-06-01", UriKind.Relative), null);
        var officialRunId = (int)(await officialRun.ReadJsonAsync(201, "create run on official figures"))["id"]!;
        var run = await client.GetJsonAsync($"/api/v1/allocation/runs/{officialRunId}");
        Assert.False((bool)run["estimate"]!);
        Assert.Equal("2023-01-01", (string)run["jobSeekers"]!["referenceDate"]!);
        Assert.Equal("VDAB", (string)run["jobSeekers"]!["source"]!);
        Assert.Equal(BudgetCents, run["lines"]!.AsArray().Sum(l => Cents.Parse(l!["total"])));

        // The run used the imported counts: each line's job seekers are the sum over its members.
        var partnerships = (await client.GetJsonAsync("/api/v1/partnerships")).AsArray();
        foreach (var line in run["lines"]!.AsArray())
        {
            var p = partnerships.Single(x => (int)x!["id"]! == (int)line!["partnershipId"]!)!;
            Assert.Equal(p["members"]!.AsArray().Sum(m => official[(string)m!["nisCode"]!]), (long)line!["jobSeekers"]!);
        }

        using var published = await client.PostAsync(new Uri($"/api/v1/allocation/runs/{officialRunId}/publish", UriKind.Relative), null);
        Assert.NotNull((string?)(await published.ReadJsonAsync(200, "publish"))["publishedAtUtc"]);

        using var again = await client.PostAsync(new Uri($"/api/v1/allocation/runs/{officialRunId}/publish", UriKind.Relative), null);
        await again.ReadProblemAsync(409, "R14", "publish twice");
        using var delete = await client.DeleteAsync(new Uri($"/api/v1/allocation/runs/{officialRunId}", UriKind.Relative));
        await delete.ReadProblemAsync(409, "R14", "delete a published run");

        using var deleteDraft = await client.DeleteAsync(new Uri($"/api/v1/allocation/runs/{estimateRunId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, deleteDraft.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WithABadRow_NamesFileRowFieldAndValue_AndImportsNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.Client();

        using var response = await client.PostCsvAsync("/api/v1/imports/job-seekers?referenceDate=2023-01-01&source=VDAB", "nis_code,job_seekers\n11002,1200\n11004,twelve\n");

        var problem = await response.ReadProblemAsync(400, "validation", "bad CSV");
        var detail = (string)problem["detail"]!;
        Assert.Contains("rij 3", detail, StringComparison.Ordinal);
        Assert.Contains("job_seekers", detail, StringComparison.Ordinal);
        Assert.Contains("'twelve'", detail, StringComparison.Ordinal);
        var list = await client.GetJsonAsync("/api/v1/reference/municipalities");
        Assert.True((bool)list["jobSeekers"]!["estimate"]!, "A failed import must not replace the figures in force.");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task WhatIf_AddLebbekeToScheldeland_ChangesSumToZero(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.Client();
        var scheldeland = (await client.GetJsonAsync("/api/v1/partnerships")).AsArray()
            .Single(p => ((string)p!["name"]!).Contains("Scheldeland", StringComparison.Ordinal))!;

        using var response = await client.PostJsonAsync("/api/v1/what-if", new JsonObject
        {
            ["action"] = "add-municipality",
            ["partnershipId"] = (int)scheldeland["id"]!,
            ["municipality"] = "Lebbeke",
            ["on"] = "2025-06-01",
        });

        var outcome = await response.ReadJsonAsync(200, "what-if");
        var rows = outcome["partnerships"]!.AsArray().Select(r => r!).ToList();
        Assert.Equal(0, rows.Sum(r => Cents.Parse(r["change"])));
        Assert.Equal(BudgetCents, rows.Sum(r => Cents.Parse(r["before"])));
        Assert.Equal(BudgetCents, rows.Sum(r => Cents.Parse(r["after"])));
        Assert.All(rows, r => Assert.Equal(Cents.Parse(r["after"]) - Cents.Parse(r["before"]), Cents.Parse(r["change"])));
        Assert.Contains(rows, r => Cents.Parse(r["change"]) != 0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task WhatIf_UnknownMunicipality_Returns400NamingTheField(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.Client();
        var first = (await client.GetJsonAsync("/api/v1/partnerships")).AsArray()[0]!;

        using var response = await client.PostJsonAsync("/api/v1/what-if", new JsonObject { ["action"] = "add-municipality", ["partnershipId"] = (int)first["id"]!, ["municipality"] = "Atlantis" });

        var problem = await response.ReadProblemAsync(400, "validation", "what-if with unknown municipality");
        Assert.Equal(["municipality"], Http.ErrorFields(problem));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task JoinTable_OffersUncoveredMunicipalitiesToPartnershipsInTheirRegion_AndMovesNoMoneyOutOfTheBudget(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.Client();
        var regions = Repository.Regions2022(); // the call names the regions decision of 2022
        var partnerships = (await client.GetJsonAsync("/api/v1/partnerships")).AsArray().ToDictionary(p => (string)p!["name"]!, p => p!);
        var covered = partnerships.Values.SelectMany(p => p["members"]!.AsArray().Select(m => (string)m!["nisCode"]!)).ToHashSet();

        var table = await client.GetJsonAsync("/api/v1/what-if/join-table?on=2025-06-01");

        var options = table["options"]!.AsArray().Select(o => o!).ToList();
        Assert.NotEmpty(options);
        foreach (var o in options)
        {
            var nis = (string)o["nisCode"]!;
            var partnership = partnerships[(string)o["partnership"]!];
            Assert.DoesNotContain(nis, covered);
            Assert.Contains(partnership["members"]!.AsArray(), m => regions[(string)m!["nisCode"]!] == regions[nis]);
            Assert.Equal(Cents.Parse(o["after"]) - Cents.Parse(o["before"]), Cents.Parse(o["change"]));
            Assert.Equal(0, Cents.Parse(o["change"]) + Cents.Parse(o["othersChange"]));
            Assert.True(Cents.Parse(o["change"]) > 0, $"{o["municipality"]} joining {o["partnership"]} should raise its amount.");
        }

        Assert.True((bool)table["estimate"]!);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Coverage_CountsMunicipalitiesAndInhabitantsOfTheRegisteredPartnerships(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.Client();
        var municipalities = (await client.GetJsonAsync("/api/v1/reference/municipalities"))["municipalities"]!.AsArray().ToDictionary(m => (string)m!["nisCode"]!, m => (long)m!["inhabitants"]!);
        var partnerships = (await client.GetJsonAsync("/api/v1/partnerships")).AsArray();
        var covered = partnerships.SelectMany(p => p!["members"]!.AsArray().Select(m => (string)m!["nisCode"]!)).ToHashSet();

        var coverage = await client.GetJsonAsync("/api/v1/coverage?on=2025-06-01");

        var registered = coverage["registered"]!;
        Assert.Equal(partnerships.Count, (int)registered["partnerships"]!);
        Assert.Equal(300, (int)registered["totalMunicipalities"]!);
        Assert.Equal(covered.Count, (int)registered["coveredMunicipalities"]!);
        Assert.Equal(covered.Sum(c => municipalities[c]), (long)registered["coveredInhabitants"]!);
        Assert.Equal(municipalities.Values.Sum(), (long)registered["totalInhabitants"]!);
        Assert.True((int)coverage["eligible"]!["partnerships"]! <= partnerships.Count);
        Assert.False(string.IsNullOrWhiteSpace((string?)registered["inhabitants"]!["source"]));
    }

    private static void AssertWithin(decimal expected, long actual, decimal tolerance, string what) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected:0.###} cents (±{tolerance}), got {actual}.");
}
