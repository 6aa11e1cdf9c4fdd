using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Data;
using Regiekamer.Core.Reports;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;
using static Regiekamer.Web.Tests.Infrastructure.Html;

namespace Regiekamer.Web.Tests.Pages;

/// <summary>
/// Annual reports (R15, R16) in the browser's terms, without JavaScript: the list as each role sees it, and a year's
/// report from its start to its evaluation through the pages' own forms (with their antiforgery tokens), as the
/// regisseur, the signatory and the case handler.
/// </summary>
public sealed class ReportPagesTests
{
    private static IHtmlFormElement Form(IParentNode page, string id) => (IHtmlFormElement)page.One($"main form#{id}");

    /// <summary>The form that starts a report of the partnership (one per call with an approved application; here one call).</summary>
    private static IHtmlFormElement StartForm(IParentNode page, int partnershipId) => (IHtmlFormElement)page.One($"main form[id^='start-{partnershipId}-']");

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, IHtmlFormElement form, IReadOnlyDictionary<string, string> values) =>
        await Html.PostAsync(client, form.GetAttribute("action")!, form, values);

    /// <summary>A page refuses a signed-in user by sending the browser to the access-denied page.</summary>
    private static void AssertRefused(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/AccessDenied", response.Headers.Location?.AbsolutePath);
    }

    private static IElement ActionNamed(IParentNode page, string code) =>
        page.QuerySelectorAll("article.action").Single(a => a.QuerySelector("h3 .code")!.TextContent == code);

    private static int IdOf(IElement action) => int.Parse(action.Id!["action-".Length..], System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<(int Gent, int Leuven)> StartedAsync(TestApp app, int gent, int leuven, bool submitLeuven)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = Actor.System;
        var callId = (await scope.ServiceProvider.GetRequiredService<CallService>().LatestAsync())!.Id;
        var reports = scope.ServiceProvider.GetRequiredService<ReportService>();
        var g = await reports.StartAsync(gent, callId, 2023);
        var l = await reports.StartAsync(leuven, callId, 2023);
        Assert.True(g.IsSuccess && l.IsSuccess);
        if (submitLeuven)
        {
            Assert.True((await reports.SubmitAsync(l.Value!.Id, l.Value.Version)).IsSuccess);
        }

        return (g.Value!.Id, l.Value!.Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheList_ShowsAPartnershipOnlyItsOwnReports_AndTheDepartmentAll_ByCallYearAndStatus(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        var gent = await app.Services.CreatePartnershipAsync(p => p.CentralCity("Gent").Named("Regie Gent"));
        var leuven = await app.Services.CreatePartnershipAsync(p => p.CentralCity("Leuven").Named("Regie Leuven"));
        await app.Services.CreateApprovedRunAsync(new DateOnly(2099, 12, 31), gent, leuven);
        var (gentReport, leuvenReport) = await StartedAsync(app, gent.Id, leuven.Id, submitLeuven: true);
        using var regisseur = app.Client($"Regisseur:{gent.Id}");
        using var viewer = app.Client($"MemberViewer:{leuven.Id}");
        using var department = app.Client("PolicyOfficer");

        var own = await regisseur.GetPageAsync("/Reports");
        var row = Assert.Single(own.Rows("table#reports"));
        Assert.Equal("Regie Gent", row[0]);
        Assert.Equal("ontwerp", row[2]);
        Assert.Equal($"/Reports/{gentReport}", own.One("table#reports tbody a").GetAttribute("href"));
        Assert.Null(own.QuerySelector("form.filters"));
        Assert.Contains(own.QuerySelectorAll("nav.main-nav a"), a => a.GetAttribute("href") == "/Reports" && a.TextContent == "Jaarverslagen");
        using (var other = await regisseur.GetAsync(new Uri($"/Reports/{leuvenReport}", UriKind.Relative)))
        {
            AssertRefused(other);
        }

        // A member viewer reads its own partnership's report, and nothing to start (only the regisseur and signatory may).
        var theirs = await viewer.GetPageAsync("/Reports");
        Assert.Equal("Regie Leuven", Assert.Single(theirs.Rows("table#reports"))[0]);
        Assert.Null(theirs.QuerySelector("main form[method=post]"));

        var all = await department.GetPageAsync("/Reports");
        Assert.Equal(["Regie Gent", "Regie Leuven"], all.Rows("table#reports").Select(r => r[0]));
        var submitted = all.Rows("table#reports")[1];
        Assert.Equal(["2023", "ingediend", "1", "01/06/2025"], submitted.Skip(1).Take(4));
        Assert.NotNull(all.QuerySelector("form.filters select#status option[value=clarification-requested]"));

        Assert.Equal("Regie Leuven", Assert.Single((await department.GetPageAsync("/Reports?status=submitted")).Rows("table#reports"))[0]);
        Assert.Equal("Regie Gent", Assert.Single((await department.GetPageAsync("/Reports?status=draft")).Rows("table#reports"))[0]);
        Assert.Null((await department.GetPageAsync("/Reports?year=2024")).QuerySelector("table#reports"));
        var callId = all.One("form.filters select#call option:not([value=''])").GetAttribute("value");
        Assert.Equal(2, (await department.GetPageAsync($"/Reports?call={callId}&year=2023")).Rows("table#reports").Count);
        var wrong = await department.GetPageAsync("/Reports?status=nonsense", expectedStatus: 400);
        Assert.Contains("nonsense", wrong.One("#errors").TextContent, StringComparison.Ordinal);

        // The department reads a report, and has no form to change it (only to evaluate the submitted one).
        var report = await department.GetPageAsync($"/Reports/{gentReport}");
        Assert.Empty(report.QuerySelectorAll("main form[method=post]"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AReport_FromStartToEvaluation_ThroughThePagesForms(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        var gent = await app.Services.CreatePartnershipAsync(p => p.CentralCity("Gent").Named("Regie Gent"));
        var leuven = await app.Services.CreatePartnershipAsync(p => p.CentralCity("Leuven").Named("Regie Leuven"));
        await app.Services.CreateApprovedRunAsync(new DateOnly(2099, 12, 31), gent, leuven);
        using var regisseur = app.Client($"Regisseur:{gent.Id}");
        using var signatory = app.Client($"Signatory:{gent.Id}");
        using var stranger = app.Client($"Regisseur:{leuven.Id}");
        using var caseHandler = app.Client("CaseHandler");

        // Another partnership's regisseur cannot start Gent's report by posting Gent's id in its own form.
        var strangers = await stranger.GetPageAsync("/Reports");
        using (var forOther = await PostAsync(stranger, StartForm(strangers, leuven.Id), new Dictionary<string, string> { ["StartPartnership"] = gent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        {
            AssertRefused(forOther);
        }

        // The regisseur starts the year's report from the list: every action of the approved plan that runs in 2023.
        var list = await regisseur.GetPageAsync("/Reports");
        var years = StartForm(list, gent.Id).QuerySelectorAll("select option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(["2023", "2024", "2025"], years);
        string url;
        using (var started = await PostAsync(regisseur, StartForm(list, gent.Id), new Dictionary<string, string> { ["StartYear"] = "2023" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
            url = started.Headers.Location!.OriginalString.Split('?')[0];
            Assert.Matches("^/Reports/[0-9]+$", url);
        }

        Assert.Equal(["2024", "2025"], StartForm(await regisseur.GetPageAsync("/Reports"), gent.Id).QuerySelectorAll("select option").Select(o => o.GetAttribute("value")));
        var page = await regisseur.GetPageAsync(url);
        Assert.Equal("Jaarverslag 2023 – Regie Gent", page.One("h1").Text());
        Assert.Equal(4, page.QuerySelectorAll("article.action").Length);
        Assert.Empty(page.QuerySelectorAll("#findings li.violation"));
        Assert.Null(page.QuerySelector("form#form-submit"));

        // An action reported through its form: a comment and its cost in nl-BE.
        var lr1 = ActionNamed(page, "WSE-LR1");
        var lr1Id = IdOf(lr1);
        var read = Form(page, $"form-action-{lr1Id}");
        using (var saved = await PostAsync(regisseur, read, new Dictionary<string, string> { ["Input.Comment"] = "30 bedrijven bereikt", ["Input.Cost"] = "12.500,00" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        page = await regisseur.GetPageAsync(url);
        Assert.Contains("30 bedrijven bereikt", ActionNamed(page, "WSE-LR1").TextContent, StringComparison.Ordinal);
        Assert.Equal("€ 12.500,00", ActionNamed(page, "WSE-LR1").One("dd.cost").TextContent);
        Assert.Equal("€ 12.500,00", page.One("#total-cost").TextContent);
        Assert.Equal("12.500,00", page.One($"#Input_Cost-{lr1Id}").GetAttribute("value"));

        // The same form again, as it was read: the version is stale, the conflict is said, and nothing changes.
        using (var stale = await PostAsync(regisseur, read, new Dictionary<string, string> { ["Input.Comment"] = "Oude versie" }))
        {
            var refused = await stale.ReadPageAsync(409, "stale action");
            Assert.Contains("Iemand anders bewaarde", refused.One("#errors").TextContent, StringComparison.Ordinal);
            Assert.Equal("Oude versie", refused.One($"#Input_Comment-{lr1Id}").TextContent);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<RegiekamerDb>().ReportedActions.AsNoTracking().SingleAsync(a => a.Id == lr1Id);
            Assert.Equal("30 bedrijven bereikt", stored.Comment);
        }

        // A wrong amount is shown at its field, with 422.
        using (var badCost = await PostAsync(regisseur, Form(page, $"form-action-{lr1Id}"), new Dictionary<string, string> { ["Input.Cost"] = "veel" }))
        {
            var refused = await badCost.ReadPageAsync(422, "bad cost");
            Assert.Equal("true", refused.One($"#Input_Cost-{lr1Id}").GetAttribute("aria-invalid"));
            Assert.Equal($"#Input_Cost-{lr1Id}", refused.One("#errors a").GetAttribute("href"));
        }

        // WSE-LR4 was not carried out, and no reason is given: R15, and R10 (no LR4 action left in 2023).
        var lr4Id = IdOf(ActionNamed(page, "WSE-LR4"));
        using (var notDone = await PostAsync(regisseur, Form(page, $"form-action-{lr4Id}"), new Dictionary<string, string> { ["Input.Outcome"] = "not-carried-out" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, notDone.StatusCode);
        }

        page = await signatory.GetPageAsync(url);
        var findings = page.QuerySelectorAll("#findings li .tag").Select(t => t.TextContent).ToList();
        Assert.Contains("R15", findings);
        Assert.Contains("R10", findings);
        Assert.Equal($"#action-{lr4Id}", page.QuerySelectorAll("#findings li").First(l => l.QuerySelector(".tag")!.TextContent == "R15").QuerySelector("a")!.GetAttribute("href"));
        using (var refused = await PostAsync(signatory, Form(page, "form-submit"), new Dictionary<string, string>()))
        {
            var shown = await refused.ReadPageAsync(422, "submit with R15");
            var tags = shown.QuerySelectorAll("#errors li .tag").Select(t => t.TextContent).ToList();
            Assert.Contains("R15", tags);
            Assert.Contains("R10", tags);
            Assert.Contains("zeg waarom", shown.One("#errors").TextContent, StringComparison.Ordinal);
        }

        // Fixed: an unplanned LR4 action is added, and the reason given.
        using (var added = await PostAsync(regisseur, Form(await regisseur.GetPageAsync(url), "form-add"), new Dictionary<string, string>
        {
            ["Input.ShortDescription"] = "Ontbijtsessie sociale economie",
            ["Input.LongDescription"] = "Bedrijven ontmoeten sociale-economiebedrijven uit de regio; de regisseur nodigt uit en modereert.",
            ["Input.Code"] = "WSE-LR4",
            ["Input.Comment"] = "25 deelnemers",
            ["Input.Cost"] = "750,00",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
            Assert.Matches("#action-[0-9]+$", added.Headers.Location!.OriginalString);
        }

        page = await regisseur.GetPageAsync(url);
        var unplanned = page.QuerySelectorAll("article.action")[^1];
        Assert.Contains("Ontbijtsessie sociale economie", unplanned.One("h3").TextContent, StringComparison.Ordinal);
        Assert.Equal("uitgevoerd, niet gepland", unplanned.One("dd.outcome").TextContent);
        Assert.Equal("niet gepland", unplanned.One("dd.planned").TextContent);
        Assert.Equal("€ 13.250,00", page.One("#total-cost").TextContent);
        using (var reason = await PostAsync(regisseur, Form(page, $"form-action-{lr4Id}"), new Dictionary<string, string> { ["Input.Reason"] = "Te weinig inschrijvingen; vervangen door het ontbijt." }))
        {
            Assert.Equal(HttpStatusCode.Redirect, reason.StatusCode);
        }

        // The regisseur may not submit; the signatory does.
        page = await regisseur.GetPageAsync(url);
        Assert.Empty(page.QuerySelectorAll("#findings li.violation"));
        Assert.Null(page.QuerySelector("form#form-submit"));
        using (var submitted = await PostAsync(signatory, Form(await signatory.GetPageAsync(url), "form-submit"), new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        }

        page = await regisseur.GetPageAsync(url);
        Assert.Equal("ingediend", page.One("#status").TextContent);
        Assert.Empty(page.QuerySelectorAll("main form[method=post]"));

        // The case handler asks for clarification: the response date is required with it; then saved.
        var evaluation = Form(await caseHandler.GetPageAsync(url), "form-evaluate");
        using (var noDate = await PostAsync(caseHandler, evaluation, new Dictionary<string, string> { ["Evaluation.Decision"] = "clarify", ["Evaluation.Motivation"] = "Wat bereikte de actie WSE-LR2?" }))
        {
            var refused = await noDate.ReadPageAsync(400, "clarify without a date");
            Assert.Equal("true", refused.One("#Input_ResponseDue").GetAttribute("aria-invalid"));
            Assert.Equal("clarify", refused.QuerySelector("input[name='Evaluation.Decision'][checked]")!.GetAttribute("value"));
        }

        using (var clarify = await PostAsync(caseHandler, evaluation, new Dictionary<string, string>
        {
            ["Evaluation.Decision"] = "clarify",
            ["Evaluation.Motivation"] = "Wat bereikte de actie WSE-LR2?",
            ["Evaluation.ResponseDue"] = "2025-06-20",
            ["Evaluation.Pursued[WSE-LR2]"] = "insufficient",
            ["Evaluation.Remarks[WSE-LR2]"] = "Geen resultaat beschreven.",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, clarify.StatusCode);
        }

        page = await signatory.GetPageAsync(url);
        Assert.Equal("verduidelijking gevraagd", page.One("#status").TextContent);
        Assert.Equal("Wat bereikte de actie WSE-LR2?", page.One("#motivation").TextContent);
        Assert.Equal("20/06/2025", page.One("#response-due").TextContent);

        // The partnership answers with the next version; the case handler accepts it.
        var lr2Id = IdOf(ActionNamed(page, "WSE-LR2"));
        using (var answer = await PostAsync(regisseur, Form(await regisseur.GetPageAsync(url), $"form-action-{lr2Id}"), new Dictionary<string, string> { ["Input.Comment"] = "Twee leerlingen aan de slag" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        }

        using (var again = await PostAsync(signatory, Form(await signatory.GetPageAsync(url), "form-submit"), new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        // R16: accepting judges every priority of the call; the form says which are missing.
        var evaluate = Form(await caseHandler.GetPageAsync(url), "form-evaluate");
        using (var unjudged = await PostAsync(caseHandler, evaluate, new Dictionary<string, string> { ["Evaluation.Decision"] = "accept", ["Evaluation.Motivation"] = "Duidelijk en volledig.", ["Evaluation.Pursued[WSE-LR2]"] = "" }))
        {
            var refused = await unjudged.ReadPageAsync(422, "accept without judging every priority");
            Assert.Contains("WSE-LR2", refused.One("#Input_priorities").TextContent, StringComparison.Ordinal);
        }

        using (var accept = await PostAsync(caseHandler, evaluate, new Dictionary<string, string>
        {
            ["Evaluation.Decision"] = "accept",
            ["Evaluation.Motivation"] = "Duidelijk en volledig.",
            ["Evaluation.Pursued[WSE-LR1]"] = "sufficient",
            ["Evaluation.Pursued[WSE-LR2]"] = "sufficient",
            ["Evaluation.Remarks[WSE-LR2]"] = "Twee leerlingen aan de slag.",
            ["Evaluation.Pursued[WSE-LR3]"] = "sufficient",
            ["Evaluation.Pursued[WSE-LR4]"] = "sufficient",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        }

        page = await caseHandler.GetPageAsync(url);
        Assert.Equal("aanvaard", page.One("#status").TextContent);
        Assert.Empty(page.QuerySelectorAll("main form[method=post]"));
        Assert.Equal("2", page.One("#submitted-versions").TextContent);
        Assert.Equal("Duidelijk en volledig.", page.One("#motivation").TextContent);
        Assert.Null(page.QuerySelector("#response-due"));
        Assert.Equal(4, page.QuerySelectorAll("#priority-evaluations tbody tr").Length);
        Assert.Contains("Twee leerlingen aan de slag.", page.One("#priority-evaluations").TextContent, StringComparison.Ordinal);

        // The receipt and the decision are documents (PDF) the page links to.
        foreach (var handler in new[] { "Receipt", "Decision" })
        {
            using var pdf = await caseHandler.GetAsync($"{url}?handler={handler}");
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync(), 0, 4), StringComparison.Ordinal);
        }

        var row = Assert.Single((await caseHandler.GetPageAsync("/Reports?status=accepted")).Rows("table#reports"));
        Assert.Equal(["Regie Gent", "2023", "aanvaard", "2", "01/06/2025", "€ 13.250,00"], row.Take(6).Select(c => c.Replace("\u00a0", " ", StringComparison.Ordinal)));
    }
}
