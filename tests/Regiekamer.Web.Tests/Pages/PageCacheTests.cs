using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;

namespace Regiekamer.Web.Tests.Pages;

/// <summary>
/// Issue 7, point 7: the read pages are rendered once per version of the stored data and served from the output
/// cache until then (PageCache). These tests prove the cache is really used (the Age header only a cached response
/// carries), that it never shows one user's page to another, and that a change — saved here, saved by another app
/// instance, or an erasure — shows on the next request (within DataVersion.Freshness for another instance).
/// </summary>
public sealed class PageCacheTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task APartnershipPage_IsServedFromTheCache_ButOnlyToTheSameUser(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (own, other) = await IdsAsync(app);
        using var regisseur = app.Client($"Regisseur:{own}");
        using var stranger = app.Client($"Regisseur:{other}");
        using var officer = app.Client("PolicyOfficer");
        var url = $"/Partnerships/{own}";

        using (var first = await regisseur.GetAsync(new Uri(url, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.False(first.Headers.Contains("Age"), "the first request renders the page");
        }

        using (var second = await regisseur.GetAsync(new Uri(url, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            Assert.True(second.Headers.Contains("Age"), "the second request of the same user is served from the cache");
        }

        // Another partnership's regisseur asks for the same address: the gate runs for them (and sends them to the
        // access-denied page, as the sign-in cookie does), no cached page.
        using (var refused = await stranger.GetAsync(new Uri(url, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal("/Account/AccessDenied", refused.Headers.Location?.AbsolutePath);
            Assert.False(refused.Headers.Contains("Age"));
        }

        using (var officers = await officer.GetAsync(new Uri(url, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, officers.StatusCode);
            Assert.False(officers.Headers.Contains("Age"), "another user gets a rendering of their own");
        }

        // The language is part of the key too.
        var english = await regisseur.GetPageAsync(url + "?culture=en");
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        var dutch = await regisseur.GetPageAsync(url);
        Assert.Equal("nl-BE", dutch.DocumentElement.GetAttribute("lang"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AChangeSavedHere_ShowsOnTheVeryNextRequest(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (own, _) = await IdsAsync(app);
        using var client = app.Client("CaseHandler");
        var url = $"/Partnerships/{own}";
        await client.GetPageAsync(url);
        await client.GetPageAsync("/Partnerships");

        await UpdateAsync(client, own, p => p["name"] = "Regie Scheldeland vernieuwd");

        Assert.Contains("Regie Scheldeland vernieuwd", (await client.GetPageAsync(url)).One("h1").TextContent, StringComparison.Ordinal);
        Assert.Contains("Regie Scheldeland vernieuwd", (await client.GetPageAsync("/Partnerships")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AChangeSavedByAnotherInstance_ShowsWithinTheFreshness(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (own, _) = await IdsAsync(app);
        using var client = app.Client("CaseHandler");
        var url = $"/Partnerships/{own}";
        await client.GetPageAsync(url);

        // What another instance's save leaves in the database: the new name, an audit record, the inputs' version up.
        // Written past this process's RegiekamerDb.SaveChangesAsync, so this process is not told.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegiekamerDb>();
            Assert.Equal(1, await db.Partnerships.Where(p => p.Id == own).ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, "Elders hernoemd")));
            Assert.Equal(1, await db.Set<DataVersion>().Where(v => v.Name == DataVersion.DerivedInputs).ExecuteUpdateAsync(s => s.SetProperty(v => v.Value, v => v.Value + 1)));
        }

        await Task.Delay(DataVersion.Freshness + TimeSpan.FromMilliseconds(100));
        Assert.Contains("Elders hernoemd", (await client.GetPageAsync(url)).One("h1").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnErasedPerson_IsGoneFromACachedPage_AtOnce(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (own, _) = await IdsAsync(app);
        using var client = app.Client();
        var url = $"/Partnerships/{own}";
        await UpdateAsync(client, own, p =>
        {
            p["regisseurName"] = "Griet Vergeten";
            p["regisseurEmail"] = "griet.vergeten@example.org";
        });
        Assert.Contains("Griet Vergeten", (await client.GetPageAsync(url)).Body!.TextContent, StringComparison.Ordinal);

        // The first page gave this client its form-token cookie (a response that sets a cookie is never kept); the
        // second is rendered with it and kept; the third comes from the cache.
        await client.GetPageAsync(url);
        using (var cached = await client.GetAsync(new Uri(url, UriKind.Relative)))
        {
            Assert.True(cached.Headers.Contains("Age"));
        }

        using (var erased = await client.PostJsonAsync("/api/v1/persons/erase", new JsonObject { ["email"] = "griet.vergeten@example.org" }))
        {
            await erased.ReadJsonAsync(200, "erase");
        }

        var after = (await client.GetPageAsync(url)).Body!.TextContent;
        Assert.DoesNotContain("Griet Vergeten", after, StringComparison.Ordinal);
        Assert.DoesNotContain("griet.vergeten@example.org", after, StringComparison.Ordinal);
    }

    private static async Task<(int Own, int Other)> IdsAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegiekamerDb>();
        var ids = await db.Partnerships.OrderBy(p => p.Id).Select(p => p.Id).Take(2).ToListAsync();
        return (ids[0], ids[1]);
    }

    /// <summary>Reads the partnership through the API, changes the request body and saves it back.</summary>
    private static async Task UpdateAsync(HttpClient client, int id, Action<JsonObject> change)
    {
        var read = await client.GetJsonAsync($"/api/v1/partnerships/{id}");
        var body = new JsonObject
        {
            ["name"] = (string?)read["name"],
            ["kind"] = (string?)read["kind"],
            ["status"] = (string?)read["status"],
            ["members"] = new JsonArray([.. read["members"]!.AsArray().Select(m => (JsonNode?)JsonValue.Create((string?)m!["nisCode"]))]),
            ["managingMunicipality"] = (string?)read["managingMunicipality"],
            ["changeMotivation"] = "Test van de paginacache",
            ["regisseurName"] = (string?)read["regisseurName"],
            ["regisseurEmail"] = (string?)read["regisseurEmail"],
            ["regisseurPhone"] = (string?)read["regisseurPhone"],
            ["version"] = (int)read["version"]!,
        };
        change(body);
        using var saved = await client.PutJsonAsync($"/api/v1/partnerships/{id}", body);
        await saved.ReadJsonAsync(200, "update");
    }
}
