using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Actors;
using Regiekamer.Core.Catalogue;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;
using Actor = Regiekamer.Core.Actors.Actor;

namespace Regiekamer.Web.Tests.Catalogue;

/// <summary>Issue 10 point 5 on the web, both databases: the public catalogue page, its API and CSV, the supplier's link, rate limits and IDOR.</summary>
public sealed class CatalogueWebTests
{
    private const string Antwerpen = "11002";

    private sealed record Scenario(TestApp App, int Own, int Other, Offering Published, Offering Draft, Offering Theirs) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    private static async Task<Scenario> StartAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = await TestApp.StartAsync(provider, demo: false, settings: settings);
        var services = app.Services;
        var own = await services.CreatePartnershipAsync();
        var other = await services.CreatePartnershipAsync();
        var ownActor = await ActorAsync(services, own.Id, "Drukkerij De Zon");
        var otherActor = await ActorAsync(services, other.Id, "Groen Elders");
        var published = await OfferingAsync(services, own.Id, ownActor.Id, "=HYPERLINK(\"http://evil.test\")Drukwerk", publish: true);
        var draft = await OfferingAsync(services, own.Id, ownActor.Id, "Geheim ontwerp", publish: false);
        var theirs = await OfferingAsync(services, other.Id, otherActor.Id, "Groenonderhoud elders", publish: true);
        return new Scenario(app, own.Id, other.Id, published, draft, theirs);
    }

    private static async Task<Actor> ActorAsync(IServiceProvider services, int partnershipId, string name)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegiekamerDb>();
        var actor = Actor.Create(partnershipId, name, null, "maatwerkbedrijf", TestApp.Today.UtcDateTime);
        actor.SetContact("https://zon.test", "info@zon.test", "03 000 00 00", TestApp.Today.UtcDateTime);
        db.Actors.Add(actor);
        await db.SaveChangesAsync();
        return actor;
    }

    private static async Task<Offering> OfferingAsync(IServiceProvider services, int partnershipId, int actorId, string title, bool publish)
    {
        await using var scope = services.CreateAsyncScope();
        var offerings = scope.ServiceProvider.GetRequiredService<OfferingService>();
        var input = new OfferingInput(title, "Wij drukken folders.", ["drukwerk-mailing"], [], [Antwerpen], [], ["arbeidshandicap"], "An Peeters", "an@zon.test", null, false);
        var created = (await offerings.CreateAsync(partnershipId, actorId, input)).Value!;
        return publish ? (await offerings.PublishAsync(partnershipId, created.Id, created.Version)).Value! : created;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PublicPage_FindsPublishedServicesByMunicipality_WithoutSignIn_AndNeverADraft(DatabaseProvider provider)
    {
        await using var s = await StartAsync(provider);
        using var visitor = s.App.Client(null);

        var page = await visitor.GetPageAsync("/Catalogue?municipality=" + Antwerpen);
        var html = page.DocumentElement.OuterHtml;
        Assert.Equal("2", page.One("#total").TextContent);
        var row = page.One($"#entry-{s.Published.Id}").TextContent;
        Assert.Contains("Drukkerij De Zon", row, StringComparison.Ordinal);
        Assert.Contains("Antwerpen", row, StringComparison.Ordinal);
        Assert.Contains("info@zon.test", row, StringComparison.Ordinal);
        Assert.DoesNotContain("An Peeters", row, StringComparison.Ordinal);
        Assert.Contains("01/06/2025", row, StringComparison.Ordinal);
        Assert.DoesNotContain("Geheim ontwerp", html, StringComparison.Ordinal);

        var none = await visitor.GetPageAsync("/Catalogue?municipality=42025");
        Assert.Equal("0", none.One("#total").TextContent);
        var byText = await visitor.GetPageAsync("/Catalogue?q=" + Uri.EscapeDataString("\"folders' OR 1=1 --"));
        Assert.Equal("0", byText.One("#total").TextContent);
        var bad = await visitor.GetAsync(new Uri("/Catalogue?cpv=x", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Api_AnswersThePublishedEntries_AndTheCsvIsNeutralised(DatabaseProvider provider)
    {
        await using var s = await StartAsync(provider);
        using var visitor = s.App.Client(null);

        var json = await visitor.GetJsonAsync("/api/v1/catalogue?municipality=" + Antwerpen + "&cpv=79000000&q=folders");
        Assert.Equal(2, (int)json["total"]!);
        Assert.Equal("2025-06-01", (string)json["asOf"]!);
        var items = json["items"]!.AsArray();
        var first = items.Single(i => (int)i!["id"]! == s.Published.Id)!;
        Assert.Equal("Drukkerij De Zon", (string)first["supplier"]!);
        Assert.Equal("maatwerkbedrijf", (string)first["supplierKind"]!);
        Assert.Equal([Antwerpen], first["municipalities"]!.AsArray().Select(m => (string)m!));
        Assert.Contains("79810000-5", first["cpvCodes"]!.AsArray().Select(m => (string)m!));
        Assert.Null((string?)first["contactName"]);
        Assert.Equal("info@zon.test", (string)first["contactEmail"]!);
        Assert.Equal("2025-06-01", (string)first["lastConfirmedOn"]!);
        Assert.DoesNotContain(items, i => (int)i!["id"]! == s.Draft.Id);
        await (await visitor.GetAsync(new Uri("/api/v1/catalogue?region=REFREG99", UriKind.Relative))).ReadProblemAsync(400, "unknown-region", "unknown region");

        var categories = await visitor.GetJsonAsync("/api/v1/catalogue/categories");
        Assert.Equal(11, categories.AsArray().Count);

        using var csv = await visitor.GetAsync(new Uri("/Catalogue?handler=Csv&municipality=" + Antwerpen, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Contains("'=HYPERLINK", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Geheim ontwerp", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SupplierForm_NeedsAntiforgery_AndAnUnknownLinkSaysNothing(DatabaseProvider provider)
    {
        await using var s = await StartAsync(provider);
        string token;
        await using (var scope = s.App.Services.CreateAsyncScope())
        {
            token = (await scope.ServiceProvider.GetRequiredService<OfferingService>().InviteAsync(s.Own, s.Published.Id, "leverancier@zon.test")).Value!.Token;
        }

        using var visitor = s.App.Client(null);
        using (var forged = await visitor.PostAsync(new Uri("/Catalogue/Update/" + token, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Title"] = "Vervalst" })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        var unknown = await visitor.GetAsync(new Uri("/Catalogue/Update/bestaat-niet", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var unknownText = await unknown.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Drukkerij De Zon", unknownText, StringComparison.Ordinal);

        using var sent = await Html.PostFormAsync(visitor, "/Catalogue/Update/" + token, new Dictionary<string, string> { ["Input.Title"] = "Risografie en drukwerk" });
        var done = await sent.ReadPageAsync(200, "supplier's update");
        Assert.NotNull(done.QuerySelector("#sent"));
        var used = await visitor.GetAsync(new Uri("/Catalogue/Update/" + token, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, used.StatusCode);
        Assert.Equal(unknownText.Length > 0, (await used.Content.ReadAsStringAsync()).Contains("niet (meer) geldig", StringComparison.Ordinal));

        // Still the published content until the regisseur publishes the copy.
        var json = await visitor.GetJsonAsync("/api/v1/catalogue?q=risografie");
        Assert.Equal(0, (int)json["total"]!);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PublicCatalogue_IsRateLimited(DatabaseProvider provider)
    {
        await using var s = await StartAsync(provider, new Dictionary<string, string> { [Web.Features.Catalogue.CatalogueFeature.RateLimitKey] = "3" });
        using var visitor = s.App.Client(null);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(new Uri("/api/v1/catalogue", UriKind.Relative))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await visitor.GetAsync(new Uri("/api/v1/catalogue", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await visitor.GetAsync(new Uri("/Catalogue", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Regisseur_ManagesOnlyTheirOwnServices(DatabaseProvider provider)
    {
        await using var s = await StartAsync(provider);
        using var regisseur = s.App.Client("Regisseur:" + s.Own.ToString(CultureInfo.InvariantCulture));

        var list = await regisseur.GetPageAsync($"/Catalogue/Manage/{s.Own}");
        Assert.Contains("Geheim ontwerp", list.One("#services").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Groenonderhoud elders", list.DocumentElement.OuterHtml, StringComparison.Ordinal);

        foreach (var url in new[] { $"/Catalogue/Manage/{s.Other}", $"/Catalogue/Manage/{s.Other}/Services/{s.Theirs.Id}", $"/Catalogue/Manage/{s.Other}/Services/New" })
        {
            using var refused = await regisseur.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", refused.Headers.Location!.IsAbsoluteUri ? refused.Headers.Location.PathAndQuery : refused.Headers.Location.OriginalString, StringComparison.Ordinal);
        }

        // Another partnership's service under one's own partnership: 404, as one that does not exist; publishing it changes nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await regisseur.GetAsync(new Uri($"/Catalogue/Manage/{s.Own}/Services/{s.Theirs.Id}", UriKind.Relative))).StatusCode);
        using var publish = await Html.PostFormAsync(regisseur, $"/Catalogue/Manage/{s.Own}/Services/{s.Draft.Id}", new Dictionary<string, string>(), "Publish");
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        var form = await regisseur.GetPageAsync($"/Catalogue/Manage/{s.Own}/Services/{s.Draft.Id}");
        var unpublish = form.QuerySelectorAll("main form[method=post]").OfType<AngleSharp.Html.Dom.IHtmlFormElement>().First(f => (f.GetAttribute("action") ?? "").Contains("handler=Unpublish", StringComparison.Ordinal));
        using var idor = await Html.PostAsync(regisseur, $"/Catalogue/Manage/{s.Own}/Services/{s.Theirs.Id}?handler=Unpublish", unpublish, new Dictionary<string, string> { ["Version"] = s.Theirs.Version.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.NotFound, idor.StatusCode);

        using var visitor = s.App.Client(null);
        var json = await visitor.GetJsonAsync("/api/v1/catalogue");
        Assert.Equal(3, (int)json["total"]!);
        Assert.Contains(json["items"]!.AsArray(), i => (int)i!["id"]! == s.Theirs.Id);
    }
}
