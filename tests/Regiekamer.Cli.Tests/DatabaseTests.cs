using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Data;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Cli.Tests;

public sealed class DatabaseTests : IDisposable
{
    private readonly TempFolder _files = new();

    public void Dispose() => _files.Dispose();

    // No pooling: the test reads the file right after the CLI closed it, and the folder is deleted afterwards.
    private string Connection(string name = "regiekamer.db") => $"Data Source={Path.Combine(_files.Path, name)};Pooling=False";

    private static RegiekamerDb Open(string connection) => new(new DatabaseOptions(DatabaseProvider.Sqlite, connection).Build());

    [Fact]
    public async Task Import_IntoAnEmptyDatabase_MigratesSeedsAndAddsTheDatasets_ASecondBadImportChangesNothing()
    {
        var connection = Connection();
        var chosen = new Dictionary<string, (long WorkingAge, long Inhabitants)> { ["42008"] = (16012, 25321), ["42010"] = (8123, 12655), ["42028"] = (14001, 21877) };
        var good = _files.Lines("bevolking-2024.csv", [
            "nis_code,working_age_population,inhabitants",
            .. ReferenceSnapshot.FromShipped().Municipalities.Select(m => chosen.TryGetValue(m.NisCode.Value, out var v) ? $"{m.NisCode},{v.WorkingAge},{v.Inhabitants}" : $"{m.NisCode},1000,1500"),
        ]);
        var bad = _files.Lines("bevolking-fout.csv", "nis_code,working_age_population", "42008,16012", "42010,acht", "99999,5");

        var first = await Run.Cli("import", "population", good, "--reference-date", "2024-01-01", "--source", "Statbel test", "--connection", connection);

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Contains("leeg", first.Stderr, StringComparison.Ordinal);
        int datasets, figures;
        await using (var db = Open(connection))
        {
            var imported = await db.Datasets.Where(d => d.Source == "Statbel test").OrderBy(d => d.Kind).ToListAsync();
            Assert.Equal([DatasetKind.Inhabitants, DatasetKind.WorkingAgePopulation], imported.Select(d => d.Kind).Order());
            Assert.All(imported, d => Assert.Equal((new DateOnly(2024, 1, 1), 300, false), (d.ReferenceDate, d.RowCount, d.IsEstimate)));
            var workingAge = imported.Single(d => d.Kind == DatasetKind.WorkingAgePopulation);
            var values = await db.Figures.Where(f => f.DatasetId == workingAge.Id).ToDictionaryAsync(f => f.NisCode.Value, f => f.Value);
            Assert.Equal(300, values.Count);
            Assert.Equal((16012L, 8123L, 14001L, 1000L), (values["42008"], values["42010"], values["42028"], values["11001"]));
            Assert.True(await db.Datasets.AnyAsync(d => d.Kind == DatasetKind.JobSeekers && d.IsEstimate), "the shipped reference data was seeded first");
            datasets = await db.Datasets.CountAsync();
            figures = await db.Figures.CountAsync();
        }

        var second = await Run.Cli("import", "population", bad, "--reference-date", "2024-01-01", "--source", "Statbel test", "--connection", connection);

        Assert.Equal(1, second.ExitCode);
        Assert.Equal("", second.Stdout);
        Assert.Contains(bad + ", rij 3, veld working_age_population, waarde 'acht'", second.Stderr, StringComparison.Ordinal);
        Assert.Contains(bad + ", rij 4, veld nis_code, waarde '99999'", second.Stderr, StringComparison.Ordinal);
        await using (var db = Open(connection))
        {
            Assert.Equal(datasets, await db.Datasets.CountAsync());
            Assert.Equal(figures, await db.Figures.CountAsync());
        }
    }

    [Fact]
    public async Task Import_JobSeekers_WithTitle_UsesTheEnvironmentConnection()
    {
        var connection = Connection("uit-omgeving.db");
        var file = _files.Lines("vdab.csv", ["nis_code,job_seekers", .. ReferenceSnapshot.FromShipped().Municipalities.Select(m => $"{m.NisCode},{(m.NisCode.Value == "42008" ? 612 : 300)}")]);
        var environment = new Dictionary<string, string> { ["ConnectionStrings__Regiekamer"] = connection, ["Database__Provider"] = "Sqlite" };

        var outcome = await Run.CliWith(Run.DefaultTime, environment.GetValueOrDefault, "import", "job-seekers", file, "--reference-date", "2024-06-30", "--source", "VDAB Arvastat", "--title", "NWWZ juni 2024");

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        Assert.Contains("NWWZ juni 2024", outcome.Stdout, StringComparison.Ordinal);
        await using var db = Open(connection);
        var dataset = await db.Datasets.SingleAsync(d => d.Title == "NWWZ juni 2024");
        Assert.Equal((DatasetKind.JobSeekers, "VDAB Arvastat", 300), (dataset.Kind, dataset.Source, dataset.RowCount));
    }

    [Fact]
    public async Task Import_ThatMissesMunicipalities_IsRefusedAndNamesThem()
    {
        var connection = Connection();
        var partial = _files.Lines("vdab-deel.csv", "nis_code,job_seekers", "42008,612", "42028,498");

        var outcome = await Run.Cli("import", "job-seekers", partial, "--reference-date", "2024-06-30", "--source", "VDAB", "--connection", connection);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("", outcome.Stdout);
        Assert.Contains("298 van de 300 gemeenten ontbreken (Aalst (41002)", outcome.Stderr, StringComparison.Ordinal);
        await using var db = Open(connection);
        Assert.False(await db.Datasets.AnyAsync(d => d.Source == "VDAB"));
    }

    [Fact]
    public async Task Import_BadReferenceDateOrMissingFile_Exits1WithoutTouchingTheDatabase()
    {
        var connection = Connection();
        var missing = Path.Combine(_files.Path, "weg.csv");

        var outcome = await Run.Cli("import", "job-seekers", missing, "--reference-date", "30/06/2024", "--source", "VDAB", "--connection", connection);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("", outcome.Stdout);
        Assert.Contains("'30/06/2024'", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains(missing, outcome.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_files.Path, "regiekamer.db")));
    }

    [Fact]
    public async Task DbMigrate_WithDemo_SeedsReferenceDataAndDemoPartnerships_AndCanBeRepeated()
    {
        var connection = Connection();

        var first = await Run.Cli("db", "migrate", "--demo", "--database", "sqlite", "--connection", connection);
        var again = await Run.Cli("db", "migrate", "--demo", "--connection", connection);

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Equal(0, again.ExitCode);
        await using var db = Open(connection);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.True(await db.Municipalities.CountAsync(m => m.Set == MunicipalitySet.Set2019) == 300);
        var scheldeland = await db.Partnerships.Include(p => p.Members).SingleAsync(p => p.Name.Contains("Scheldeland"));
        Assert.Equal(["42008", "42010", "42025", "42026", "42028"], scheldeland.Members.Select(m => m.NisCode.Value).Order(StringComparer.Ordinal));
        Assert.Contains($"{db.Database.GetMigrations().Count()} migratie(s) toegepast", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("0 migratie(s) toegepast", again.Stdout, StringComparison.Ordinal);
    }

    /// <summary>A database seeded before the VDAB job-seeker figures shipped (simulated by removing them) gets them from <c>db migrate</c>, with a note.</summary>
    [Fact]
    public async Task DbMigrate_OnAnOlderDatabase_AddsTheMissingShippedDatasets_AndTheCallsJobSeekers()
    {
        var connection = Connection();
        Assert.Equal(0, (await Run.Cli("db", "migrate", "--connection", connection)).ExitCode);
        await using (var db = Open(connection))
        {
            await db.CallVersions.ExecuteUpdateAsync(s => s.SetProperty(v => v.JobSeekersDatasetId, (int?)null));
            await db.Datasets.Where(d => d.Series != null).ExecuteDeleteAsync();
        }

        var upgrade = await Run.Cli("db", "migrate", "--connection", connection);
        var again = await Run.Cli("db", "migrate", "--connection", connection);

        Assert.True(upgrade.ExitCode == 0, upgrade.Stderr);
        Assert.Contains("Let op: 21 meegeleverde dataset(s) toegevoegd", upgrade.Stderr, StringComparison.Ordinal);
        Assert.Contains("29 datasets met referentiegegevens", upgrade.Stdout, StringComparison.Ordinal);
        Assert.Equal("", again.Stderr);
        await using var after = Open(connection);
        var version = (await after.Calls.AsNoTracking().SingleAsync()).CurrentVersion;
        var jobSeekers = await after.Datasets.AsNoTracking().SingleAsync(d => d.Id == version.JobSeekersDatasetId);
        Assert.Equal((FigureSeries.YearAverage, 2022), (jobSeekers.Series, jobSeekers.Year));
    }

    [Fact]
    public async Task DbMigrate_OnAFreshPostgreSql_AppliesEverything_SaysNothingOnStderr_AndCanBeRepeated()
    {
        await using var database = await Regiekamer.TestCommon.TestDatabase.CreateAsync(DatabaseProvider.PostgreSql, migrate: false, seed: false);

        var first = await Run.Cli("db", "migrate", "--database", "postgresql", "--connection", database.ConnectionString);
        var again = await Run.Cli("db", "migrate", "--database", "postgresql", "--connection", database.ConnectionString);

        Assert.True((first.ExitCode, first.Stderr) == (0, ""), first.Stderr);
        Assert.Equal((0, ""), (again.ExitCode, again.Stderr));
        await using var db = database.NewDb();
        Assert.Contains($"PostgreSQL: {db.Database.GetMigrations().Count()} migratie(s) toegepast", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("PostgreSQL: 0 migratie(s) toegepast", again.Stdout, StringComparison.Ordinal);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task UnknownProviderInTheEnvironment_Exits1NamingIt()
    {
        var outcome = await Run.CliWith(Run.DefaultTime, name => name == "Database__Provider" ? "oracle" : null, "db", "migrate");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("'oracle'", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostgreSqlWithoutConnectionString_Exits1()
    {
        var outcome = await Run.Cli("db", "migrate", "--database", "postgresql");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("--connection", outcome.Stderr, StringComparison.Ordinal);
    }
}
