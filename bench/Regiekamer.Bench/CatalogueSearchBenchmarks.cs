using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Catalogue;
using Regiekamer.Core.Data;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Bench;

/// <summary>
/// The public catalogue's search computed afresh (no page cache): <see cref="CatalogueSearch.SearchAsync"/> over the
/// 5,000 actors and 20,000 services of <see cref="CatalogueData"/>, for the questions bench/wrk/run.sh asks and two
/// more, on SQLite and (when <see cref="PostgresVariable"/> names an empty or earlier-seeded database) PostgreSQL.
/// Issue 10's target for the search: p95 under 50 ms at 16 connections, so one search must cost a few ms at most.
/// <c>dotnet run -c Release --project bench/Regiekamer.Bench -- --filter '*CatalogueSearch*'</c>.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class CatalogueSearchBenchmarks
{
    public const string PostgresVariable = "REGIEKAMER_BENCH_POSTGRES";

    private ServiceProvider _services = null!;

    public static IEnumerable<DatabaseProvider> Providers() =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable)) ? [DatabaseProvider.Sqlite] : [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    [ParamsSource(nameof(Providers))]
    public DatabaseProvider Provider { get; set; }

    [Params("municipality+text", "cpv-79", "municipality", "region+category", "everything")]
    public string Question { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _services = CatalogueBenchDatabase.ServicesAsync(Provider).GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark]
    public async Task<int> Search()
    {
        await using var scope = _services.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<CatalogueSearch>().SearchAsync(CatalogueBenchDatabase.Questions[Question]);
        return page.Value!.Total;
    }
}

/// <summary>The seeded catalogue database the search is measured on, made once and kept (SQLite in the temp folder; PostgreSQL in the database of <see cref="CatalogueSearchBenchmarks.PostgresVariable"/>).</summary>
public static class CatalogueBenchDatabase
{
    /// <summary>The wrk questions (bench/wrk/run.sh BENCH_CATALOGUE) and a few more.</summary>
    public static readonly IReadOnlyDictionary<string, CatalogueQuery> Questions = new Dictionary<string, CatalogueQuery>
    {
        ["municipality+text"] = new(Municipality: "11002", Text: "groen"),
        ["cpv-79"] = new(Cpv: "79000000"),
        ["municipality"] = new(Municipality: "11002"),
        ["region+category"] = new(Region: "REFREG01", Category: "groenonderhoud"),
        ["everything"] = new(),
    };

    public static DatabaseOptions Options(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite
        ? new(provider, "Data Source=" + Path.Combine(Path.GetTempPath(), "regiekamer-bench-catalogue.db"))
        : new(provider, Environment.GetEnvironmentVariable(CatalogueSearchBenchmarks.PostgresVariable) ?? throw new InvalidOperationException($"{CatalogueSearchBenchmarks.PostgresVariable} is not set."));

    /// <summary>The app's services on the benchmark database, migrated and seeded (reference data, demo partnerships, the catalogue) when not yet.</summary>
    public static async Task<ServiceProvider> ServicesAsync(DatabaseProvider provider)
    {
        var options = Options(provider);
        options.EnsureSqliteFolder();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRegiekamerCore(options);
        var built = services.BuildServiceProvider();
        await using (var scope = built.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegiekamerDb>();
            await db.Database.MigrateAsync();
            var seeder = ActivatorUtilities.CreateInstance<DatabaseSeeder>(scope.ServiceProvider);
            await seeder.SeedReferenceDataAsync();
            await seeder.SeedDemoAsync();
            if (await db.Offerings.CountAsync() < CatalogueData.Actors * CatalogueData.ServicesPerActor)
            {
                await CatalogueData.SeedAsync(options);
            }
        }

        return built;
    }

    /// <summary>Builds the index <paramref name="times"/> times after one warm-up; the times in ms, sorted.</summary>
    private static async Task<List<double>> TimeBuildsAsync(ServiceProvider services, int times)
    {
        var builds = new List<double>();
        for (var i = 0; i <= times; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var watch = Stopwatch.StartNew();
            await CatalogueIndex.BuildAsync(scope.ServiceProvider.GetRequiredService<RegiekamerDb>(), scope.ServiceProvider.GetRequiredService<ReferenceDataService>());
            if (i > 0)
            {
                builds.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        builds.Sort();
        return builds;
    }

    /// <summary>
    /// The managed memory one index keeps alive: what a second index adds to the first (the first build also settles
    /// the provider's buffers, which on PostgreSQL made a first-build difference meaningless).
    /// </summary>
    private static async Task<long> HeldByOneIndexAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegiekamerDb>();
        var referenceData = scope.ServiceProvider.GetRequiredService<ReferenceDataService>();
        var first = await CatalogueIndex.BuildAsync(db, referenceData);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var second = await CatalogueIndex.BuildAsync(db, referenceData);
        var held = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(first);
        GC.KeepAlive(second);
        return held;
    }

    /// <summary>
    /// A quick look without BenchmarkDotNet (<c>catalogue-search [Sqlite|PostgreSql] [rounds]</c>): each question asked
    /// <c>rounds</c> times in turn after one warm-up, one at a time; prints the median and the 95th percentile in ms and
    /// the CPU time of this process per search (on SQLite that includes the database's work; on a loaded machine the
    /// CPU time says more than the wall time). First the time to build the in-memory index, which the first search
    /// after a change of the catalogue waits for, and the managed memory one index holds.
    /// </summary>
    public static async Task<int> TimeAsync(DatabaseProvider provider, int rounds)
    {
        await using var services = await ServicesAsync(provider);
        var builds = await TimeBuildsAsync(services, Math.Min(rounds, 10));
        var held = await HeldByOneIndexAsync(services);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider} index build (after a change)  median {builds[builds.Count / 2],8:F2} ms  max {builds[^1],8:F2} ms  held {held / 1024.0 / 1024.0:F1} MB"));
        foreach (var (name, query) in Questions)
        {
            var times = new List<double>();
            var total = 0;
            var cpu = TimeSpan.Zero;
            for (var i = 0; i <= rounds; i++)
            {
                await using var scope = services.CreateAsyncScope();
                var search = scope.ServiceProvider.GetRequiredService<CatalogueSearch>();
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                var page = await search.SearchAsync(query);
                watch.Stop();
                if (i > 0)
                {
                    cpu += Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                }

                total = page.Value!.Total;
                if (i > 0)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider} {name,-18} total {total,6}  median {times[times.Count / 2],8:F2} ms  p95 {times[(int)(times.Count * 0.95)],8:F2} ms  this process's CPU {cpu.TotalMilliseconds / rounds,7:F2} ms per search"));
        }

        return 0;
    }
}
