using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Applications.Plan;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;

namespace Regiekamer.Cli.Tests;

/// <summary>Issue 8: <c>plan import</c> and <c>plan export</c> on a dossier in the database, through the same service as the web.</summary>
public sealed class PlanImportExportTests
{
    private static readonly string SamplePath = Path.Combine(AppContext.BaseDirectory, "TestData", "Plans", "plan-2023-2025.csv");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_ReplacesThePlan_AuditedWithTheOperator_ThenExportGivesItBack(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var dossier = await database.Services.CreateApplicationAsync();

        var imported = await Run.Cli(Args(database, "plan", "import", "--application", Id(dossier), SamplePath));
        Assert.True(imported.ExitCode == 0, imported.Stderr);
        Assert.Contains("11 acties", imported.Stdout, StringComparison.Ordinal);

        await using (var db = database.NewDb())
        {
            Assert.Equal(11, await db.PlannedActions.CountAsync(a => a.ApplicationId == dossier.Id));
            var record = await db.AuditRecords.SingleAsync(a => a.Action == ApplicationAuditActions.PlanImported);
            Assert.StartsWith("pd:", record.ActorName, StringComparison.Ordinal); // the operator, by reference (personal data)
            Assert.Equal("Operator", record.ActorRole);
        }

        var csv = await Run.Cli(Args(database, "plan", "export", "--application", Id(dossier)));
        Assert.True(csv.ExitCode == 0, csv.Stderr);
        var read = PlanFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv.Stdout)), "export.csv", PlanPeriod.OpenCall2023);
        Assert.True(read.IsReadable, read.Error?.Message.En);
        Assert.Equal(11, read.Actions.Count);
        Assert.Equal(new Core.Common.Money(4_900_000), read.Check(PlanPeriod.OpenCall2023).Total(2024));

        var xlsx = Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.xlsx");
        try
        {
            var written = await Run.Cli(Args(database, "plan", "export", "--application", Id(dossier), "--format", "xlsx", "--output", xlsx));
            Assert.True(written.ExitCode == 0, written.Stderr);
            await using var file = File.OpenRead(xlsx);
            Assert.Equal(PlanFileFormat.Xlsx, PlanFile.Read(file, xlsx, PlanPeriod.OpenCall2023).Format);
        }
        finally
        {
            File.Delete(xlsx);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WithViolations_WritesNothing_AndNamesRowAndColumn(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var dossier = await database.Services.CreateApplicationAsync();
        var bad = Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(bad, "Actie omschrijving;Actie lange omschrijving;Actie commentaar;Code;Bedrag 2023;Bedrag 2024;Bedrag 2025\nOude actie;;;LSEVBP01;1.500;;\n");
        try
        {
            var outcome = await Run.Cli(Args(database, "plan", "import", "--application", Id(dossier), bad));
            Assert.Equal(1, outcome.ExitCode);
            Assert.Contains("R12", outcome.Stderr, StringComparison.Ordinal);
            Assert.Contains("rij 2", outcome.Stderr, StringComparison.Ordinal);
            Assert.Equal("", outcome.Stdout);

            var unknown = await Run.Cli(Args(database, "plan", "import", "--application", "999999", SamplePath));
            Assert.Equal(1, unknown.ExitCode);
            Assert.Contains("999999", unknown.Stderr, StringComparison.Ordinal);

            await File.WriteAllBytesAsync(bad, [0x50, 0x4B, 0x03, 0x04, 0xFF]);
            var unreadable = await Run.Cli(Args(database, "plan", "import", "--application", Id(dossier), bad));
            Assert.Equal(2, unreadable.ExitCode);
        }
        finally
        {
            File.Delete(bad);
        }

        await using var db = database.NewDb();
        Assert.Equal(0, await db.PlannedActions.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_IntoASubmittedDossier_IsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var dossier = await database.Services.CreateApplicationAsync(a => a.Submitted());

        var outcome = await Run.Cli(Args(database, "plan", "import", "--application", Id(dossier), SamplePath));

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("ingediend", outcome.Stderr, StringComparison.Ordinal);
        await using var db = database.NewDb();
        Assert.Equal(4, await db.PlannedActions.CountAsync(a => a.ApplicationId == dossier.Id));
    }

    private static string Id(Application dossier) => dossier.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string[] Args(TestDatabase database, params string[] args) =>
        [.. args, "--database", database.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgresql", "--connection", database.ConnectionString];
}
