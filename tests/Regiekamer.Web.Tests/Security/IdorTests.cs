using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;

namespace Regiekamer.Web.Tests.Security;

/// <summary>Issue 3: a regisseur of one partnership cannot read or change another's by changing an id in a URL or a body.</summary>
public sealed class IdorTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Regisseur_SeesOnlyTheirOwnPartnership_InListsAndById(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, realSignIn: true);
        var who = await Principals.CreateAsync(app);
        using var regisseur = who.Client(app, Who.Regisseur);

        var list = (await regisseur.GetJsonAsync("/api/v1/partnerships")).AsArray();
        Assert.Equal([who.Own], list.Select(p => (int)p!["id"]!));

        var page = await regisseur.GetPageAsync("/Partnerships");
        var links = page.QuerySelectorAll("main table#partnerships a").Select(a => a.GetAttribute("href")).Distinct().ToList();
        Assert.Equal([$"/Partnerships/{who.Own}"], links);

        foreach (var url in new[] { $"/api/v1/partnerships/{who.Other}", $"/api/v1/partnerships/{who.Other}/eligibility", $"/api/v1/partnerships/{who.Other}/members-2025", $"/api/v1/partnerships/{who.Other}/area" })
        {
            using var response = await regisseur.GetAsync(new Uri(url, UriKind.Relative));
            var problem = await response.ReadJsonAsync(403, url);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain("Scheldeland", problem.ToJsonString(), StringComparison.Ordinal);
        }

        foreach (var url in new[] { $"/Partnerships/{who.Other}", $"/Partnerships/{who.Other}/History", $"/Partnerships/{who.Other}/Edit" })
        {
            using var response = await regisseur.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            var otherName = await NameAsync(app, who.Other);
            Assert.DoesNotContain(otherName, body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Regisseur_CannotChangeAnotherPartnership_ThroughTheApi(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, realSignIn: true);
        var who = await Principals.CreateAsync(app);
        using var administrator = who.Client(app, Who.Administrator);
        using var regisseur = who.Client(app, Who.Regisseur);
        var before = await OtherStateAsync(app, who.Other);

        // A valid update of the other partnership, as its own case handler would send it.
        var other = await administrator.GetJsonAsync($"/api/v1/partnerships/{who.Other}");
        var body = UpdateBody(other, "Overgenomen door een andere regisseur");
        using var put = await regisseur.PutJsonAsync($"/api/v1/partnerships/{who.Other}", body);
        await put.ReadJsonAsync(403, "PUT another partnership");

        // Their own URL with a body naming the other partnership changes only their own (the id comes from the URL).
        var own = await regisseur.GetJsonAsync($"/api/v1/partnerships/{who.Own}");
        var ownBody = UpdateBody(own, "Eigen contact");
        ownBody["id"] = who.Other;
        using var ownPut = await regisseur.PutJsonAsync($"/api/v1/partnerships/{who.Own}", ownBody);
        var updated = await ownPut.ReadJsonAsync(200, "PUT own partnership with another's id in the body");
        Assert.Equal(who.Own, (int)updated["id"]!);
        Assert.Equal("Eigen contact", (string?)updated["regisseurName"]);

        using var delete = await regisseur.DeleteAsync(new Uri($"/api/v1/partnerships/{who.Other}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);

        Assert.Equal(before, await OtherStateAsync(app, who.Other));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Regisseur_CannotChangeAnotherPartnership_ThroughTheForm(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, realSignIn: true);
        var who = await Principals.CreateAsync(app);
        using var regisseur = who.Client(app, Who.Regisseur);
        var before = await OtherStateAsync(app, who.Other);

        // The form of their own partnership, with a valid antiforgery token, posted with the other's id: in a form
        // field (which nothing reads: the partnership is the route's), and in the URL (which the gate refuses).
        var form = (IHtmlFormElement)(await regisseur.GetPageAsync($"/Partnerships/{who.Own}/Edit")).One("main form[method=post]");
        var values = new Dictionary<string, string> { ["Input.RegisseurName"] = "Overgenomen" };
        var fields = Html.Fields(form, values).Append(new("Id", who.Other.ToString(System.Globalization.CultureInfo.InvariantCulture))).Append(new("partnershipId", who.Other.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

        using (var content = new FormUrlEncodedContent(fields))
        using (var response = await regisseur.PostAsync(new Uri($"/Partnerships/{who.Own}/Edit", UriKind.Relative), content))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/Partnerships/{who.Own}?saved=true", response.Headers.Location!.OriginalString);
        }

        using (var content = new FormUrlEncodedContent(Html.Fields(form, values)))
        using (var response = await regisseur.PostAsync(new Uri($"/Partnerships/{who.Other}/Edit", UriKind.Relative), content))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        Assert.Equal(before, await OtherStateAsync(app, who.Other));
    }

    private static JsonObject UpdateBody(JsonNode partnership, string regisseurName) => new()
    {
        ["name"] = (string?)partnership["name"],
        ["kind"] = (string?)partnership["kind"],
        ["status"] = (string?)partnership["status"],
        ["members"] = new JsonArray(partnership["members"]!.AsArray().Select(m => (JsonNode?)JsonValue.Create((string?)m!["nisCode"])).ToArray()),
        ["managingMunicipality"] = (string?)partnership["managingMunicipality"],
        ["changeMotivation"] = (string?)partnership["changeMotivation"],
        ["regisseurName"] = regisseurName,
        ["version"] = (int)partnership["version"]!,
    };

    private static async Task<string> NameAsync(TestApp app, int id)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RegiekamerDb>().Partnerships.Where(p => p.Id == id).Select(p => p.Name).SingleAsync();
    }

    /// <summary>The other partnership as stored, with its members and the number of its audit records.</summary>
    private static async Task<string> OtherStateAsync(TestApp app, int id)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RegiekamerDb>();
        var p = await db.Partnerships.AsNoTracking().Include(x => x.Members).SingleAsync(x => x.Id == id);
        var records = await db.AuditRecords.CountAsync(r => r.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture) && r.EntityType == "Partnership");
        return $"{p.Name}|{p.Version}|{p.RegisseurName}|{p.RegisseurEmail}|{string.Join(",", p.Members.Select(m => m.NisCode.Value).Order(StringComparer.Ordinal))}|audit {records}";
    }
}
