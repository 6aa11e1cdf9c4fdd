using System.Net;
using System.Text.Json.Nodes;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;

namespace Regiekamer.Web.Tests.Api;

public sealed class PartnershipsApiTests
{
    private static JsonObject Dendermonde(string managing = "Dendermonde") => new()
    {
        ["name"] = "Regie Dendermonde-Buggenhout",
        ["kind"] = "interlocal-association",
        ["status"] = "new",
        ["members"] = new JsonArray("Dendermonde", "Buggenhout", "Lebbeke"),
        ["managingMunicipality"] = managing,
        ["regisseurEmail"] = "regie@example.org",
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_Returns201WithLocation_ThenReadUpdateDelete(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        using var client = app.Client();

        using var created = await client.PostJsonAsync("/api/v1/partnerships", Dendermonde());
        var body = await created.ReadJsonAsync(201, "create");
        var location = created.Headers.Location ?? throw new Xunit.Sdk.XunitException("201 without a Location header.");
        Assert.Equal($"/api/v1/partnerships/{(int)body["id"]!}", location.OriginalString);

        var read = await client.GetJsonAsync(location.OriginalString);
        Assert.Equal("Regie Dendermonde-Buggenhout", (string)read["name"]!);
        Assert.Equal("interlocal-association", (string)read["kind"]!);
        Assert.Equal(["Buggenhout", "Dendermonde", "Lebbeke"], read["members"]!.AsArray().Select(m => (string)m!["name"]!).Order(StringComparer.Ordinal));
        Assert.Equal("42006", (string)read["managingMunicipality"]!); // NIS code of Dendermonde
        Assert.Equal(read["members"]!.AsArray().Sum(m => (long)m!["inhabitants"]!), (long)read["inhabitants"]!);

        var update = (JsonObject)Dendermonde().DeepClone();
        update["name"] = "Regie Dendermonde";
        update["version"] = (int)read["version"]!;
        using var updated = await client.PutJsonAsync(location.OriginalString, update);
        var afterUpdate = await updated.ReadJsonAsync(200, "update");
        Assert.Equal("Regie Dendermonde", (string)afterUpdate["name"]!);
        Assert.NotEqual((int)read["version"]!, (int)afterUpdate["version"]!);

        using var deleted = await client.DeleteAsync(location);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await client.GetAsync(location);
        await gone.ReadProblemAsync(404, "not-found", "read after delete");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_ManagingMunicipalityNotAMember_Returns422R4AndCreatesNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        using var client = app.Client();

        using var response = await client.PostJsonAsync("/api/v1/partnerships", Dendermonde(managing: "Gent"));

        var problem = await response.ReadProblemAsync(422, "R4", "managing municipality outside the partnership");
        Assert.Contains("managingMunicipality", Http.ErrorFields(problem));
        Assert.Contains("Gent", (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.Empty((await client.GetJsonAsync("/api/v1/partnerships")).AsArray());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_UnknownMunicipality_Returns400NamingMembersAndTheValue(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        using var client = app.Client();
        var body = Dendermonde();
        body["members"] = new JsonArray("Dendermonde", "Atlantis");

        using var response = await client.PostJsonAsync("/api/v1/partnerships", body);

        var problem = await response.ReadProblemAsync(400, "validation", "unknown member");
        Assert.Contains("members", Http.ErrorFields(problem));
        Assert.Contains("Atlantis", (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.Empty((await client.GetJsonAsync("/api/v1/partnerships")).AsArray());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Update_WithStaleVersion_Returns409ConcurrencyAndKeepsTheFirstChange(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        using var client = app.Client();
        using var created = await client.PostJsonAsync("/api/v1/partnerships", Dendermonde());
        var original = await created.ReadJsonAsync(201, "create");
        var url = created.Headers.Location!.OriginalString;
        var readVersion = (int)original["version"]!;

        var first = Dendermonde();
        first["name"] = "First editor";
        first["version"] = readVersion;
        using var firstResponse = await client.PutJsonAsync(url, first);
        await firstResponse.ReadJsonAsync(200, "first update");

        var second = Dendermonde();
        second["name"] = "Second editor";
        second["version"] = readVersion;
        using var secondResponse = await client.PutJsonAsync(url, second);

        await secondResponse.ReadProblemAsync(409, "concurrency", "stale update");
        Assert.Equal("First editor", (string)(await client.GetJsonAsync(url))["name"]!);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UnknownPartnership_Returns404ProblemOnReadUpdateAndDelete(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        using var client = app.Client();
        var update = Dendermonde();
        update["version"] = 1;

        using var get = await client.GetAsync(new Uri("/api/v1/partnerships/987654", UriKind.Relative));
        using var put = await client.PutJsonAsync("/api/v1/partnerships/987654", update);
        using var delete = await client.DeleteAsync(new Uri("/api/v1/partnerships/987654", UriKind.Relative));

        await get.ReadProblemAsync(404, "not-found", "GET");
        await put.ReadProblemAsync(404, "not-found", "PUT");
        await delete.ReadProblemAsync(404, "not-found", "DELETE");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MalformedJson_Returns400WithoutInternals(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: false);
        using var client = app.Client();
        using var content = new StringContent("{\"name\": \"Broken\", \"members\": [", System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("/api/v1/partnerships", UriKind.Relative), content);

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Http.AssertNoInternals(text, "malformed JSON");
        Assert.Empty((await client.GetJsonAsync("/api/v1/partnerships")).AsArray());
    }
}
