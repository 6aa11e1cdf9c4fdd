using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;

namespace Regiekamer.Web.Tests.Security;

/// <summary>
/// Issue 7: broken input (fixed seeds) never gets a 5xx. Broken CSV files to the import endpoint and the import page
/// as an administrator (once 12 of 30 answers were a 500 with the exception in the body): a 4xx that names the file
/// and a row, and no dataset written. Malformed JSON to the endpoints that take a body: a 4xx, nothing changed.
/// </summary>
public sealed class FuzzTests
{
    private static readonly string[] JobSeekers = ["nis_code,job_seekers", "42008,612", "42010,300", "44021,9000"];

    private static readonly string[] Population = ["nis_code,working_age_population,inhabitants", "42008,16012,25321", "44021,174053,263927"];

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "job-seekers", 7201)]
    [InlineData(DatabaseProvider.Sqlite, "population", 7202)]
    [InlineData(DatabaseProvider.PostgreSql, "job-seekers", 7203)]
    public async Task ImportApi_BrokenCsv_Gets400WithTheFileAndRow_AndWritesNothing(DatabaseProvider provider, string kind, int seed)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        using var client = app.Client();
        var before = await DatasetsAsync(app);

        foreach (var file in CsvFuzz.Files(seed, 240, kind == "population" ? Population : JobSeekers))
        {
            using var content = new ByteArrayContent(file.Bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            using var response = await client.PostAsync(new Uri($"/api/v1/imports/{kind}?referenceDate=2025-01-01&source=fuzz", UriKind.Relative), content);

            var body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode == 400, $"{file}: {(int)response.StatusCode}\n{body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonNode.Parse(body)!;
            Assert.False(string.IsNullOrEmpty((string?)problem["errorCode"]), $"{file}: no errorCode in {body}");
            Assert.All(problem["errors"]!.AsArray(), e => Assert.StartsWith($"{kind}.csv, rij ", (string?)e!["message"], StringComparison.Ordinal));
            Assert.All(problem["errors"]!.AsArray(), e => Assert.StartsWith($"{kind}.csv, row ", (string?)e!["messageEn"], StringComparison.Ordinal));
            Http.AssertNoInternals(body, file.ToString());
        }

        Assert.Equal(before, await DatasetsAsync(app));
    }

    [Fact]
    public async Task ImportApi_Latin1_SaysNotUtf8()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, demo: false);
        using var client = app.Client();
        using var content = new ByteArrayContent(Encoding.Latin1.GetBytes("nis_code,job_seekers\n42008,612\n# Sint-Niklaas é\n"));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        using var response = await client.PostAsync(new Uri("/api/v1/imports/job-seekers?referenceDate=2025-01-01&source=fuzz", UriKind.Relative), content);

        var problem = await response.ReadProblemAsync(400, "unreadable-file", "Latin-1 import");
        Assert.Equal("job-seekers.csv, row 3: the file is not UTF-8 (save the file as UTF-8): byte 0xE9 at position 47 is not UTF-8.", (string?)problem["errors"]![0]!["messageEn"]);
        Assert.Equal(["file"], Http.ErrorFields(problem));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportPage_BrokenUploads_ShowTheErrorWithTheFileAndRow_AndWriteNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        using var client = app.Client();
        var before = await DatasetsAsync(app);
        var form = (IHtmlFormElement)(await client.GetPageAsync("/Imports")).One("main form[method=post]");

        foreach (var (file, i) in CsvFuzz.Files(7204 + (int)provider, provider == DatabaseProvider.Sqlite ? 240 : 80, JobSeekers).Select((f, i) => (f, i)))
        {
            var name = $"vdab-{i}.csv";
            using var content = new MultipartFormDataContent();
            foreach (var (key, value) in Html.Fields(form, new Dictionary<string, string> { ["Kind"] = "job-seekers", ["ReferenceDate"] = "2025-01-01", ["Source"] = "fuzz" }))
            {
                content.Add(new StringContent(value), key);
            }

            var upload = new ByteArrayContent(file.Bytes);
            upload.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            content.Add(upload, "Upload", name);
            using var response = await client.PostAsync(new Uri("/Imports", UriKind.Relative), content);

            var what = $"{file} as {name}";
            if (file.Bytes.Length == 0)
            {
                // An empty upload is no file at all to the browser and the page: "choose a CSV file".
                var empty = await response.ReadPageAsync(422, what);
                Assert.Contains("kies een CSV-bestand", empty.One("#errors").TextContent, StringComparison.Ordinal);
                continue;
            }

            var page = await response.ReadPageAsync(422, what);
            var errors = page.QuerySelectorAll("#errors li").Select(li => li.TextContent.Trim()).ToList();
            Assert.NotEmpty(errors);
            Assert.All(errors, e => Assert.True(e.StartsWith(name + ", rij ", StringComparison.Ordinal), $"{what}: '{e}'"));
            Http.AssertNoInternals(page.Body!.InnerHtml, what);
        }

        Assert.Equal(before, await DatasetsAsync(app));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MalformedJson_ToEveryBodyEndpoint_Gets4xx_AndChangesNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.Client();
        var (partnershipId, partnershipVersion, callId, callVersion) = await IdsAsync(app);
        var endpoints = new (HttpMethod Method, string Url, JsonObject Valid)[]
        {
            (HttpMethod.Put, $"/api/v1/partnerships/{partnershipId}", new JsonObject
            {
                ["name"] = "Scheldeland", ["kind"] = "interlocal-association", ["status"] = "existing",
                ["members"] = new JsonArray("Hamme", "Laarne", "Wetteren", "Wichelen", "Zele"), ["managingMunicipality"] = "Wetteren",
                ["changeMotivation"] = "", ["regisseurName"] = "An", ["regisseurEmail"] = "an@scheldeland.be", ["regisseurPhone"] = "052 00 00 00", ["version"] = partnershipVersion,
            }),
            (HttpMethod.Post, "/api/v1/what-if", new JsonObject { ["action"] = "add-municipality", ["partnershipId"] = partnershipId, ["municipality"] = "Lebbeke", ["on"] = "2025-06-01" }),
            (HttpMethod.Post, $"/api/v1/calls/{callId}/versions", new JsonObject
            {
                ["yearlyBudget"] = "3000000.00", ["weightWorkingAge"] = 40, ["weightJobSeekers"] = 20, ["weightEqual"] = 40, ["deadline"] = "2023-01-15",
                ["priorities"] = "WSE-LR1,WSE-LR2,WSE-LR3,WSE-LR4", ["effectiveFrom"] = "2024-01-01", ["note"] = "fuzz", ["version"] = callVersion,
            }),

            // Grants (issue 9): bodies that name nothing that exists, or a partnership that was paid nothing, so even a valid one changes nothing.
            (HttpMethod.Post, "/api/v1/decrees", new JsonObject { ["allocationRunId"] = 999999, ["year"] = 2023, ["number"] = "MB-FUZZ", ["decreeDate"] = "2023-04-20" }),
            (HttpMethod.Post, "/api/v1/payments", new JsonObject { ["decreeLineId"] = 999999, ["plannedDate"] = "2023-05-01", ["amount"] = "1.000,00" }),
            (HttpMethod.Post, "/api/v1/payments/stops", new JsonObject { ["partnershipId"] = 999999, ["decidedOn"] = "2024-03-01", ["decision"] = "BVR-FUZZ", ["motivation"] = "fuzz" }),
            (HttpMethod.Post, "/api/v1/reclaims", new JsonObject { ["partnershipId"] = partnershipId, ["decision"] = "BVR-FUZZ", ["decidedOn"] = "2024-03-01", ["dueDate"] = "2024-05-01", ["motivation"] = "fuzz" }),
        };
        var before = await Principals.StateAsync(app);

        foreach (var (method, url, valid) in endpoints)
        {
            foreach (var body in JsonFuzz.Bodies(new Random(7300 + url.Length), 200, valid))
            {
                using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = new ByteArrayContent(body.Bytes) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                using var response = await client.SendAsync(request);

                var text = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                Assert.True(status is >= 400 and < 500, $"{method} {url} with {body}: {status}\n{Shorten(Encoding.UTF8.GetString(body.Bytes))}\n{text}");
                Http.AssertNoInternals(text, $"{method} {url} with {body}");
            }
        }

        Assert.Equal(before, await Principals.StateAsync(app));
    }

    [Fact]
    public async Task InvalidUtf8_InAPropertyName_Gets400_AndDoesNotDropTheProperty()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        using var client = app.Client();
        var (partnershipId, version, _, _) = await IdsAsync(app);
        var before = await Principals.StateAsync(app);
        var json = Encoding.UTF8.GetBytes($"{{\"name\":\"Scheldeland\",\"kind\":\"interlocal-association\",\"status\":\"existing\",\"members\":[\"Hamme\",\"Laarne\",\"Wetteren\",\"Wichelen\",\"Zele\"],\"managingMunicipality\":\"Wetteren\",\"regisseurName\":\"An\",\"Xversion\":{version}}}");
        json[Array.IndexOf(json, (byte)'X')] = 0xFF;
        using var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        // Once System.Text.Json skipped the property with the bad name, and the update went through without its version.
        using var response = await client.PutAsync(new Uri($"/api/v1/partnerships/{partnershipId}", UriKind.Relative), content);

        await response.ReadProblemAsync(400, "not-utf8", "invalid UTF-8 in a property name");
        Assert.Equal(before, await Principals.StateAsync(app));
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    private static async Task<string> DatasetsAsync(TestApp app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RegiekamerDb>();
        return $"datasets {await db.Datasets.CountAsync()}, figures {await db.Figures.CountAsync()}, audit {await db.AuditRecords.CountAsync()}";
    }

    private static async Task<(int PartnershipId, int PartnershipVersion, int CallId, int CallVersion)> IdsAsync(TestApp app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RegiekamerDb>();
        var partnership = await db.Partnerships.Where(p => p.Name == Regiekamer.Core.Accounts.DemoAccounts.ScheldelandName).Select(p => new { p.Id, p.Version }).SingleAsync();
        var call = await db.Calls.OrderBy(c => c.Id).Select(c => new { c.Id, c.Version }).FirstAsync();
        return (partnership.Id, partnership.Version, call.Id, call.Version);
    }
}

/// <summary>One malformed request body: what is wrong with it, and its bytes.</summary>
public sealed record FuzzBody(string Kind, byte[] Bytes)
{
    public override string ToString() => $"{Kind} ({Bytes.Length} bytes)";
}

/// <summary>
/// Request bodies that are no valid request, made from a valid one: not JSON at all (random bytes or text, cut off,
/// trailing garbage, comments, trailing commas, invalid UTF-8, nesting deeper than allowed, empty, null) or JSON with
/// a value of the wrong kind (a number for a text, an object for a number, ...). None can pass as a valid request.
/// </summary>
public static class JsonFuzz
{
    private static readonly string[] Garbage = ["}", "x", ",{}", "]"];

    private static readonly string[] NotAnObject = ["", "null", "[]", "\"text\"", "42"];

    public static IReadOnlyList<FuzzBody> Bodies(Random random, int count, JsonObject valid)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(valid);
        var json = valid.ToJsonString();
        var kinds = new Func<FuzzBody>[]
        {
            () => new("random bytes", RandomBytes(random)),
            () => new("random text", Encoding.UTF8.GetBytes(new string(Enumerable.Range(0, random.Next(1, 200)).Select(_ => "{}[]\":,ab1 \\\n"[random.Next(13)]).ToArray()))),
            () => new("cut off", Encoding.UTF8.GetBytes(json[..random.Next(0, json.Length - 1)])),
            () => new("trailing garbage", Encoding.UTF8.GetBytes(json + Garbage[random.Next(Garbage.Length)])),
            () => new("comment", Encoding.UTF8.GetBytes(json.Insert(1, "/* fuzz */"))),
            () => new("trailing comma", Encoding.UTF8.GetBytes(json[..^1] + ",}")),
            () => new("invalid UTF-8", InvalidUtf8(random, json)),
            () => new("too deep", Encoding.UTF8.GetBytes(json[..^1] + ",\"deep\":" + new string('[', 70 + random.Next(500)) + "}")),
            () => new("wrong kind of value", Encoding.UTF8.GetBytes(WrongKind(random, valid))),
            () => new("empty or null", Encoding.UTF8.GetBytes(NotAnObject[random.Next(NotAnObject.Length)])),
        };
        return Enumerable.Range(0, count).Select(i => kinds[i % kinds.Length]()).ToList();
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(1, 400)];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>A byte that is never UTF-8 (0xFF) in place of a character inside a text value.</summary>
    private static byte[] InvalidUtf8(Random random, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json).ToList();
        var quotes = bytes.Select((b, i) => (b, i)).Where(x => x.b == (byte)'"').Select(x => x.i).ToList();
        bytes.Insert(quotes[random.Next(quotes.Count)] + 1, 0xFF);
        return [.. bytes];
    }

    /// <summary>One property with a value of another kind: text becomes a fraction, true, an array or an object; a number becomes letters, an array or an object; and so on.</summary>
    private static string WrongKind(Random random, JsonObject valid)
    {
        var body = (JsonObject)valid.DeepClone();
        var names = body.Select(p => p.Key).ToList();
        var name = names[random.Next(names.Count)];
        JsonNode?[] others = body[name] switch
        {
            JsonArray => ["abc", 1.5, new JsonObject { ["a"] = 1 }],
            JsonObject => ["abc", 1.5, new JsonArray(1)],
            JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number => ["abc", true, new JsonArray(1), new JsonObject { ["a"] = 1 }],
            _ => [1.5, true, new JsonArray(1), new JsonObject { ["a"] = 1 }],
        };
        body[name] = others[random.Next(others.Length)];
        return body.ToJsonString();
    }
}
