using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Data;
using Regiekamer.Core.ReferenceData;
using Regiekamer.TestCommon;

namespace Regiekamer.Cli.Tests;

/// <summary><c>audit verify</c> and <c>audit export</c> on a SQLite database the tests tamper with directly.</summary>
public sealed class AuditTests : IDisposable
{
    private static readonly Actor CaseHandler = new(Guid.Parse("6f1c2d9e-3b7a-4c55-9a0e-1d2f3a4b5c6d"), "an.peeters@vlaanderen.be", "CaseHandler");

    private readonly TempFolder _files = new();

    public void Dispose() => _files.Dispose();

    // No pooling: the tests edit the file between CLI runs, and the folder is deleted afterwards.
    private string Connection => $"Data Source={Path.Combine(_files.Path, "regiekamer.db")};Pooling=False";

    private RegiekamerDb Open() => new(new DatabaseOptions(DatabaseProvider.Sqlite, Connection).Build());

    [Fact]
    public async Task Verify_IntactTrail_Exits0_AndCountsEveryRecord()
    {
        await MigrateAsync();
        var seeded = (await RecordsAsync()).Count;
        await RecordAsync(4, new DateTimeOffset(2023, 1, 14, 22, 59, 0, TimeSpan.Zero));

        var nl = await Run.Cli("audit", "verify", "--connection", Connection);
        var en = await Run.Cli("audit", "verify", "--connection", Connection, "--language", "en");

        Assert.Equal((0, $"Auditspoor intact: {seeded + 4} records gecontroleerd.\n", ""), (nl.ExitCode, nl.Stdout, nl.Stderr));
        Assert.Equal((0, $"Audit trail intact: {seeded + 4} records checked.\n"), (en.ExitCode, en.Stdout));
    }

    [Fact]
    public async Task Verify_RowEditedInTheDatabase_Exits1_AndNamesThatRecord()
    {
        await MigrateAsync();
        await RecordAsync(5, new DateTimeOffset(2023, 1, 14, 22, 59, 0, TimeSpan.Zero));
        var target = (await RecordsAsync())[2].Id;
        await using (var db = Open())
        {
            Assert.Equal(1, await db.Database.ExecuteSqlAsync($"""UPDATE "AuditRecords" SET "After" = {"{\"Name\":\"Regie vervalst\"}"} WHERE "Id" = {target}"""));
        }

        var outcome = await Run.Cli("audit", "verify", "--connection", Connection);

        Assert.Equal((1, ""), (outcome.ExitCode, outcome.Stdout));
        Assert.Contains($"Auditspoor gebroken bij record {target}:", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("gewijzigd", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_RowEditedInPostgreSql_Exits1_AndNamesThatRecord()
    {
        await using var database = await Regiekamer.TestCommon.TestDatabase.CreateAsync(DatabaseProvider.PostgreSql, seed: false);
        long target;
        await using (var db = new RegiekamerDb(database.Options.Build()))
        {
            var trail = new AuditTrail(db, new CurrentActor { Actor = CaseHandler }, new FixedTime(new DateTimeOffset(2023, 1, 14, 22, 59, 0, TimeSpan.Zero)));
            for (var i = 1; i <= 3; i++)
            {
                trail.Record(new TestAuditEvent("Partnership", i.ToString(CultureInfo.InvariantCulture), "Updated", new { Name = "Regie " + i }, new { Name = "Regie " + i + "b" }));
            }

            await db.SaveChangesAsync();
            target = (await db.AuditRecords.AsNoTracking().OrderBy(a => a.Id).ToListAsync())[1].Id;
        }

        var intact = await Run.Cli("audit", "verify", "--database", "postgresql", "--connection", database.ConnectionString);
        Assert.Equal((0, "Auditspoor intact: 3 records gecontroleerd.\n"), (intact.ExitCode, intact.Stdout));

        await using (var db = new RegiekamerDb(database.Options.Build()))
        {
            Assert.Equal(1, await db.Database.ExecuteSqlAsync($"""UPDATE "AuditRecords" SET "ActorName" = 'iemand.anders@vlaanderen.be' WHERE "Id" = {target}"""));
        }

        var outcome = await Run.Cli("audit", "verify", "--database", "postgresql", "--connection", database.ConnectionString);

        Assert.Equal((1, ""), (outcome.ExitCode, outcome.Stdout));
        Assert.Contains($"Auditspoor gebroken bij record {target}:", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_DeletedMiddleRow_Exits1_AndNamesTheRecordAfterIt()
    {
        await MigrateAsync();
        await RecordAsync(5, new DateTimeOffset(2023, 1, 14, 22, 59, 0, TimeSpan.Zero));
        var records = await RecordsAsync();
        await using (var db = Open())
        {
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "AuditRecords" WHERE "Id" = {records[1].Id}""");
        }

        var outcome = await Run.Cli("audit", "verify", "--connection", Connection, "--language", "en");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains($"Audit trail broken at record {records[2].Id}:", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("does not link", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_DatabaseFileThatDoesNotExist_Exits1_AndCreatesNoFile()
    {
        var outcome = await Run.Cli("audit", "verify", "--connection", Connection);

        Assert.Equal((1, ""), (outcome.ExitCode, outcome.Stdout));
        Assert.Contains("bestaat niet", outcome.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_files.Path, "regiekamer.db")));
    }

    [Fact]
    public async Task Import_ThroughTheCli_IsRecordedAsTheOperatingSystemAccount()
    {
        await MigrateAsync();
        var file = _files.Lines("vdab.csv", ["nis_code,job_seekers", .. ReferenceSnapshot.FromShipped().Municipalities.Select(m => $"{m.NisCode},300")]);
        var import = await Run.Cli("import", "job-seekers", file, "--reference-date", "2024-06-30", "--source", "VDAB Arvastat", "--connection", Connection);
        Assert.True(import.ExitCode == 0, import.Stderr);

        var export = await Run.Cli("audit", "export", "--entity", "ReferenceDataset", "--connection", Connection);

        Assert.True(export.ExitCode == 0, export.Stderr);
        var rows = Run.Csv(export.Stdout, out _);
        // Stored, the operator is a reference to a personal value (their OS account); the display column reads it.
        Assert.All(rows, r => Assert.Equal(("cli:" + Environment.UserName, "Operator", "Imported"), (r["actor_display"], r["actor_role"], r["action"])));
        Assert.All(rows, r => Assert.StartsWith("pd:", r["actor"], StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Equal(("2025-06-01T12:00:00.000Z", "2025-06-01T14:00:00.000+02:00"), (r["at_utc"], r["at_brussels"])));

        // `db migrate` recorded each shipped dataset it loaded, the import its one new dataset.
        var shipped = rows.Where(r => r["after"].Contains($"\"File\":\"{DatabaseSeeder.ShippedFile}\"", StringComparison.Ordinal)).ToList();
        var imported = Assert.Single(rows.Except(shipped));
        Assert.Contains("\"Source\":\"VDAB Arvastat\"", imported["after"], StringComparison.Ordinal);
        Assert.Contains("vdab.csv\"", imported["after"], StringComparison.Ordinal);
        await using var db = Open();
        Assert.Equal(await db.Datasets.CountAsync() - 1, shipped.Count);
    }

    [Fact]
    public async Task Export_ToStdout_KeepsToTheFilters_OldestFirst()
    {
        await MigrateAsync();
        var seeded = (await RecordsAsync()).Count;
        // 14 Jan 2023 23:59 and 15 Jan 00:30 in Brussels (UTC+1), then 2 Feb.
        await RecordAsync(2, new DateTimeOffset(2023, 1, 14, 22, 59, 0, TimeSpan.Zero), "Partnership");
        await RecordAsync(2, new DateTimeOffset(2023, 1, 14, 23, 30, 0, TimeSpan.Zero), "Partnership");
        await RecordAsync(1, new DateTimeOffset(2023, 1, 14, 23, 30, 0, TimeSpan.Zero), "Call");
        await RecordAsync(1, new DateTimeOffset(2023, 2, 2, 9, 0, 0, TimeSpan.Zero), "Partnership");
        var stored = await RecordsAsync();
        var own = stored.Skip(seeded).ToList();

        var all = await Run.Cli("audit", "export", "--connection", Connection);
        var filtered = await Run.Cli("audit", "export", "--entity", "Partnership", "--from", "2023-01-15", "--to", "2023-01-31", "--connection", Connection);
        var one = await Run.Cli("audit", "export", "--entity", "Partnership", "--entity-id", "2", "--actor", "PEETERS", "--connection", Connection);

        Assert.True(all.ExitCode == 0, all.Stderr);
        Assert.Equal(stored.Select(r => Id(r)), Run.Csv(all.Stdout, out var header).Select(r => r["id"]));
        Assert.Equal(["id", "at_utc", "at_brussels", "actor", "actor_role", "entity_type", "entity_id", "action", "before", "after", "previous_hash", "hash", "format", "fields", "actor_display", "before_display", "after_display"], header);
        Assert.Equal(own.Skip(2).Take(2).Select(Id), Run.Csv(filtered.Stdout, out _).Select(r => r["id"]));
        Assert.Equal(stored.Where(r => r.EntityType == "Partnership" && r.EntityId == "2").Select(Id), Run.Csv(one.Stdout, out _).Select(r => r["id"]));
    }

    [Fact]
    public async Task Export_ToAFile_IsUtf8WithBom_AndHoldsTheSameCsv()
    {
        await MigrateAsync();
        await RecordAsync(3, new DateTimeOffset(2023, 1, 14, 22, 59, 0, TimeSpan.Zero), after: "Zoë \"Ö\", regel 1\nregel 2");
        var path = Path.Combine(_files.Path, "auditspoor.csv");

        var toFile = await Run.Cli("audit", "export", "--entity", "Partnership", "--out", path, "--connection", Connection);
        var toStdout = await Run.Cli("audit", "export", "--entity", "Partnership", "--connection", Connection);

        Assert.True(toFile.ExitCode == 0, toFile.Stderr);
        Assert.Contains("3 auditrecords geëxporteerd naar " + path, toFile.Stdout, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = new UTF8Encoding(false).GetString(bytes[3..]);
        Assert.Equal(toStdout.Stdout, text);
        Assert.All(Run.Csv(text, out _), r => Assert.Contains("Zoë \\u0022Ö\\u0022", r["after"], StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(_files.Path, "*.partial"));
    }

    [Fact]
    public async Task Export_BadDatesOrFolder_Exit1_NamingOptionAndValue()
    {
        await MigrateAsync();

        var outcome = await Run.Cli("audit", "export", "--from", "15/01/2023", "--to", "2023-13-01", "--out", Path.Combine(_files.Path, "nergens", "a.csv"), "--connection", Connection);
        var reversed = await Run.Cli("audit", "export", "--from", "2023-02-01", "--to", "2023-01-01", "--connection", Connection);

        Assert.Equal((1, ""), (outcome.ExitCode, outcome.Stdout));
        Assert.Contains("--from: '15/01/2023'", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("--to: '2023-13-01'", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("nergens", outcome.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, reversed.ExitCode);
        Assert.Contains("--to", reversed.Stderr, StringComparison.Ordinal);
    }

    private static string Id(AuditRecord r) => r.Id.ToString(CultureInfo.InvariantCulture);

    private async Task MigrateAsync()
    {
        var migrate = await Run.Cli("db", "migrate", "--connection", Connection);
        Assert.True(migrate.ExitCode == 0, migrate.Stderr);
    }

    /// <summary>Records written the way the app writes them: through AuditTrail, linked by RegiekamerDb when saved.</summary>
    private async Task RecordAsync(int count, DateTimeOffset at, string entityType = "Partnership", string? after = null)
    {
        await using var db = Open();
        var trail = new AuditTrail(db, new CurrentActor { Actor = CaseHandler }, new FixedTime(at));
        for (var i = 1; i <= count; i++)
        {
            trail.Record(new TestAuditEvent(entityType, i.ToString(CultureInfo.InvariantCulture), "Updated", new { Name = "Regie " + i }, new { Name = after ?? "Regie " + i + "b" }));
        }

        await db.SaveChangesAsync();
    }

    private async Task<List<AuditRecord>> RecordsAsync()
    {
        await using var db = Open();
        return await db.AuditRecords.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
    }
}
