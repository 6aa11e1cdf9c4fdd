using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;

namespace Regiekamer.Web.Tests.Api;

/// <summary>Issue 9, point 3 (start) through the API on both databases: the regisseur starts the year's report from the approved plan and reports on its actions; the check answers with R10 and R15; nobody else writes it.</summary>
public sealed class ReportsApiTests
{
    private static async Task<JsonNode> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheRegisseur_StartsAndWritesTheReport_TheCheckNamesTheRules_AndOthersCannotWrite(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        var gent = await app.Services.CreatePartnershipAsync(p => p.CentralCity("Gent").Named("Regie Gent"));
        var leuven = await app.Services.CreatePartnershipAsync(p => p.CentralCity("Leuven").Named("Regie Leuven"));
        await app.Services.CreateApprovedRunAsync(new DateOnly(2099, 12, 31), gent);
        using var regisseur = app.Client($"Regisseur:{gent.Id}");
        using var stranger = app.Client($"Regisseur:{leuven.Id}");
        using var department = app.Client("CaseHandler");

        using (var forOther = await stranger.PostAsJsonAsync("/api/v1/reports", new { partnershipId = gent.Id, year = 2023 }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forOther.StatusCode);
        }

        var report = await JsonAsync(await regisseur.PostAsJsonAsync("/api/v1/reports", new { partnershipId = gent.Id, year = 2023 }), HttpStatusCode.Created);
        var id = (int)report["id"]!;
        Assert.Equal(4, report["actions"]!.AsArray().Count);
        Assert.True((bool)report["bbcRoute"]!);
        Assert.True((bool)report["valid"]!);

        var fourth = report["actions"]!.AsArray().Single(a => (string)a!["code"]! == "WSE-LR4")!;
        var changed = await JsonAsync(await regisseur.PutAsJsonAsync($"/api/v1/reports/{id}/actions/{(int)fourth["id"]!}", new { shortDescription = (string)fourth["shortDescription"]!, code = "WSE-LR4", outcome = "not-carried-out", version = (int)fourth["version"]! }), HttpStatusCode.OK);
        Assert.False((bool)changed["valid"]!);
        var rules = changed["findings"]!.AsArray().Where(f => (string)f!["severity"]! == "violation").Select(f => (string)f!["rule"]!).ToList();
        Assert.Contains("R15", rules);
        Assert.Contains("R10", rules);
        using (var stale = await regisseur.PutAsJsonAsync($"/api/v1/reports/{id}/actions/{(int)fourth["id"]!}", new { shortDescription = "X", code = "WSE-LR4", outcome = "carried-out", version = (int)fourth["version"]! }))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }

        var added = await JsonAsync(await regisseur.PostAsJsonAsync($"/api/v1/reports/{id}/actions", new { shortDescription = "Netwerkmoment", code = "WSE-LR4", cost = "750,00", version = (int)changed["version"]! }), HttpStatusCode.Created);
        Assert.Equal(5, added["actions"]!.AsArray().Count);

        Assert.Equal(id, (int)(await JsonAsync(await department.GetAsync(new Uri($"/api/v1/reports/{id}", UriKind.Relative)), HttpStatusCode.OK))["id"]!);
        using (var departmentWrites = await department.PostAsJsonAsync($"/api/v1/reports/{id}/actions", new { shortDescription = "X", code = "WSE-LR1", version = 0 }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, departmentWrites.StatusCode);
        }

        using var strangerReads = await stranger.GetAsync(new Uri($"/api/v1/reports/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, strangerReads.StatusCode);
    }
}
