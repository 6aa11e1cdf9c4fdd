using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;

namespace Regiekamer.Web.Tests.Startup;

/// <summary>Issue 7: what an operator reads when the app starts: no false alarm on a fresh database, one clear line and exit code 1 when it cannot start.</summary>
public sealed class StartupTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FirstStart_OnAFreshDatabase_MigratesAndLogsNoFailure(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false, seed: false);

        var run = await AppProcess.RunUntilStartedAsync(Settings(database, migrateOnStartup: true), Timeout);

        Assert.True(run.ExitCode is null, $"the app stopped:\n{run}");
        Assert.Contains(run.Lines, l => l.StartsWith("Applying ", StringComparison.Ordinal) && l.Contains("migration(s)", StringComparison.Ordinal));
        Assert.False(run.Lines.Any(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal) || l.StartsWith("error", StringComparison.OrdinalIgnoreCase)), run.ToString());
        Assert.DoesNotContain("Exception", run.Output, StringComparison.Ordinal);
        await using var db = database.NewDb();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Production_WithPendingMigrations_SaysWhatToRunInOneLine_AndExits1()
    {
        var folder = Directory.CreateTempSubdirectory("regiekamer-start-").FullName;
        try
        {
            var file = Path.Combine(folder, "leeg.db");
            File.WriteAllBytes(file, []);
            var connection = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ConnectionString;

            var run = await AppProcess.RunUntilStartedAsync(
                new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Database__Provider"] = "Sqlite", ["ConnectionStrings__Regiekamer"] = connection },
                Timeout);

            Assert.True(run.ExitCode == 1, run.ToString());
            var line = Assert.Single(run.Lines);
            string migrations;
            int count;
            await using (var db = new RegiekamerDb(new DatabaseOptions(DatabaseProvider.Sqlite, connection).Build()))
            {
                migrations = string.Join(", ", db.Database.GetMigrations());
                count = db.Database.GetMigrations().Count();
            }

            Assert.Contains($"{count} openstaande migratie(s) ({migrations})", line, StringComparison.Ordinal);
            Assert.Contains($"{count} pending migration(s) ({migrations})", line, StringComparison.Ordinal);
            Assert.Contains("dotnet run --project src/Regiekamer.Cli -- db migrate", line, StringComparison.Ordinal);
            foreach (var crash in new[] { "Unhandled exception", "Exception", "   at ", "at Regiekamer" })
            {
                Assert.DoesNotContain(crash, run.Output, StringComparison.Ordinal);
            }

            Assert.Equal(0, new FileInfo(file).Length);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Dictionary<string, string> Settings(TestDatabase database, bool migrateOnStartup) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Database__Provider"] = database.Provider == DatabaseProvider.Sqlite ? "Sqlite" : "PostgreSQL",
        ["ConnectionStrings__Regiekamer"] = database.ConnectionString,
        ["Database__MigrateOnStartup"] = migrateOnStartup ? "true" : "false",
        ["Demo__Seed"] = "false",
    };
}
