using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;

namespace Regiekamer.Data.Tests.Audit;

/// <summary>The CSV export: every field survives commas, quotes and line breaks, exactly as stored.</summary>
public sealed class AuditCsvTests
{
    private static readonly string[] Columns = ["id", "at_utc", "at_brussels", "actor", "actor_role", "entity_type", "entity_id", "action", "before", "after", "previous_hash", "hash", "format", "fields", "actor_display", "before_display", "after_display"];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Export_ParsesBackToTheStoredRecords_WithCommasQuotesAndLineBreaks(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, seed: false);
        var awkward = new Actor(Guid.NewGuid(), "Peeters, An \"Annie\"\nDienst Werk", "CaseHandler");
        database.Time.SetUtcNow(new DateTimeOffset(2023, 1, 14, 22, 59, 0, 125, TimeSpan.Zero));
        await Audited.RecordAsync(database, awkward, 1, after: _ => new { Name = "Regie \"Schelde, Durme\"", Note = "regel 1\nregel 2, met komma" });
        database.Time.SetUtcNow(new DateTimeOffset(2023, 7, 1, 6, 30, 0, TimeSpan.Zero));
        await Audited.RecordAsync(database, Audited.CaseHandler, 1, action: "Deleted");
        var stored = await Audited.AllAsync(database);

        string text;
        await using (var db = database.NewDb())
        {
            await using var writer = new StringWriter(CultureInfo.InvariantCulture);
            Assert.Equal(2, await AuditCsv.WriteAsync(writer, AuditReader.StreamAsync(db, AuditFilter.None)));
            text = writer.ToString();
        }

        var (header, rows) = Parse(text);
        Assert.Equal(Columns, header);
        Assert.Equal(stored.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var (r, row) = (stored[i], rows[i]);
            Assert.Equal(r.Id.ToString(CultureInfo.InvariantCulture), row["id"]);
            Assert.Equal((r.ActorName, r.ActorRole, r.EntityType, r.EntityId, r.Action), (row["actor"], row["actor_role"], row["entity_type"], row["entity_id"], row["action"]));
            Assert.Equal((r.Before ?? "", r.After ?? ""), (row["before"], row["after"]));
            Assert.Equal((r.PreviousHash, r.Hash), (row["previous_hash"], row["hash"]));

            // The row holds every hashed field but the user id (not an export column): with it, the row reproduces its hash.
            var rebuilt = new AuditRecord
            {
                PreviousHash = row["previous_hash"],
                AtUtc = DateTime.Parse(row["at_utc"], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                ActorUserId = r.ActorUserId,
                ActorName = row["actor"],
                ActorRole = row["actor_role"],
                EntityType = row["entity_type"],
                EntityId = row["entity_id"],
                Action = row["action"],
                Before = row["before"].Length == 0 ? null : row["before"],
                After = row["after"].Length == 0 ? null : row["after"],
                Format = int.Parse(row["format"], CultureInfo.InvariantCulture),
                Fields = row["fields"].Length == 0 ? null : row["fields"],
            };
            Assert.Equal(row["hash"], AuditTrail.Chain.Hash(rebuilt));
        }

        // Stored, the actor is a reference to a personal value; the display column reads it.
        Assert.StartsWith("pd:", rows[0]["actor"], StringComparison.Ordinal);
        Assert.Equal("Peeters, An \"Annie\"\nDienst Werk", rows[0]["actor_display"]);
        Assert.Equal(",Name,Note,", rows[0]["fields"]);
        Assert.Equal(("2023-01-14T22:59:00.125Z", "2023-01-14T23:59:00.125+01:00"), (rows[0]["at_utc"], rows[0]["at_brussels"]));
        Assert.Equal(("2023-07-01T06:30:00.000Z", "2023-07-01T08:30:00.000+02:00"), (rows[1]["at_utc"], rows[1]["at_brussels"]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Export_KeepsToTheFilter_OldestFirst(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await Audited.RecordAsync(database, Audited.CaseHandler, 3, "Partnership");
        await Audited.RecordAsync(database, Audited.CaseHandler, 2, "Call", "VersionAdded");
        await Audited.RecordAsync(database, Audited.CaseHandler, 2, "Partnership", "Deleted");
        var expected = (await Audited.AllAsync(database)).Where(r => r.EntityType == "Partnership" && r.EntityId == "2").Select(r => r.Id.ToString(CultureInfo.InvariantCulture));

        await using var db = database.NewDb();
        await using var writer = new StringWriter(CultureInfo.InvariantCulture);
        await AuditCsv.WriteAsync(writer, AuditReader.StreamAsync(db, new AuditFilter("Partnership", "2")));

        Assert.Equal(expected, Parse(writer.ToString()).Rows.Select(r => r["id"]));
    }

    [Fact]
    public async Task Export_OfManyRecords_IsWrittenInPieces_AndStaysWhole()
    {
        var records = Enumerable.Range(1, 1500).Select(i => new AuditRecord
        {
            Id = i,
            AtUtc = new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i),
            ActorName = "a,b",
            ActorRole = "CaseHandler",
            EntityType = "Partnership",
            EntityId = i.ToString(CultureInfo.InvariantCulture),
            Action = "Updated",
            Before = "{\"Name\":\"x\"}",
            After = "{\"Name\":\"" + new string('y', 60) + "\"}",
        }).ToList();
        var writes = new CountingWriter();

        var count = await AuditCsv.WriteAsync(writes, records.Select(r => new AuditView(r, r.ActorName, r.Before, r.After)).ToAsyncEnumerable());

        Assert.Equal(1500, count);
        Assert.True(writes.Writes > 1, "the export reaches the output in pieces, not all at the end");
        Assert.Equal(records.Select(r => r.EntityId), Parse(writes.ToString()).Rows.Select(r => r["entity_id"]));
    }

    private static (string[] Header, List<Dictionary<string, string>> Rows) Parse(string text)
    {
        using var csv = new CsvReader(new StringReader(text), new CsvConfiguration(CultureInfo.InvariantCulture));
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(header.ToDictionary(h => h, h => csv.GetField(h)!));
        }

        return (header, rows);
    }

    private sealed class CountingWriter : StringWriter
    {
        public CountingWriter()
            : base(CultureInfo.InvariantCulture)
        {
        }

        public int Writes { get; private set; }

        public override Task WriteAsync(StringBuilder? value, CancellationToken cancellationToken = default)
        {
            Writes++;
            return base.WriteAsync(value, cancellationToken);
        }
    }
}
