using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Audit;

/// <summary>
/// One change that matters, as the audit trail records it: which entity (<see cref="EntityType"/>,
/// <see cref="EntityId"/>), which <see cref="Action"/>, the values before and after (snapshots whose personal fields are
/// <see cref="Personal"/>), and the fields that changed. Each feature declares its events next to its code
/// (Partnerships/PartnershipEvents.cs, …) with the labels people read.
/// </summary>
public abstract record AuditEvent
{
    /// <summary>The entity type as stored, e.g. "Partnership" (<see cref="AuditedAttribute.EntityType"/> of its snapshot).</summary>
    public abstract string EntityType { get; }

    public abstract string EntityId { get; }

    /// <summary>The action as stored, e.g. "Updated"; its label comes from <see cref="AuditCatalog"/>.</summary>
    public abstract string Action { get; }

    /// <summary>The values before the change; null for a creation.</summary>
    public abstract object? Before { get; }

    /// <summary>The values after the change; null for a deletion.</summary>
    public abstract object? After { get; }

    /// <summary>The top-level fields whose value differs before and after (every field set, for a creation or deletion).</summary>
    public IReadOnlyList<string> ChangedFields => AuditSnapshots.Changed(Before, After);

    /// <summary>An entity id as stored: integers in invariant digits, Guids in the "D" form.</summary>
    public static string KeyOf(int id) => id.ToString(CultureInfo.InvariantCulture);

    public static string KeyOf(Guid id) => id.ToString("D");
}

/// <summary>A snapshot type: what the trail keeps of one kind of entity. Marked <see cref="AuditedAttribute"/>, its properties labelled.</summary>
public interface IAuditSnapshot
{
    /// <summary>How people read a stored value of a field (a code as its label), or null to show it as stored.</summary>
    static virtual Bilingual? ValueLabel(string field, string value) => null;
}

/// <summary>An entity made, with the values it was made with.</summary>
public abstract record Created<TSnapshot>(string Key, TSnapshot Values) : AuditEvent
    where TSnapshot : IAuditSnapshot
{
    public override string EntityType => AuditSnapshots.EntityTypeOf(typeof(TSnapshot));

    public override string EntityId => Key;

    public override string Action => AuditActions.Created;

    public override object? Before => null;

    public override object? After => Values;
}

/// <summary>An entity changed by <see cref="Action"/>: its values before and after.</summary>
public abstract record Changed<TSnapshot>(string Key, string ChangeAction, TSnapshot Old, TSnapshot New) : AuditEvent
    where TSnapshot : IAuditSnapshot
{
    public override string EntityType => AuditSnapshots.EntityTypeOf(typeof(TSnapshot));

    public override string EntityId => Key;

    public override string Action => ChangeAction;

    public override object? Before => Old;

    public override object? After => New;
}

/// <summary>
/// A part of an entity added (<paramref name="Old"/> null), changed, or removed (<paramref name="New"/> null) by
/// <see cref="Action"/>: an action of a dossier's plan, an attachment, a decision; recorded on the entity it belongs to.
/// </summary>
public abstract record PartChanged<TSnapshot>(string Key, string PartAction, TSnapshot? Old, TSnapshot? New) : AuditEvent
    where TSnapshot : class, IAuditSnapshot
{
    public override string EntityType => AuditSnapshots.EntityTypeOf(typeof(TSnapshot));

    public override string EntityId => Key;

    public override string Action => PartAction;

    public override object? Before => Old;

    public override object? After => New;
}

/// <summary>An entity removed, with the values it had.</summary>
public abstract record Deleted<TSnapshot>(string Key, TSnapshot Values) : AuditEvent
    where TSnapshot : IAuditSnapshot
{
    public override string EntityType => AuditSnapshots.EntityTypeOf(typeof(TSnapshot));

    public override string EntityId => Key;

    public override string Action => AuditActions.Deleted;

    public override object? Before => Values;

    public override object? After => null;
}

/// <summary>The actions every feature shares; a feature may add its own (see <see cref="AuditCatalog"/>).</summary>
public static class AuditActions
{
    public const string Created = "Created";
    public const string Updated = "Updated";
    public const string Deleted = "Deleted";
}

/// <summary>On a snapshot type: the entity type it is stored as, and how people call it.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AuditedAttribute(string entityType, string nl, string en) : Attribute
{
    public string EntityType { get; } = entityType;

    public Bilingual Label { get; } = new(nl, en);
}

/// <summary>How people read a field of a snapshot, or an action (on the constant that names it).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class LabelAttribute(string nl, string en) : Attribute
{
    public Bilingual Label { get; } = new(nl, en);
}

internal static class AuditSnapshots
{
    public static string EntityTypeOf(Type snapshot) =>
        snapshot.GetCustomAttribute<AuditedAttribute>()?.EntityType ?? throw new InvalidOperationException($"{snapshot.Name} has no [Audited]: say what entity type it records.");

    /// <summary>The fields that differ, by their JSON values (a list equal item by item is the same).</summary>
    public static IReadOnlyList<string> Changed(object? before, object? after)
    {
        var old = Fields(before);
        var @new = Fields(after);
        return @new.Keys.Concat(old.Keys.Where(k => !@new.ContainsKey(k)))
            .Where(k => !Same(old.TryGetValue(k, out var b) ? b : null, @new.TryGetValue(k, out var a) ? a : null))
            .ToList();
    }

    private static Dictionary<string, JsonElement> Fields(object? snapshot)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (snapshot is null)
        {
            return fields;
        }

        foreach (var property in JsonSerializer.SerializeToElement(snapshot, snapshot.GetType(), AuditJson.Plain).EnumerateObject())
        {
            fields[property.Name] = property.Value;
        }

        return fields;
    }

    private static bool Same(JsonElement? a, JsonElement? b)
    {
        var aNull = a is null || a.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;
        var bNull = b is null || b.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;
        return aNull || bNull ? aNull == bNull : JsonElement.DeepEquals(a!.Value, b!.Value);
    }
}
