using System.Reflection;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Audit;

/// <summary>
/// How the audit trail's codes read for people, gathered from where each feature declares them: entity types and field
/// labels from the snapshot types (<see cref="AuditedAttribute"/>, <see cref="LabelAttribute"/> on their properties),
/// action labels from the constants that name actions (<see cref="LabelAttribute"/> on them), value labels from
/// <see cref="IAuditSnapshot.ValueLabel"/>. A new feature's events need no edit here.
/// </summary>
public static class AuditCatalog
{
    private static readonly Lazy<Catalog> Instance = new(Build);

    public static Bilingual Entity(string type) => Instance.Value.Entities.GetValueOrDefault(type) ?? new(type, type);

    public static Bilingual Action(string action) => Instance.Value.Actions.GetValueOrDefault(action) ?? new(action, action);

    /// <summary>A field's label for an entity type; a field without one keeps its name; the whole value (not JSON) reads "Waarde".</summary>
    public static Bilingual Field(string entityType, string field) =>
        field.Length == 0 ? new("Waarde", "Value")
        : Instance.Value.Fields.GetValueOrDefault((entityType, field)) ?? new(field, field);

    /// <summary>A stored value as people read it (a partnership's kind by its label), or null to show it as stored.</summary>
    public static Bilingual? Value(string entityType, string field, string value) =>
        Instance.Value.Values.TryGetValue(entityType, out var labels) ? labels.Select(l => l(field, value)).FirstOrDefault(v => v is not null) : null;

    /// <summary>Every labelled field, by entity type and field name (distinct field names, first label), for the filter's choices.</summary>
    public static IReadOnlyList<(string EntityType, string Field, Bilingual Label)> Fields =>
        Instance.Value.Fields.Select(f => (f.Key.Item1, f.Key.Item2, f.Value)).DistinctBy(f => f.Item2).OrderBy(f => f.Item1, StringComparer.Ordinal).ThenBy(f => f.Item2, StringComparer.Ordinal).ToList();

    /// <summary>Every entity type with a snapshot, for tests and the filter's choices.</summary>
    public static IReadOnlyCollection<string> EntityTypes => Instance.Value.Entities.Keys;

    private sealed record Catalog(
        Dictionary<string, Bilingual> Entities,
        Dictionary<string, Bilingual> Actions,
        Dictionary<(string, string), Bilingual> Fields,
        Dictionary<string, List<Func<string, string, Bilingual?>>> Values);

    private static Catalog Build()
    {
        var entities = new Dictionary<string, Bilingual>(StringComparer.Ordinal);
        var actions = new Dictionary<string, Bilingual>(StringComparer.Ordinal)
        {
            [AuditActions.Created] = new("Aangemaakt", "Created"),
            [AuditActions.Updated] = new("Gewijzigd", "Updated"),
            [AuditActions.Deleted] = new("Verwijderd", "Deleted"),
        };
        var fields = new Dictionary<(string, string), Bilingual>();
        var values = new Dictionary<string, List<Func<string, string, Bilingual?>>>(StringComparer.Ordinal);
        foreach (var type in typeof(AuditCatalog).Assembly.GetTypes())
        {
            if (type.GetCustomAttribute<AuditedAttribute>() is { } audited)
            {
                entities.TryAdd(audited.EntityType, audited.Label);
                foreach (var property in type.GetProperties())
                {
                    if (property.GetCustomAttribute<LabelAttribute>() is { } label)
                    {
                        fields.TryAdd((audited.EntityType, property.Name), label.Label);
                    }
                }

                if (typeof(IAuditSnapshot).IsAssignableFrom(type))
                {
                    var labelOf = typeof(AuditCatalog).GetMethod(nameof(ValueLabelOf), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type);
                    var func = labelOf.CreateDelegate<Func<string, string, Bilingual?>>();
                    (values.TryGetValue(audited.EntityType, out var list) ? list : values[audited.EntityType] = []).Add(func);
                }
            }

            foreach (var constant in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)))
            {
                if (constant.GetCustomAttribute<LabelAttribute>() is { } label)
                {
                    actions.TryAdd((string)constant.GetRawConstantValue()!, label.Label);
                }
            }
        }

        return new Catalog(entities, actions, fields, values);
    }

    private static Bilingual? ValueLabelOf<T>(string field, string value)
        where T : IAuditSnapshot => T.ValueLabel(field, value);
}
