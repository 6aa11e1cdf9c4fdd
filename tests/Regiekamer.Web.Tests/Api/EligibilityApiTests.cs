using System.Text.Json.Nodes;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;

namespace Regiekamer.Web.Tests.Api;

/// <summary>
/// Scheldeland (seed 004: Hamme, Laarne, Wetteren, Wichelen, Zele) straddles two reference regions: Laarne and
/// Wetteren lie in Regio Gent, the others in the Denderregio. As an existing, unchanged partnership it has until
/// 1 January 2026 to fit (R5).
/// </summary>
public sealed class EligibilityApiTests
{
    private const string Scheldeland = "Interlokale Vereniging Sociale Economie Scheldeland";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Scheldeland_Before2026_GetsAnR5Warning_AndStaysEligible(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.Client();

        var list = await client.GetJsonAsync("/api/v1/eligibility?on=2025-06-01");

        Assert.Equal("2025-06-01", (string)list["on"]!);
        var scheldeland = Find(list, Scheldeland);
        var r5 = scheldeland["findings"]!.AsArray().Where(f => (string)f!["rule"]! == "R5").ToList();
        Assert.Single(r5);
        Assert.Equal("warning", (string)r5[0]!["severity"]!);
        Assert.Contains("1/1/2026", (string)r5[0]!["message"]!, StringComparison.Ordinal);
        Assert.True((bool)scheldeland["eligible"]!, $"A warning alone must not exclude: {scheldeland.ToJsonString()}");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Scheldeland_After2026_BreaksR5_AndFallsOutOfTheAllocation(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.Client();

        var list = await client.GetJsonAsync("/api/v1/eligibility?on=2026-06-01");
        var allocation = await client.GetJsonAsync("/api/v1/allocation?on=2026-06-01");

        var scheldeland = Find(list, Scheldeland);
        Assert.Contains(scheldeland["findings"]!.AsArray(), f => (string)f!["rule"]! == "R5" && (string)f["severity"]! == "violation");
        Assert.False((bool)scheldeland["eligible"]!);
        Assert.DoesNotContain(allocation["lines"]!.AsArray(), l => (string)l!["partnership"]! == Scheldeland);
        Assert.Contains(allocation["excluded"]!.AsArray(), e => (string)e!["partnership"]! == Scheldeland);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OnePartnership_ByIdMatchesTheList(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.Client();
        var list = await client.GetJsonAsync("/api/v1/eligibility?on=2025-06-01");
        var scheldeland = Find(list, Scheldeland);

        var one = await client.GetJsonAsync($"/api/v1/partnerships/{(int)scheldeland["partnershipId"]!}/eligibility?on=2025-06-01");

        Assert.True(JsonNode.DeepEquals(scheldeland, one), $"list: {scheldeland.ToJsonString()}\nby id: {one.ToJsonString()}");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BadDate_Returns400ProblemNamingTheParameter(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.Client();

        foreach (var url in new[] { "/api/v1/eligibility?on=2025-13-01", "/api/v1/allocation?on=01/06/2025", "/api/v1/coverage?on=tomorrow", "/api/v1/what-if/join-table?on=2025-02-30" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            var problem = await response.ReadProblemAsync(400, "validation", url);
            Assert.Equal(["on"], Http.ErrorFields(problem));
        }
    }

    private static JsonNode Find(JsonNode list, string name) =>
        list["partnerships"]!.AsArray().SingleOrDefault(p => (string)p!["partnership"]! == name)
        ?? throw new Xunit.Sdk.XunitException($"'{name}' is not in the list: {string.Join(", ", list["partnerships"]!.AsArray().Select(p => (string)p!["partnership"]!))}");
}
