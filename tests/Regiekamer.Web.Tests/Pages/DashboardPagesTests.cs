using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Reports;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;

namespace Regiekamer.Web.Tests.Pages;

/// <summary>
/// The department's dashboard of a call (issue 9, point 9) and the expected reports on /Reports, on both databases:
/// on 15/07/2024 the 2023 reports are due (30/06/2024), one still a draft, one not started, one handed in late; the
/// 2023 grant is paid in part and reclaimed. The figures add up with the ledger, each link lists what it counts, and
/// a case handler's extension moves the last day.
/// </summary>
public sealed class DashboardPagesTests
{
    /// <summary>15 July 2024, 23:40 in Brussels: 2023 has ended and its reports' last day (30/06/2024) has passed.</summary>
    private static readonly DateTimeOffset Now = new(2024, 7, 15, 21, 40, 0, TimeSpan.Zero);

    private static readonly string[] ReportKeys = ["expected", "received", "late", "notStarted", "underEvaluation", "accepted", "refused"];

    private static async Task<JsonNode> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    private static string Euro(long cents) => "€ " + new Money(cents).ToDisplayString(Formats.Dutch);

    private static string Plain(string text) => text.Replace('\u00a0', ' ').Trim();

    private static string Href(IParentNode page, string selector) => page.One(selector).QuerySelector("a")!.GetAttribute("href")!;

    private static string Cell(IParentNode page, string selector) => Plain(page.One(selector).TextContent);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheDashboard_AddsUpWithTheLedger_ItsLinksListWhatTheyCount_AndAnExtensionMovesTheLastDay(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        app.Time.SetUtcNow(Now);
        var gent = await app.Services.CreatePartnershipAsync(p => p.CentralCity("Gent").Named("Regie Gent"));
        var leuven = await app.Services.CreatePartnershipAsync(p => p.CentralCity("Leuven").Named("Regie Leuven"));
        var brugge = await app.Services.CreatePartnershipAsync(p => p.CentralCity("Brugge").Named("Regie Brugge"));
        var run = await app.Services.CreateApprovedRunAsync(new DateOnly(2099, 12, 31), gent, leuven, brugge);
        await app.Services.CreateSignedDecreeAsync(run, 2023);
        await app.Services.CreateSignedDecreeAsync(run, 2024);
        using var officer = app.Client("PolicyOfficer");
        using var handler = app.Client("CaseHandler");

        // Gent's 2023 payment is paid (four eyes), then reclaimed in full (R16).
        var planned = (await JsonAsync(await handler.GetAsync(new Uri("/api/v1/payments?status=planned&year=2023", UriKind.Relative)), HttpStatusCode.OK)).AsArray();
        var payment = planned.First(p => (int)p!["partnershipId"]! == gent.Id)!;
        var pid = (int)payment["id"]!;
        var proposed = await JsonAsync(await officer.PostAsJsonAsync($"/api/v1/payments/{pid}/steps", new { action = "propose", version = (int)payment["version"]! }), HttpStatusCode.OK);
        var approved = await JsonAsync(await handler.PostAsJsonAsync($"/api/v1/payments/{pid}/steps", new { action = "approve", version = (int)proposed["version"]! }), HttpStatusCode.OK);
        var ordered = await JsonAsync(await handler.PostAsJsonAsync($"/api/v1/payments/{pid}/steps", new { action = "order", version = (int)approved["version"]! }), HttpStatusCode.OK);
        await JsonAsync(await handler.PostAsJsonAsync($"/api/v1/payments/{pid}/steps", new { action = "mark-paid", version = (int)ordered["version"]!, paidOn = "2023-06-01", bankReference = "BANK-1" }), HttpStatusCode.OK);
        await JsonAsync(await handler.PostAsJsonAsync("/api/v1/reclaims", new { partnershipId = gent.Id, decision = "BVR-2024-3", decidedOn = "2024-07-01", dueDate = "2024-09-01", motivation = "Niet aangewend voor het doel." }), HttpStatusCode.Created);
        var paidCents = Cents.Parse(payment["amount"]);

        // The 2023 reports: Gent's a draft (overdue), Leuven's handed in today (late), Brugge's not started (overdue).
        int callId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = Actor.System;
            callId = (await scope.ServiceProvider.GetRequiredService<CallService>().LatestAsync())!.Id;
            var reports = scope.ServiceProvider.GetRequiredService<ReportService>();
            Assert.True((await reports.StartAsync(gent.Id, callId, 2023)).IsSuccess);
            var l = await reports.StartAsync(leuven.Id, callId, 2023);
            Assert.True((await reports.SubmitAsync(l.Value!.Id, l.Value.Version)).IsSuccess);
        }

        // The API's figures are the ledger's, per year and in total.
        var ledger = await JsonAsync(await handler.GetAsync(new Uri($"/api/v1/ledger?callId={callId}", UriKind.Relative)), HttpStatusCode.OK);
        var dashboard = await JsonAsync(await handler.GetAsync(new Uri($"/api/v1/grants/dashboard?callId={callId}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.True((bool)dashboard["reconciles"]!);
        Assert.Equal(Now.UtcDateTime, ((DateTime)dashboard["computedAtUtc"]!).ToUniversalTime());
        Assert.Equal([2023, 2024, 2025], dashboard["years"]!.AsArray().Select(y => (int)y!["year"]!));
        foreach (var column in new[] { "granted", "paid", "outstanding", "reclaimed", "inProgress" })
        {
            foreach (var y in dashboard["years"]!.AsArray())
            {
                var lines = ledger["lines"]!.AsArray().Where(l => (int)l!["year"]! == (int)y!["year"]!);
                Assert.Equal(lines.Sum(l => Cents.Parse(l![column])), Cents.Parse(y![column]));
            }

            Assert.Equal(Cents.Parse(ledger["totals"]![column]), Cents.Parse(dashboard["totals"]![column]));
        }

        var y2023 = dashboard["years"]![0]!;
        Assert.Equal("3000000.00", (string)y2023["granted"]!);
        Assert.Equal(paidCents, Cents.Parse(y2023["paid"]));
        Assert.Equal(paidCents, Cents.Parse(y2023["reclaimed"]));
        Assert.Equal(300_000_000 - paidCents, Cents.Parse(y2023["outstanding"]));
        var reports2023 = y2023["reports"]!;
        Assert.Equal(
            [3, 1, 3, 1, 1, 0, 0],
            ReportKeys.Select(k => (int)reports2023[k]!));
        Assert.Equal(0, (int)dashboard["years"]![1]!["reports"]!["expected"]!);

        // The page shows the same figures in nl-BE, with their source and moment.
        var page = await officer.GetPageAsync("/Grants/Dashboard");
        Assert.Contains("stand op 15/07/2024 23:40", page.One("#reference").TextContent, StringComparison.Ordinal);
        Assert.Contains("Bron: het grootboek", page.One("#money caption").TextContent, StringComparison.Ordinal);
        Assert.Contains("Bron: de jaarverslagen", page.One("#report-counts caption").TextContent, StringComparison.Ordinal);
        Assert.Equal("€ 3.000.000,00", Cell(page, "#money-2023 .granted"));
        Assert.Equal(Euro(paidCents), Cell(page, "#money-2023 .paid"));
        Assert.Equal(Euro(300_000_000 - paidCents), Cell(page, "#money-2023 .outstanding"));
        Assert.Equal(Euro(paidCents), Cell(page, "#money-2023 .reclaimed"));
        Assert.Equal(Euro(Cents.Parse(ledger["totals"]!["granted"])), Cell(page, "#money-total .granted"));
        Assert.Equal(["3", "1", "3", "1", "1", "0", "0"], page.One("#reports-2023").QuerySelectorAll("td").Select(c => c.TextContent.Trim()));

        // Each money figure's list: the ledger's year, the paid payments of the year, the reclaims of the year.
        var ledgerYear = await officer.GetPageAsync(Href(page, "#money-2023 .granted"));
        Assert.NotNull(ledgerYear.QuerySelector("#year-2023"));
        Assert.Null(ledgerYear.QuerySelector("#year-2024"));
        Assert.Equal(3, ledgerYear.QuerySelectorAll("#year-2023 tbody tr").Length);
        var ledgerTotals = ledgerYear.One("#year-2023 tfoot").QuerySelectorAll("td").Select(c => Plain(c.TextContent)).ToList();
        Assert.Equal(Cell(page, "#money-2023 .granted"), ledgerTotals[0]);
        Assert.Equal(Cell(page, "#money-2023 .outstanding"), ledgerTotals[^1]);

        var paid = await officer.GetPageAsync(Href(page, "#money-2023 .paid"));
        var paidRow = Assert.Single(paid.QuerySelectorAll("#payments tbody tr"));
        Assert.Contains(Euro(paidCents), Plain(paidRow.TextContent), StringComparison.Ordinal);
        Assert.Empty((await officer.GetPageAsync(Href(page, "#money-2024 .paid"))).QuerySelectorAll("#payments tbody tr"));

        var reclaims = await officer.GetPageAsync(Href(page, "#money-2023 .reclaimed"));
        Assert.Single(reclaims.QuerySelectorAll("#reclaims tbody tr"));
        Assert.Equal(Cell(page, "#money-2023 .reclaimed"), Cell(reclaims, "#reclaimed-of-year"));
        Assert.Empty((await officer.GetPageAsync(Href(page, "#money-2024 .reclaimed"))).QuerySelectorAll("#reclaims tbody tr"));

        // Each report figure's list: as many expected reports as it counts, the right ones.
        async Task<List<string>> ListedAsync(string cell)
        {
            var list = await officer.GetPageAsync(Href(page, cell));
            return list.QuerySelector("table#standing") is null ? [] : list.Rows("table#standing").Select(r => r[0]).ToList();
        }

        Assert.Equal(["Regie Brugge", "Regie Gent", "Regie Leuven"], await ListedAsync("#reports-2023 .expected"));
        Assert.Equal(["Regie Leuven"], await ListedAsync("#reports-2023 .received"));
        Assert.Equal(["Regie Brugge", "Regie Gent", "Regie Leuven"], await ListedAsync("#reports-2023 .late"));
        Assert.Equal(["Regie Brugge"], await ListedAsync("#reports-2023 .not-started"));
        Assert.Equal(["Regie Leuven"], await ListedAsync("#reports-2023 .under-evaluation"));
        Assert.Empty(await ListedAsync("#reports-2023 .accepted"));
        Assert.Empty(await ListedAsync("#reports-2024 .expected"));
        var evaluating = await officer.GetPageAsync(Href(page, "#reports-2023 .under-evaluation"));
        Assert.Equal("Regie Leuven", Assert.Single(evaluating.Rows("table#reports"))[0]);

        // /Reports for the department: the standing of each, with last day and timing; a policy officer gives no extensions.
        var standing = await officer.GetPageAsync($"/Reports?call={callId}&year=2023");
        var gentRow = standing.One($"#standing-{callId}-{gent.Id}-2023");
        Assert.Equal("30/06/2024", gentRow.One(".last-day").TextContent);
        Assert.Equal("te laat, nog niet ingediend", gentRow.One(".timing").TextContent);
        Assert.Equal("niet gestart", standing.One($"#standing-{callId}-{brugge.Id}-2023 .status").TextContent);
        Assert.Equal("laattijdig ingediend", standing.One($"#standing-{callId}-{leuven.Id}-2023 .timing").TextContent);
        Assert.Empty(standing.QuerySelectorAll("form[id^='extend-']"));
        Assert.Equal("Regie Brugge", Assert.Single((await officer.GetPageAsync("/Reports?timing=overdue&status=not-started")).Rows("table#standing"))[0]);
        Assert.Contains("soon", (await officer.GetPageAsync("/Reports?timing=soon", expectedStatus: 400)).One("#errors").TextContent, StringComparison.Ordinal);

        // A case handler gives Gent more time: without a reason it is refused at its field; then the last day moves.
        var forHandler = await handler.GetPageAsync($"/Reports?call={callId}&year=2023");
        var form = (IHtmlFormElement)forHandler.One($"form#extend-ext-{callId}-{gent.Id}-2023");
        Assert.Null(forHandler.QuerySelector($"form#extend-ext-{callId}-{leuven.Id}-2023"));
        using (var noReason = await Html.PostAsync(handler, form.GetAttribute("action")!, form, new Dictionary<string, string> { ["ExtendUntil"] = "2024-08-31" }))
        {
            var refused = await noReason.ReadPageAsync(400, "extension without a reason");
            Assert.Equal("true", refused.One($"#Input_Reason-ext-{callId}-{gent.Id}-2023").GetAttribute("aria-invalid"));
            Assert.Equal($"#Input_Reason-ext-{callId}-{gent.Id}-2023", refused.One("#errors a").GetAttribute("href"));
        }

        using (var extended = await Html.PostAsync(handler, form.GetAttribute("action")!, form, new Dictionary<string, string> { ["ExtendUntil"] = "2024-08-31", ["ExtendReason"] = "Ziekte van de regisseur." }))
        {
            Assert.Equal(HttpStatusCode.Redirect, extended.StatusCode);
            Assert.EndsWith($"#standing-{callId}-{gent.Id}-2023", extended.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        var after = await handler.GetPageAsync($"/Reports?call={callId}&year=2023&done=extended");
        Assert.NotNull(after.QuerySelector("#done"));
        gentRow = after.One($"#standing-{callId}-{gent.Id}-2023");
        Assert.Equal("31/08/2024", gentRow.One(".last-day").TextContent);
        Assert.Contains("termijn 30/06/2024", gentRow.TextContent, StringComparison.Ordinal);
        Assert.Equal("open", gentRow.One(".timing").TextContent);
        Assert.Equal(2, (int)(await JsonAsync(await handler.GetAsync(new Uri("/api/v1/grants/dashboard", UriKind.Relative)), HttpStatusCode.OK))["years"]![0]!["reports"]!["late"]!);

        // A partnership sees its own standing (last day, timing) and no extension form; not the dashboard.
        using var regisseur = app.Client($"Regisseur:{gent.Id}");
        var own = await regisseur.GetPageAsync("/Reports");
        var ownRow = Assert.Single(own.QuerySelectorAll("table#standing tbody tr"));
        Assert.Equal("31/08/2024", ownRow.One(".last-day").TextContent);
        Assert.Equal("open", ownRow.One(".timing").TextContent);
        Assert.Empty(own.QuerySelectorAll("form[id^='extend-']"));
        using (var denied = await regisseur.GetAsync(new Uri("/Grants/Dashboard", UriKind.Relative)))
        {
            Assert.Contains("AccessDenied", denied.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        }

        using (var deniedApi = await regisseur.GetAsync(new Uri("/api/v1/grants/dashboard", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, deniedApi.StatusCode);
        }
    }
}
