using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Data;
using Regiekamer.Core.Kbo;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;

namespace Regiekamer.Web.Tests.Actors;

/// <summary>
/// Issue 10, points 2 and 4 together: the actor's form fills itself from the KBO extract in force without JavaScript,
/// the actor's page flags a stopped number with the extract's date, and the partnership's map and its table show the
/// actors.
/// </summary>
public sealed class ActorKboWebTests : IDisposable
{
    private static readonly string Schakel = KboExtractBuilder.Number(3_070_001);
    private static readonly string Stopped = KboExtractBuilder.Number(3_070_002);

    private readonly string _folder = Directory.CreateTempSubdirectory("actor-kbo-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The form's "fetch from KBO" button: the main form posted to its formaction, as a browser does without JavaScript.</summary>
    private static async Task<HttpResponseMessage> FetchFromKboAsync(HttpClient client, string url, Dictionary<string, string> values)
    {
        var page = await client.GetPageAsync(url);
        var button = page.One("main form[method=post] button[formaction]");
        Assert.Equal("?handler=Kbo", button.GetAttribute("formaction"));
        return await Html.PostAsync(client, url + "?handler=Kbo", (AngleSharp.Html.Dom.IHtmlFormElement)button.Closest("form")!, values);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheFormFillsFromKbo_AStoppedNumberIsFlagged_AndTheMapShowsTheActors(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        var zele = (await app.Services.CreatePartnershipAsync(p => p.Interlocal("Zele", "Zele", "Hamme").Named("Regie Zele-Hamme"))).Id;
        var zip = new KboExtractBuilder(140).WithCodes()
            .Company(Schakel, "Maatwerk De Schakel", municipality: "Zele", zipcode: "9240")
            .Company(Stopped, "Oude Werkplaats", municipality: "Hamme", zipcode: "9220", status: "ST")
            .WriteZip(Path.Combine(_folder, "KboOpenData_140.zip"));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<KboImportService>().ImportAsync(zip)).IsSuccess);
        }

        using var regisseur = app.Client($"Regisseur:{zele}");

        // "Fetch from KBO": nothing saved, the form filled in, what KBO says shown with the extract's date.
        using var fetched = await FetchFromKboAsync(regisseur, $"/Partnerships/{zele}/Actors/New", new Dictionary<string, string> { ["Input.KboNumber"] = Schakel.Replace(".", "", StringComparison.Ordinal), ["Input.KindCode"] = "maatwerkbedrijf" });
        var form = await fetched.ReadPageAsync(200, "fetched from KBO");
        Assert.Equal("Maatwerk De Schakel", form.One("#Input_Name").GetAttribute("value"));
        Assert.Equal(Schakel, form.One("#Input_KboNumber").GetAttribute("value"));
        Assert.Equal(("Stationsstraat", "12 bus B", "9240"), (form.One("#Input_Street").GetAttribute("value"), form.One("#Input_HouseNumber").GetAttribute("value"), form.One("#Input_Zipcode").GetAttribute("value")));
        Assert.Equal("42028", form.One("#Input_MunicipalityNisCode option[selected]").GetAttribute("value"));
        Assert.Contains("88995", form.One("#Input_Activities").TextContent, StringComparison.Ordinal);
        Assert.Contains("01/11/2026", form.One("section.kbo").TextContent, StringComparison.Ordinal);
        Assert.Empty((await regisseur.GetPageAsync($"/Partnerships/{zele}/Actors")).QuerySelectorAll("#actors tbody tr"));

        // An unknown number: the error at the field.
        using var unknown = await FetchFromKboAsync(regisseur, $"/Partnerships/{zele}/Actors/New", new Dictionary<string, string> { ["Input.KboNumber"] = KboExtractBuilder.Number(3_070_003) });
        Assert.Equal("true", (await unknown.ReadPageAsync(404, "unknown in KBO")).One("#Input_KboNumber").GetAttribute("aria-invalid"));

        using var saved = await Html.PostFormAsync(regisseur, $"/Partnerships/{zele}/Actors/New", new Dictionary<string, string> { ["Input.Name"] = "Maatwerk De Schakel", ["Input.KboNumber"] = Schakel, ["Input.KindCode"] = "maatwerkbedrijf", ["Input.MunicipalityNisCode"] = "42028" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var old = await Html.PostFormAsync(regisseur, $"/Partnerships/{zele}/Actors/New", new Dictionary<string, string> { ["Input.Name"] = "Oude Werkplaats", ["Input.KboNumber"] = Stopped, ["Input.KindCode"] = "sociale-werkplaats", ["Input.MunicipalityNisCode"] = "42008" });
        Assert.Equal(HttpStatusCode.Redirect, old.StatusCode);

        var active = await regisseur.GetPageAsync(saved.Headers.Location!.OriginalString.Split('?')[0]);
        Assert.Contains("Actief in KBO (uittreksel van 01/11/2026)", active.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(active.QuerySelectorAll(".flag"));
        var flagged = await regisseur.GetPageAsync(old.Headers.Location!.OriginalString.Split('?')[0]);
        Assert.Contains("Stopgezet volgens KBO (uittreksel van 01/11/2026)", flagged.One(".flag").TextContent, StringComparison.Ordinal);

        // The partnership's map: one dot per municipality with actors, and the same in the table beside it.
        var page = await regisseur.GetPageAsync($"/Partnerships/{zele}");
        Assert.Equal(["Maatwerk De Schakel", "Oude Werkplaats"], page.QuerySelectorAll("#actors-on-map tbody tr td:first-child").Select(c => c.TextContent.Trim()));
        var markers = page.One("#partnership-map").GetAttribute("data-markers")!;
        Assert.Contains("\"nis\":\"42028\",\"label\":\"Maatwerk De Schakel\"", markers, StringComparison.Ordinal);
        Assert.Contains("\"nis\":\"42008\",\"label\":\"Oude Werkplaats\"", markers, StringComparison.Ordinal);
    }
}
