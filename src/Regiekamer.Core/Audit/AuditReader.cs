using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;

namespace Regiekamer.Core.Audit;

/// <summary>
/// A record as people read it: the actor and the before/after values with the personal references resolved (or
/// <see cref="AuditReader.ErasedPerson"/> where the person was erased). <see cref="Record"/> stays as stored and hashed.
/// </summary>
public sealed record AuditView(AuditRecord Record, string ActorName, string? Before, string? After)
{
    /// <summary>The fields that differ, read from the resolved values.</summary>
    public IReadOnlyList<AuditChange> Changes => AuditDiff.Changes(Before, After);

    /// <summary>True when the actor was a person who has been erased.</summary>
    public bool ActorErased => ActorName == AuditReader.ErasedPerson.Nl;
}

/// <summary>Resolves the personal references of audit records for display, exports and the API, a page of records at a time.</summary>
public static class AuditReader
{
    /// <summary>What an erased person's values read as. Stored resolution uses the Dutch text; pages translate it.</summary>
    public static Bilingual ErasedPerson { get; } = new("gewiste persoon", "erased person");

    public static async Task<IReadOnlyList<AuditView>> ResolveAsync(RegiekamerDb db, IReadOnlyList<AuditRecord> records, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(records);
        var ids = new HashSet<Guid>();
        var parsed = records.Select(r => (Record: r, Before: Parse(r.Before, ids), After: Parse(r.After, ids), Actor: ActorReference(r.ActorName, ids))).ToList();
        var values = new Dictionary<Guid, string?>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var datum in await db.PersonalData.AsNoTracking().Where(d => chunk.Contains(d.Id)).Select(d => new { d.Id, d.Value }).ToListAsync(ct))
            {
                values[datum.Id] = datum.Value;
            }
        }

        string Value(Guid id) => values.GetValueOrDefault(id) ?? ErasedPerson.Nl;
        return parsed.Select(p => new AuditView(
            p.Record,
            p.Actor is { } actor ? Value(actor) : p.Record.ActorName,
            Resolve(p.Record.Before, p.Before, Value),
            Resolve(p.Record.After, p.After, Value))).ToList();
    }

    /// <summary>
    /// Every matching record resolved, oldest first, a batch at a time (each batch its own query, keyed on the id, so
    /// the export never holds the whole trail nor keeps a reader open while it resolves).
    /// </summary>
    public static async IAsyncEnumerable<AuditView> StreamAsync(RegiekamerDb db, AuditFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var references = await AuditQuery.ActorReferencesAsync(db, filter, ct);
        long after = 0;
        while (true)
        {
            var batch = await AuditQuery.Matching(db.AuditRecords.AsNoTracking(), filter, references)
                .Where(a => a.Id > after).OrderBy(a => a.Id).Take(500).ToListAsync(ct);
            if (batch.Count == 0)
            {
                yield break;
            }

            foreach (var view in await ResolveAsync(db, batch, ct))
            {
                yield return view;
            }

            after = batch[^1].Id;
        }
    }

    private static Guid? ActorReference(string actorName, HashSet<Guid> ids)
    {
        if (actorName.StartsWith(Personal.ReferencePrefix, StringComparison.Ordinal) && Guid.TryParse(actorName.AsSpan(Personal.ReferencePrefix.Length), out var id))
        {
            ids.Add(id);
            return id;
        }

        return null;
    }

    private static JsonNode? Parse(string? json, HashSet<Guid> ids)
    {
        if (json is null || !json.Contains(Personal.ReferenceProperty, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var node = JsonNode.Parse(json);
            Collect(node, ids);
            return node;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Collect(JsonNode? node, HashSet<Guid> ids)
    {
        switch (node)
        {
            case JsonObject o when Reference(o) is { } id:
                ids.Add(id);
                break;
            case JsonObject o:
                foreach (var (_, child) in o)
                {
                    Collect(child, ids);
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Collect(child, ids);
                }

                break;
        }
    }

    private static Guid? Reference(JsonObject o) =>
        o.Count == 1 && o[Personal.ReferenceProperty] is JsonValue v && v.TryGetValue<string>(out var text) && Guid.TryParse(text, out var id) ? id : null;

    private static string? Resolve(string? stored, JsonNode? parsed, Func<Guid, string> value)
    {
        if (parsed is null)
        {
            return stored;
        }

        var resolved = Replace(parsed, value);
        return resolved?.ToJsonString(AuditJson.Plain);
    }

    private static JsonNode? Replace(JsonNode? node, Func<Guid, string> value)
    {
        switch (node)
        {
            case JsonObject o when Reference(o) is { } id:
                return JsonValue.Create(value(id));
            case JsonObject o:
                var copy = new JsonObject();
                foreach (var (name, child) in o)
                {
                    copy[name] = Replace(child, value);
                }

                return copy;
            case JsonArray a:
                return new JsonArray(a.Select(child => Replace(child, value)).ToArray());
            default:
                return node?.DeepClone();
        }
    }
}
