using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Data;
using Regiekamer.Core.Kbo;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;

namespace Regiekamer.Web.Tests.Api;

/// <summary>Issue 10, point 2: GET /api/v1/kbo/{number}, and an administrator's import through the page and the API.</summary>
public sealed class KboApiTests : IDisposable
{
    private static readonly string Schakel = KboExtractBuilder.Number(2_070_000);

    private readonly string _folder = Directory.CreateTempSubdirectory("kbo-web-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task<TestApp> StartAsync(DatabaseProvider provider) =>
        TestApp.StartAsync(provider, demo: false, settings: new Dictionary<string, string> { ["Kbo:UploadFolder"] = Path.Combine(_folder, "uploads") });

    private string Extract(int number = 140) =>
        new KboExtractBuilder(number).WithCodes().Company(Schakel, "Maatwerk De Schakel").Activity(Schakel, "88995", version: "2025").WriteZip(Path.Combine(_folder, $"KboOpenData_{number}.zip"));

    private static async Task<KboSnapshot> RunQueuedAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var run = await scope.ServiceProvider.GetRequiredService<KboImportService>().RunQueuedAsync();
        Assert.NotNull(run);
        Assert.True(run.IsSuccess, string.Join("; ", run.Errors.Select(e => e.Message.En)));
        return run.Value!;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Get_AnswersTheAgreedShape_404ForUnknown_400ForWrongCheckDigits(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        using var client = app.Client("PolicyOfficer");
        var none = await (await client.GetAsync(new Uri($"/api/v1/kbo/{Schakel}", UriKind.Relative))).ReadProblemAsync(404, "not-found", "no extract loaded");
        Assert.Contains("Er is nog geen KBO-uittreksel geladen", (string)none["detail"]!, StringComparison.Ordinal);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<KboImportService>().ImportAsync(Extract())).IsSuccess);
        }

        var found = await client.GetJsonAsync($"/api/v1/kbo/BE{Schakel.Replace(".", "", StringComparison.Ordinal)}");

        Assert.Equal(Schakel.Replace(".", "", StringComparison.Ordinal), (string)found["number"]!);
        Assert.True((bool)found["active"]!);
        Assert.Equal("Maatwerk De Schakel", (string)found["name"]!);
        Assert.Equal("Naamloze vennootschap", (string)found["juridicalForm"]!);
        Assert.Equal("014", (string)found["juridicalFormCode"]!);
        Assert.False((bool)found["naturalPerson"]!);
        var office = found["registeredOffice"]!;
        Assert.Equal(("Stationsstraat", "12", "9000", "Gent"), ((string)office["street"]!, (string)office["houseNumber"]!, (string)office["zipcode"]!, (string)office["municipality"]!));
        Assert.Equal(["2025 88995 Maatwerkbedrijven", "2008 88995 Beschutte en sociale werkplaatsen"], found["nace"]!.AsArray().Select(n => $"{(int)n!["version"]!} {(string)n["code"]!} {(string)n["label"]!}"));
        Assert.Equal("2026-11-01", (string)found["snapshotDate"]!);

        var unknown = await (await client.GetAsync(new Uri($"/api/v1/kbo/{KboExtractBuilder.Number(5_550_001)}", UriKind.Relative))).ReadProblemAsync(404, "not-found", "an unknown number");
        Assert.Contains("not in the KBO extract in force", unknown.ToJsonString(), StringComparison.Ordinal);
        foreach (var wrong in new[] { "0207.000.078", "abc", "02070000" })
        {
            var refused = await (await client.GetAsync(new Uri($"/api/v1/kbo/{wrong}", UriKind.Relative))).ReadProblemAsync(400, "kbo-number", wrong);
            Assert.Contains("97 − (de eerste acht mod 97)", (string)refused["detail"]!, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Page_UploadQueues_ShowsProgress_ThenTheExtractInForce(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        using var admin = app.Client();
        var page = await admin.GetPageAsync("/Kbo");
        Assert.Contains("Er is nog geen uittreksel geladen", page.Body!.TextContent, StringComparison.Ordinal);

        var form = page.QuerySelectorAll("main form").Single();
        using (var content = new MultipartFormDataContent())
        {
            content.Add(new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken");
            content.Add(new ByteArrayContent(await File.ReadAllBytesAsync(Extract())), "Extract", "KboOpenData_0140_2026_11_Full.zip");
            using var posted = await admin.PostAsync(new Uri("/Kbo", UriKind.Relative), content);
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }

        using (var queued = await admin.GetAsync(new Uri("/Kbo?queued=1", UriKind.Relative)))
        {
            Assert.Equal("5", queued.Headers.GetValues("Refresh").Single());
            var shown = await queued.ReadPageAsync(200, "the queued import");
            Assert.Equal(["KboOpenData_0140_2026_11_Full.zip", "wacht"], shown.Rows("#kbo-imports")[0].Take(2));
        }

        await RunQueuedAsync(app);

        using var done = await admin.GetAsync(new Uri("/Kbo", UriKind.Relative));
        Assert.False(done.Headers.Contains("Refresh"));
        var text = (await done.ReadPageAsync(200, "the extract in force")).Body!.TextContent;
        Assert.Contains("01/11/2026", text, StringComparison.Ordinal);
        Assert.Contains("van kracht", text, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_folder, "uploads")));

        // Without a file: the form says so, on the page.
        var again = await admin.GetPageAsync("/Kbo");
        using (var empty = new MultipartFormDataContent())
        {
            empty.Add(new StringContent(again.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken");
            using var refused = await admin.PostAsync(new Uri("/Kbo", UriKind.Relative), empty);
            var shown = await refused.ReadPageAsync(400, "no file");
            Assert.Contains("kies het ZIP-bestand", shown.Body!.TextContent, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ApiUpload_Queues202_ASecond409_ThenTheJobPutsItInForce(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        using var admin = app.Client();

        async Task<HttpResponseMessage> UploadAsync()
        {
            using var zip = new ByteArrayContent(await File.ReadAllBytesAsync(Extract()));
            zip.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
            return await admin.PostAsync(new Uri("/api/v1/kbo/imports?name=KboOpenData_0140.zip", UriKind.Relative), zip);
        }

        var queued = await (await UploadAsync()).ReadJsonAsync(202, "the upload");
        Assert.Equal(("Queued", "KboOpenData_0140.zip"), ((string)queued["status"]!, (string)queued["source"]!));
        await (await UploadAsync()).ReadProblemAsync(409, "kbo-busy", "a second upload while one waits");

        var snapshot = await RunQueuedAsync(app);

        var list = (await admin.GetJsonAsync("/api/v1/kbo/imports")).AsArray();
        var latest = list[0]!;
        Assert.Equal((snapshot.Id, "InForce", 140, "2026-11-01", 1), ((int)latest["id"]!, (string)latest["status"]!, (int)latest["extractNumber"]!, (string)latest["snapshotDate"]!, (int)latest["enterprises"]!));
    }
}
