using System.Globalization;
using System.Text.Json;

namespace Regiekamer.Core.Audit;

/// <summary>One top-level field of an audited entity whose value differs before and after; null where it had no value.</summary>
public sealed record AuditChange(string Field, string? Before, string? After);

/// <summary>
/// What a person reads of a record: the top-level fields of the before and after JSON that differ, each value as
/// text (a list joined with ", ", a nested object as "Name: value"). A creation lists every field it set, a deletion
/// every field it removed.
/// </summary>
public static class AuditDiff
{
    /// <summary>The name used when a value is not a JSON object (or not JSON at all, as after an edit in the database).</summary>
    public const string WholeValue = "";

    public static IReadOnlyList<AuditChange> Changes(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Changes(record.Before, record.After);
    }

    public static IReadOnlyList<AuditChange> Changes(string? before, string? after)
    {
        var old = Fields(before);
        var @new = Fields(after);
        var names = @new.Keys.Concat(old.Keys.Where(k => !@new.ContainsKey(k)));
        var changes = new List<AuditChange>();
        foreach (var name in names)
        {
            var b = old.GetValueOrDefault(name);
            var a = @new.GetValueOrDefault(name);
            if (!Same(b, a))
            {
                changes.Add(new AuditChange(name, Display(b), Display(a)));
            }
        }

        return changes;
    }

    /// <summary>A JSON value as text: strings as they are, lists joined with ", ", objects as "Name: value, …"; null for null.</summary>
    public static string? Display(JsonElement? value) => value switch
    {
        null => null,
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Array } v => string.Join(v.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.Object) ? "; " : ", ", v.EnumerateArray().Select(e => Display(e) ?? "–")),
        { ValueKind: JsonValueKind.Object } v => string.Join(", ", v.EnumerateObject().Select(p => $"{p.Name}: {Display(p.Value) ?? "–"}")),
        { ValueKind: JsonValueKind.True } => "true",
        { ValueKind: JsonValueKind.False } => "false",
        { } v => v.GetRawText(),
    };

    private static bool Same(JsonElement? a, JsonElement? b)
    {
        var aNull = a is null || a.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;
        var bNull = b is null || b.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;
        return aNull || bNull ? aNull == bNull : JsonElement.DeepEquals(a!.Value, b!.Value);
    }

    private static Dictionary<string, JsonElement> Fields(string? json)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (json is null)
        {
            return fields;
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // Not JSON: show the text itself rather than hide it.
            using var text = JsonDocument.Parse(JsonSerializer.Serialize(json));
            fields[WholeValue] = text.RootElement.Clone();
            return fields;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            fields[WholeValue] = root;
            return fields;
        }

        foreach (var property in root.EnumerateObject())
        {
            fields[property.Name] = property.Value;
        }

        return fields;
    }
}
