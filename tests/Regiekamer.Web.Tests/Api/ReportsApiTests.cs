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

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheDeadline_AnExtension_TheReceipt_AndTheDecision_ThroughTheApi(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        app.Time.SetUtcNow(new DateTimeOffset(2024, 7, 5, 10, 0, 0, TimeSpan.Zero));
        var gent = await app.Services.CreatePartnershipAsync(p => p.CentralCity("Gent").Named("Regie Gent"));
        var leuven = await app.Services.CreatePartnershipAsync(p => p.CentralCity("Leuven").Named("Regie Leuven"));
        await app.Services.CreateApprovedRunAsync(new DateOnly(2099, 12, 31), gent);
        using var regisseur = app.Client($"Regisseur:{gent.Id}");
        using var signatory = app.Client($"Signatory:{gent.Id}");
        using var stranger = app.Client($"Regisseur:{leuven.Id}");
        using var caseHandler = app.Client("CaseHandler");

        // 2023's report was due on 30/06/2024 and is not there: overdue, for the department and for the partnership itself.
        var standing = (await JsonAsync(await caseHandler.GetAsync(new Uri("/api/v1/reports/standing", UriKind.Relative)), HttpStatusCode.OK)).AsArray();
        var row = Assert.Single(standing)!;
        Assert.Equal(("overdue", "2024-06-30", 2023), ((string)row["timing"]!, (string)row["lastDay"]!, (int)row["year"]!));
        Assert.Equal("overdue", (string)(await JsonAsync(await regisseur.GetAsync(new Uri($"/api/v1/partnerships/{gent.Id}/reports", UriKind.Relative)), HttpStatusCode.OK)).AsArray().Single()!["timing"]!);

        // More time: only case handlers grant it, after the call's deadline, with a reason.
        using (var own = await regisseur.PostAsJsonAsync("/api/v1/reports/extensions", new { partnershipId = gent.Id, year = 2023, until = "2024-09-30", reason = "Ziekte" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        }

        var bad = await JsonAsync(await caseHandler.PostAsJsonAsync("/api/v1/reports/extensions", new { partnershipId = gent.Id, year = 2023, until = "2024-06-01", reason = "Ziekte" }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("R15", (string)bad["errorCode"]!);
        await JsonAsync(await caseHandler.PostAsJsonAsync("/api/v1/reports/extensions", new { partnershipId = gent.Id, year = 2023, until = "2024-09-30", reason = "Jaarrekening later vastgesteld." }), HttpStatusCode.OK);

        // Started, submitted by the signatory: on time under the extension, with a receipt.
        var report = await JsonAsync(await regisseur.PostAsJsonAsync("/api/v1/reports", new { partnershipId = gent.Id, year = 2023 }), HttpStatusCode.Created);
        var id = (int)report["id"]!;
        Assert.Equal(("2024-09-30", "open"), ((string)report["lastDay"]!, (string)report["timing"]!));
        using (var none = await regisseur.GetAsync(new Uri($"/api/v1/reports/{id}/receipt.pdf", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        }

        var submitted = await JsonAsync(await signatory.PostAsJsonAsync($"/api/v1/reports/{id}/submit", new { version = (int)report["version"]! }), HttpStatusCode.OK);
        Assert.Equal(("on-time", 64), ((string)submitted["timing"]!, ((string)submitted["submittedSha256"]!).Length));
        using (var receipt = await regisseur.GetAsync(new Uri($"/api/v1/reports/{id}/receipt.pdf", UriKind.Relative)))
        {
            Assert.Equal(("application/pdf", HttpStatusCode.OK), (receipt.Content.Headers.ContentType?.MediaType, receipt.StatusCode));
        }

        using (var strangers = await stranger.GetAsync(new Uri($"/api/v1/reports/{id}/receipt.pdf", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, strangers.StatusCode);
        }

        // Evaluated per priority: refusing without an insufficient priority is 422 R16; then accepted, with its decision.
        var priorities = Core.Common.PriorityCode.All.Select(p => p.Value).Select(c => new { code = c, sufficient = true, remarks = "Voldoende." }).ToArray();
        var notOne = await JsonAsync(await caseHandler.PostAsJsonAsync($"/api/v1/reports/{id}/evaluation", new { decision = "refuse", motivation = "Onvoldoende.", priorities, version = (int)submitted["version"]! }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("R16", (string)notOne["errorCode"]!);
        var accepted = await JsonAsync(await caseHandler.PostAsJsonAsync($"/api/v1/reports/{id}/evaluation", new { decision = "accept", motivation = "Duidelijk.", priorities, version = (int)submitted["version"]! }), HttpStatusCode.OK);
        Assert.Equal(("accepted", 4), ((string)accepted["status"]!, accepted["priorities"]!.AsArray().Count));
        Assert.StartsWith("RK-JV-2023-", (string)accepted["decisionReference"]!, StringComparison.Ordinal);
        using var decision = await signatory.GetAsync(new Uri($"/api/v1/reports/{id}/decision.pdf", UriKind.Relative));
        Assert.Equal(("application/pdf", HttpStatusCode.OK), (decision.Content.Headers.ContentType?.MediaType, decision.StatusCode));
    }
}
