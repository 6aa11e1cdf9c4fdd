using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Applications.Plan;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Data;
using Regiekamer.Core.Partnerships;

namespace Regiekamer.Bench;

/// <summary>
/// Issue 8's import target end to end: a 10,000-action plan file (CSV and XLSX, the same plan as
/// <see cref="PlanBenchmarks"/>) through <see cref="ApplicationService.ImportPlanAsync"/> into a migrated SQLite
/// database on disk: read, R10–R12 checked, the dossier's plan replaced in one transaction with its audit record
/// (target: below 2 s each). Every iteration replaces the 10,000 actions the previous one wrote. On SQLite always; on
/// PostgreSQL too when <c>REGIEKAMER_BENCH_POSTGRES</c> holds a connection string to a server (the benchmark makes
/// and drops its own database there).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PlanImportBenchmarks
{
    public const string PostgresVariable = "REGIEKAMER_BENCH_POSTGRES";

    private DatabaseOptions _options = null!;
    private ServiceProvider _services = null!;
    private int _dossier;
    private byte[] _csv = null!;
    private byte[] _xlsx = null!;

    public static IEnumerable<DatabaseProvider> Providers() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } ? [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql] : [DatabaseProvider.Sqlite];

    [ParamsSource(nameof(Providers))]
    public DatabaseProvider Database { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var period = PlanPeriod.OpenCall2023;
        var actions = PlanBenchmarks.Plan(PlanBenchmarks.Actions);
        using (var csv = new MemoryStream())
        {
            PlanFile.WriteCsv(csv, actions, period);
            _csv = csv.ToArray();
        }

        using (var xlsx = new MemoryStream())
        {
            PlanFile.WriteXlsx(xlsx, actions, period);
            _xlsx = xlsx.ToArray();
        }

        var name = $"regiekamer-bench-import-{Guid.NewGuid():N}";
        if (Database == DatabaseProvider.PostgreSql)
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable);
            var database = name.Replace('-', '_');
            using (var connection = new Npgsql.NpgsqlConnection(server))
            {
                connection.Open();
                using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
                create.ExecuteNonQuery();
            }

            _options = new DatabaseOptions(DatabaseProvider.PostgreSql, new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString);
        }
        else
        {
            _options = new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(Path.GetTempPath(), name + ".db")}");
        }

        var services = new ServiceCollection();
        services.AddRegiekamerCore(_options);
        _services = services.BuildServiceProvider();
        _dossier = PrepareAsync().GetAwaiter().GetResult();
    }

    private async Task<int> PrepareAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var s = scope.ServiceProvider;
        await s.GetRequiredService<RegiekamerDb>().MigrateAsync();
        await s.GetRequiredService<DatabaseSeeder>().SeedReferenceDataAsync();
        await s.GetRequiredService<DatabaseSeeder>().SeedDemoAsync();
        var call = await s.GetRequiredService<CallService>().LatestAsync() ?? throw new InvalidOperationException("No call seeded.");
        var partnership = await s.GetRequiredService<RegiekamerDb>().Partnerships.AsNoTracking().Where(p => p.Name == DemoAccounts.ScheldelandName).SingleAsync();
        var started = await s.GetRequiredService<ApplicationService>().StartAsync(partnership.Id, call.Id);
        return started.Value?.Id ?? throw new InvalidOperationException(string.Join(" ", started.Errors.Select(e => e.Message.En)));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        using (var scope = _services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<RegiekamerDb>().Database.EnsureDeleted();
        }

        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Benchmark]
    public Task<int> ImportCsv10000() => ImportAsync(_csv, "plan.csv");

    [Benchmark]
    public Task<int> ImportXlsx10000() => ImportAsync(_xlsx, "plan.xlsx");

    private async Task<int> ImportAsync(byte[] file, string name)
    {
        await using var scope = _services.CreateAsyncScope();
        using var stream = new MemoryStream(file, writable: false);
        var imported = await scope.ServiceProvider.GetRequiredService<ApplicationService>().ImportPlanAsync(_dossier, stream, name);
        return imported.IsSuccess ? imported.Value!.Actions : throw new InvalidOperationException(string.Join(" ", imported.Errors.Select(e => e.Message.En)));
    }
}
