using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Actors;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Notifications;
using Regiekamer.Core.Vouchers;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;
using Actor = Regiekamer.Core.Actors.Actor;

namespace Regiekamer.Web.Tests.Vouchers;

/// <summary>Issue 10 point 6, the public side on the web, both databases: the open schemes, the application, and the pages the mailed links open.</summary>
public sealed class VoucherFormsWebTests
{
    private sealed record Scenario(TestApp App, int Partnership, int Provider, VoucherScheme Scheme) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    public static async Task<(int Partnership, int Provider, VoucherScheme Scheme)> SeedAsync(IServiceProvider services)
    {
        var p = await services.CreatePartnershipAsync(b => b.Named("Haspengouw"));
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegiekamerDb>();
        var now = TestApp.Today.UtcDateTime;
        var maatwerk = Actor.Create(p.Id, "Maatwerkbedrijf De Zon", KboNumber.Parse("0316381039"), "maatwerkbedrijf", now);
        maatwerk.SetContact(null, "info@zon.test", null, now);
        var kringloop = Actor.Create(p.Id, "Kringloop Haspengouw", null, "kringloopcentrum", now);
        db.Actors.AddRange(maatwerk, kringloop);
        await db.SaveChangesAsync();
        var vouchers = scope.ServiceProvider.GetRequiredService<VoucherService>();
        var draft = (await vouchers.CreateSchemeAsync(p.Id, new("Kennismakingscheque Haspengouw", "fixed", "500,00", null, 6, new(2025, 1, 1), new(2025, 12, 31), "5000,00", 30, [maatwerk.Id, kringloop.Id]))).Value!;
        return (p.Id, maatwerk.Id, (await vouchers.OpenSchemeAsync(draft.Id, draft.Version)).Value!);
    }

    private static async Task<Scenario> StartAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = await TestApp.StartAsync(provider, demo: false, settings: settings);
        var (partnership, actor, scheme) = await SeedAsync(app.Services);
        return new Scenario(app, partnership, actor, scheme);
    }

    private static Dictionary<string, string> Application(int provider, string kbo = "0207.000.077", string email = "an@bakkerij.test") => new()
    {
        ["Input.CompanyKbo"] = kbo,
        ["Input.CompanyName"] = "Bakkerij Peeters",
        ["Input.CompanyAddress"] = "Markt 1, 3700 Tongeren",
        ["Input.ContactName"] = "An Peeters",
        ["Input.ContactEmail"] = email,
        ["Input.ContactPhone"] = "011 22 33 44",
        ["Input.ProviderActorId"] = provider.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Service"] = "Groenonderhoud van de bedrijfstuin",
        ["Input.DeclaredNotRelated"] = "true",
    };

    private static async Task<List<Notification>> MailsAsync(TestApp app, NotificationKind kind)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RegiekamerDb>().Notifications.AsNoTracking().Where(n => n.Kind == kind).OrderBy(n => n.Id).ToListAsync();
    }

    private static async Task<List<Voucher>> VouchersAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RegiekamerDb>().Vouchers.AsNoTracking().OrderBy(v => v.Id).ToListAsync();
    }

    /// <summary>Applies on the form and confirms by the mailed link; returns the confirmation link.</summary>
    private static async Task<string> ApplyAndConfirmAsync(Scenario s, HttpClient visitor)
    {
        using var sent = await Html.PostFormAsync(visitor, $"/Vouchers/{s.Scheme.Id}/Apply", Application(s.Provider));
        await sent.ReadPageAsync(200, "application");
        var link = (await MailsAsync(s.App, NotificationKind.VoucherConfirmation)).Last().Link!;
        using var confirmed = await Html.PostFormAsync(visitor, link, new Dictionary<string, string>());
        await confirmed.ReadPageAsync(200, "confirmation");
        return link;
    }

    private static async Task<VoucherDecision> ApproveAsync(Scenario s)
    {
        var voucher = (await VouchersAsync(s.App)).Last();
        await using var scope = s.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = new Regiekamer.Core.Accounts.Actor(Guid.NewGuid(), "regisseur@haspengouw.test", "Regisseur");
        var decision = await scope.ServiceProvider.GetRequiredService<VoucherService>().DecideAsync(voucher.Id, new VoucherDecisionInput(true, null, voucher.Version));
        Assert.True(decision.IsSuccess);
        return decision.Value!;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Visitor_SeesTheOpenSchemes_AndApplies_AndTheAnswerNeverRevealsAKnownCompany(DatabaseProvider provider)
    {
        await using var s = await StartAsync(provider);
        using var visitor = s.App.Client(null);

        var list = await visitor.GetPageAsync("/Vouchers");
        var section = list.One($"#scheme-{s.Scheme.Id}").Text();
        foreach (var expected in new[] { "Kennismakingscheque Haspengouw", "Haspengouw", "01/01/2025", "31/12/2025", "€ 500,00", "6 maanden", "Kringloop Haspengouw, Maatwerkbedrijf De Zon" })
        {
            Assert.Contains(expected, section, StringComparison.Ordinal);
        }

        var form = await visitor.GetPageAsync($"/Vouchers/{s.Scheme.Id}/Apply");
        Assert.Contains("stemrechten", form.One("#declaration").TextContent, StringComparison.Ordinal);
        Assert.Contains("tweede graad", form.One("#declaration").TextContent, StringComparison.Ordinal);
        Assert.Contains("vóór", form.One("#before").TextContent, StringComparison.Ordinal);

        // The input's own format errors are shown, and nothing is stored or mailed.
        using (var bad = await Html.PostFormAsync(visitor, $"/Vouchers/{s.Scheme.Id}/Apply", Application(s.Provider, kbo: "0207.000.078")))
        {
            var page = await bad.ReadPageAsync(400, "bad enterprise number");
            Assert.NotNull(page.QuerySelector("#err-companyKbo"));
        }

        Assert.Empty(await VouchersAsync(s.App));

        // A first application and a second one for the same company and address: one page, one wording.
        using var first = await Html.PostFormAsync(visitor, $"/Vouchers/{s.Scheme.Id}/Apply", Application(s.Provider));
        var firstPage = await first.ReadPageAsync(200, "first application");
        using var second = await Html.PostFormAsync(visitor, $"/Vouchers/{s.Scheme.Id}/Apply", Application(s.Provider));
        var secondPage = await second.ReadPageAsync(200, "second application");
        Assert.Equal(firstPage.One("main").Text(), secondPage.One("main").Text());
        Assert.Contains("Als het e-mailadres klopt", firstPage.One("#sent").TextContent, StringComparison.Ordinal);
        var mails = await MailsAsync(s.App, NotificationKind.VoucherConfirmation);
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.Equal("an@bakkerij.test", m.Email));

        // A scheme that does not exist or is not open: the neutral 404.
        await visitor.GetPageAsync("/Vouchers/999999/Apply", 404);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ConfirmationLink_OnlyThePostConfirms_AndAUsedLinkGetsTheNeutralPage(DatabaseProvider provider)
    {
        await using var s = await StartAsync(provider);
        using var visitor = s.App.Client(null);
        using (var sent = await Html.PostFormAsync(visitor, $"/Vouchers/{s.Scheme.Id}/Apply", Application(s.Provider)))
        {
            await sent.ReadPageAsync(200, "application");
        }

        var link = Assert.Single(await MailsAsync(s.App, NotificationKind.VoucherConfirmation)).Link!;
        Assert.StartsWith("/Vouchers/Confirm/", link, StringComparison.Ordinal);

        // A mail scanner following the link changes nothing.
        var shown = await visitor.GetPageAsync(link);
        Assert.Contains("Bakkerij Peeters", shown.One("#application").TextContent, StringComparison.Ordinal);
        Assert.Contains("0207.000.077", shown.One("#application").TextContent, StringComparison.Ordinal);
        await visitor.GetPageAsync(link);
        Assert.Equal(VoucherStatus.Unconfirmed, Assert.Single(await VouchersAsync(s.App)).Status);

        // Without the antiforgery token: 400, nothing confirmed.
        using (var forged = await visitor.PostAsync(new Uri(link, UriKind.Relative), new FormUrlEncodedContent([])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        Assert.Equal(VoucherStatus.Unconfirmed, Assert.Single(await VouchersAsync(s.App)).Status);

        var unknown = await visitor.GetPageAsync("/Vouchers/Confirm/" + new string('a', 64), 404);
        using (var confirmed = await Html.PostFormAsync(visitor, link, new Dictionary<string, string>()))
        {
            Assert.NotNull((await confirmed.ReadPageAsync(200, "confirmation")).QuerySelector("#confirmed"));
        }

        Assert.Equal(VoucherStatus.Applied, Assert.Single(await VouchersAsync(s.App)).Status);

        // Used: the same neutral page as a link that never existed, on GET and POST.
        var used = await visitor.GetPageAsync(link, 404);
        Assert.Equal(unknown.One("main").Text(), used.One("main").Text());
        Assert.DoesNotContain("Bakkerij", used.DocumentElement.OuterHtml, StringComparison.Ordinal);
        var form = shown.QuerySelectorAll("main form[method=post]").OfType<IHtmlFormElement>().Single();
        using var again = await Html.PostAsync(visitor, link, form, new Dictionary<string, string>());
        Assert.Equal(unknown.One("main").Text(), (await again.ReadPageAsync(404, "used link")).One("main").Text());
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, byte[] invoice, string number)
    {
        var page = await client.GetPageAsync(url);
        var token = page.One("main form[enctype='multipart/form-data'] input[name=__RequestVerificationToken]").GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(number), "Input.Number" },
            { new StringContent("2025-06-01"), "Input.Date" },
            { new StringContent("600,00"), "Input.Total" },
        };
        var file = new ByteArrayContent(invoice);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "Invoice", "factuur.pdf");
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ProviderConfirmsDelivery_OnceAndCompanyUploadsItsInvoice_OnlyAPdf_ThroughTheNewLink(DatabaseProvider provider)
    {
        await using var s = await StartAsync(provider);
        using var visitor = s.App.Client(null);
        var confirmLink = await ApplyAndConfirmAsync(s, visitor);
        var decision = await ApproveAsync(s);
        Assert.True(decision.ProviderMailed);
        var companyLink = Assert.Single(await MailsAsync(s.App, NotificationKind.VoucherApproved)).Link!;
        var providerLink = Assert.Single(await MailsAsync(s.App, NotificationKind.VoucherDelivery)).Link!;
        Assert.Equal(decision.ProviderLink, providerLink);

        // The old confirmation link no longer opens the voucher page.
        var unknown = await visitor.GetPageAsync("/Vouchers/Company/" + new string('b', 64), 404);
        var old = await visitor.GetPageAsync(confirmLink.Replace("/Confirm/", "/Company/", StringComparison.Ordinal), 404);
        Assert.Equal(unknown.One("main").Text(), old.One("main").Text());

        var company = await visitor.GetPageAsync(companyLink);
        Assert.Contains("goedgekeurd", company.One("#status").TextContent, StringComparison.Ordinal);
        Assert.Equal("01/12/2025", company.One("#last-day").TextContent);
        Assert.Null(company.QuerySelector("main form[enctype='multipart/form-data']"));

        var delivery = await visitor.GetPageAsync(providerLink);
        Assert.Contains("Bakkerij Peeters", delivery.One("#voucher").TextContent, StringComparison.Ordinal);
        using (var forged = await visitor.PostAsync(new Uri(providerLink, UriKind.Relative), new FormUrlEncodedContent([])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        using (var delivered = await Html.PostFormAsync(visitor, providerLink, new Dictionary<string, string>()))
        {
            Assert.NotNull((await delivered.ReadPageAsync(200, "delivery")).QuerySelector("#delivered"));
        }

        var unknownProvider = await visitor.GetPageAsync("/Vouchers/Provider/" + new string('c', 64), 404);
        Assert.Equal(unknownProvider.One("main").Text(), (await visitor.GetPageAsync(providerLink, 404)).One("main").Text());
        Assert.Equal(unknown.One("#errors").Text(), unknownProvider.One("#errors").Text());

        // Not a PDF: refused by content, nothing stored.
        using (var notPdf = await UploadAsync(visitor, companyLink, Encoding.ASCII.GetBytes("GIF89a not a pdf"), "F-1"))
        {
            var page = await notPdf.ReadPageAsync(400, "not a PDF");
            Assert.Contains("geen PDF", page.One("#err-invoice").TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(VoucherStatus.Delivered, Assert.Single(await VouchersAsync(s.App)).Status);
        using (var uploaded = await UploadAsync(visitor, companyLink, Encoding.ASCII.GetBytes("%PDF-1.4\nF-1\n%%EOF"), "F-1"))
        {
            var page = await uploaded.ReadPageAsync(200, "invoice");
            Assert.NotNull(page.QuerySelector("#uploaded"));
            Assert.Contains("factuur ontvangen", page.One("#status").TextContent, StringComparison.Ordinal);
        }

        var stored = Assert.Single(await VouchersAsync(s.App));
        Assert.Equal((VoucherStatus.Invoiced, "F-1", Money.FromEuros(500)), (stored.Status, stored.InvoiceNumber, stored.Amount));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PublicApi_TakesAnApplication_WithTheSameAnswerForEveryone(DatabaseProvider provider)
    {
        await using var s = await StartAsync(provider);
        using var visitor = s.App.Client(null);
        var body = new JsonObject
        {
            ["companyKbo"] = "0207000077",
            ["companyName"] = "Bakkerij Peeters",
            ["contactName"] = "An Peeters",
            ["contactEmail"] = "an@bakkerij.test",
            ["providerActorId"] = s.Provider,
            ["service"] = "Groenonderhoud",
            ["declaredNotRelated"] = true,
        };
        var url = $"/api/v1/voucher-schemes/{s.Scheme.Id}/applications";
        using var first = await visitor.PostJsonAsync(url, body);
        var firstJson = await first.ReadJsonAsync(202, "first application");
        using var second = await visitor.PostJsonAsync(url, body);
        Assert.Equal(firstJson.ToJsonString(), (await second.ReadJsonAsync(202, "second application")).ToJsonString());
        Assert.Equal(2, (await MailsAsync(s.App, NotificationKind.VoucherConfirmation)).Count);

        var bad = body.DeepClone().AsObject();
        bad["companyKbo"] = "0207000078";
        using var refused = await visitor.PostJsonAsync(url, bad);
        var problem = await refused.ReadProblemAsync(400, "validation", "bad enterprise number");
        Assert.Contains("companyKbo", Http.ErrorFields(problem));
        using var missing = await visitor.PostJsonAsync("/api/v1/voucher-schemes/999999/applications", body);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(2, (await VouchersAsync(s.App)).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PublicVoucherPages_AreRateLimited_PostsMoreStrictly(DatabaseProvider provider)
    {
        await using var s = await StartAsync(provider, new Dictionary<string, string> { [Web.Features.Catalogue.CatalogueFeature.RateLimitKey] = "3", [Web.Features.VoucherForms.VoucherFormsFeature.PostsPerHourKey] = "1" });
        using var visitor = s.App.Client(null);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(new Uri("/Vouchers", UriKind.Relative))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await visitor.GetAsync(new Uri($"/Vouchers/{s.Scheme.Id}/Apply", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await visitor.GetAsync(new Uri("/Vouchers/Confirm/" + new string('a', 64), UriKind.Relative))).StatusCode);

        // POSTs have their own budget per hour: the first (refused without antiforgery) uses it, the next form or API post is 429.
        Assert.Equal(HttpStatusCode.BadRequest, (await visitor.PostAsync(new Uri($"/Vouchers/{s.Scheme.Id}/Apply", UriKind.Relative), new FormUrlEncodedContent(Application(s.Provider)))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await visitor.PostAsync(new Uri($"/Vouchers/{s.Scheme.Id}/Apply", UriKind.Relative), new FormUrlEncodedContent(Application(s.Provider)))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await visitor.PostJsonAsync($"/api/v1/voucher-schemes/{s.Scheme.Id}/applications", new JsonObject())).StatusCode);
        Assert.Empty(await VouchersAsync(s.App));
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
    }
}
