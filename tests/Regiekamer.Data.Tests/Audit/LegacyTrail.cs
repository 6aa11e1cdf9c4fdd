using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Regiekamer.TestCommon;

namespace Regiekamer.Data.Tests.Audit;

/// <summary>The trail in Fixtures/legacy-trail.csv (written by the code before typed events), loaded into a database as it was.</summary>
internal static class LegacyTrail
{
    public static IReadOnlyList<AuditRecord> Read()
    {
        using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "Audit", "Fixtures", "legacy-trail.csv"));
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        var records = new List<AuditRecord>();
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            string Field(string name) => csv.GetField(name) ?? "";
            records.Add(new AuditRecord
            {
                Id = long.Parse(Field("id"), CultureInfo.InvariantCulture),
                AtUtc = DateTime.Parse(Field("at_utc"), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                ActorUserId = Field("actor_user_id") is { Length: > 0 } id ? Guid.Parse(id) : null,
                ActorName = Field("actor"),
                ActorRole = Field("actor_role"),
                EntityType = Field("entity_type"),
                EntityId = Field("entity_id"),
                Action = Field("action"),
                Before = Field("before") is { Length: > 0 } before ? before : null,
                After = Field("after") is { Length: > 0 } after ? after : null,
                Format = AuditTrail.LegacyFormat,
                PreviousHash = Field("previous_hash"),
                Hash = Field("hash"),
            });
        }

        return records;
    }

    /// <summary>
    /// Writes the legacy records, in order, into an empty trail through the app's own save (which links and hashes
    /// each as it comes): with format 1 the hashes it computes must be the ones the fixture holds.
    /// </summary>
    public static async Task<IReadOnlyList<AuditRecord>> LoadAsync(TestDatabase database)
    {
        var legacy = Read();
        await using var db = database.NewDb();
        foreach (var record in legacy)
        {
            db.AuditRecords.Add(new AuditRecord
            {
                AtUtc = record.AtUtc,
                ActorUserId = record.ActorUserId,
                ActorName = record.ActorName,
                ActorRole = record.ActorRole,
                EntityType = record.EntityType,
                EntityId = record.EntityId,
                Action = record.Action,
                Before = record.Before,
                After = record.After,
                Format = AuditTrail.LegacyFormat,
            });
            await db.SaveChangesAsync();
        }

        return legacy;
    }
}
