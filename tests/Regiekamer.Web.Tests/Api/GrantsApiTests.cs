using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;

namespace Regiekamer.Web.Tests.Api;

/// <summary>Issue 9, points 1, 2 and 6 through the API and the pages, on both databases: a policy officer drafts, signs and publishes a decree; two people take a payment through its steps (four eyes); the ledger reconciles; a partnership reads its own grants only.</summary>
public sealed class GrantsApiTests
{
    private static async Task<(TestApp App, int Gent, int Scheldeland, int RunId)> StartAsync(DatabaseProvider provider)
    {
        var app = await TestApp.StartAsync(provider, demo: false);
        var gent = await app.Services.CreatePartnershipAsync(p => p.CentralCity("Gent").Named("Regie Gent"));
        var scheldeland = await app.Services.CreatePartnershipAsync(p => p.Interlocal("Hamme", "Hamme", "Berlare", "Dendermonde", "Wichelen", "Zele").Named("Scheldeland"));
        var run = await app.Services.CreateApprovedRunAsync(new DateOnly(2099, 12, 31), gent, scheldeland);
        return (app, gent.Id, scheldeland.Id, run.Id);
    }

    private static async Task<JsonNode> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ADecree_ItsPayments_AndTheLedger_ThroughTheApi(DatabaseProvider provider)
    {
        var (app, gent, scheldeland, runId) = await StartAsync(provider);
        await using var _ = app;
        using var officer = app.Client("PolicyOfficer");
        using var handler = app.Client("CaseHandler");

        // Only decree makers draft; the draft adds up to the budget.
        using (var refused = await handler.PostAsJsonAsync("/api/v1/decrees", new { allocationRunId = runId, year = 2023, number = "MB-2023-1", decreeDate = "2023-04-20" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var decree = await JsonAsync(await officer.PostAsJsonAsync("/api/v1/decrees", new { allocationRunId = runId, year = 2023, number = "MB-2023-1", decreeDate = "2023-04-20" }), HttpStatusCode.Created);
        var id = (int)decree["id"]!;
        Assert.Equal("3000000.00", (string)decree["total"]!);
        Assert.Equal("Hamme", (string)decree["lines"]!.AsArray().Single(l => (int)l!["partnershipId"]! == scheldeland)!["beneficiary"]!);
        var outside = await JsonAsync(await officer.PostAsJsonAsync("/api/v1/decrees", new { allocationRunId = runId, year = 2024, number = "MB-2024-1", decreeDate = "2030-01-01" }), HttpStatusCode.BadRequest);
        Assert.Equal("outside-call", (string)outside["errorCode"]!);

        var signed = await JsonAsync(await officer.PostAsJsonAsync($"/api/v1/decrees/{id}/sign", new { version = (int)decree["version"]! }), HttpStatusCode.OK);
        Assert.Equal("signed", (string)signed["status"]!);
        using (var frozen = await officer.PutAsJsonAsync($"/api/v1/decrees/{id}", new { number = "MB-X", decreeDate = "2023-05-01", version = (int)signed["version"]! }))
        {
            Assert.Equal(HttpStatusCode.Conflict, frozen.StatusCode);
        }

        Assert.Equal("published", (string)(await JsonAsync(await officer.PostAsJsonAsync($"/api/v1/decrees/{id}/publish", new { version = (int)signed["version"]! }), HttpStatusCode.OK))["status"]!);

        // Gent's payment: proposed by the policy officer, approved by a colleague (never by the proposer), ordered, paid.
        var payments = (await JsonAsync(await handler.GetAsync(new Uri("/api/v1/payments?status=planned", UriKind.Relative)), HttpStatusCode.OK)).AsArray();
        Assert.Equal(2, payments.Count);
        var payment = payments.Single(p => (int)p!["partnershipId"]! == gent)!;
        var pid = (int)payment["id"]!;
        var proposed = await JsonAsync(await officer.PostAsJsonAsync($"/api/v1/payments/{pid}/steps", new { action = "propose", version = (int)payment["version"]! }), HttpStatusCode.OK);
        var ownApproval = await JsonAsync(await officer.PostAsJsonAsync($"/api/v1/payments/{pid}/steps", new { action = "approve", version = (int)proposed["version"]! }), HttpStatusCode.Forbidden);
        Assert.Contains("Vier ogen", ownApproval.ToJsonString(), StringComparison.Ordinal);
        var approved = await JsonAsync(await handler.PostAsJsonAsync($"/api/v1/payments/{pid}/steps", new { action = "approve", version = (int)proposed["version"]! }), HttpStatusCode.OK);
        var ordered = await JsonAsync(await handler.PostAsJsonAsync($"/api/v1/payments/{pid}/steps", new { action = "order", version = (int)approved["version"]! }), HttpStatusCode.OK);
        using (var stale = await handler.PostAsJsonAsync($"/api/v1/payments/{pid}/steps", new { action = "order", version = (int)approved["version"]! }))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }

        using (var orders = await handler.GetAsync(new Uri("/api/v1/payments/orders?format=csv", UriKind.Relative)))
        {
            var csv = await orders.Content.ReadAsStringAsync();
            Assert.Equal(2, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            Assert.Contains((string)payment["reference"]!, csv, StringComparison.Ordinal);
            Assert.Contains(ApplicationBuilder.Iban, csv, StringComparison.Ordinal);
        }

        await JsonAsync(await handler.PostAsJsonAsync($"/api/v1/payments/{pid}/steps", new { action = "mark-paid", version = (int)ordered["version"]!, paidOn = "2023-06-01", bankReference = "BANK-1" }), HttpStatusCode.OK);

        // More than is left of the grant: 422 R13, nothing written.
        var lineId = (int)decree["lines"]!.AsArray().Single(l => (int)l!["partnershipId"]! == gent)!["id"]!;
        var over = await JsonAsync(await handler.PostAsJsonAsync("/api/v1/payments", new { decreeLineId = lineId, plannedDate = "2023-09-01", amount = "0.01" }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("R13", (string)over["errorCode"]!);

        // R16: everything paid is reclaimed by default; a repayment above what is open is refused.
        var reclaim = await JsonAsync(await handler.PostAsJsonAsync("/api/v1/reclaims", new { partnershipId = gent, decision = "BVR-2024-3", decidedOn = "2024-03-01", dueDate = "2024-05-01", motivation = "Niet aangewend voor het doel." }), HttpStatusCode.Created);
        Assert.Equal((string)payment["amount"]!, (string)reclaim["amount"]!);
        var claimed = await JsonAsync(await handler.PostAsJsonAsync($"/api/v1/reclaims/{(int)reclaim["id"]!}/steps", new { action = "claim", version = (int)reclaim["version"]!, date = "2024-03-05" }), HttpStatusCode.OK);
        var overRepaid = await JsonAsync(await handler.PostAsJsonAsync($"/api/v1/reclaims/{(int)reclaim["id"]!}/steps", new { action = "repay", version = (int)claimed["version"]!, date = "2024-04-01", amount = "99999999.00" }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("R16", (string)overRepaid["errorCode"]!);
        await JsonAsync(await handler.PostAsJsonAsync($"/api/v1/reclaims/{(int)reclaim["id"]!}/steps", new { action = "repay", version = (int)claimed["version"]!, date = "2024-04-01", amount = "1000.00", reference = "TERUG-1" }), HttpStatusCode.OK);

        var ledger = await JsonAsync(await handler.GetAsync(new Uri("/api/v1/ledger", UriKind.Relative)), HttpStatusCode.OK);
        Assert.True((bool)ledger["reconciles"]!);
        Assert.Equal("3000000.00", (string)ledger["totals"]!["granted"]!);
        Assert.Equal((string)payment["amount"]!, (string)ledger["totals"]!["paid"]!);
        Assert.Equal((string)payment["amount"]!, (string)ledger["totals"]!["reclaimed"]!);
        Assert.Equal("1000.00", (string)ledger["totals"]!["paidBack"]!);

        // A partnership reads its own grants, not another's.
        using var regisseur = app.Client($"Regisseur:{gent}");
        var own = await JsonAsync(await regisseur.GetAsync(new Uri($"/api/v1/partnerships/{gent}/grants", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal("Gent", (string)own["grants"]![0]!["beneficiary"]!);
        Assert.Equal("paid", (string)own["payments"]![0]!["status"]!);
        using (var other = await regisseur.GetAsync(new Uri($"/api/v1/partnerships/{scheldeland}/grants", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        }

        using (var notForPartnerships = await regisseur.GetAsync(new Uri("/api/v1/payments", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notForPartnerships.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ADecree_AndAPayment_ThroughThePagesForms_WithoutJavaScript(DatabaseProvider provider)
    {
        var (app, gent, _, runId) = await StartAsync(provider);
        await using var _ = app;
        using var officer = app.Client("PolicyOfficer");
        using var handler = app.Client("CaseHandler");

        // Draft from the overview's form; a wrong date is shown on the page (400) and nothing is made.
        using (var bad = await Html.PostFormAsync(officer, "/Grants", new Dictionary<string, string> { ["AllocationRunId"] = runId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Year"] = "2023", ["Number"] = "MB-2023-7", ["DecreeDate"] = "2030-01-01" }, handler: "Draft"))
        {
            var page = await bad.ReadPageAsync(400, "draft outside the call");
            Assert.Contains("buiten de oproep", page.One("#err-decreeDate").TextContent, StringComparison.Ordinal);
        }

        using var drafted = await Html.PostFormAsync(officer, "/Grants", new Dictionary<string, string> { ["AllocationRunId"] = runId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Year"] = "2023", ["Number"] = "MB-2023-7", ["DecreeDate"] = "2023-04-20" }, handler: "Draft");
        Assert.Equal(HttpStatusCode.Redirect, drafted.StatusCode);
        var decreeUrl = drafted.Headers.Location!.OriginalString;
        Assert.Matches("^/Grants/Decrees/[0-9]+$", decreeUrl);
        var draft = await officer.GetPageAsync(decreeUrl);
        Assert.Equal("€ 3.000.000,00", draft.One("#total").TextContent);
        using (var pdf = await handler.GetAsync(new Uri(decreeUrl + "?handler=Pdf", UriKind.Relative)))
        {
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
            using var document = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
            Assert.Contains("ONTWERP", string.Concat(document.GetPages().Select(p => p.Text)), StringComparison.Ordinal);
        }

        Assert.Equal(2, draft.QuerySelectorAll("#lines tbody tr").Length);

        // A case handler reads the decree but has no steps; the policy officer signs.
        Assert.Null((await handler.GetPageAsync(decreeUrl)).QuerySelector("#steps-heading"));
        using (var signed = await Html.PostFormAsync(officer, decreeUrl, new Dictionary<string, string>(), handler: "Sign"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        }

        Assert.StartsWith("ondertekend", (await officer.GetPageAsync(decreeUrl)).One("#status").TextContent, StringComparison.Ordinal);

        // The payments page: propose as the officer; the officer sees no approve button for their own proposal, the case handler does.
        using (var proposed = await Html.PostFormAsync(officer, "/Grants/Payments", new Dictionary<string, string>(), handler: "Step"))
        {
            Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        }

        var mine = await officer.GetPageAsync("/Grants/Payments?status=proposed");
        var row = Assert.Single(mine.QuerySelectorAll("#payments tbody tr"));
        Assert.DoesNotContain(row.QuerySelectorAll("input[name=Step]"), i => i.GetAttribute("value") == "approve");
        var theirs = await handler.GetPageAsync("/Grants/Payments?status=proposed");
        Assert.Contains(Assert.Single(theirs.QuerySelectorAll("#payments tbody tr")).QuerySelectorAll("input[name=Step]"), i => i.GetAttribute("value") == "approve");

        var ledger = await handler.GetPageAsync("/Grants/Ledger");
        Assert.NotNull(ledger.QuerySelector("#check p.ok"));
        Assert.Equal(2, ledger.QuerySelectorAll("#year-2023 tbody tr").Length);

        using var regisseur = app.Client($"Regisseur:{gent}");
        var own = await regisseur.GetPageAsync($"/Grants/Partnership/{gent}");
        Assert.Contains("Gent", own.One("#grants tbody").TextContent, StringComparison.Ordinal);
        using var denied = await regisseur.GetAsync(new Uri("/Grants", UriKind.Relative));
        Assert.Contains("AccessDenied", denied.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }
}
