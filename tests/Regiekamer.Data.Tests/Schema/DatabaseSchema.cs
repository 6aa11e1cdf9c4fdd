using System.Text;

namespace Regiekamer.Data.Tests.Schema;

/// <summary>
/// One fact about a schema: a table, a column, a key, an index. <see cref="Key"/> says what it is (table, kind,
/// name or columns); <see cref="Definition"/> what it looks like. Two schemas are equal when they hold the same
/// keys with the same definitions.
/// </summary>
public sealed record SchemaItem(string Table, string Kind, string Name, string Definition)
{
    public string Key => $"{Table} {Kind} {Name}";
}

public sealed record SchemaDifference(string Key, string? Left, string? Right);

/// <summary>The tables, columns, keys and indexes of one database, as read by <see cref="SchemaReader"/>.</summary>
public sealed class DatabaseSchema
{
    public DatabaseSchema(IEnumerable<SchemaItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = items.OrderBy(i => i.Key, StringComparer.Ordinal).ToList();
        var duplicate = Items.GroupBy(i => i.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two schema items have the key '{duplicate.Key}'.", nameof(items));
        }
    }

    public IReadOnlyList<SchemaItem> Items { get; }

    public IEnumerable<string> Tables => Items.Where(i => i.Kind == SchemaKinds.Table).Select(i => i.Table);

    /// <summary>What differs: items missing on one side, or present on both with another definition.</summary>
    public static IReadOnlyList<SchemaDifference> Compare(DatabaseSchema left, DatabaseSchema right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var l = left.Items.ToDictionary(i => i.Key, i => i.Definition, StringComparer.Ordinal);
        var r = right.Items.ToDictionary(i => i.Key, i => i.Definition, StringComparer.Ordinal);
        return l.Keys.Union(r.Keys)
            .Order(StringComparer.Ordinal)
            .Select(k => new SchemaDifference(k, l.GetValueOrDefault(k), r.GetValueOrDefault(k)))
            .Where(d => !string.Equals(d.Left, d.Right, StringComparison.Ordinal))
            .ToList();
    }

    /// <summary>A diff a person can read in a failed test's output.</summary>
    public static string Describe(IReadOnlyList<SchemaDifference> differences, string leftName, string rightName)
    {
        ArgumentNullException.ThrowIfNull(differences);
        var width = Math.Max(leftName.Length, rightName.Length) + 1;
        var sb = new StringBuilder();
        sb.Append(differences.Count).Append(" schema difference(s) between ").Append(leftName).Append(" and ").Append(rightName).AppendLine(":");
        foreach (var d in differences)
        {
            sb.Append("  ").AppendLine(d.Key);
            sb.Append("    ").Append((leftName + ":").PadRight(width)).Append(' ').AppendLine(d.Left ?? "(missing)");
            sb.Append("    ").Append((rightName + ":").PadRight(width)).Append(' ').AppendLine(d.Right ?? "(missing)");
        }

        return sb.ToString();
    }

    public override string ToString() => string.Join(Environment.NewLine, Items.Select(i => $"{i.Key}: {i.Definition}"));
}

public static class SchemaKinds
{
    public const string Table = "table";
    public const string Column = "column";
    public const string PrimaryKey = "primary key";
    public const string ForeignKey = "foreign key";
    public const string Index = "index";
    public const string Constraint = "constraint";
}
