using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;

namespace Regiekamer.Web.Tests.Security;

/// <summary>
/// Issue 8's quality points for dossiers: a broken plan upload never gets a 5xx and writes nothing (random bytes,
/// truncated XLSX, huge cells); what belongs to another dossier cannot be reached through one's own dossier's address
/// (attachments, decisions, versions); the department's export of every plan neutralises formulas.
/// </summary>
public sealed class ApplicationSecurityTests
{
    private static readonly string[] Plan =
    [
        "Actie omschrijving;Actie lange omschrijving;Actie commentaar;Code;Bedrag 2023;Bedrag 2024;Bedrag 2025",
        "Actie 1;<p>Wat</p>;;WSE-LR1;1.000,00;1.000,00;1.000,00",
        "Actie 2;<p>Wat</p>;;WSE-LR2;1.000,00;1.000,00;1.000,00",
    ];

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, 8101)]
    [InlineData(DatabaseProvider.PostgreSql, 8102)]
    public async Task BrokenPlanUploads_Get4xx_NeverA5xx_AndWriteNothing(DatabaseProvider provider, int seed)
    {
        await using var app = await TestApp.StartAsync(provider);
        var own = await app.ScheldelandAsync();
        var dossier = await app.Services.CreateApplicationAsync(a => a.For(own).Complete());
        using var regisseur = app.Client($"Regisseur:{own}");
        var before = await ActionsAsync(app, dossier.Id);
        var files = CsvFuzz.Files(seed, provider == DatabaseProvider.Sqlite ? 160 : 48, Plan).Select(f => (f.ToString(), f.Bytes, "text/csv"))
            .Concat(BrokenWorkbooks(new Random(seed)).Select(b => ("broken xlsx", b, ApplicationsApiXlsx)));

        foreach (var (what, bytes, type) in files)
        {
            using var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue(type);
            using var response = await regisseur.PostAsync(new Uri($"/api/v1/applications/{dossier.Id}/plan", UriKind.Relative), content);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{what}: {(int)response.StatusCode}\n{body}");
            Http.AssertNoInternals(body, what);
        }

        Assert.Equal(before, await ActionsAsync(app, dossier.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task APlanOfThousandsOfActions_OverTheAttachmentLimit_IsImported_AndTheUploadsLimitsStayNamed(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var own = await app.ScheldelandAsync();
        var dossier = await app.Services.CreateApplicationAsync(a => a.For(own).Complete());
        using var regisseur = app.Client($"Regisseur:{own}");

        // 3,000 actions with long descriptions near BBC's 4,000 characters: about 12 MB, more than the app's 10 MB.
        var text = new StringBuilder(Plan[0]).Append('\n');
        var description = "<p>" + new string('w', 3_900) + "</p>";
        for (var i = 0; i < 3_000; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"Actie {i};{description};;WSE-LR{(i % 4) + 1};1.000,00;1.000,00;1.000,00\n");
        }

        var plan = Encoding.UTF8.GetBytes(text.ToString());
        Assert.True(plan.Length > Web.Features.Account.AccountsSetup.MaxRequestBodyBytes);
        using (var imported = await regisseur.PostCsvAsync($"/api/v1/applications/{dossier.Id}/plan", text.ToString()))
        {
            var body = await imported.ReadJsonAsync(200, "a 12 MB plan");
            Assert.Equal(3_000, (int)body["actions"]!);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(3_000, await scope.ServiceProvider.GetRequiredService<RegiekamerDb>().PlannedActions.CountAsync(a => a.ApplicationId == dossier.Id));
        }

        // The same file through the plan page's upload form.
        var page = await regisseur.GetPageAsync($"/Applications/{dossier.Id}/Plan");
        var upload = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelectorAll("main form").First(f => (f.GetAttribute("action") ?? "").Contains("handler=Import", StringComparison.Ordinal));
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new StringContent(upload.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken");
            form.Add(new ByteArrayContent(plan), "Upload", "plan.csv");
            using var posted = await regisseur.PostAsync(new Uri(upload.GetAttribute("action")!, UriKind.Relative), form);
            var shown = await posted.ReadPageAsync(200, "a 12 MB plan through the page");
            Assert.Contains("3.000", shown.One("[role=status]").TextContent, StringComparison.Ordinal);
        }

        // Beyond the plan's own limit: 413 naming it, and nothing changes.
        var before = await ActionsAsync(app, dossier.Id);
        using (var huge = new ByteArrayContent(new byte[ApplicationService.MaxPlanRequestBytes + 1]))
        {
            huge.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            using var refused = await regisseur.PostAsync(new Uri($"/api/v1/applications/{dossier.Id}/plan", UriKind.Relative), huge);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
            Assert.Contains($"hoogstens {ApplicationService.MaxPlanRequestBytes / 1024 / 1024} MB", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // An attachment keeps the app's 10 MB.
        using (var attachment = new MultipartFormDataContent())
        {
            attachment.Add(new ByteArrayContent(plan), "file", "groot.pdf");
            attachment.Add(new StringContent("other"), "kind");
            using var refused = await regisseur.PostAsync(new Uri($"/api/v1/applications/{dossier.Id}/attachments", UriKind.Relative), attachment);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
            Assert.Contains("hoogstens 10 MB", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await ActionsAsync(app, dossier.Id));
    }

    private const string ApplicationsApiXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A real workbook cut short at random places, and a ZIP that holds no workbook.</summary>
    private static IEnumerable<byte[]> BrokenWorkbooks(Random random)
    {
        using var stream = new MemoryStream();
        Core.Applications.Plan.PlanFile.WriteXlsx(stream, [new Core.Applications.Plan.PlanAction(null, null, null, "Actie", null, null, "WSE-LR1", new Dictionary<int, Core.Common.Money> { [2023] = new(100) })], Core.Applications.Plan.PlanPeriod.OpenCall2023);
        var whole = stream.ToArray();
        for (var i = 0; i < 12; i++)
        {
            yield return whole[..random.Next(4, whole.Length - 1)];
        }

        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(archive.CreateEntry("readme.txt").Open());
            entry.Write(new string('x', 100_000));
        }

        yield return zip.ToArray();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnotherDossiersAttachmentsDecisionsAndVersions_CannotBeReachedThroughOnesOwn(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var own = await app.ScheldelandAsync();
        var mine = await app.Services.CreateApplicationAsync(a => a.For(own).ExtendedUntil(new DateOnly(2025, 6, 30)).Submitted());
        int other;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            other = await scope.ServiceProvider.GetRequiredService<RegiekamerDb>().Partnerships.Where(p => p.Id != own).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        }

        var theirs = await app.Services.CreateApplicationAsync(a => a.For(other).ExtendedUntil(new DateOnly(2025, 6, 30)).Complete());
        int attachment;
        int decision;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            using var pdf = new MemoryStream(ApplicationBuilder.Pdf("vertrouwelijk"));
            var added = await scope.ServiceProvider.GetRequiredService<ApplicationService>().AddAttachmentAsync(theirs.Id, AttachmentKind.Other, "x.pdf", pdf);
            Assert.True(added.IsSuccess, string.Join("; ", added.Errors.Select(e => e.Message.En)));
            attachment = added.Value!.Id;
            var submitted = await scope.ServiceProvider.GetRequiredService<SubmissionService>().SubmitAsync(theirs.Id);
            Assert.True(submitted.IsSuccess, string.Join("; ", submitted.Errors.Select(e => e.Message.En)));
            decision = (await scope.ServiceProvider.GetRequiredService<ReviewService>().DecideAsync(theirs.Id, new DecisionInput("reject", "R10 niet gehaald.", "R10"))).Value!.Id;
        }

        using var regisseur = app.Client($"Regisseur:{own}");
        foreach (var url in new[]
        {
            $"/api/v1/applications/{mine.Id}/attachments/{attachment}",
            $"/api/v1/applications/{mine.Id}/decisions/{decision}/letter",
            $"/Applications/{mine.Id}/Decisions/{decision}",
        })
        {
            using var response = await regisseur.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
            Assert.DoesNotContain("vertrouwelijk", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        foreach (var url in new[] { $"/api/v1/applications/{theirs.Id}/attachments/{attachment}", $"/api/v1/applications/{theirs.Id}/versions/1/bundle", $"/Applications/{theirs.Id}/Versions/1" })
        {
            using var response = await regisseur.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{url}: {(int)response.StatusCode}");
        }

        // A write to the other dossier with a valid form (token and all, taken from one's own dossier) is refused by the gate.
        var ownForm = (AngleSharp.Html.Dom.IHtmlFormElement)(await regisseur.GetPageAsync($"/Applications/{mine.Id}/Plan/Action")).One("main form.action-form");
        using var form = new FormUrlEncodedContent(Html.Fields(ownForm, new Dictionary<string, string> { ["Input.ShortDescription"] = "Overgenomen", ["Input.Code"] = "WSE-LR1" }));
        using var post = await regisseur.PostAsync(new Uri($"/Applications/{theirs.Id}/Plan/Action", UriKind.Relative), form);
        Assert.True(post.StatusCode == HttpStatusCode.Forbidden || post.Headers.Location?.AbsolutePath == "/Account/AccessDenied", $"{(int)post.StatusCode} {post.Headers.Location}");
        await using var check = app.Services.CreateAsyncScope();
        Assert.False(await check.ServiceProvider.GetRequiredService<RegiekamerDb>().PlannedActions.AnyAsync(a => a.ShortDescription == "Overgenomen"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheExportOfEveryPlan_IsTheBbcLayoutWithTheDossierFirst_AndNeutralisesFormulas(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var own = await app.ScheldelandAsync();
        var dossier = await app.Services.CreateApplicationAsync(a => a.For(own));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var added = await scope.ServiceProvider.GetRequiredService<ApplicationService>().AddActionAsync(dossier.Id, new ActionInput(null, null, "=HYPERLINK(\"http://x\")", "+cmd", "@SUM(1)", "WSE-LR1", new Dictionary<int, string?> { [2023] = "0" }));
            Assert.True(added.IsSuccess);
        }

        using var officer = app.Client("PolicyOfficer");
        using var response = await officer.GetAsync(new Uri("/api/v1/applications/plans?format=csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Dossier;Regieverband;Status;Beleidsdoelstelling;Actieplan;Actie omschrijving", lines[0], StringComparison.Ordinal);
        var row = Assert.Single(lines[1..]);
        Assert.StartsWith($"{dossier.DossierNumber};", row, StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK", row, StringComparison.Ordinal);
        Assert.Contains(";'+cmd;'@SUM(1);", row, StringComparison.Ordinal);

        using var refused = await app.Client($"Regisseur:{own}").GetAsync(new Uri("/api/v1/applications/plans", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private static async Task<string> ActionsAsync(TestApp app, int id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegiekamerDb>();
        return string.Join(",", await db.PlannedActions.Where(a => a.ApplicationId == id).OrderBy(a => a.Id).Select(a => a.Id + ":" + a.Version).ToListAsync())
            + "; audit " + await db.AuditRecords.CountAsync();
    }
}
