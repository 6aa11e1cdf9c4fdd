using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;
using Xunit.Abstractions;

namespace Regiekamer.Data.Tests;

/// <summary>The test databases themselves: the real engine, and one database per test.</summary>
public sealed class TestDatabaseTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TestDatabase_RunsOnTheRealEngine(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false, seed: false);
        await using var db = database.NewDb();
        output.WriteLine(database.ToString());

        var version = await db.Database.SqlQueryRaw<string>(provider == DatabaseProvider.Sqlite ? "SELECT sqlite_version() AS \"Value\"" : "SELECT version() AS \"Value\"").SingleAsync();
        output.WriteLine(version);

        Assert.Equal(provider == DatabaseProvider.Sqlite, db.Database.IsSqlite());
        Assert.Equal(provider == DatabaseProvider.PostgreSql, db.Database.IsNpgsql());
        if (provider == DatabaseProvider.PostgreSql)
        {
            Assert.StartsWith("PostgreSQL ", version, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TestDatabases_AreIsolated_AndDeletedOnDispose(DatabaseProvider provider)
    {
        var first = await TestDatabase.CreateAsync(provider);
        await using var second = await TestDatabase.CreateAsync(provider);
        await using (var db = first.NewDb())
        {
            db.ReferenceRegions.Add(new() { Code = "TEST01", Name = "Testregio", ProvinceNis = "10000", ProvinceName = "Antwerpen" });
            await db.SaveChangesAsync();
        }

        await using (var db = second.NewDb())
        {
            Assert.Equal(15, await db.ReferenceRegions.CountAsync());
        }

        await first.DisposeAsync();

        if (provider == DatabaseProvider.Sqlite)
        {
            Assert.False(File.Exists(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(first.ConnectionString).DataSource));
        }
        else
        {
            await using var db = second.NewDb();
            var name = new Npgsql.NpgsqlConnectionStringBuilder(first.ConnectionString).Database;
            var count = await db.Database.SqlQuery<int>($"SELECT COUNT(*)::int AS \"Value\" FROM pg_database WHERE datname = {name}").SingleAsync();
            Assert.Equal(0, count);
        }
    }
}
