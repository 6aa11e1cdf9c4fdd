using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;

namespace Regiekamer.Web.Tests.Actors;

/// <summary>
/// Issue 10.1 over HTTP: the actor API answers 201/200/400/403/404/409/422 as documented, a regisseur of one
/// partnership reaches nothing of another's (IDOR), the pages parse and work without JavaScript, and the department's
/// export neutralises formulas.
/// </summary>
public sealed class ActorsWebTests
{
    private static JsonObject Body(string name, string? kbo = "0207.000.077") => new()
    {
        ["name"] = name,
        ["kboNumber"] = kbo,
        ["kind"] = "kringloopcentrum",
        ["municipalityNisCode"] = "42028",
        ["targetGroups"] = new JsonArray("langdurig-werkzoekenden"),
        ["servedMunicipalities"] = new JsonArray("42028", "42008"),
    };

    /// <summary>403 from the API; a page's refusal is the redirect to the access-denied page.</summary>
    private static bool Refused(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && (response.Headers.Location?.OriginalString ?? "").Contains("/Account/AccessDenied", StringComparison.Ordinal));

    private static async Task<(int Zele, int Gent)> PartnershipsAsync(TestApp app) =>
        ((await app.Services.CreatePartnershipAsync(p => p.Interlocal("Zele", "Zele", "Hamme").Named("Regie Zele-Hamme"))).Id,
         (await app.Services.CreatePartnershipAsync(p => p.CentralCity("Gent").Named("Regie Gent"))).Id);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Api_CreateReadUpdate_Parts_Conflict_Archive_AndBadInput(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        var (zele, gent) = await PartnershipsAsync(app);
        using var regisseur = app.Client($"Regisseur:{zele}");

        using var created = await regisseur.PostJsonAsync($"/api/v1/partnerships/{zele}/actors", Body("Demo Kringloop Zele"));
        var actor = await created.ReadJsonAsync(201, "create");
        var id = (int)actor["id"]!;
        Assert.Equal($"/api/v1/partnerships/{zele}/actors/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("0207000077", (string)actor["kboNumber"]!);

        // A wrong checksum: 422 naming the rule and the field; nothing created.
        using var badKbo = await regisseur.PostJsonAsync($"/api/v1/partnerships/{zele}/actors", Body("Demo fout", "0207.000.078"));
        var problem = await badKbo.ReadProblemAsync(422, "KBO", "wrong KBO checksum");
        Assert.Contains("kboNumber", Http.ErrorFields(problem));
        using var noName = await regisseur.PostJsonAsync($"/api/v1/partnerships/{zele}/actors", Body(""));
        Assert.Contains("name", Http.ErrorFields(await noName.ReadProblemAsync(400, "required", "no name")));
        Assert.Single((await regisseur.GetJsonAsync($"/api/v1/partnerships/{zele}/actors")).AsArray());

        using var tie = await regisseur.PostJsonAsync($"/api/v1/partnerships/{zele}/actors/{id}/ties", new JsonObject { ["municipalityNisCode"] = "42008", ["kind"] = "samenwerkingsovereenkomst", ["version"] = 1 });
        var afterTie = await tie.ReadJsonAsync(200, "tie");
        Assert.Equal("samenwerkingsovereenkomst", (string)afterTie["ties"]![0]!["kind"]!);
        Assert.Equal(2, (int)afterTie["version"]!);

        // Stale version: 409 and nothing changes.
        var update = Body("Demo Kringloop Zele-Hamme");
        update["version"] = 1;
        using var stale = await regisseur.PutJsonAsync($"/api/v1/partnerships/{zele}/actors/{id}", update);
        await stale.ReadProblemAsync(409, "concurrency", "stale update");
        update["version"] = 2;
        using var updated = await regisseur.PutJsonAsync($"/api/v1/partnerships/{zele}/actors/{id}", update);
        Assert.Equal("Demo Kringloop Zele-Hamme", (string)(await updated.ReadJsonAsync(200, "update"))["name"]!);

        using var archived = await regisseur.PostJsonAsync($"/api/v1/partnerships/{zele}/actors/{id}/archive", new JsonObject { ["version"] = 3 });
        Assert.True((bool)(await archived.ReadJsonAsync(200, "archive"))["archived"]!);
        Assert.Empty((await regisseur.GetJsonAsync($"/api/v1/partnerships/{zele}/actors")).AsArray());
        Assert.Single((await regisseur.GetJsonAsync($"/api/v1/partnerships/{zele}/actors?archived=true")).AsArray());

        // The department reads everything; it adds a kind, a regisseur may not.
        using var department = app.Client("PolicyOfficer");
        Assert.Single((await department.GetJsonAsync("/api/v1/actors?archived=true")).AsArray());
        using var kind = await department.PostJsonAsync("/api/v1/actor-kinds", new JsonObject { ["code"] = "sociale-onderneming", ["nameNl"] = "Sociale onderneming", ["nameEn"] = "Social enterprise" });
        await kind.ReadJsonAsync(201, "kind");
        using var again = await department.PostJsonAsync("/api/v1/actor-kinds", new JsonObject { ["code"] = "sociale-onderneming", ["nameNl"] = "x", ["nameEn"] = "y" });
        await again.ReadProblemAsync(409, "duplicate-kind", "kind twice");
        using var regisseurKind = await regisseur.PostJsonAsync("/api/v1/actor-kinds", new JsonObject { ["code"] = "x-y", ["nameNl"] = "x", ["nameEn"] = "y" });
        Assert.Equal(HttpStatusCode.Forbidden, regisseurKind.StatusCode);
        Assert.Contains((await regisseur.GetJsonAsync("/api/v1/actor-kinds")).AsArray(), k => (string)k!["code"]! == "sociale-onderneming");
        _ = gent;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Idor_RegisseurOfOnePartnership_ReachesNoActorOfAnother(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        var (zele, gent) = await PartnershipsAsync(app);
        using var admin = app.Client();
        using var created = await admin.PostJsonAsync($"/api/v1/partnerships/{zele}/actors", Body("Demo Zele"));
        var id = (int)(await created.ReadJsonAsync(201, "create"))["id"]!;
        using var gentRegisseur = app.Client($"Regisseur:{gent}");

        // Under the other partnership's route: the gate refuses (API 403, a page sends the browser to access denied) before anything is looked up.
        foreach (var url in new[] { $"/api/v1/partnerships/{zele}/actors", $"/api/v1/partnerships/{zele}/actors/{id}", $"/Partnerships/{zele}/Actors", $"/Partnerships/{zele}/Actors/{id}", $"/Partnerships/{zele}/Actors/{id}/Edit", $"/Partnerships/{zele}/Actors/New" })
        {
            using var response = await gentRegisseur.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(Refused(response), $"{url}: {(int)response.StatusCode} {response.Headers.Location}");
        }

        using var put = await gentRegisseur.PutJsonAsync($"/api/v1/partnerships/{zele}/actors/{id}", new JsonObject { ["name"] = "Gekaapt", ["kind"] = "lde", ["version"] = 1 });
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        using var archive = await gentRegisseur.PostJsonAsync($"/api/v1/partnerships/{zele}/actors/{id}/archive", new JsonObject { ["version"] = 1 });
        Assert.Equal(HttpStatusCode.Forbidden, archive.StatusCode);

        // Under its own route with the other's actor id: not found, nothing changes.
        using var ownRoute = await gentRegisseur.GetAsync(new Uri($"/api/v1/partnerships/{gent}/actors/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, ownRoute.StatusCode);
        using var ownPut = await gentRegisseur.PutJsonAsync($"/api/v1/partnerships/{gent}/actors/{id}", new JsonObject { ["name"] = "Gekaapt", ["kind"] = "lde", ["version"] = 1 });
        Assert.Equal(HttpStatusCode.NotFound, ownPut.StatusCode);
        await gentRegisseur.GetPageAsync($"/Partnerships/{gent}/Actors/{id}", 404);
        using var owner = app.Client("Regisseur:" + zele);
        Assert.Equal("Demo Zele", (string)(await owner.GetJsonAsync($"/api/v1/partnerships/{zele}/actors/{id}"))["name"]!);

        // The department's list is the department's only.
        using var all = await gentRegisseur.GetAsync(new Uri("/api/v1/actors", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, all.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pages_RegisseurAddsActorTieAndLink_WithoutJavaScript_DepartmentExportNeutralisesFormulas(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        var (zele, _) = await PartnershipsAsync(app);
        using var regisseur = app.Client($"Regisseur:{zele}");

        var partnership = await regisseur.GetPageAsync($"/Partnerships/{zele}");
        Assert.NotNull(partnership.QuerySelector($"a[href='/Partnerships/{zele}/Actors']"));

        // A wrong KBO number: the form shows the error at the field and keeps the input.
        using var bad = await Html.PostFormAsync(regisseur, $"/Partnerships/{zele}/Actors/New", new Dictionary<string, string> { ["Input.Name"] = "Demo Maatwerk", ["Input.KboNumber"] = "0207000078" });
        var badPage = await bad.ReadPageAsync(422, "bad KBO");
        Assert.Equal("true", badPage.One("#Input_KboNumber").GetAttribute("aria-invalid"));
        Assert.Equal("Demo Maatwerk", badPage.One("#Input_Name").GetAttribute("value"));

        using var first = await Html.PostFormAsync(regisseur, $"/Partnerships/{zele}/Actors/New", new Dictionary<string, string> { ["Input.Name"] = "=HYPERLINK(\"x\") Demo Maatwerk", ["Input.KboNumber"] = "0207.000.077", ["Input.KindCode"] = "maatwerkbedrijf", ["Input.MunicipalityNisCode"] = "42028" });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var details = first.Headers.Location!.OriginalString;
        using var second = await Html.PostFormAsync(regisseur, $"/Partnerships/{zele}/Actors/New", new Dictionary<string, string> { ["Input.Name"] = "Demo LDE Hamme", ["Input.KindCode"] = "lde" });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        var detailsPath = details.Split('?')[0];
        using var tie = await Html.PostFormAsync(regisseur, detailsPath, new Dictionary<string, string> { ["Tie.Municipality"] = "42008", ["Tie.Kind"] = "bestuurszetel-persoonlijk" }, "AddTie");
        Assert.Equal(HttpStatusCode.Redirect, tie.StatusCode);
        using var link = await Html.PostFormAsync(regisseur, detailsPath, new Dictionary<string, string> { ["Link.About"] = "Doorverwijzing" }, "AddLink");
        Assert.Equal(HttpStatusCode.Redirect, link.StatusCode);
        using var recognition = await Html.PostFormAsync(regisseur, detailsPath, new Dictionary<string, string> { ["Recognition.What"] = "Maatwerkbedrijf", ["Recognition.GrantedBy"] = "Departement WSE", ["Recognition.ValidFrom"] = "2019-01-01" }, "AddRecognition");
        Assert.Equal(HttpStatusCode.Redirect, recognition.StatusCode);

        var page = await regisseur.GetPageAsync(detailsPath);
        Assert.Contains("Bestuurder ten persoonlijke titel", page.One("#ties").Text(), StringComparison.Ordinal);
        Assert.Contains("Demo LDE Hamme", page.One("#links").Text(), StringComparison.Ordinal);
        Assert.Contains("01/01/2019", page.One("#recognitions").Text(), StringComparison.Ordinal);
        Assert.Contains("0207.000.077", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(4, page.QuerySelectorAll("table.audit tbody tr").Length); // created, tie, link, recognition

        // Shown on the other actor too.
        var list = await regisseur.GetPageAsync($"/Partnerships/{zele}/Actors");
        Assert.Equal(2, list.QuerySelectorAll("#actors tbody tr").Length);
        var lde = list.QuerySelectorAll("#actors a").First(a => a.TextContent == "Demo LDE Hamme").GetAttribute("href")!;
        Assert.Contains("Doorverwijzing", (await regisseur.GetPageAsync(lde)).One("#links").Text(), StringComparison.Ordinal);
        Assert.Single((await regisseur.GetPageAsync($"/Partnerships/{zele}/Actors?kind=lde")).QuerySelectorAll("#actors tbody tr"));

        // The department's export: the formula is neutralised.
        using var department = app.Client("PolicyOfficer");
        var all = await department.GetPageAsync("/Actors");
        Assert.Equal(2, all.QuerySelectorAll("#actors tbody tr").Length);
        var csv = await department.GetStringAsync(new Uri("/Actors?handler=Export&format=csv", UriKind.Relative));
        Assert.Contains("'=HYPERLINK", csv, StringComparison.Ordinal);
        using var xlsx = await department.GetAsync(new Uri("/Actors?handler=Export&format=xlsx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString((await xlsx.Content.ReadAsByteArrayAsync())[..2]));
        await department.GetPageAsync("/Actors/Kinds");
        using var regisseurAll = await regisseur.GetAsync(new Uri("/Actors", UriKind.Relative));
        Assert.True(Refused(regisseurAll), $"{(int)regisseurAll.StatusCode} {regisseurAll.Headers.Location}");
    }
}
