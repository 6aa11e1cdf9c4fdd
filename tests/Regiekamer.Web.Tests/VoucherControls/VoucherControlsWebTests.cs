using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Actors;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Vouchers;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;
using SocialEconomyActor = Regiekamer.Core.Actors.Actor;

namespace Regiekamer.Web.Tests.VoucherControls;

/// <summary>
/// Issue 10.6 over HTTP: a scheme's control draws (KC9), each drawn voucher's outcome, the reclaim and its repayment, by
/// the API and by the page's forms without JavaScript; a regisseur of one partnership reaches nothing of another's (IDOR).
/// </summary>
public sealed class VoucherControlsWebTests
{
    private static string Kbo(int body) => $"0{body:D7}{97 - (body % 97):D2}";

    private static T Ok<T>(Result<T> result)
    {
        Assert.True(result.IsSuccess, string.Join("; ", result.Errors.Select(e => e.Message.En)));
        return result.Value!;
    }

    /// <summary>Zele's scheme with three paid vouchers (made through the services, on the app's clock: 1/6/2025), and Gent.</summary>
    private static async Task<(int Zele, int Gent, int Scheme)> SetUpAsync(TestApp app)
    {
        var zele = (await app.Services.CreatePartnershipAsync(p => p.Interlocal("Zele", "Zele", "Hamme").Named("Regie Zele-Hamme"))).Id;
        var gent = (await app.Services.CreatePartnershipAsync(p => p.CentralCity("Gent").Named("Regie Gent"))).Id;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegiekamerDb>();
        var provider = SocialEconomyActor.Create(zele, "Kringloop Zele", null, "kringloopcentrum", DateTime.UtcNow);
        db.Actors.Add(provider);
        await db.SaveChangesAsync();
        var vouchers = scope.ServiceProvider.GetRequiredService<VoucherService>();
        var draft = Ok(await vouchers.CreateSchemeAsync(zele, new("Kennismakingscheque Zele", "fixed", "500,00", null, 6, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), "5000,00", 30, [provider.Id])));
        var scheme = Ok(await vouchers.OpenSchemeAsync(draft.Id, draft.Version));
        for (var i = 1; i <= 3; i++)
        {
            var applied = Ok(await vouchers.ApplyAsync(scheme.Id, new VoucherApplicationInput(Kbo(6_000_000 + i), $"Bakkerij {i}", $"Dorp {i}, 9240 Zele", $"Contact {i}", $"c{i}@bakkerij{i}.test", null, provider.Id, "Groenonderhoud", DeclaredNotRelated: true), $"198.51.100.{i}"));
            var confirmed = Ok(await vouchers.ConfirmAsync(applied.ConfirmationToken));
            var decision = Ok(await vouchers.DecideAsync(confirmed.Id, new VoucherDecisionInput(true, null, confirmed.Version)));
            Ok(await vouchers.DeliverAsync(decision.ProviderToken));
            var invoiced = Ok(await vouchers.InvoiceAsync(decision.CompanyToken, new VoucherInvoiceInput($"F-{i}", new DateOnly(2025, 6, 1), "600,00", null), new UploadedFile("f.pdf", System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n{i}\n%%EOF")), null));
            Ok(await vouchers.PayAsync(invoiced.Id, new VoucherPaymentInput(new DateOnly(2025, 6, 1), $"BET-{i}", invoiced.Version)));
        }

        return (zele, gent, scheme.Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Api_Draw_Outcome_Reclaim_Repayment_AndBadInput(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        var (zele, _, scheme) = await SetUpAsync(app);
        using var regisseur = app.Client($"Regisseur:{zele}");
        var root = $"/api/v1/partnerships/{zele}/voucher-schemes/{scheme}/controls";

        var empty = await regisseur.GetJsonAsync(root);
        Assert.Equal((3, 0), ((int)empty["drawable"]!, empty["draws"]!.AsArray().Count));

        using var tooMany = await regisseur.PostJsonAsync(root, new JsonObject { ["size"] = 4 });
        Assert.Contains("size", Http.ErrorFields(await tooMany.ReadProblemAsync(400, "validation", "more than there are")));

        // The default share: 10 % of 3, rounded up.
        using var drawn = await regisseur.PostJsonAsync(root, new JsonObject());
        var draw = await drawn.ReadJsonAsync(201, "draw");
        Assert.Equal(32, ((string)draw["seed"]!).Length);
        Assert.True((bool)draw["reproduces"]!);
        Assert.Equal(3, draw["population"]!.AsArray().Count);
        var control = draw["controls"]!.AsArray().Single()!;
        var controlId = (int)control["id"]!;

        using var noReason = await regisseur.PostJsonAsync($"{root}/{controlId}/outcome", new JsonObject { ["passed"] = false, ["version"] = (int)control["version"]! });
        Assert.Contains("reason", Http.ErrorFields(await noReason.ReadProblemAsync(400, "validation", "a failure needs a reason")));
        using var tooMuch = await regisseur.PostJsonAsync($"{root}/{controlId}/outcome", new JsonObject { ["passed"] = false, ["reason"] = "Niet geleverd", ["reclaimAmount"] = "500,01", ["version"] = (int)control["version"]! });
        await tooMuch.ReadProblemAsync(422, "KC9", "more than the payout");

        using var failed = await regisseur.PostJsonAsync($"{root}/{controlId}/outcome", new JsonObject { ["passed"] = false, ["reason"] = "Niet geleverd", ["reclaimAmount"] = "200,00", ["version"] = (int)control["version"]! });
        var reclaimed = await failed.ReadJsonAsync(200, "failed control");
        Assert.Equal(("Failed", "Reclaimed", "200.00", "500.00"), ((string)reclaimed["outcome"]!, (string)reclaimed["voucherStatus"]!, (string)reclaimed["reclaimAmount"]!, (string)reclaimed["payout"]!));
        using var again = await regisseur.PostJsonAsync($"{root}/{controlId}/outcome", new JsonObject { ["passed"] = true, ["version"] = (int)reclaimed["version"]! });
        await again.ReadProblemAsync(409, "control-decided", "decided once");

        var voucherId = (int)reclaimed["voucherId"]!;
        using var badDate = await regisseur.PostJsonAsync($"{root}/vouchers/{voucherId}/repayment", new JsonObject { ["repaidOn"] = "2025-06-02", ["reference"] = "TB-1", ["version"] = (int)reclaimed["voucherVersion"]! });
        Assert.Contains("repaidOn", Http.ErrorFields(await badDate.ReadProblemAsync(400, "validation", "a date after today")));
        using var repaid = await regisseur.PostJsonAsync($"{root}/vouchers/{voucherId}/repayment", new JsonObject { ["repaidOn"] = "2025-06-01", ["reference"] = "TB-1", ["version"] = (int)reclaimed["voucherVersion"]! });
        Assert.Equal("2025-06-01", (string)(await repaid.ReadJsonAsync(200, "repayment"))["repaidOn"]!);

        var list = await regisseur.GetJsonAsync(root);
        Assert.Equal((2, 1, "200.00", "200.00", "0.00"), ((int)list["drawable"]!, (int)list["reclaims"]!, (string)list["reclaimed"]!, (string)list["repaid"]!, (string)list["open"]!));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Page_ShowsTheSeed_AndItsFormsWorkWithoutJavaScript(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        var (zele, _, scheme) = await SetUpAsync(app);
        using var regisseur = app.Client($"Regisseur:{zele}");
        var url = $"/Partnerships/{zele}/Vouchers/{scheme}/Controls";

        using var bad = await Html.PostFormAsync(regisseur, url, new Dictionary<string, string> { ["Draw.Size"] = "9" }, "Draw");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("err-size", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var drawn = await Html.PostFormAsync(regisseur, url, new Dictionary<string, string> { ["Draw.Size"] = "2" }, "Draw");
        Assert.Equal(HttpStatusCode.Redirect, drawn.StatusCode);
        var page = await regisseur.GetPageAsync(url + "?done=drawn");
        Assert.Contains("dezelfde cheques", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Single(page.QuerySelectorAll("main code"));
        Assert.Equal(2, page.QuerySelectorAll("form[action*='handler=Outcome']").Length);

        using var passed = await Html.PostFormAsync(regisseur, url, new Dictionary<string, string> { ["Outcome.Outcome"] = "passed" }, "Outcome");
        Assert.Equal(HttpStatusCode.Redirect, passed.StatusCode);
        using var failed = await Html.PostFormAsync(regisseur, url, new Dictionary<string, string> { ["Outcome.Outcome"] = "failed", ["Outcome.Reason"] = "Geen eigen aankoop" }, "Outcome");
        Assert.Equal(HttpStatusCode.Redirect, failed.StatusCode);
        using var repaid = await Html.PostFormAsync(regisseur, url, new Dictionary<string, string> { ["Repayment.RepaidOn"] = "2025-06-01", ["Repayment.Reference"] = "TB-7" }, "Repayment");
        Assert.Equal(HttpStatusCode.Redirect, repaid.StatusCode);
        var after = await regisseur.GetPageAsync(url);
        Assert.Contains("TB-7", after.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["1", "€ 500,00", "€ 500,00", "€ 0,00"], after.Rows("#reclaims")[0]);

        // Someone who reads only (the department's policy officer) sees no forms.
        using var officer = app.Client("PolicyOfficer");
        var read = await officer.GetPageAsync(url);
        Assert.Empty(read.QuerySelectorAll("main form[method=post]"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Idor_RegisseurOfOnePartnership_ReachesNoControlOfAnother(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        var (zele, gent, scheme) = await SetUpAsync(app);
        using var owner = app.Client($"Regisseur:{zele}");
        using var drawn = await owner.PostJsonAsync($"/api/v1/partnerships/{zele}/voucher-schemes/{scheme}/controls", new JsonObject { ["size"] = 1 });
        var control = (await drawn.ReadJsonAsync(201, "draw"))["controls"]![0]!;
        var (controlId, voucherId) = ((int)control["id"]!, (int)control["voucherId"]!);
        using var gentRegisseur = app.Client($"Regisseur:{gent}");

        // Under the other partnership's route: the gate refuses before anything is looked up.
        foreach (var url in new[] { $"/api/v1/partnerships/{zele}/voucher-schemes/{scheme}/controls", $"/Partnerships/{zele}/Vouchers/{scheme}/Controls" })
        {
            using var response = await gentRegisseur.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden || (response.Headers.Location?.OriginalString ?? "").Contains("/Account/AccessDenied", StringComparison.Ordinal), $"{url}: {(int)response.StatusCode}");
        }

        using var foreignDraw = await gentRegisseur.PostJsonAsync($"/api/v1/partnerships/{zele}/voucher-schemes/{scheme}/controls", new JsonObject());
        Assert.Equal(HttpStatusCode.Forbidden, foreignDraw.StatusCode);
        using var foreignOutcome = await gentRegisseur.PostJsonAsync($"/api/v1/partnerships/{zele}/voucher-schemes/{scheme}/controls/{controlId}/outcome", new JsonObject { ["passed"] = true, ["version"] = 1 });
        Assert.Equal(HttpStatusCode.Forbidden, foreignOutcome.StatusCode);

        // Under its own route with the other's ids: not found, nothing changes.
        using var ownList = await gentRegisseur.GetAsync(new Uri($"/api/v1/partnerships/{gent}/voucher-schemes/{scheme}/controls", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, ownList.StatusCode);
        using var ownDraw = await gentRegisseur.PostJsonAsync($"/api/v1/partnerships/{gent}/voucher-schemes/{scheme}/controls", new JsonObject());
        Assert.Equal(HttpStatusCode.NotFound, ownDraw.StatusCode);
        using var ownOutcome = await gentRegisseur.PostJsonAsync($"/api/v1/partnerships/{gent}/voucher-schemes/{scheme}/controls/{controlId}/outcome", new JsonObject { ["passed"] = false, ["reason"] = "Gekaapt", ["version"] = 1 });
        Assert.Equal(HttpStatusCode.NotFound, ownOutcome.StatusCode);
        using var ownRepay = await gentRegisseur.PostJsonAsync($"/api/v1/partnerships/{gent}/voucher-schemes/{scheme}/controls/vouchers/{voucherId}/repayment", new JsonObject { ["repaidOn"] = "2025-06-01", ["reference"] = "X", ["version"] = 1 });
        Assert.Equal(HttpStatusCode.NotFound, ownRepay.StatusCode);
        await gentRegisseur.GetPageAsync($"/Partnerships/{gent}/Vouchers/{scheme}/Controls", 404);

        var list = await owner.GetJsonAsync($"/api/v1/partnerships/{zele}/voucher-schemes/{scheme}/controls");
        Assert.Equal("Pending", (string)list["draws"]![0]!["controls"]![0]!["outcome"]!);
    }
}
