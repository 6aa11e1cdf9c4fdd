using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Actors;
using Regiekamer.Core.Catalogue;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;
using Actor = Regiekamer.Core.Actors.Actor;

namespace Regiekamer.Bench;

/// <summary>
/// The catalogue issue 10's search target is measured on: 5,000 actors over the database's partnerships and 20,000
/// published services (4 per actor), each in 1–3 categories with their CPV codes, 1–12 consecutive 2025 municipalities,
/// 0–2 target groups, a generated title and description, confirmed in the last 11 months. Random with seed 2026, so the
/// same every time. Written straight into the tables (the FTS5 triggers index them as they go), in batches of 1,000:
/// <c>dotnet run -c Release --project bench/Regiekamer.Bench -- seed-catalogue "Data Source=…"</c>. Benchmark data, not demo data.
/// </summary>
public static class CatalogueData
{
    public const int Actors = 5_000;

    public const int ServicesPerActor = 4;

    private static readonly string[] Words = ["groenonderhoud", "drukwerk", "mailing", "verpakking", "montage", "renovatie", "schilderwerk", "fietsherstel", "catering", "broodjes", "schoonmaak", "strijkdienst", "kringloop", "hergebruik", "geschenkpakketten", "digitalisering", "scanning", "archivering", "tuinaanleg", "snoeiwerk"];

    public static Task<int> SeedAsync(string connection) => SeedAsync(new DatabaseOptions(DatabaseProvider.Sqlite, connection));

    public static async Task<int> SeedAsync(DatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRegiekamerCore(database);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var offerings = scope.ServiceProvider.GetRequiredService<OfferingService>();
        var refs = await offerings.ReferencesAsync();
        var db = scope.ServiceProvider.GetRequiredService<RegiekamerDb>();
        var partnerships = await db.Partnerships.AsNoTracking().IgnoreAutoIncludes().OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
        if (partnerships.Count == 0)
        {
            Console.Error.WriteLine("seed-catalogue: the database has no partnerships (seed the demo first).");
            return 1;
        }

        var municipalities = refs.Municipalities.Order().ToList();
        var kinds = ActorKind.BuiltIn.Select(k => k.Code).ToList();
        var categories = refs.Categories.Keys.Order(StringComparer.Ordinal).ToList();
        var random = new Random(2026);
        var clock = scope.ServiceProvider.GetRequiredService<BrusselsClock>();
        var now = clock.UtcNow;
        var today = clock.Today;
        var made = 0;
        for (var batch = 0; batch < Actors / 1000; batch++)
        {
            db.ChangeTracker.Clear();
            var actors = new List<Actor>();
            for (var i = 0; i < 1000; i++)
            {
                var n = (batch * 1000) + i + 1;
                var actor = Actor.Create(partnerships[n % partnerships.Count], $"Bench actor {n:D4} {Words[n % Words.Length]}", null, kinds[n % kinds.Count], now);
                actor.SetContact(null, $"info{n}@bench.test", null, now);
                actors.Add(actor);
            }

            db.Actors.AddRange(actors);
            await db.SaveChangesAsync();
            foreach (var actor in actors)
            {
                for (var s = 0; s < ServicesPerActor; s++)
                {
                    var cats = categories.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Order(StringComparer.Ordinal).ToList();
                    var start = random.Next(municipalities.Count);
                    var area = municipalities.Skip(start).Take(random.Next(1, 13)).ToList();
                    var groups = TargetGroups.All.Select(t => t.Code).OrderBy(_ => random.Next()).Take(random.Next(0, 3)).ToList();
                    var w1 = Words[random.Next(Words.Length)];
                    var w2 = Words[random.Next(Words.Length)];
                    var content = new OfferingContent(
                        $"{char.ToUpperInvariant(w1[0])}{w1[1..]} en {w2}",
                        $"Wij bieden {w1} en {w2} aan bedrijven en lokale besturen, met een ploeg van {actor.Name}.",
                        cats,
                        cats.SelectMany(c => refs.Categories[c].CpvList).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
                        area,
                        groups,
                        null, null, null, false);
                    var offering = Offering.Create(actor.Id, content, OfferingService.SearchTextOf(content, actor, refs), today, now);
                    offering.Publish(today.AddDays(-random.Next(0, 330)), now);
                    db.Offerings.Add(offering);
                    made++;
                }
            }

            await db.SaveChangesAsync();
        }

        Console.WriteLine($"seed-catalogue: {Actors} actors and {made} published services over {partnerships.Count} partnerships.");
        return 0;
    }
}
