using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Actors;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Vouchers;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;
using SocialEconomyActor = Regiekamer.Core.Actors.Actor;

namespace Regiekamer.Web.Tests.Vouchers;

/// <summary>
/// Issue 10.6, the regisseur's and department's desk over HTTP: the scheme API answers 201/200/400/404/409/422 as
/// documented, decisions and payouts keep the dashboard adding up to the cent, a regisseur of one partnership reaches no
/// scheme or voucher of another (IDOR, pages and API), the pages work without JavaScript, and the export neutralises
/// formulas. Companies apply and upload through VoucherService here (the public forms are VoucherForms').
/// </summary>
public sealed class VouchersWebTests
{
    private sealed record World(int Zele, int Gent, int Provider, int OtherProvider, int GentProvider);

    private static async Task<World> WorldAsync(TestApp app)
    {
        var zele = (await app.Services.CreatePartnershipAsync(p => p.Interlocal("Zele", "Zele", "Hamme").Named("Regie Zele-Hamme"))).Id;
        var gent = (await app.Services.CreatePartnershipAsync(p => p.CentralCity("Gent").Named("Regie Gent"))).Id;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegiekamerDb>();
        var now = app.Time.GetUtcNow().UtcDateTime;
        var maatwerk = SocialEconomyActor.Create(zele, "Demo Maatwerk Zele", KboNumber.Parse("0316381039"), "maatwerkbedrijf", now);
        var kringloop = SocialEconomyActor.Create(zele, "Demo Kringloop Hamme", null, "kringloopcentrum", now);
        var gentActor = SocialEconomyActor.Create(gent, "Demo LDE Gent", null, "lde", now);
        db.Actors.AddRange(maatwerk, kringloop, gentActor);
        await db.SaveChangesAsync();
        return new(zele, gent, maatwerk.Id, kringloop.Id, gentActor.Id);
    }

    private static JsonObject SchemeBody(int[] providers, string budget = "1000,00") => new()
    {
        ["name"] = "Kennismakingscheque Zele-Hamme",
        ["kind"] = "fixed",
        ["value"] = "500,00",
        ["useWithinMonths"] = 6,
        ["from"] = "2025-01-01",
        ["until"] = "2025-12-31",
        ["budget"] = budget,
        ["targetCompanies"] = 30,
        ["providers"] = new JsonArray(providers.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray()),
    };

    /// <summary>A valid enterprise number from a seven-digit body.</summary>
    private static string Kbo(int body) => $"0{body:D7}{97 - (body % 97):D2}";

    private static AsyncServiceScope Scope(TestApp app)
    {
        var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = new Core.Accounts.Actor(Guid.NewGuid(), "bedrijf@example.org", "Bedrijf");
        return scope;
    }

    private static T Ok<T>(Result<T> result)
    {
        Assert.True(result.IsSuccess, ApplicationBuilders.Describe(result.Errors));
        return result.Value!;
    }

    /// <summary>A company applies and confirms by its link (what VoucherForms' pages do); returns the voucher and the company's token.</summary>
    private static async Task<(Voucher Voucher, string Token)> ConfirmedAsync(TestApp app, int schemeId, int provider, int body, string? name = null)
    {
        await using var scope = Scope(app);
        var vouchers = scope.ServiceProvider.GetRequiredService<VoucherService>();
        var kbo = Kbo(body);
        var applied = Ok(await vouchers.ApplyAsync(schemeId, new VoucherApplicationInput(kbo, name ?? $"Demo Bakkerij {body}", $"Markt {body}, 9240 Zele", "An Peeters", $"an@{kbo}.test", "052 11 22 33", provider, "Groenonderhoud", DeclaredNotRelated: true), $"198.51.100.{body % 200}"));
        return (Ok(await vouchers.ConfirmAsync(applied.ConfirmationToken)), applied.ConfirmationToken);
    }

    private static byte[] Pdf(string text) => System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n" + text + "\n%%EOF");

    /// <summary>Approved in Core (to get the provider's link), delivered and invoiced: ready for the payout.</summary>
    private static async Task<Voucher> InvoicedAsync(TestApp app, int schemeId, int provider, int body, string invoiceTotal)
    {
        var (confirmed, _) = await ConfirmedAsync(app, schemeId, provider, body);
        await using var scope = Scope(app);
        var vouchers = scope.ServiceProvider.GetRequiredService<VoucherService>();
        var decision = Ok(await vouchers.DecideAsync(confirmed.Id, new VoucherDecisionInput(true, null, confirmed.Version)));
        Ok(await vouchers.DeliverAsync(decision.ProviderToken));
        return Ok(await vouchers.InvoiceAsync(decision.CompanyToken, new VoucherInvoiceInput($"F-{body}", DateOnly.FromDateTime(TestApp.Today.UtcDateTime), invoiceTotal, null), new UploadedFile("factuur.pdf", Pdf($"factuur {body}")), null));
    }

    private static long Cents(JsonNode? euros) => Money.ParseInvariant((string)euros!).Cents;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Api_SchemeLifecycle_Decisions_Payout_AndTheDashboardAddsUpToTheCent(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        var w = await WorldAsync(app);
        using var regisseur = app.Client($"Regisseur:{w.Zele}");
        var baseUrl = $"/api/v1/partnerships/{w.Zele}/voucher-schemes";

        // Bad input: 400 naming the field; a rule broken: 422 with the rule's ID; another partnership's actor: KC5. Nothing created.
        var noName = SchemeBody([w.Provider]);
        noName["name"] = "";
        using (var bad = await regisseur.PostJsonAsync(baseUrl, noName))
        {
            Assert.Contains("name", Http.ErrorFields(await bad.ReadProblemAsync(400, "validation", "no name")));
        }

        var zeroMonths = SchemeBody([w.Provider]);
        zeroMonths["useWithinMonths"] = 0;
        using (var bad = await regisseur.PostJsonAsync(baseUrl, zeroMonths))
        {
            Assert.Contains("useWithinMonths", Http.ErrorFields(await bad.ReadProblemAsync(422, "KC1", "0 months")));
        }

        using (var bad = await regisseur.PostJsonAsync(baseUrl, SchemeBody([w.GentProvider])))
        {
            await bad.ReadProblemAsync(422, "KC5", "another partnership's actor");
        }

        Assert.Empty((await regisseur.GetJsonAsync(baseUrl)).AsArray());

        using var created = await regisseur.PostJsonAsync(baseUrl, SchemeBody([w.Provider]));
        var scheme = await created.ReadJsonAsync(201, "create");
        var schemeId = (int)scheme["id"]!;
        Assert.Equal($"{baseUrl}/{schemeId}", created.Headers.Location?.OriginalString);
        Assert.Equal(("draft", "fixed", "500.00", "1000.00"), ((string?)scheme["status"], (string?)scheme["kind"], (string?)scheme["value"], (string?)scheme["dashboard"]!["left"]));

        // Change while draft: stale version 409, then the new budget and both providers.
        var change = SchemeBody([w.Provider, w.OtherProvider], budget: "1250,50");
        change["version"] = 0;
        using (var stale = await regisseur.PutJsonAsync($"{baseUrl}/{schemeId}", change))
        {
            await stale.ReadProblemAsync(409, "concurrency", "stale change");
        }

        change["version"] = (int)scheme["version"]!;
        using var changed = await regisseur.PutJsonAsync($"{baseUrl}/{schemeId}", change);
        scheme = await changed.ReadJsonAsync(200, "change");
        Assert.Equal(("1250.50", 2), ((string?)scheme["budget"], scheme["providers"]!.AsArray().Count));

        using var opened = await regisseur.PostJsonAsync($"{baseUrl}/{schemeId}/open", new JsonObject { ["version"] = (int)scheme["version"]! });
        scheme = await opened.ReadJsonAsync(200, "open");
        Assert.Equal("open", (string?)scheme["status"]);
        change["version"] = (int)scheme["version"]!;
        using (var afterOpen = await regisseur.PutJsonAsync($"{baseUrl}/{schemeId}", change))
        {
            await afterOpen.ReadProblemAsync(409, "scheme-not-draft", "change an open scheme");
        }

        // Three confirmed applications: approve one, refuse one (a reason is required), pay one out.
        var (toApprove, _) = await ConfirmedAsync(app, schemeId, w.Provider, 1_000_001);
        var (toRefuse, _) = await ConfirmedAsync(app, schemeId, w.OtherProvider, 1_000_002);
        var invoiced = await InvoicedAsync(app, schemeId, w.Provider, 1_000_003, "420,37");
        var list = (await regisseur.GetJsonAsync($"{baseUrl}/{schemeId}/vouchers")).AsArray();
        Assert.Equal(3, list.Count);
        Assert.Contains("KC4", list[0]!["flags"]!.AsArray().Select(f => (string?)f)); // no KBO extract loaded: flagged for review
        Assert.Single((await regisseur.GetJsonAsync($"{baseUrl}/{schemeId}/vouchers?status=invoiced")).AsArray());
        using (var badStatus = await regisseur.GetAsync(new Uri($"{baseUrl}/{schemeId}/vouchers?status=nonsense", UriKind.Relative)))
        {
            await badStatus.ReadProblemAsync(400, "validation", "unknown status");
        }

        foreach (var bad in new[] { "vouchers/export?status=nonsense", "vouchers/export?format=pdf" })
        {
            using var badExport = await regisseur.GetAsync(new Uri($"{baseUrl}/{schemeId}/{bad}", UriKind.Relative));
            await badExport.ReadProblemAsync(400, "validation", bad);
        }

        var voucherUrl = $"{baseUrl}/{schemeId}/vouchers";
        using (var noReason = await regisseur.PostJsonAsync($"{voucherUrl}/{toRefuse.Id}/decision", new JsonObject { ["approve"] = false, ["version"] = toRefuse.Version }))
        {
            Assert.Contains("reason", Http.ErrorFields(await noReason.ReadProblemAsync(400, "validation", "refuse without a reason")));
        }

        using var refused = await regisseur.PostJsonAsync($"{voucherUrl}/{toRefuse.Id}/decision", new JsonObject { ["approve"] = false, ["reason"] = "Geen reguliere onderneming", ["version"] = toRefuse.Version });
        var refusedBody = await refused.ReadJsonAsync(200, "refuse");
        Assert.Equal(("refused", "0.00", "Geen reguliere onderneming"), ((string?)refusedBody["status"], (string?)refusedBody["amount"], (string?)refusedBody["decisionReason"]));
        using var approved = await regisseur.PostJsonAsync($"{voucherUrl}/{toApprove.Id}/decision", new JsonObject { ["approve"] = true, ["version"] = toApprove.Version });
        var approvedBody = await approved.ReadJsonAsync(200, "approve");
        Assert.Equal(("approved", "500.00", "2025-12-01"), ((string?)approvedBody["status"], (string?)approvedBody["amount"], (string?)approvedBody["lastDayOfUse"]));
        using (var twice = await regisseur.PostJsonAsync($"{voucherUrl}/{toApprove.Id}/decision", new JsonObject { ["approve"] = true, ["version"] = (int)approvedBody["version"]! }))
        {
            await twice.ReadProblemAsync(409, "voucher-not-applied", "decide twice");
        }

        // The invoice as uploaded, then the payout: a date before the invoice is refused; a stale version is 409.
        var detail = await regisseur.GetJsonAsync($"{voucherUrl}/{invoiced.Id}");
        Assert.Equal(("invoiced", "420.37", "invoice"), ((string?)detail["status"], (string?)detail["amount"], (string?)detail["files"]![0]!["kind"]));
        using (var file = await regisseur.GetAsync(new Uri($"{voucherUrl}/{invoiced.Id}/files/invoice", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
            Assert.Equal(Pdf("factuur 1000003"), await file.Content.ReadAsByteArrayAsync());
        }

        using (var noProof = await regisseur.GetAsync(new Uri($"{voucherUrl}/{invoiced.Id}/files/own-share-proof", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, noProof.StatusCode);
        }

        using (var early = await regisseur.PostJsonAsync($"{voucherUrl}/{invoiced.Id}/payment", new JsonObject { ["paidOn"] = "2025-05-31", ["reference"] = "BET-1", ["version"] = (int)detail["version"]! }))
        {
            Assert.Contains("paidOn", Http.ErrorFields(await early.ReadProblemAsync(400, "validation", "paid before the invoice")));
        }

        using (var stale = await regisseur.PostJsonAsync($"{voucherUrl}/{invoiced.Id}/payment", new JsonObject { ["paidOn"] = "2025-06-01", ["reference"] = "BET-1", ["version"] = 0 }))
        {
            await stale.ReadProblemAsync(409, "concurrency", "stale payment");
        }

        using var paid = await regisseur.PostJsonAsync($"{voucherUrl}/{invoiced.Id}/payment", new JsonObject { ["paidOn"] = "2025-06-01", ["reference"] = "BET-2025-17", ["version"] = (int)detail["version"]! });
        var paidBody = await paid.ReadJsonAsync(200, "pay");
        Assert.Equal(("paid", "2025-06-01", "BET-2025-17"), ((string?)paidBody["status"], (string?)paidBody["paidOn"], (string?)paidBody["paymentReference"]));

        // The dashboard: 1250.50 = 500.00 reserved + 420.37 paid + 330.13 left, to the cent, with the counts.
        var dashboard = (await regisseur.GetJsonAsync($"{baseUrl}/{schemeId}"))["dashboard"]!;
        Assert.Equal((2, 1, 1, 30), ((int)dashboard["approved"]!, (int)dashboard["reservedCount"]!, (int)dashboard["paidCount"]!, (int)dashboard["targetCompanies"]!));
        Assert.Equal((125_050L, 50_000L, 42_037L, 33_013L), (Cents(dashboard["budget"]), Cents(dashboard["reserved"]), Cents(dashboard["paid"]), Cents(dashboard["left"])));
        Assert.Equal(Cents(dashboard["budget"]), Cents(dashboard["reserved"]) + Cents(dashboard["paid"]) + Cents(dashboard["left"]));

        // Close: no more applications; closing twice is 409. The department sees it in its overview; a regisseur may not.
        var version = (int)(await regisseur.GetJsonAsync($"{baseUrl}/{schemeId}"))["version"]!;
        using var closed = await regisseur.PostJsonAsync($"{baseUrl}/{schemeId}/close", new JsonObject { ["version"] = version });
        var closedBody = await closed.ReadJsonAsync(200, "close");
        Assert.Equal(("closed", "2025-06-01"), ((string?)closedBody["status"], (string?)closedBody["closedOn"]));
        using (var again = await regisseur.PostJsonAsync($"{baseUrl}/{schemeId}/close", new JsonObject { ["version"] = (int)closedBody["version"]! }))
        {
            await again.ReadProblemAsync(409, "scheme-not-open", "close twice");
        }

        using var department = app.Client("PolicyOfficer");
        var all = (await department.GetJsonAsync("/api/v1/voucher-schemes")).AsArray();
        Assert.Equal(("Regie Zele-Hamme", "330.13"), ((string?)Assert.Single(all)!["partnershipName"], (string?)all[0]!["dashboard"]!["left"]));
        using (var policyWrite = await department.PostJsonAsync($"{baseUrl}/{schemeId}/open", new JsonObject { ["version"] = 1 }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, policyWrite.StatusCode);
        }

        using (var regisseurAll = await regisseur.GetAsync(new Uri("/api/v1/voucher-schemes", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, regisseurAll.StatusCode);
        }

        await using var check = app.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<RegiekamerDb>();
        var actions = await db.AuditRecords.Where(r => r.EntityType == VoucherService.SchemeAuditEntity).OrderBy(r => r.Id).Select(r => r.Action).ToListAsync();
        Assert.Equal([AuditActions.Created, AuditActions.Updated, VoucherAuditActions.Opened, VoucherAuditActions.Closed], actions);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Idor_ARegisseurReachesNoSchemeOrVoucherOfAnotherPartnership_PagesAndApi(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        var w = await WorldAsync(app);
        using var zeleRegisseur = app.Client($"Regisseur:{w.Zele}");
        using var created = await zeleRegisseur.PostJsonAsync($"/api/v1/partnerships/{w.Zele}/voucher-schemes", SchemeBody([w.Provider]));
        var scheme = await created.ReadJsonAsync(201, "create");
        var schemeId = (int)scheme["id"]!;
        using var opened = await zeleRegisseur.PostJsonAsync($"/api/v1/partnerships/{w.Zele}/voucher-schemes/{schemeId}/open", new JsonObject { ["version"] = (int)scheme["version"]! });
        await opened.ReadJsonAsync(200, "open");
        var applied = await ConfirmedAsync(app, schemeId, w.Provider, 2_000_001);
        var invoiced = await InvoicedAsync(app, schemeId, w.Provider, 2_000_002, "500,00");
        string State(Voucher v) => $"{v.Status}|{v.Version}|{v.Amount}";
        async Task<string> StateAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RegiekamerDb>();
            var s = await db.VoucherSchemes.AsNoTracking().SingleAsync(x => x.Id == schemeId);
            var vs = await db.Vouchers.AsNoTracking().OrderBy(v => v.Id).ToListAsync();
            return $"{s.Status}|{s.Version}|{s.Budget}|" + string.Join(";", vs.Select(State));
        }

        var before = await StateAsync();
        using var gentRegisseur = app.Client($"Regisseur:{w.Gent}");

        // Under the other partnership's route: the gate refuses before anything is looked up.
        var zeleApi = $"/api/v1/partnerships/{w.Zele}/voucher-schemes";
        foreach (var url in new[] { zeleApi, $"{zeleApi}/{schemeId}", $"{zeleApi}/{schemeId}/vouchers", $"{zeleApi}/{schemeId}/vouchers/{applied.Voucher.Id}", $"{zeleApi}/{schemeId}/vouchers/{invoiced.Id}/files/invoice", $"{zeleApi}/{schemeId}/vouchers/export" })
        {
            using var response = await gentRegisseur.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{url}: {(int)response.StatusCode}");
        }

        foreach (var url in new[] { $"/Partnerships/{w.Zele}/Vouchers", $"/Partnerships/{w.Zele}/Vouchers/{schemeId}", $"/Partnerships/{w.Zele}/Vouchers/{schemeId}/Edit", $"/Partnerships/{w.Zele}/Vouchers/{schemeId}/{applied.Voucher.Id}", $"/Partnerships/{w.Zele}/Vouchers/New" })
        {
            using var response = await gentRegisseur.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden || (response.StatusCode == HttpStatusCode.Redirect && (response.Headers.Location?.OriginalString ?? "").Contains("/Account/AccessDenied", StringComparison.Ordinal)), $"{url}: {(int)response.StatusCode} {response.Headers.Location}");
        }

        using (var decide = await gentRegisseur.PostJsonAsync($"{zeleApi}/{schemeId}/vouchers/{applied.Voucher.Id}/decision", new JsonObject { ["approve"] = true, ["version"] = applied.Voucher.Version }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, decide.StatusCode);
        }

        // Under its own route with the other's scheme or voucher id: not found, through every endpoint; nothing changes.
        var gentApi = $"/api/v1/partnerships/{w.Gent}/voucher-schemes";
        foreach (var url in new[] { $"{gentApi}/{schemeId}", $"{gentApi}/{schemeId}/vouchers", $"{gentApi}/{schemeId}/vouchers/{applied.Voucher.Id}", $"{gentApi}/{schemeId}/vouchers/{invoiced.Id}/files/invoice", $"{gentApi}/{schemeId}/vouchers/export?format=csv" })
        {
            using var response = await gentRegisseur.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
        }

        var change = SchemeBody([w.GentProvider]);
        change["version"] = (int)scheme["version"]!;
        using (var put = await gentRegisseur.PutJsonAsync($"{gentApi}/{schemeId}", change))
        {
            Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        }

        foreach (var action in new[] { "open", "close" })
        {
            using var response = await gentRegisseur.PostJsonAsync($"{gentApi}/{schemeId}/{action}", new JsonObject { ["version"] = 1 });
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{action}: {(int)response.StatusCode}");
        }

        using (var decide = await gentRegisseur.PostJsonAsync($"{gentApi}/{schemeId}/vouchers/{applied.Voucher.Id}/decision", new JsonObject { ["approve"] = true, ["version"] = applied.Voucher.Version }))
        {
            Assert.Equal(HttpStatusCode.NotFound, decide.StatusCode);
        }

        using (var pay = await gentRegisseur.PostJsonAsync($"{gentApi}/{schemeId}/vouchers/{invoiced.Id}/payment", new JsonObject { ["paidOn"] = "2025-06-01", ["reference"] = "Gekaapt", ["version"] = invoiced.Version }))
        {
            Assert.Equal(HttpStatusCode.NotFound, pay.StatusCode);
        }

        // A Gent scheme of its own, with Zele's voucher id under it: still not found.
        var gentBody = SchemeBody([w.GentProvider]);
        using var gentCreated = await gentRegisseur.PostJsonAsync(gentApi, gentBody);
        var gentScheme = (int)(await gentCreated.ReadJsonAsync(201, "Gent's own scheme"))["id"]!;
        using (var cross = await gentRegisseur.GetAsync(new Uri($"{gentApi}/{gentScheme}/vouchers/{applied.Voucher.Id}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, cross.StatusCode);
        }

        await gentRegisseur.GetPageAsync($"/Partnerships/{w.Gent}/Vouchers/{schemeId}", 404);
        await gentRegisseur.GetPageAsync($"/Partnerships/{w.Gent}/Vouchers/{schemeId}/Edit", 404);
        await gentRegisseur.GetPageAsync($"/Partnerships/{w.Gent}/Vouchers/{schemeId}/{applied.Voucher.Id}", 404);
        await gentRegisseur.GetPageAsync($"/Partnerships/{w.Gent}/Vouchers/{gentScheme}/{applied.Voucher.Id}", 404);
        using (var file = await gentRegisseur.GetAsync(new Uri($"/Partnerships/{w.Gent}/Vouchers/{gentScheme}/{invoiced.Id}?handler=File&kind=invoice", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        }

        // Forms posted to its own route with the other's ids (a valid antiforgery token from its own page): not found.
        var ownPage = await gentRegisseur.GetPageAsync($"/Partnerships/{w.Gent}/Vouchers/{gentScheme}");
        var openForm = (AngleSharp.Html.Dom.IHtmlFormElement)ownPage.QuerySelectorAll("main form[method=post]").First(f => (f.GetAttribute("action") ?? "").Contains("handler=Open", StringComparison.Ordinal));
        using (var post = await Html.PostAsync(gentRegisseur, $"/Partnerships/{w.Gent}/Vouchers/{schemeId}?handler=Open", openForm, new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }

        using (var post = await Html.PostAsync(gentRegisseur, $"/Partnerships/{w.Gent}/Vouchers/{schemeId}/{applied.Voucher.Id}?handler=Decide", openForm, new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }

        Assert.Equal(before, await StateAsync());
        Assert.Equal("applied", (string?)(await zeleRegisseur.GetJsonAsync($"{zeleApi}/{schemeId}/vouchers/{applied.Voucher.Id}"))["status"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pages_RegisseurSetsUpOpensDecidesAndPays_WithoutJavaScript_DashboardAddsUp_ExportNeutralisesFormulas(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        var w = await WorldAsync(app);
        using var regisseur = app.Client($"Regisseur:{w.Zele}");
        Assert.NotNull((await regisseur.GetPageAsync($"/Partnerships/{w.Zele}")).QuerySelector($"a[href='/Partnerships/{w.Zele}/Vouchers']"));
        var list = await regisseur.GetPageAsync($"/Partnerships/{w.Zele}/Vouchers");
        Assert.NotNull(list.QuerySelector("#no-schemes"));
        Assert.NotNull(list.QuerySelector($"a[href='/Partnerships/{w.Zele}/Vouchers/New']"));

        // Bad input: the form shows the error at the field and keeps the input; nothing is stored.
        var form = new Dictionary<string, string>
        {
            ["Input.Name"] = "Kennismakingscheque Zele",
            ["Input.Kind"] = "co-funded",
            ["Input.Value"] = "250,00",
            ["Input.OwnShare"] = "",
            ["Input.UseWithinMonths"] = "6",
            ["Input.From"] = "2025-01-01",
            ["Input.Until"] = "2025-12-31",
            ["Input.Budget"] = "1.000,00",
            ["Input.TargetCompanies"] = "30",
            ["Input.Providers"] = w.Provider.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        using (var bad = await Html.PostFormAsync(regisseur, $"/Partnerships/{w.Zele}/Vouchers/New", form))
        {
            var page = await bad.ReadPageAsync(422, "co-funded without own share");
            Assert.Equal("true", page.One("#Input_OwnShare").GetAttribute("aria-invalid"));
            Assert.Equal("Kennismakingscheque Zele", page.One("#Input_Name").GetAttribute("value"));
            Assert.Contains("KC1: Een cheque met eigen inbreng vraagt een eigen inbreng groter dan nul.", page.One("#errors").Text(), StringComparison.Ordinal);
        }

        form["Input.OwnShare"] = "250,00";
        using var created = await Html.PostFormAsync(regisseur, $"/Partnerships/{w.Zele}/Vouchers/New", form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var schemeUrl = created.Headers.Location!.OriginalString.Split('?')[0];

        // Edit while draft: the budget changes; then open.
        using var edited = await Html.PostFormAsync(regisseur, schemeUrl + "/Edit", new Dictionary<string, string> { ["Input.Budget"] = "1.250,50" });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        using var opened = await Html.PostFormAsync(regisseur, schemeUrl, new Dictionary<string, string>(), "Open");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var schemeId = int.Parse(schemeUrl.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await regisseur.GetPageAsync(schemeUrl + "/Edit", 409);

        var (first, _) = await ConfirmedAsync(app, schemeId, w.Provider, 3_000_001, name: "=HYPERLINK(\"http://x\") Demo Bakkerij");
        var (second, _) = await ConfirmedAsync(app, schemeId, w.Provider, 3_000_002);
        var page1 = await regisseur.GetPageAsync($"{schemeUrl}/{first.Id}");
        Assert.Contains("KC4", page1.One("#findings").Text(), StringComparison.Ordinal);

        // Refuse without a reason: the error at the field; with one: refused. Approve the other.
        using (var noReason = await Html.PostFormAsync(regisseur, $"{schemeUrl}/{second.Id}", new Dictionary<string, string> { ["Decision.Approve"] = "false" }, "Decide"))
        {
            var page = await noReason.ReadPageAsync(400, "refuse without reason");
            Assert.Equal("true", page.One("#Input_Reason").GetAttribute("aria-invalid"));
        }

        using var refused = await Html.PostFormAsync(regisseur, $"{schemeUrl}/{second.Id}", new Dictionary<string, string> { ["Decision.Approve"] = "false", ["Decision.Reason"] = "Verbonden met de aanbieder" }, "Decide");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        using var approved = await Html.PostFormAsync(regisseur, $"{schemeUrl}/{first.Id}", new Dictionary<string, string> { ["Decision.Approve"] = "true" }, "Decide");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var afterApproval = await regisseur.GetPageAsync($"{schemeUrl}/{first.Id}");
        Assert.Equal("Goedgekeurd", afterApproval.One("#voucher-status").Text());
        Assert.Null(afterApproval.QuerySelector("form[action*='handler=Decide']"));

        // The scheme's page: the table with statuses and flags, the filter, the dashboard adding up in nl-BE.
        var scheme = await regisseur.GetPageAsync(schemeUrl);
        Assert.Equal("Opengesteld", scheme.One("#scheme-status").Text());
        Assert.Equal(2, scheme.QuerySelectorAll("#vouchers tbody tr").Length);
        Assert.Contains("KC4", scheme.One($"#vouchers tr[data-voucher='{first.Id}'] .flags").Text(), StringComparison.Ordinal);
        Assert.Single((await regisseur.GetPageAsync(schemeUrl + "?status=refused")).QuerySelectorAll("#vouchers tbody tr"));
        var budget = scheme.One($"#budget-{schemeId}");
        Assert.Equal("€ 250,00", budget.One("tr.reserved td:last-child").Text());
        Assert.Equal("€ 1.000,50", budget.One("tr.left td:last-child").Text());
        Assert.Equal("€ 1.250,50", budget.One("tr.total td:last-child").Text());
        Assert.Equal("1", budget.One("tr.approved td:nth-child(2)").Text());
        Assert.Equal("Controle: budget = gereserveerd + uitbetaald + over: € 1.250,50 = € 250,00 + € 0,00 + € 1.000,50.", scheme.One($"#budget-{schemeId}-sum").Text());

        // The export: the formula a company typed is neutralised; no contact person in it; XLSX is a ZIP.
        var csv = await regisseur.GetStringAsync(new Uri(schemeUrl + "?handler=Export&format=csv", UriKind.Relative));
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\") Demo Bakkerij\"", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("An Peeters", csv, StringComparison.Ordinal);
        Assert.Equal(3, csv.Trim().Split('\n').Length);
        var apiCsv = await regisseur.GetStringAsync(new Uri($"/api/v1/partnerships/{w.Zele}/voucher-schemes/{schemeId}/vouchers/export", UriKind.Relative));
        Assert.Contains("'=HYPERLINK", apiCsv, StringComparison.Ordinal);
        using var xlsx = await regisseur.GetAsync(new Uri(schemeUrl + "?handler=Export&format=xlsx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var xlsxBytes = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString(xlsxBytes[..2]));
        using (var stream = new MemoryStream(xlsxBytes))
        {
            var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
            Assert.Equal(2, rows.Count);
            Assert.Equal("'=HYPERLINK(\"http://x\") Demo Bakkerij", rows[0]["bedrijf"]);
        }

        // The department's overview with the totals; a regisseur may not see it, nor change through the department's eyes.
        using var department = app.Client("PolicyOfficer");
        var overview = await department.GetPageAsync("/Vouchers/Schemes");
        Assert.Single(overview.QuerySelectorAll("#schemes tbody tr"));
        Assert.Contains("€ 1.000,50", overview.One("#schemes tfoot").Text(), StringComparison.Ordinal);
        var readOnly = await department.GetPageAsync(schemeUrl);
        Assert.Null(readOnly.QuerySelector("form[method=post]"));
        using (var regisseurOverview = await regisseur.GetAsync(new Uri("/Vouchers/Schemes", UriKind.Relative)))
        {
            Assert.True(regisseurOverview.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{(int)regisseurOverview.StatusCode}");
            Assert.Contains("AccessDenied", regisseurOverview.Headers.Location?.OriginalString ?? "AccessDenied", StringComparison.Ordinal);
        }

        // Close from the page.
        using var closed = await Html.PostFormAsync(regisseur, schemeUrl, new Dictionary<string, string>(), "Close");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.StartsWith("Afgesloten", (await regisseur.GetPageAsync(schemeUrl)).One("#scheme-status").Text(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pages_PayoutFromTheVoucherPage_WithTheInvoiceToDownload(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        var w = await WorldAsync(app);
        using var regisseur = app.Client($"Regisseur:{w.Zele}");
        using var created = await regisseur.PostJsonAsync($"/api/v1/partnerships/{w.Zele}/voucher-schemes", SchemeBody([w.Provider]));
        var scheme = await created.ReadJsonAsync(201, "create");
        var schemeId = (int)scheme["id"]!;
        using var opened = await regisseur.PostJsonAsync($"/api/v1/partnerships/{w.Zele}/voucher-schemes/{schemeId}/open", new JsonObject { ["version"] = (int)scheme["version"]! });
        await opened.ReadJsonAsync(200, "open");
        var invoiced = await InvoicedAsync(app, schemeId, w.Provider, 4_000_001, "499,99");
        var url = $"/Partnerships/{w.Zele}/Vouchers/{schemeId}/{invoiced.Id}";

        var page = await regisseur.GetPageAsync(url);
        var link = page.One("#files a").GetAttribute("href")!;
        using (var file = await regisseur.GetAsync(new Uri(link, UriKind.Relative)))
        {
            Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
            Assert.Equal(Pdf("factuur 4000001"), await file.Content.ReadAsByteArrayAsync());
        }

        using (var noReference = await Html.PostFormAsync(regisseur, url, new Dictionary<string, string> { ["Payment.Reference"] = "" }, "Pay"))
        {
            Assert.Equal("true", (await noReference.ReadPageAsync(400, "no reference")).One("#Input_Reference").GetAttribute("aria-invalid"));
        }

        using var paid = await Html.PostFormAsync(regisseur, url, new Dictionary<string, string> { ["Payment.Reference"] = "BET-2025-42" }, "Pay");
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        var after = await regisseur.GetPageAsync(url);
        Assert.Equal("01/06/2025, BET-2025-42", after.One("#voucher-paid").Text());
        var budget = (await regisseur.GetPageAsync($"/Partnerships/{w.Zele}/Vouchers/{schemeId}")).One($"#budget-{schemeId}");
        Assert.Equal(("€ 499,99", "€ 500,01", "€ 0,00"), (budget.One("tr.paid td:last-child").Text(), budget.One("tr.left td:last-child").Text(), budget.One("tr.reserved td:last-child").Text()));
    }
}
