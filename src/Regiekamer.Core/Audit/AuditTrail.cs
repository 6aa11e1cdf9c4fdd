using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;

namespace Regiekamer.Core.Audit;

public enum AuditBreakKind
{
    /// <summary>The record's previous hash is not the hash of the record before it: a record was removed or inserted, or the link edited.</summary>
    Unlinked,

    /// <summary>The record's content no longer matches its own hash: it was edited after it was written.</summary>
    Altered,
}

/// <summary>Where the hash chain breaks: the first record whose link or content does not check out.</summary>
public sealed record AuditBreak(long RecordId, AuditBreakKind Kind)
{
    /// <summary>The reason in Dutch and English, naming the record.</summary>
    public Bilingual Message => Kind == AuditBreakKind.Altered
        ? new($"record {RecordId} is gewijzigd nadat het geschreven werd (de inhoud past niet meer bij de hash).", $"record {RecordId} was altered after it was written (its content no longer matches its hash)")
        : new($"record {RecordId} sluit niet aan bij het record ervoor (een record werd verwijderd of ingevoegd, of de koppeling gewijzigd).", $"record {RecordId} does not link to the record before it (a record was removed, inserted or its link edited)");

    /// <summary>The reason in English.</summary>
    public string Reason => Message.En;
}

public sealed record AuditVerification(long RecordsChecked, AuditBreak? FirstBreak)
{
    public bool Intact => FirstBreak is null;
}

/// <summary>
/// Records every change that matters, in the same SaveChanges (so the same transaction) as the change itself.
/// RegiekamerDb fills in the hash chain when it saves (see <see cref="Chain"/>).
/// </summary>
public sealed class AuditTrail(RegiekamerDb db, CurrentActor actor, TimeProvider time)
{
    // Letters of every script as they are (Zoë, not Zo\u00EB), so the export reads well; HTML-sensitive characters stay escaped.
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private static long _recorded;

    /// <summary>Adds one record for one action. <paramref name="before"/> is null for a creation, <paramref name="after"/> for a deletion.</summary>
    public AuditRecord Record(string entityType, string entityId, string action, object? before, object? after)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var record = new AuditRecord
        {
            // Whole milliseconds: both databases keep that exactly, so the hash can be recomputed from what is stored.
            AtUtc = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc),
            ActorUserId = actor.Actor.UserId,
            ActorName = actor.Actor.Name,
            ActorRole = actor.Actor.Role,
            EntityType = entityType,
            EntityId = entityId,
            Action = action,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
            RecordedOrder = Interlocked.Increment(ref _recorded),
        };
        db.AuditRecords.Add(record);
        return record;
    }

    public Task<List<AuditRecord>> HistoryAsync(string entityType, string entityId, CancellationToken ct = default) =>
        HistoryAsync(entityType, [entityId], ct);

    /// <summary>The histories of several entities of one type in one query, newest first.</summary>
    public Task<List<AuditRecord>> HistoryAsync(string entityType, IReadOnlyCollection<string> entityIds, CancellationToken ct = default) =>
        db.AuditRecords.AsNoTracking().Where(a => a.EntityType == entityType && entityIds.Contains(a.EntityId)).OrderByDescending(a => a.Id).ToListAsync(ct);

    /// <summary>Walks the whole chain in order and reports the first record that was altered, removed or inserted.</summary>
    public static async Task<AuditVerification> VerifyAsync(RegiekamerDb db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var previous = "";
        long count = 0;
        await foreach (var record in db.AuditRecords.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            if (record.PreviousHash != previous)
            {
                return new AuditVerification(count, new AuditBreak(record.Id, AuditBreakKind.Unlinked));
            }

            if (Chain.Hash(record) != record.Hash)
            {
                return new AuditVerification(count, new AuditBreak(record.Id, AuditBreakKind.Altered));
            }

            previous = record.Hash;
        }

        return new AuditVerification(count, null);
    }

    /// <summary>The hash chain: SHA-256 over the previous hash and every field of the record.</summary>
    public static class Chain
    {
        /// <summary>One writer at a time in this process; PostgreSQL adds an advisory lock across instances.</summary>
        internal static readonly SemaphoreSlim Lock = new(1, 1);

        internal const long PostgresLockKey = 7_262_700_001;

        public static string Hash(AuditRecord r)
        {
            ArgumentNullException.ThrowIfNull(r);
            var text = string.Join(
                "\n",
                r.PreviousHash,
                r.AtUtc.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
                r.ActorUserId?.ToString("D") ?? "",
                r.ActorName,
                r.ActorRole,
                r.EntityType,
                r.EntityId,
                r.Action,
                r.Before ?? "\0",
                r.After ?? "\0");
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        }
    }
}
