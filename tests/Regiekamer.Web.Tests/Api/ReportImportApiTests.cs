using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Data;
using Regiekamer.Core.Reports;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;

namespace Regiekamer.Web.Tests.Api;

/// <summary>
/// R15 through the API on both databases: the regisseur imports the actions of the annual accounts into the year's
/// report (POST /api/v1/reports/{id}/import, multipart file and version); a file with bad rows is 422 naming each row;
/// another partnership and the department cannot; broken uploads never get a 5xx.
/// </summary>
public sealed class ReportImportApiTests
{
    private const string Header = "Actie omschrijving;Actie lange omschrijving;Actie commentaar;Code;Bedrag 2023";

    private static MultipartFormDataContent Form(string csv, int? version, string name = "jaarrekening-2023.csv") => Form(Encoding.UTF8.GetBytes(csv), version, name);

    private static MultipartFormDataContent Form(byte[] bytes, int? version, string name = "jaarrekening-2023.csv")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var form = new MultipartFormDataContent { { file, "file", name } };
        if (version is { } v)
        {
            form.Add(new StringContent(v.ToString(System.Globalization.CultureInfo.InvariantCulture)), "version");
        }

        return form;
    }

    private static string Csv(params string[] rows) => string.Join("\r\n", [Header, .. rows]) + "\r\n";

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, int reportId, MultipartFormDataContent form)
    {
        using (form)
        {
            return await client.PostAsync(new Uri($"/api/v1/reports/{reportId}/import", UriKind.Relative), form);
        }
    }

    /// <summary>Gent's report of 2023 started through the API by its regisseur: its id and version.</summary>
    private static async Task<(int Id, int Version)> StartAsync(HttpClient regisseur, int partnershipId)
    {
        using var started = await regisseur.PostAsJsonAsync("/api/v1/reports", new { partnershipId, year = 2023 });
        var report = await started.ReadJsonAsync(201, "start the report");
        return ((int)report["id"]!, (int)report["version"]!);
    }

    private static async Task<string> StateAsync(TestApp app, int reportId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RegiekamerDb>();
        var report = await db.AnnualReports.AsNoTracking().SingleAsync(r => r.Id == reportId);
        return $"v{report.Version} {string.Join(",", report.Actions.OrderBy(a => a.Id).Select(a => $"{a.Id}:{a.Version}:{a.Outcome}:{a.Cost?.Cents}"))} audit {await db.AuditRecords.CountAsync()}";
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheRegisseur_ImportsTheAnnualAccounts_BadRowsAre422NamingTheRow_AndOthersAreRefused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        var gent = await app.Services.CreatePartnershipAsync(p => p.CentralCity("Gent").Named("Regie Gent"));
        var leuven = await app.Services.CreatePartnershipAsync(p => p.CentralCity("Leuven").Named("Regie Leuven"));
        await app.Services.CreateApprovedRunAsync(new DateOnly(2099, 12, 31), gent);
        using var regisseur = app.Client($"Regisseur:{gent.Id}");
        using var stranger = app.Client($"Regisseur:{leuven.Id}");
        using var department = app.Client("CaseHandler");
        var (id, version) = await StartAsync(regisseur, gent.Id);
        var state = await StateAsync(app, id);

        // Another partnership's regisseur and the department (who read reports) may not import: 403, nothing changes.
        using (var forOther = await ImportAsync(stranger, id, Form(Csv("Concrete actie 1 voor WSE-LR1;<p>Wat.</p>;;WSE-LR1;1"), version)))
        {
            await forOther.ReadProblemAsync(403, "forbidden", "another partnership's import");
        }

        using (var byDepartment = await ImportAsync(department, id, Form(Csv("Concrete actie 1 voor WSE-LR1;<p>Wat.</p>;;WSE-LR1;1"), version)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byDepartment.StatusCode);
        }

        // Bad rows: 422 with the rule, row and column of each; nothing changes.
        using (var bad = await ImportAsync(regisseur, id, Form(Csv("Concrete actie 1 voor WSE-LR1;<p>Wat.</p>;;WSE-LR1;1.000,00", "Concrete actie 2 voor WSE-LR2;<p>Wat.</p>;;LSEVBP01;1.000,00", "Concrete actie 3 voor WSE-LR3;<p>Wat.</p>;;WSE-LR3;veel"), version)))
        {
            var problem = await bad.ReadProblemAsync(422, "R12", "bad rows");
            Assert.Equal(["row 3, Code", "row 4, Bedrag 2023"], Http.ErrorFields(problem));
            Assert.Equal(["R12", "R11"], problem["errors"]!.AsArray().Select(e => (string?)e!["code"]));
            Assert.StartsWith("rij 3, Code: R12:", (string?)problem["errors"]![0]!["message"], StringComparison.Ordinal);
            Assert.StartsWith("row 4, Bedrag 2023: R11:", (string?)problem["errors"]![1]!["messageEn"], StringComparison.Ordinal);
        }

        using (var otherYear = await ImportAsync(regisseur, id, Form("Actie omschrijving;Actie lange omschrijving;Actie commentaar;Code;Bedrag 2023;Bedrag 2024\nConcrete actie 1 voor WSE-LR1;<p>Wat.</p>;;WSE-LR1;1;2\n", version)))
        {
            var problem = await otherYear.ReadProblemAsync(422, "R15", "an amount of 2024 in a report of 2023");
            Assert.Equal(["row 2, Bedrag 2024"], Http.ErrorFields(problem));
        }

        using (var noVersion = await ImportAsync(regisseur, id, Form(Csv("Concrete actie 1 voor WSE-LR1;<p>Wat.</p>;;WSE-LR1;1"), null)))
        {
            Assert.Equal(["version"], Http.ErrorFields(await noVersion.ReadProblemAsync(400, "validation", "no version")));
        }

        using (var noFile = await regisseur.PostAsync(new Uri($"/api/v1/reports/{id}/import", UriKind.Relative), new MultipartFormDataContent { { new StringContent("1"), "version" } }))
        {
            Assert.Equal(["file"], Http.ErrorFields(await noFile.ReadProblemAsync(400, "validation", "no file")));
        }

        using (var stale = await ImportAsync(regisseur, id, Form(Csv("Concrete actie 1 voor WSE-LR1;<p>Wat.</p>;;WSE-LR1;1"), version + 1)))
        {
            await stale.ReadProblemAsync(409, "concurrency", "a stale version");
        }

        Assert.Equal(state, await StateAsync(app, id));

        // The annual accounts: actions 1-3 as planned, 4 missing, one unplanned for WSE-LR4.
        using var imported = await ImportAsync(regisseur, id, Form(
            Csv(
                "Concrete actie 1 voor WSE-LR1;<p>Gedaan.</p>;12 bedrijven;WSE-LR1;1.250,00",
                "concrete actie 2 voor wse-lr2;<p>Gedaan.</p>;;WSE-LR2;2.000,00",
                "Concrete actie 3 voor WSE-LR3;<p>Gedaan.</p>;;WSE-LR3;0",
                "Netwerkmoment met VDAB;<p>Niet gepland.</p>;30 deelnemers;WSE-LR4;750,00"),
            version));
        var report = await imported.ReadJsonAsync(200, "the import");
        Assert.Equal(version + 1, (int)report["version"]!);
        Assert.Equal(["carried-out", "carried-out", "carried-out", "not-carried-out", "unplanned"], report["actions"]!.AsArray().Select(a => (string?)a!["outcome"]));
        Assert.Equal("4000.00", (string?)report["totalCost"]);
        Assert.False((bool)report["valid"]!);
        var finding = Assert.Single(report["findings"]!.AsArray(), f => (string?)f!["severity"] == "violation");
        Assert.Equal(("R15", "reason", 4), ((string?)finding!["rule"], (string?)finding["field"], (int?)finding["position"]));

        // The department reads the result.
        Assert.Equal(5, (await department.GetJsonAsync($"/api/v1/reports/{id}"))["actions"]!.AsArray().Count);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, 9101)]
    [InlineData(DatabaseProvider.PostgreSql, 9102)]
    public async Task BrokenUploads_Get4xx_NeverA5xx_AndChangeNothing(DatabaseProvider provider, int seed)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        var gent = await app.Services.CreatePartnershipAsync(p => p.CentralCity("Gent").Named("Regie Gent"));
        await app.Services.CreateApprovedRunAsync(new DateOnly(2099, 12, 31), gent);
        using var regisseur = app.Client($"Regisseur:{gent.Id}");
        var (id, version) = await StartAsync(regisseur, gent.Id);
        var state = await StateAsync(app, id);

        // Valid in form, refused in content (amounts of 2024 in a report of 2023): whatever the damage, never imported.
        string[] valid =
        [
            "Actie omschrijving;Actie lange omschrijving;Actie commentaar;Code;Bedrag 2023;Bedrag 2024",
            "Concrete actie 1 voor WSE-LR1;<p>Wat.</p>;;WSE-LR1;1.000,00;1.000,00",
            "Concrete actie 2 voor WSE-LR2;<p>Wat.</p>;;WSE-LR2;1.000,00;1.000,00",
            "Concrete actie 3 voor WSE-LR3;<p>Wat.</p>;;WSE-LR3;1.000,00;1.000,00",
        ];
        foreach (var file in CsvFuzz.Files(seed, provider == DatabaseProvider.Sqlite ? 120 : 40, valid))
        {
            using var response = await ImportAsync(regisseur, id, Form(file.Bytes, version));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{file}: {(int)response.StatusCode}\n{body}");
            Http.AssertNoInternals(body, file.ToString());
        }

        // Larger than the plan upload's limit: 413 naming it.
        using (var huge = new MultipartFormDataContent { { new ByteArrayContent(new byte[ApplicationService.MaxPlanRequestBytes + 1]), "file", "groot.csv" } })
        {
            using var refused = await regisseur.PostAsync(new Uri($"/api/v1/reports/{id}/import", UriKind.Relative), huge);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
            Assert.Contains($"hoogstens {ApplicationService.MaxPlanRequestBytes / 1024 / 1024} MB", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(state, await StateAsync(app, id));
        Assert.Equal(0, await CountImportsAsync(app));
    }

    private static async Task<int> CountImportsAsync(TestApp app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RegiekamerDb>().AuditRecords.CountAsync(r => r.Action == ReportImportAuditActions.Imported);
    }
}
