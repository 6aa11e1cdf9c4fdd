using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;
using static Regiekamer.Web.Tests.Infrastructure.Html;

namespace Regiekamer.Web.Tests.Pages;

/// <summary>
/// Issue 8 in the browser's terms, without JavaScript: every step of a dossier through the pages' own forms (with their
/// antiforgery tokens), as the regisseur, the signatory and the case handler; and two people editing one action.
/// </summary>
public sealed class ApplicationPagesTests
{
    private static string Plan()
    {
        var text = new StringBuilder("Beleidsdoelstelling;Actieplan;Actie omschrijving;Actie lange omschrijving;Actie commentaar;Code;Bedrag 2023;Bedrag 2024;Bedrag 2025\n");
        foreach (var code in PriorityCodes)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"Samen werken;Regie {code};Actie {code};<p>Wat en <strong>waarom</strong>.</p><script>alert(1)</script>;;{code};1.000,00;1.000,00;1.000,00\n");
        }

        return text.ToString();
    }

    private static readonly string[] PriorityCodes = ["WSE-LR1", "WSE-LR2", "WSE-LR3", "WSE-LR4"];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ADossier_FromStartToApproval_ThroughThePagesForms(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var own = await app.ScheldelandAsync();
        using var regisseur = app.Client($"Regisseur:{own}");
        using var signatory = app.Client($"Signatory:{own}");
        using var caseHandler = app.Client("CaseHandler");

        // Start from the list.
        var list = await regisseur.GetPageAsync("/Applications");
        var start = list.QuerySelectorAll("main a").Single(a => a.GetAttribute("href") == $"/Applications/Start/{own}");
        var started = await PostFormAsync(regisseur, start.GetAttribute("href")!, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var dossierUrl = started.Headers.Location!.OriginalString;
        Assert.Matches("^/Applications/[0-9]+$", dossierUrl);

        var dossier = await regisseur.GetPageAsync(dossierUrl);
        Assert.Contains("RK-2023-", dossier.One("h1").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(dossier.QuerySelectorAll("#checklist li.todo"));

        // The information form: a wrong KBO check digit is shown on the page with 422; then saved.
        var info = new Dictionary<string, string>
        {
            ["Input.BbcUser"] = "true",
            ["Input.BeneficiaryKbo"] = "0316.381.038",
            ["Input.Iban"] = "BE68 5390 0754 7034",
            ["Input.WijkWerken"] = "false",
            ["Input.RegisseurName"] = "Rita Regisseur",
            ["Input.RegisseurEmail"] = "rita@scheldeland.test",
            ["Input.SignatoryName"] = "Olivier Ondertekenaar",
            ["Input.SignatoryEmail"] = "olivier@scheldeland.test",
        };
        using (var refused = await PostFormAsync(regisseur, dossierUrl + "/Information", info))
        {
            var page = await refused.ReadPageAsync(422, "wrong KBO");
            Assert.Contains("KBO", page.One("#err-beneficiaryKbo").TextContent, StringComparison.Ordinal);
            Assert.Equal("true", page.One("#Input_BeneficiaryKbo").GetAttribute("aria-invalid"));
        }

        info["Input.BeneficiaryKbo"] = "0316.381.039";
        using (var saved = await PostFormAsync(regisseur, dossierUrl + "/Information", info))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        // The plan, imported through the page's upload form; the long description shown sanitised.
        using (var imported = await PostFileAsync(regisseur, dossierUrl + "/Plan", "Import", "Upload", "plan.csv", Encoding.UTF8.GetBytes(Plan())))
        {
            var page = await imported.ReadPageAsync(200, "import");
            Assert.Contains("4", page.One("[role=status]").TextContent, StringComparison.Ordinal);
            Assert.Empty(page.QuerySelectorAll("main script"));
            Assert.NotEmpty(page.QuerySelectorAll(".long-description strong"));
            Assert.Empty(page.QuerySelectorAll("#grid td.missing"));
        }

        // An action edited through its form.
        var plan = await regisseur.GetPageAsync(dossierUrl + "/Plan");
        var actionUrl = plan.QuerySelectorAll("article.action h5 a")[0].GetAttribute("href")!;
        using (var edited = await PostFormAsync(regisseur, actionUrl, new Dictionary<string, string> { ["Input.Amounts[2024]"] = "2.500,00" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }

        Assert.Contains("2.500,00", (await regisseur.GetPageAsync(dossierUrl + "/Plan")).QuerySelectorAll("article.action")[0].TextContent, StringComparison.Ordinal);

        // The department's overview lists the draft as late (1 June 2025, past R8's deadline) with its parts.
        var dossierNumber = System.Text.RegularExpressions.Regex.Match((await regisseur.GetPageAsync(dossierUrl)).One("h1").TextContent, "RK-[0-9]{4}-[0-9]{4}").Value;
        var draftOverview = await caseHandler.GetPageAsync("/Applications/Overview");
        var missing = Assert.Single(draftOverview.QuerySelectorAll("table#missing tbody tr"));
        Assert.Equal(dossierNumber, missing.QuerySelector("td a")!.TextContent);
        Assert.Equal("ja", missing.QuerySelectorAll("td")[^1].TextContent);
        Assert.Equal("1", draftOverview.QuerySelector("table#by-status tfoot td")!.TextContent);

        // 1 June 2025: R8 blocks; the case handler records an extension on the review page.
        var blocked = await signatory.GetPageAsync(dossierUrl + "/Submit");
        Assert.Contains(blocked.QuerySelectorAll("#blocking li .tag"), t => t.TextContent == "R8");
        Assert.Null(blocked.QuerySelector("main form[method=post] button[type=submit]"));
        using (var extension = await PostFormAsync(caseHandler, dossierUrl + "/Review", new Dictionary<string, string> { ["Until"] = "2025-06-30", ["ExtensionMotivation"] = "Testdossier" }, handler: "Extension"))
        {
            Assert.Equal(HttpStatusCode.Redirect, extension.StatusCode);
        }

        // The regisseur sees that only the signatory submits; the signatory submits and gets the receipt.
        Assert.Null((await regisseur.GetPageAsync(dossierUrl + "/Submit")).QuerySelector("main form[method=post]"));
        using var submitted = await PostFormAsync(signatory, dossierUrl + "/Submit", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var receipt = await signatory.GetPageAsync(submitted.Headers.Location!.OriginalString);
        Assert.Matches("[0-9a-f]{64}", receipt.One("#receipt code.hash").TextContent);
        Assert.Contains("01/06/2025", receipt.One("#receipt").TextContent, StringComparison.Ordinal);

        // The case handler asks for changes; the partnership changes an amount and resubmits; the diff shows it.
        using (var changes = await PostFormAsync(caseHandler, dossierUrl + "/Review", new Dictionary<string, string>
        {
            ["Decision.Kind"] = "request-changes",
            ["Decision.Motivation"] = "Motiveer het bedrag van 2024.",
            ["Decision.Points"] = "Actie WSE-LR1: bedrag 2024",
            ["Decision.ResponseDue"] = "2025-06-20",
        }, handler: "Decide"))
        {
            Assert.Equal(HttpStatusCode.Redirect, changes.StatusCode);
            var letter = await caseHandler.GetPageAsync(changes.Headers.Location!.OriginalString);
            Assert.Contains("20/06/2025", letter.One("#letter").TextContent, StringComparison.Ordinal);
        }

        using (var edited = await PostFormAsync(regisseur, actionUrl, new Dictionary<string, string> { ["Input.Amounts[2024]"] = "1.750,00" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }

        using (var resubmitted = await PostFormAsync(signatory, dossierUrl + "/Submit", new Dictionary<string, string>()))
        {
            Assert.EndsWith("/Versions/2?submitted=true", resubmitted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        var diff = await caseHandler.GetPageAsync(dossierUrl + "/Diff");
        var change = Assert.Single(diff.QuerySelectorAll("table.diff tbody tr"));
        Assert.Contains("2500.00", change.TextContent, StringComparison.Ordinal);
        Assert.Contains("1750.00", change.TextContent, StringComparison.Ordinal);

        using (var approved = await PostFormAsync(caseHandler, dossierUrl + "/Review", new Dictionary<string, string>
        {
            ["Decision.Kind"] = "approve",
            ["Decision.Motivation"] = "Volledig en helder.",
        }, handler: "Decide"))
        {
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        }

        var final = await regisseur.GetPageAsync(dossierUrl);
        Assert.Contains("goedgekeurd", final.QuerySelector("main dl")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, final.Rows("table#versions").Count);

        // The overview now counts one approved dossier, nothing missing, and sums its plan per priority and year.
        var overview = await caseHandler.GetPageAsync("/Applications/Overview");
        var approvedRow = overview.QuerySelectorAll("table#by-status tbody tr").Single(r => r.QuerySelector("a")!.GetAttribute("href") == "/Applications?status=approved");
        Assert.Equal("1", approvedRow.QuerySelector("td.num")!.TextContent);
        Assert.Null(overview.QuerySelector("table#missing"));
        var lr1 = overview.QuerySelectorAll("table#all-plans tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "WSE-LR1");
        var cells = lr1.QuerySelectorAll("td").Select(c => c.TextContent).ToList();
        Assert.Equal(["1 actie€ 1.000,00", "1 actie€ 1.750,00", "1 actie€ 1.000,00"], cells.Select(c => c.Replace("\u00a0", " ", StringComparison.Ordinal)));
        using var export = await caseHandler.GetAsync(new Uri("/Applications/Overview?handler=Export&format=csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var exported = (await export.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 4, exported.Length);
        Assert.True(exported.Any(line => line.Contains(dossierNumber, StringComparison.Ordinal) && line.Contains("1.750,00", StringComparison.Ordinal)), $"{dossierNumber} with 1.750,00 in:\n{string.Join('\n', exported)}");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwoPeople_EditingOneAction_MergeDifferentFields_AndSeeTheSameFieldSideBySide(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var own = await app.ScheldelandAsync();
        var dossier = await app.Services.CreateApplicationAsync(a => a.For(own).Complete());
        using var regisseur = app.Client($"Regisseur:{own}");
        using var signatory = app.Client($"Signatory:{own}");
        var actionId = dossier.Actions.OrderBy(a => a.Position).First().Id;
        var url = $"/Applications/{dossier.Id}/Plan/Action/{actionId}";

        // Both open the action.
        var first = (IHtmlFormElement)(await regisseur.GetPageAsync(url)).One("main form.action-form");
        var second = (IHtmlFormElement)(await signatory.GetPageAsync(url)).One("main form.action-form");

        // Different fields: both land.
        using (var a = await PostAsync(regisseur, url, first, new Dictionary<string, string> { ["Input.Comment"] = "40 deelnemers" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, a.StatusCode);
        }

        using (var b = await PostAsync(signatory, url, second, new Dictionary<string, string> { ["Input.PolicyGoal"] = "Netwerken" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, b.StatusCode);
        }

        var both = await regisseur.GetPageAsync(url);
        Assert.Equal("40 deelnemers", both.One("#Input_Comment").TextContent);
        Assert.Equal("Netwerken", both.One("#Input_PolicyGoal").GetAttribute("value"));

        // The same field: the second sees both versions side by side, keeps theirs by saving again.
        var third = (IHtmlFormElement)both.One("main form.action-form");
        var fourth = (IHtmlFormElement)(await signatory.GetPageAsync(url)).One("main form.action-form");
        using (var a = await PostAsync(regisseur, url, third, new Dictionary<string, string> { ["Input.ShortDescription"] = "Versie van Rita" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, a.StatusCode);
        }

        using var conflict = await PostAsync(signatory, url, fourth, new Dictionary<string, string> { ["Input.ShortDescription"] = "Versie van Olivier" });
        var page = await conflict.ReadPageAsync(409, "conflict");
        var row = Assert.Single(page.Rows("#conflict table.side-by-side"));
        Assert.Equal(["Versie van Olivier", "Versie van Rita"], row);
        using (var kept = await PostAsync(signatory, url, (IHtmlFormElement)page.One("main form.action-form"), new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        }

        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<RegiekamerDb>().PlannedActions.AsNoTracking().SingleAsync(x => x.Id == actionId);
        Assert.Equal("Versie van Olivier", stored.ShortDescription);
        Assert.Equal("40 deelnemers", stored.Comment);
        Assert.Equal("Netwerken", stored.PolicyGoal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Autosave_AnswersWithTheNewVersion_AndAConflictAsSuch(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var own = await app.ScheldelandAsync();
        var dossier = await app.Services.CreateApplicationAsync(a => a.For(own).Complete());
        using var regisseur = app.Client($"Regisseur:{own}");
        var actionId = dossier.Actions.OrderBy(a => a.Position).First().Id;
        var url = $"/Applications/{dossier.Id}/Plan/Action/{actionId}";
        var form = (IHtmlFormElement)(await regisseur.GetPageAsync(url)).One("main form.action-form");
        Assert.Equal(url + "?handler=Autosave", form.GetAttribute("data-autosave"));

        using var saved = await PostAsync(regisseur, url + "?handler=Autosave", form, new Dictionary<string, string> { ["Input.Comment"] = "Typend bewaard" });
        var body = await saved.ReadJsonAsync(200, "autosave");
        Assert.True((bool)body["saved"]!);
        Assert.Equal("Typend bewaard", (string)body["values"]!["Read.Comment"]!);

        // The same old form again, changing the same field differently: a conflict, not an overwrite.
        using var stale = await PostAsync(regisseur, url + "?handler=Autosave", form, new Dictionary<string, string> { ["Input.Comment"] = "Iets anders" });
        var refused = await stale.ReadJsonAsync(409, "stale autosave");
        Assert.False((bool)refused["saved"]!);
        Assert.Equal(["comment"], refused["conflict"]!.AsArray().Select(f => (string)f!));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwoPeople_OnTheInformationForm_MergeDifferentFields_SeeTheSameFieldSideBySide_AndAutosaveKeepsUp(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var own = await app.ScheldelandAsync();
        var dossier = await app.Services.CreateApplicationAsync(a => a.For(own).Complete());
        using var regisseur = app.Client($"Regisseur:{own}");
        using var signatory = app.Client($"Signatory:{own}");
        var url = $"/Applications/{dossier.Id}/Information";
        var first = (IHtmlFormElement)(await regisseur.GetPageAsync(url)).One("main form.information-form");
        var second = (IHtmlFormElement)(await signatory.GetPageAsync(url)).One("main form.information-form");
        Assert.Equal(url + "?handler=Autosave", first.GetAttribute("data-autosave"));

        // The regisseur's browser saves by itself; the answer carries the new version and basis by their field names.
        using (var autosaved = await PostAsync(regisseur, url + "?handler=Autosave", first, new Dictionary<string, string> { ["Input.RegisseurPhone"] = "09 765 43 21" }))
        {
            var body = await autosaved.ReadJsonAsync(200, "information autosave");
            Assert.True((bool)body["saved"]!);
            Assert.Equal("09 765 43 21", (string)body["values"]!["Read.RegisseurPhone"]!);
            Assert.Equal((dossier.InformationVersion + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), (string)body["values"]!["Input.InformationVersion"]!);
        }

        // The signatory, with the page opened before, changes another field with the Save button: both land.
        using (var b = await PostAsync(signatory, url, second, new Dictionary<string, string> { ["Input.WijkWerken"] = "true" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, b.StatusCode);
        }

        var both = await regisseur.GetPageAsync(url);
        Assert.Equal("09 765 43 21", both.One("#Input_RegisseurPhone").GetAttribute("value"));
        Assert.NotNull(both.QuerySelector("input[name='Input.WijkWerken'][value=true][checked]"));

        // The same field from the old page again: both versions side by side (409), nothing written; saving again keeps the choice.
        using var conflict = await PostAsync(signatory, url, second, new Dictionary<string, string> { ["Input.RegisseurPhone"] = "02 111 22 33" });
        var page = await conflict.ReadPageAsync(409, "information conflict");
        var row = Assert.Single(page.Rows("#conflict table.side-by-side"));
        Assert.Equal(["02 111 22 33", "09 765 43 21"], row);
        Assert.Equal("09 765 43 21", (await regisseur.GetPageAsync(url)).One("#Input_RegisseurPhone").GetAttribute("value"));
        using (var kept = await PostAsync(signatory, url, (IHtmlFormElement)page.One("main form.information-form"), new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        }

        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<RegiekamerDb>().Applications.AsNoTracking().SingleAsync(x => x.Id == dossier.Id);
        Assert.Equal("02 111 22 33", stored.RegisseurPhone);
        Assert.Equal(true, stored.WijkWerken);
    }


    private static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, string url, string handler, string field, string name, byte[] bytes)
    {
        var page = await client.GetPageAsync(url);
        var form = page.QuerySelectorAll("main form[method=post]").OfType<IHtmlFormElement>().First(f => (f.GetAttribute("action") ?? "").Contains("handler=" + handler, StringComparison.Ordinal));
        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in Html.Fields(form, new Dictionary<string, string>()))
        {
            content.Add(new StringContent(value), key);
        }

        content.Add(new ByteArrayContent(bytes), field, name);
        return await client.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), content);
    }
}
