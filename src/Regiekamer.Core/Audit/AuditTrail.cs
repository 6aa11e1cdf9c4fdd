using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
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
/// Records every change that matters as a typed <see cref="AuditEvent"/>, in the same SaveChanges (so the same
/// transaction) as the change itself. Personal values go to <see cref="PersonalDatum"/> rows and the record refers to
/// them, so that erasing a person (<see cref="PersonalDataService"/>) never touches hashed content. RegiekamerDb fills
/// in the hash chain when it saves (see <see cref="Chain"/>).
/// </summary>
public sealed class AuditTrail(RegiekamerDb db, CurrentActor actor, TimeProvider time)
{
    /// <summary>Records written before typed events: values inline, hashed by <see cref="Chain.HashV1"/>.</summary>
    public const int LegacyFormat = 1;

    /// <summary>Typed events: personal values as references, hashed by <see cref="Chain.HashV2"/>.</summary>
    public const int CurrentFormat = 2;

    private static long _recorded;

    private readonly Dictionary<AuditRecord, IReadOnlyCollection<PersonalDatum>> _personal = [];

    /// <summary>Adds one record for one change; it is saved with the next SaveChanges.</summary>
    public AuditRecord Record(AuditEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var now = time.GetUtcNow().UtcDateTime;

        // Whole milliseconds: both databases keep that exactly, so the hash can be recomputed from what is stored.
        var at = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        var references = new PersonalReferences(at);
        var who = actor.Actor;
        var record = new AuditRecord
        {
            AtUtc = at,
            ActorUserId = who.UserId,
            ActorName = ActorName(who, references),
            ActorRole = who.Role,
            EntityType = change.EntityType,
            EntityId = change.EntityId,
            Action = change.Action,
            Before = references.Serialize(change.Before),
            After = references.Serialize(change.After),
            Format = CurrentFormat,
            Fields = FieldList(change.ChangedFields),
            RecordedOrder = Interlocked.Increment(ref _recorded),
        };
        db.PersonalData.AddRange(references.Data);
        db.AuditRecords.Add(record);
        _personal[record] = references.Data;
        return record;
    }

    /// <summary>Takes back a record not yet saved (the change it describes was refused), with its personal values.</summary>
    public void Withdraw(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        db.Entry(record).State = EntityState.Detached;
        if (_personal.Remove(record, out var data))
        {
            foreach (var datum in data)
            {
                db.Entry(datum).State = EntityState.Detached;
            }
        }
    }

    /// <summary>",Name,Members,": the changed fields as the Fields column keeps them, so a LIKE on ",Name," finds them.</summary>
    public static string FieldList(IEnumerable<string> fields) => "," + string.Join(",", fields) + ",";

    /// <summary>The system by its name; a person (a user, or the operator's OS account) by a reference.</summary>
    private static string ActorName(Actor who, PersonalReferences references)
    {
        if (who.UserId is { } id)
        {
            return Personal.ReferencePrefix + references.Reference(who.Name, Personal.UserSubject(id)).ToString("D");
        }

        return who.Name.StartsWith(Actor.CliPrefix, StringComparison.Ordinal)
            ? Personal.ReferencePrefix + references.Reference(who.Name, Personal.OperatorSubject(who.Name[Actor.CliPrefix.Length..])).ToString("D")
            : who.Name;
    }

    public Task<IReadOnlyList<AuditView>> HistoryAsync(string entityType, string entityId, CancellationToken ct = default) =>
        HistoryAsync(entityType, [entityId], ct);

    /// <summary>The histories of several entities of one type in one query, newest first, as people read them.</summary>
    public async Task<IReadOnlyList<AuditView>> HistoryAsync(string entityType, IReadOnlyCollection<string> entityIds, CancellationToken ct = default) =>
        await AuditReader.ResolveAsync(db, await db.AuditRecords.AsNoTracking().Where(a => a.EntityType == entityType && entityIds.Contains(a.EntityId)).OrderByDescending(a => a.Id).ToListAsync(ct), ct);

    /// <summary>
    /// Walks the whole chain in order and reports the first record that was altered, removed or inserted. A format 1
    /// record from which an erasure took personal values out is checked against the digest the erasure committed to
    /// in the chain (<see cref="PersonErased"/>), its stored hash still linking it to the next.
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(RegiekamerDb db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var redacted = await RedactionsAsync(db, ct);
        var previous = "";
        long count = 0;
        await foreach (var record in db.AuditRecords.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            if (record.PreviousHash != previous)
            {
                return new AuditVerification(count, new AuditBreak(record.Id, AuditBreakKind.Unlinked));
            }

            var expected = record.Format == LegacyFormat && redacted.TryGetValue(record.Id, out var digest) ? digest : record.Hash;
            if (Chain.Hash(record) != expected)
            {
                return new AuditVerification(count, new AuditBreak(record.Id, AuditBreakKind.Altered));
            }

            previous = record.Hash;
        }

        return new AuditVerification(count, null);
    }

    /// <summary>The digest each redacted record must have, from the erasure records (the latest erasure of a record wins).</summary>
    private static async Task<Dictionary<long, string>> RedactionsAsync(RegiekamerDb db, CancellationToken ct)
    {
        var digests = new Dictionary<long, string>();
        var erasures = await db.AuditRecords.AsNoTracking()
            .Where(a => a.EntityType == PersonErasure.EntityType && a.Action == PersonErased.ActionName)
            .OrderBy(a => a.Id).Select(a => a.After).ToListAsync(ct);
        foreach (var after in erasures)
        {
            try
            {
                var erasure = after is null ? null : JsonSerializer.Deserialize<PersonErasure>(after, AuditJson.Plain);
                foreach (var r in erasure?.Redacted ?? [])
                {
                    digests[r.Record] = r.Digest;
                }
            }
            catch (JsonException)
            {
                // An erasure record edited in the database: its own hash check reports it.
            }
        }

        return digests;
    }

    /// <summary>The hash chain: SHA-256 over the previous hash and every field of the record, by its format.</summary>
    public static class Chain
    {
        /// <summary>One writer at a time in this process; PostgreSQL adds an advisory lock across instances.</summary>
        internal static readonly SemaphoreSlim Lock = new(1, 1);

        internal const long PostgresLockKey = 7_262_700_001;

        public static string Hash(AuditRecord r)
        {
            ArgumentNullException.ThrowIfNull(r);
            return r.Format == LegacyFormat ? HashV1(r) : HashV2(r);
        }

        /// <summary>Format 1, exactly as written before typed events, so existing trails still verify.</summary>
        public static string HashV1(AuditRecord r)
        {
            ArgumentNullException.ThrowIfNull(r);
            return Sha256(string.Join(
                "\n",
                r.PreviousHash,
                At(r),
                r.ActorUserId?.ToString("D") ?? "",
                r.ActorName,
                r.ActorRole,
                r.EntityType,
                r.EntityId,
                r.Action,
                r.Before ?? "\0",
                r.After ?? "\0"));
        }

        /// <summary>Format 2: also the format and the changed fields, so neither can be edited unseen.</summary>
        public static string HashV2(AuditRecord r)
        {
            ArgumentNullException.ThrowIfNull(r);
            return Sha256(string.Join(
                "\n",
                "v" + r.Format.ToString(CultureInfo.InvariantCulture),
                r.PreviousHash,
                At(r),
                r.ActorUserId?.ToString("D") ?? "",
                r.ActorName,
                r.ActorRole,
                r.EntityType,
                r.EntityId,
                r.Action,
                r.Before ?? "\0",
                r.After ?? "\0",
                r.Fields ?? "\0"));
        }

        private static string At(AuditRecord r) => r.AtUtc.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

        private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
