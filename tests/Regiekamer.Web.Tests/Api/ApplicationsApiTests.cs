using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;

namespace Regiekamer.Web.Tests.Api;

/// <summary>Issue 8 through the API: a dossier from draft to decision, as the partnership's regisseur and signatory and the department's case handler.</summary>
public sealed class ApplicationsApiTests
{
    private const string Header = "Beleidsdoelstelling;Actie omschrijving;Actie lange omschrijving;Actie commentaar;Code;Bedrag 2023;Bedrag 2024;Bedrag 2025\n";

    private static string Plan(string? replace = null)
    {
        var text = new StringBuilder(Header);
        foreach (var code in PriorityCodes)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"Regie;Actie {code};<p>Wat, waarom, rol van de regisseur.</p>;;{code};2.500,00;2.500,00;2.500,00\n");
        }

        return replace is null ? text.ToString() : text.ToString().Replace("WSE-LR4;2.500,00", replace, StringComparison.Ordinal);
    }

    private static readonly string[] PriorityCodes = ["WSE-LR1", "WSE-LR2", "WSE-LR3", "WSE-LR4"];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ADossier_FromDraftToDecision_ThroughTheApi(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (own, other, callId) = await IdsAsync(app);
        using var regisseur = app.Client($"Regisseur:{own}");
        using var signatory = app.Client($"Signatory:{own}");
        using var caseHandler = app.Client("CaseHandler");

        // Another partnership's dossier cannot be started by this regisseur.
        using (var refused = await regisseur.PostJsonAsync("/api/v1/applications", new JsonObject { ["partnershipId"] = other, ["callId"] = callId }))
        {
            await refused.ReadProblemAsync(403, "forbidden", "start another's dossier");
        }

        using var started = await regisseur.PostJsonAsync("/api/v1/applications", new JsonObject { ["partnershipId"] = own, ["callId"] = callId });
        var dossier = await started.ReadJsonAsync(201, "start");
        var id = (int)dossier["id"]!;
        Assert.Equal("draft", (string)dossier["status"]!);
        Assert.Matches("^RK-2023-[0-9]{4}$", (string)dossier["dossierNumber"]!);
        Assert.False((bool)dossier["canBeSubmitted"]!);
        Assert.Contains(dossier["blocking"]!.AsArray(), p => (string)p!["rule"]! == "R10");

        using (var again = await regisseur.PostJsonAsync("/api/v1/applications", new JsonObject { ["partnershipId"] = own, ["callId"] = callId }))
        {
            await again.ReadProblemAsync(409, "application-exists", "a second dossier");
        }

        // The information form: a wrong KBO check digit is refused, the right one saved; a stale version is a conflict.
        var information = new JsonObject
        {
            ["bbcUser"] = true,
            ["beneficiaryKbo"] = "0316.381.038",
            ["iban"] = "BE68 5390 0754 7034",
            ["regisseur"] = new JsonObject { ["name"] = "Rita Regisseur", ["email"] = "rita@scheldeland.test" },
            ["signatory"] = new JsonObject { ["name"] = "Olivier Ondertekenaar", ["email"] = "olivier@scheldeland.test" },
            ["wijkWerken"] = true,
            ["version"] = (int)dossier["information"]!["version"]!,
        };
        using (var wrongKbo = await regisseur.PutJsonAsync($"/api/v1/applications/{id}/information", information))
        {
            var problem = await wrongKbo.ReadProblemAsync(422, "R7", "wrong KBO");
            Assert.Equal(["beneficiaryKbo"], Http.ErrorFields(problem));
        }

        information["beneficiaryKbo"] = "0316381039";
        using (var saved = await regisseur.PutJsonAsync($"/api/v1/applications/{id}/information", information))
        {
            var after = await saved.ReadJsonAsync(200, "information");
            Assert.Equal("BE68539007547034", (string)after["information"]!["iban"]!);
        }

        using (var stale = await regisseur.PutJsonAsync($"/api/v1/applications/{id}/information", information))
        {
            await stale.ReadProblemAsync(409, "concurrency", "stale information");
        }

        // The plan: a file with violations writes nothing and names row and column; a good one replaces the plan.
        using (var bad = await regisseur.PostCsvAsync($"/api/v1/applications/{id}/plan", Plan("LSEVBP01;abc")))
        {
            var problem = await bad.ReadProblemAsync(422, "R11", "plan with violations");
            Assert.Contains(Http.ErrorFields(problem), f => f == "row 5, Bedrag 2023");
            Assert.Contains(problem["errors"]!.AsArray(), e => (string)e!["code"]! == "R12");
        }

        using (var good = await regisseur.PostCsvAsync($"/api/v1/applications/{id}/plan", Plan()))
        {
            var imported = await good.ReadJsonAsync(200, "plan");
            Assert.Equal(4, (int)imported["actions"]!);
            Assert.Equal("10000.00", (string)imported["totals"]!["2023"]!);
            Assert.Equal(1, (int)imported["coverage"]!["2025"]!["WSE-LR4"]!);
        }

        // One action: saved with its version, refused with a stale one (409 with the current action).
        var read = await regisseur.GetJsonAsync($"/api/v1/applications/{id}");
        var first = read["plan"]!["actions"]![0]!;
        var edit = new JsonObject
        {
            ["shortDescription"] = "Regisseur in dienst",
            ["code"] = "WSE-LR1",
            ["amounts"] = new JsonObject { ["2023"] = "35.000,00", ["2024"] = "35000", ["2025"] = "35000.00" },
            ["version"] = (int)first["version"]!,
        };
        using (var ok = await regisseur.PutJsonAsync($"/api/v1/applications/{id}/actions/{(int)first["id"]!}", edit))
        {
            var action = await ok.ReadJsonAsync(200, "action");
            Assert.Equal("35000.00", (string)action["amounts"]!["2024"]!);
        }

        using (var stale = await regisseur.PutJsonAsync($"/api/v1/applications/{id}/actions/{(int)first["id"]!}", edit))
        {
            var problem = await stale.ReadProblemAsync(409, "concurrency", "stale action");
            Assert.Equal("Regisseur in dienst", (string)problem["current"]!["shortDescription"]!);
        }

        // Exports: the plan in the BBC layout, with a formula-like cell neutralised.
        using (var csv = await regisseur.GetAsync(new Uri($"/api/v1/applications/{id}/plan?format=csv", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            var text = await csv.Content.ReadAsStringAsync();
            Assert.Contains("Regisseur in dienst", text, StringComparison.Ordinal);
            Assert.Contains("35.000,00", text, StringComparison.Ordinal);
        }

        // Attachments: PDF by content only.
        using (var notPdf = await regisseur.PostAsync(new Uri($"/api/v1/applications/{id}/attachments", UriKind.Relative), Upload(Encoding.UTF8.GetBytes("<script>alert(1)</script>"), "brief.pdf")))
        {
            await notPdf.ReadProblemAsync(400, "not-pdf", "not a PDF");
        }

        int attachmentId;
        using (var pdf = await regisseur.PostAsync(new Uri($"/api/v1/applications/{id}/attachments", UriKind.Relative), Upload(ApplicationBuilder.Pdf(), "bijlage.pdf")))
        {
            attachmentId = (int)(await pdf.ReadJsonAsync(201, "PDF"))["id"]!;
        }

        using (var download = await signatory.GetAsync(new Uri($"/api/v1/applications/{id}/attachments/{attachmentId}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
            Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal(ApplicationBuilder.Pdf(), await download.Content.ReadAsByteArrayAsync());
        }

        // 1 June 2025: the deadline of 15/1/2023 passed; only the signatory may submit, and R8 stops even them.
        using (var asRegisseur = await regisseur.PostJsonAsync($"/api/v1/applications/{id}/submit", new JsonObject()))
        {
            await asRegisseur.ReadProblemAsync(403, "forbidden", "regisseur submits");
        }

        using (var late = await signatory.PostJsonAsync($"/api/v1/applications/{id}/submit", new JsonObject()))
        {
            await late.ReadProblemAsync(422, "R8", "late");
        }

        using (var extension = await caseHandler.PostJsonAsync($"/api/v1/applications/{id}/extension", new JsonObject { ["until"] = "2025-06-30", ["motivation"] = "Testdossier na de indiendatum" }))
        {
            Assert.Equal("2025-06-30", (string)(await extension.ReadJsonAsync(200, "extension"))["deadline"]!["lastDay"]!);
        }

        using var submitted = await signatory.PostJsonAsync($"/api/v1/applications/{id}/submit", new JsonObject());
        var submission = await submitted.ReadJsonAsync(200, "submit");
        Assert.Equal(1, (int)submission["version"]!);
        Assert.Equal(64, ((string)submission["receipt"]!["sha256"]!).Length);
        Assert.True((bool)submission["receipt"]!["underExtension"]!);

        using (var frozen = await regisseur.PutJsonAsync($"/api/v1/applications/{id}/information", information))
        {
            await frozen.ReadProblemAsync(409, "status", "edit after submission");
        }

        var version = await signatory.GetJsonAsync($"/api/v1/applications/{id}/versions/1");
        Assert.Equal((string)submission["receipt"]!["sha256"]!, (string)version["sha256"]!);
        Assert.Equal("Regisseur in dienst", (string)version["content"]!["actions"]![0]!["shortDescription"]!);

        // The department sends it back; the partnership changes an amount and resubmits; the diff shows it.
        using (var changes = await caseHandler.PostJsonAsync($"/api/v1/applications/{id}/decision", new JsonObject
        {
            ["decision"] = "request-changes",
            ["motivation"] = "Het bedrag voor WSE-LR4 is niet gemotiveerd.",
            ["points"] = "Actie WSE-LR4: motiveer het bedrag",
            ["responseDue"] = "2025-06-20",
        }))
        {
            await changes.ReadJsonAsync(200, "request changes");
        }

        var back = await regisseur.GetJsonAsync($"/api/v1/applications/{id}");
        Assert.Equal("changes-requested", (string)back["status"]!);
        var fourth = back["plan"]!["actions"]![3]!;
        using (var amount = await regisseur.PutJsonAsync($"/api/v1/applications/{id}/actions/{(int)fourth["id"]!}", new JsonObject
        {
            ["policyGoal"] = (string)fourth["policyGoal"]!,
            ["shortDescription"] = (string)fourth["shortDescription"]!,
            ["longDescription"] = (string)fourth["longDescription"]!,
            ["code"] = "WSE-LR4",
            ["amounts"] = new JsonObject { ["2023"] = "500,00", ["2024"] = "500,00", ["2025"] = "500,00" },
            ["version"] = (int)fourth["version"]!,
        }))
        {
            await amount.ReadJsonAsync(200, "change amount");
        }

        using (var resubmitted = await signatory.PostJsonAsync($"/api/v1/applications/{id}/submit", new JsonObject()))
        {
            Assert.Equal(2, (int)(await resubmitted.ReadJsonAsync(200, "resubmit"))["version"]!);
        }

        var diff = await caseHandler.GetJsonAsync($"/api/v1/applications/{id}/diff?from=1&to=2");
        var changed = diff["changes"]!.AsArray();
        Assert.Equal(3, changed.Count);
        Assert.All(changed, c => Assert.Equal("2500.00", (string)c!["old"]!));
        Assert.Contains(changed, c => (string)c!["field"]! == "Bedrag 2024" && (string)c["new"]! == "500.00");

        using (var approved = await caseHandler.PostJsonAsync($"/api/v1/applications/{id}/decision", new JsonObject { ["decision"] = "approve", ["motivation"] = "Volledig en helder." }))
        {
            Assert.Equal(2, (int)(await approved.ReadJsonAsync(200, "approve"))["version"]!);
        }

        using (var second = await caseHandler.PostJsonAsync($"/api/v1/applications/{id}/decision", new JsonObject { ["decision"] = "reject", ["motivation"] = "R10", ["rules"] = "R10" }))
        {
            var problem = await second.ReadProblemAsync(409, "already-decided", "second decision");
            Assert.Contains("goedgekeurd", (string)problem["detail"]!, StringComparison.Ordinal);
        }

        var list = (await caseHandler.GetJsonAsync("/api/v1/applications?status=approved")).AsArray();
        Assert.Equal([id], list.Select(a => (int)a!["id"]!));
        Assert.Empty((await app.Client($"Regisseur:{other}").GetJsonAsync("/api/v1/applications")).AsArray());
    }

    private static MultipartFormDataContent Upload(byte[] bytes, string name)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { file, "file", name }, { new StringContent("other"), "kind" } };
    }

    private static async Task<(int Own, int Other, int CallId)> IdsAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegiekamerDb>();
        var own = await db.Partnerships.Where(p => p.Name == DemoAccounts.ScheldelandName).Select(p => p.Id).SingleAsync();
        var other = await db.Partnerships.Where(p => p.Id != own).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        return (own, other, await db.Calls.Select(c => c.Id).FirstAsync());
    }
}
