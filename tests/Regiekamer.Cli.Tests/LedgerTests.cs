using System.Text;
using System.Text.Json.Nodes;
using Regiekamer.Core.Data;
using Regiekamer.Core.Grants.OpenData;
using Regiekamer.TestCommon;

namespace Regiekamer.Cli.Tests;

/// <summary>Issue 9, point 7: <c>ledger export-360giving</c> writes the grants in force as a valid 360Giving package, the same as the API.</summary>
public sealed class LedgerTests
{
    /// <summary>Gent and Scheldeland: a published decree for 2023, a signed one for 2024 and a draft for 2025.</summary>
    private static async Task<TestDatabase> DecreesAsync(DatabaseProvider provider, bool publish = true)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var services = database.Services;
        var gent = await services.CreatePartnershipAsync(p => p.CentralCity("Gent").Named("Regie Gent"));
        var scheldeland = await services.CreatePartnershipAsync(p => p.Interlocal("Hamme", "Hamme", "Berlare", "Dendermonde", "Wichelen", "Zele").Named("Scheldeland"));
        var run = await services.CreateApprovedRunAsync(gent, scheldeland);
        var first = await services.CreateSignedDecreeAsync(run, 2023, "MB-2023-0001");
        if (publish)
        {
            await services.PublishDecreeAsync(first);
        }

        await services.CreateSignedDecreeAsync(run, 2024, "MB-2024-0001");
        await services.CreateDraftDecreeAsync(run, 2025, "MB-2025-0001");
        return database;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Check_SaysTheLedgerReconciles_OrNamesTheLineThatDoesNot(DatabaseProvider provider)
    {
        await using var database = await DecreesAsync(provider);

        var fine = await Run.Cli(Args(database, "ledger", "check"));
        Assert.True(fine.ExitCode == 0, fine.Stderr);
        Assert.Contains("sluit aan, tot op de cent", fine.Stdout, StringComparison.Ordinal);
        Assert.Contains("toegekend € 6.000.000,00", fine.Stdout, StringComparison.Ordinal);

        var unknown = await Run.Cli(Args(database, "ledger", "check", "--call", "GEEN-OPROEP"));
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("GEEN-OPROEP", unknown.Stderr, StringComparison.Ordinal);

        // A payment raised above its grant behind the application's back: the check names the year and beneficiary.
        await using (var db = database.NewDb())
        {
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database,
                "UPDATE \"Payments\" SET \"Amount\" = \"Amount\" + 1, \"Status\" = 'Paid' WHERE \"Id\" = (SELECT MIN(\"Id\") FROM \"Payments\" WHERE \"Year\" = 2023)");
        }

        var broken = await Run.Cli(Args(database, "ledger", "check"));
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("sluit NIET aan", broken.Stderr, StringComparison.Ordinal);
        Assert.Contains("2023 ", broken.Stderr, StringComparison.Ordinal);
        Assert.Contains("meer dan toegekend", broken.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Export360Giving_WritesTheGrantsInForce_Valid_ToStdoutOrAFile(DatabaseProvider provider)
    {
        await using var database = await DecreesAsync(provider);

        var outcome = await Run.CliWith(Run.DefaultTime, name => name == "OpenData__IdPrefix" ? "360G-vlaanderen-wse-" : null, Args(database, "ledger", "export-360giving"));

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        Assert.Equal("", outcome.Stderr);
        Assert.Empty(ThreeSixtyGiving.Validate(new MemoryStream(Encoding.UTF8.GetBytes(outcome.Stdout))));
        var grants = JsonNode.Parse(outcome.Stdout)!["grants"]!.AsArray();
        Assert.Equal(2, grants.Count);
        Assert.All(grants, g => Assert.StartsWith("360G-vlaanderen-wse-MB-2023-0001-", (string?)g!["id"], StringComparison.Ordinal));
        await using (var db = database.NewDb())
        {
            var budget = (await new OpenDataService(db).PublishedAsync()).Single().Decree.Budget;
            Assert.Equal(budget.Euros, grants.Sum(g => g!["amountAwarded"]!.GetValue<decimal>()));
        }

        using var files = new TempFolder();
        var path = Path.Combine(files.Path, "360giving.json");
        var written = await Run.Cli(Args(database, "ledger", "export-360giving", "--output", path));
        Assert.True(written.ExitCode == 0, written.Stderr);
        Assert.Contains("2 subsidies van 1 besluit als 360Giving geschreven naar", written.Stdout, StringComparison.Ordinal);
        await using var file = File.OpenRead(path);
        Assert.Empty(ThreeSixtyGiving.Validate(file));
        Assert.All(JsonNode.Parse(await File.ReadAllTextAsync(path))!["grants"]!.AsArray(), g => Assert.StartsWith("360G-regiekamer-MB-2023-0001-", (string?)g!["id"], StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Export360Giving_WithNothingPublished_Exits1_AndSaysSo(DatabaseProvider provider)
    {
        await using var database = await DecreesAsync(provider, publish: false);

        var nl = await Run.Cli(Args(database, "ledger", "export-360giving"));
        var en = await Run.Cli(Args(database, "ledger", "export-360giving", "--language", "en"));

        Assert.Equal((1, ""), (nl.ExitCode, nl.Stdout));
        Assert.Contains("Er is nog geen gepubliceerd ministerieel besluit van kracht", nl.Stderr, StringComparison.Ordinal);
        Assert.Equal((1, ""), (en.ExitCode, en.Stdout));
        Assert.Contains("No published ministerial decree is in force yet", en.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export360Giving_WithABadPrefixOrNoDatabase_Exits1_NamingIt()
    {
        using var files = new TempFolder();
        var missing = $"Data Source={Path.Combine(files.Path, "missing.db")}";

        var outcome = await Run.CliWith(Run.DefaultTime, name => name == "OpenData__IdPrefix" ? "regiekamer-" : null, "ledger", "export-360giving", "--connection", missing);

        Assert.Equal((1, ""), (outcome.ExitCode, outcome.Stdout));
        Assert.Contains("OpenData:IdPrefix: 'regiekamer-'", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("missing.db: het bestand bestaat niet", outcome.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(files.Path, "missing.db")));
    }

    private static string[] Args(TestDatabase database, params string[] args) =>
        [.. args, "--database", database.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgresql", "--connection", database.ConnectionString];
}
