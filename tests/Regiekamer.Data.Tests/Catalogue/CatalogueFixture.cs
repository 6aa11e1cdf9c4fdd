using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Actors;
using Regiekamer.Core.Catalogue;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;
using Actor = Regiekamer.Core.Actors.Actor;

namespace Regiekamer.Data.Tests.Catalogue;

/// <summary>What the catalogue tests share: an actor made directly (the actor inventory is another feature), and services through the service.</summary>
internal static class CatalogueFixture
{
    /// <summary>Antwerpen and Aartselaar (both Regio Antwerpen, REFREG01), Wetteren (Regio Gent, REFREG13): 2025 NIS codes.</summary>
    public const string Antwerpen = "11002";

    public const string Aartselaar = "11001";

    public const string Wetteren = "42025";

    public static async Task<Actor> ActorAsync(TestDatabase database, int partnershipId, string name = "De Groene Hand vzw", string kind = "maatwerkbedrijf", string? email = "info@groenehand.test", string? phone = "03 123 45 67")
    {
        await using var db = database.NewDb();
        var actor = Actor.Create(partnershipId, name, null, kind, database.Time.GetUtcNow().UtcDateTime);
        actor.SetContact("https://groenehand.test", email, phone, database.Time.GetUtcNow().UtcDateTime);
        db.Actors.Add(actor);
        await db.SaveChangesAsync();
        return actor;
    }

    public static OfferingInput Input(
        string title = "Groenonderhoud van bedrijfsterreinen",
        string? description = "Maaien, snoeien en onderhoud van groenzones door een ploeg van het maatwerkbedrijf.",
        string[]? categories = null,
        string[]? cpv = null,
        string[]? municipalities = null,
        string[]? regions = null,
        string[]? targetGroups = null,
        string? contactName = "An Peeters",
        string? contactEmail = "an@groenehand.test",
        bool consent = false) =>
        new(title, description, categories ?? ["groenonderhoud"], cpv ?? [], municipalities ?? [Antwerpen], regions ?? [], targetGroups ?? ["arbeidshandicap"], contactName, contactEmail, "0470 00 00 00", consent);

    public static async Task<Offering> CreateAsync(IServiceProvider services, int partnershipId, int actorId, OfferingInput input, bool publish = true)
    {
        await using var scope = services.CreateAsyncScope();
        var offerings = scope.ServiceProvider.GetRequiredService<OfferingService>();
        var created = await offerings.CreateAsync(partnershipId, actorId, input);
        Assert.True(created.IsSuccess, string.Join("; ", created.Errors.Select(e => e.Message.En)));
        if (!publish)
        {
            return created.Value!;
        }

        var published = await offerings.PublishAsync(partnershipId, created.Value!.Id, created.Value.Version);
        Assert.True(published.IsSuccess, string.Join("; ", published.Errors.Select(e => e.Message.En)));
        return published.Value!;
    }

    public static async Task<CataloguePage> SearchAsync(IServiceProvider services, CatalogueQuery query)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<CatalogueSearch>().SearchAsync(query);
        Assert.True(result.IsSuccess, string.Join("; ", result.Errors.Select(e => e.Message.En)));
        return result.Value!;
    }

    public static async Task<List<int>> IdsAsync(IServiceProvider services, CatalogueQuery query) =>
        (await SearchAsync(services, query)).Items.Select(i => i.Id).ToList();
}
