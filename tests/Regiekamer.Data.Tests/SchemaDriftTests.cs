using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Data;
using Regiekamer.Data.Tests.Schema;
using Regiekamer.TestCommon;
using Xunit.Abstractions;

namespace Regiekamer.Data.Tests;

/// <summary>
/// The migrations are hand-written and provider-neutral; the EF model is what the code uses. A database made by
/// migrating must be the same, table by table and index by index, as one made straight from the model.
/// </summary>
public sealed class SchemaDriftTests(ITestOutputHelper output)
{
    private const string Migrated = "migrated (Database.MigrateAsync)";
    private const string Model = "model (Database.EnsureCreatedAsync)";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MigratedSchema_EqualsModelSchema(DatabaseProvider provider)
    {
        await using var migrated = await TestDatabase.CreateAsync(provider, migrate: false, seed: false);
        await using var created = await TestDatabase.CreateAsync(provider, migrate: false, seed: false);
        await using (var db = migrated.NewDb())
        {
            await db.Database.MigrateAsync();
        }

        await using (var db = created.NewDb())
        {
            Assert.True(await db.Database.EnsureCreatedAsync(), "EnsureCreated found tables in a database that should be empty.");
        }

        var fromMigrations = await ReadAsync(migrated);
        var fromModel = await ReadAsync(created);
        output.WriteLine($"{provider}: {fromModel.Items.Count} schema items in {fromModel.Tables.Count()} tables.");
        // A reader that saw nothing would make every comparison pass: it must see the model's tables and every kind of item.
        using (var db = created.NewDb())
        {
            var modelTables = db.Model.GetEntityTypes().Select(e => e.GetTableName()!).Distinct().Order(StringComparer.Ordinal);
            Assert.Equal(modelTables, fromModel.Tables.Order(StringComparer.Ordinal));
        }

        var autoNumbered = provider == DatabaseProvider.Sqlite ? "autoincrement yes" : "identity BY DEFAULT";
        Assert.Contains(fromModel.Items, i => i.Key == "Partnerships column Id" && i.Definition.Contains(autoNumbered, StringComparison.Ordinal));
        Assert.Contains(fromModel.Items, i => i.Key == "Partnerships primary key " && i.Definition.Contains("columns Id", StringComparison.Ordinal));
        Assert.Contains(fromModel.Items, i => i.Key == "PartnershipMembers foreign key (PartnershipId) -> Partnerships" && i.Definition.Contains("on delete CASCADE", StringComparison.Ordinal));
        Assert.Contains(fromModel.Items, i => i.Key == "AllocationLines foreign key (PartnershipId) -> Partnerships" && i.Definition.Contains("on delete SET NULL", StringComparison.Ordinal));
        Assert.Contains(fromModel.Items, i => i.Key == "Municipalities index IX_Municipalities_Set_NisCode" && i.Definition.Contains("columns Set, NisCode; unique yes", StringComparison.Ordinal));
        Assert.Contains(fromModel.Items, i => i.Key == "Partnerships column RegisseurEmail" && i.Definition.Contains("nullable yes", StringComparison.Ordinal));
        if (provider == DatabaseProvider.PostgreSql)
        {
            Assert.Contains(fromModel.Items, i => i.Key == "Partnerships column Name" && i.Definition.Contains("max length 200", StringComparison.Ordinal));
        }

        var differences = DatabaseSchema.Compare(fromMigrations, fromModel);
        Assert.True(differences.Count == 0, DatabaseSchema.Describe(differences, Migrated, Model));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_AppliesEveryMigrationInTheAssembly_AndLeavesNonePending(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false, seed: false);
        await using var db = database.NewDb();
        var inAssembly = db.Database.GetMigrations().ToList();
        Assert.NotEmpty(inAssembly);
        Assert.Equal(inAssembly, await db.Database.GetPendingMigrationsAsync());

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(inAssembly, await db.Database.GetAppliedMigrationsAsync());
    }

    /// <summary>The drift test can fail: a schema change the model does not know of is reported, naming what changed.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SchemaDrift_IsReported_WhenTheDatabaseDiffersFromTheModel(DatabaseProvider provider)
    {
        await using var migrated = await TestDatabase.CreateAsync(provider, seed: false);
        await using var created = await TestDatabase.CreateAsync(provider, migrate: false, seed: false);
        await using (var db = migrated.NewDb())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"Partnerships\" ADD COLUMN \"Website\" TEXT NULL");
            await db.Database.ExecuteSqlRawAsync("CREATE INDEX \"IX_Partnerships_RegisseurName\" ON \"Partnerships\" (\"RegisseurName\")");
            await db.Database.ExecuteSqlRawAsync("DROP INDEX \"IX_Partnerships_Name\"");
            if (provider == DatabaseProvider.PostgreSql)
            {
                // SQLite cannot change a column in place, and does not keep lengths anyway.
                await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"Partnerships\" ALTER COLUMN \"RegisseurPhone\" TYPE character varying(60)");
            }
        }

        await using (var db = created.NewDb())
        {
            await db.Database.EnsureCreatedAsync();
        }

        var differences = DatabaseSchema.Compare(await ReadAsync(migrated), await ReadAsync(created));
        output.WriteLine(DatabaseSchema.Describe(differences, Migrated, Model));

        var expected = new List<(string, bool, bool)>
        {
            ("Partnerships column Website", true, false),
            ("Partnerships index IX_Partnerships_Name", false, true),
            ("Partnerships index IX_Partnerships_RegisseurName", true, false),
        };
        if (provider == DatabaseProvider.PostgreSql)
        {
            expected.Insert(0, ("Partnerships column RegisseurPhone", true, true));
            var phone = differences.Single(d => d.Key == "Partnerships column RegisseurPhone");
            Assert.Contains("max length 60", phone.Left, StringComparison.Ordinal);
            Assert.Contains("max length 50", phone.Right, StringComparison.Ordinal);
        }

        Assert.Equal(expected, differences.Select(d => (d.Key, d.Left is not null, d.Right is not null)));
    }

    private static async Task<DatabaseSchema> ReadAsync(TestDatabase database)
    {
        await using var db = database.NewDb();
        return await SchemaReader.ReadAsync(db);
    }
}
