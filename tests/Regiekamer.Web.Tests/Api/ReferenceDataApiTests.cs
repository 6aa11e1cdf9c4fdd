using System.Text.Json.Nodes;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;

namespace Regiekamer.Web.Tests.Api;

public sealed class ReferenceDataApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Municipalities_Set2019_Lists300_WithSourcesAndJobSeekersFlaggedAsEstimate(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        using var client = app.Client();

        var list = await client.GetJsonAsync("/api/v1/reference/municipalities?set=2019");

        // Flanders had 300 municipalities until the 2025 mergers.
        Assert.Equal(300, (int)list["count"]!);
        var municipalities = list["municipalities"]!.AsArray();
        Assert.Equal(300, municipalities.Count);
        Assert.Equal(300, municipalities.Select(m => (string)m!["nisCode"]!).Distinct().Count());
        AssertSourcesNamed(list);
        Assert.True((bool)list["jobSeekers"]!["estimate"]!, "Job-seeker figures are an estimate and must say so.");
        Assert.False(string.IsNullOrWhiteSpace((string?)list["jobSeekers"]!["estimateMethod"]), "An estimate names its method.");
        Assert.False((bool)list["inhabitants"]!["estimate"]!);

        var antwerpen = municipalities.Single(m => (string)m!["name"]! == "Antwerpen")!;
        Assert.Equal("11002", (string)antwerpen["nisCode"]!);
        Assert.Equal(529_247, (long)antwerpen["inhabitants"]!); // Statbel, 1 January 2020
        Assert.True((bool)antwerpen["centralCity"]!);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Municipalities_Set2025_Lists285_WithFiguresSummedFromPredecessors(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        using var client = app.Client();

        var list2025 = await client.GetJsonAsync("/api/v1/reference/municipalities?set=2025");
        var list2019 = await client.GetJsonAsync("/api/v1/reference/municipalities?set=2019");

        Assert.Equal(285, (int)list2025["count"]!);
        Assert.Equal(285, list2025["municipalities"]!.AsArray().Count);
        AssertSourcesNamed(list2025);
        Assert.True((bool)list2025["jobSeekers"]!["estimate"]!);

        // Mergers join whole municipalities: each 2025 municipality has exactly the inhabitants of its predecessors.
        var bySuccessor = list2019["municipalities"]!.AsArray()
            .GroupBy(m => (string)m!["nisCode2025"]!)
            .ToDictionary(g => g.Key, g => g.Sum(m => (long)m!["inhabitants"]!));
        foreach (var m in list2025["municipalities"]!.AsArray())
        {
            Assert.Equal(bySuccessor[(string)m!["nisCode"]!], (long)m["inhabitants"]!);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Municipalities_UnknownSet_Returns400ProblemNamingTheField(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        using var client = app.Client();

        using var response = await client.GetAsync(new Uri("/api/v1/reference/municipalities?set=1977", UriKind.Relative));

        var problem = await response.ReadProblemAsync(400, "validation", "unknown municipality set");
        Assert.Contains("set", Http.ErrorFields(problem));
    }

    private static void AssertSourcesNamed(JsonNode list)
    {
        foreach (var key in new[] { "regions", "inhabitants", "workingAgePopulation", "jobSeekers" })
        {
            var source = list[key] ?? throw new Xunit.Sdk.XunitException($"The list carries no '{key}' source.");
            Assert.False(string.IsNullOrWhiteSpace((string?)source["source"]), $"{key}: no source named.");
            Assert.False(string.IsNullOrWhiteSpace((string?)source["title"]), $"{key}: no title.");
            Assert.True(DateOnly.TryParseExact((string?)source["referenceDate"], "yyyy-MM-dd", out _), $"{key}: reference date '{source["referenceDate"]}' is not a date.");
        }
    }
}
