using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Data;

namespace Regiekamer.Data.Tests.Schema;

/// <summary>Reads a database's schema from its catalog: SQLite's sqlite_master and pragmas, PostgreSQL's information_schema and pg_catalog.</summary>
public static partial class SchemaReader
{
    // EF's own bookkeeping: only the migrated database has these.
    private static readonly string[] EfTables = ["__EFMigrationsHistory", "__EFMigrationsLock"];

    /// <summary>
    /// Quartz's job store (migration 20261213130000_QuartzScheduler): its tables are Quartz's, made from Quartz's own
    /// scripts, and not in the EF model, so only the migrated database has them and there is nothing to compare them
    /// with. They are left out here on purpose, by their prefix; QuartzSchemaTests checks them instead (the scripts are
    /// Quartz's, and the scheduler starts and validates them on a migrated database of each kind).
    /// </summary>
    public const string QuartzPrefix = "qrtz_";

    /// <summary>
    /// The catalogue's full-text index (migration 20261216150000_Catalogue), made per provider by the migration only:
    /// SQLite's FTS5 table and its shadow tables (OfferingSearch, OfferingSearch_data, …), and PostgreSQL's generated
    /// tsvector column with its GIN index. EF's model does not know them; CatalogueSearchTests checks them instead.
    /// </summary>
    public const string FullTextPrefix = "OfferingSearch";

    private static readonly (string Table, string Name)[] FullTextItems = [("Offerings", "SearchVector"), ("Offerings", "IX_Offerings_SearchVector")];

    /// <summary>Tables the comparison leaves out: EF's bookkeeping, Quartz's job store and the catalogue's FTS5 table.</summary>
    public static bool IsIgnored(string table) =>
        EfTables.Contains(table) || table.StartsWith(QuartzPrefix, StringComparison.OrdinalIgnoreCase) || table.StartsWith(FullTextPrefix, StringComparison.Ordinal);

    /// <summary>Columns and indexes the comparison leaves out: the catalogue's tsvector column and its index.</summary>
    public static bool IsIgnored(string table, string name) => FullTextItems.Contains((table, name));

    public static async Task<DatabaseSchema> ReadAsync(RegiekamerDb db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            return db.Database.IsSqlite() ? await ReadSqliteAsync(connection) : await ReadPostgresAsync(connection);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<DatabaseSchema> ReadSqliteAsync(DbConnection connection)
    {
        var items = new List<SchemaItem>();
        var tables = await QueryAsync(connection, "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
        foreach (var table in tables.Where(t => !IsIgnored(Text(t[0]))))
        {
            var name = Text(table[0]);
            var sql = Text(table[1]);
            items.Add(new SchemaItem(name, SchemaKinds.Table, name, "table"));

            var autoincrement = SqliteAutoincrement().Matches(sql).Select(m => m.Groups["column"].Value).ToHashSet(StringComparer.Ordinal);
            var columns = await QueryAsync(connection, "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(@p0) ORDER BY cid", name);
            foreach (var c in columns)
            {
                var column = Text(c[0]);
                items.Add(new SchemaItem(name, SchemaKinds.Column, column, Describe(
                    ("type", Text(c[1])),
                    ("nullable", Int(c[2]) == 0 ? "yes" : "no"),
                    ("default", Text(c[3])),
                    ("autoincrement", autoincrement.Contains(column) ? "yes" : "no"))));
            }

            var key = columns.Where(c => Int(c[4]) > 0).OrderBy(c => Int(c[4])).Select(c => Text(c[0])).ToList();
            if (key.Count > 0)
            {
                items.Add(new SchemaItem(name, SchemaKinds.PrimaryKey, "", Describe(("name", SqlitePrimaryKeyName().Match(sql).Groups["name"].Value), ("columns", List(key)))));
            }

            var fkNames = SqliteForeignKeyName().Matches(sql).ToDictionary(m => Unquote(m.Groups["columns"].Value), m => m.Groups["name"].Value, StringComparer.Ordinal);
            // A foreign key added to an existing table (ALTER TABLE … ADD) can only be a column constraint: "Col" INTEGER NULL CONSTRAINT "FK_…" REFERENCES ….
            foreach (var m in SqliteColumnForeignKeyName().Matches(sql).AsEnumerable())
            {
                fkNames.TryAdd(m.Groups["column"].Value, m.Groups["name"].Value);
            }

            var fks = await QueryAsync(connection, "SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list(@p0) ORDER BY id, seq", name);
            foreach (var fk in fks.GroupBy(f => Int(f[0])))
            {
                var from = List(fk.Select(f => Text(f[3])));
                var first = fk.First();
                items.Add(new SchemaItem(name, SchemaKinds.ForeignKey, $"({from}) -> {Text(first[2])}", Describe(
                    ("name", fkNames.GetValueOrDefault(from, "")),
                    ("references", $"{Text(first[2])}({List(fk.Select(f => Text(f[4])))})"),
                    ("on delete", Text(first[6])),
                    ("on update", Text(first[5])))));
            }

            var indexes = await QueryAsync(connection, "SELECT name, \"unique\", origin, partial FROM pragma_index_list(@p0)", name);
            foreach (var index in indexes.Where(i => Text(i[2]) != "pk"))
            {
                var indexName = Text(index[0]);
                var indexColumns = (await QueryAsync(connection, "SELECT name FROM pragma_index_info(@p0) ORDER BY seqno", indexName)).Select(r => Text(r[0]));
                var indexSql = (await QueryAsync(connection, "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = @p0", indexName)).Select(r => Text(r[0])).FirstOrDefault() ?? "";
                var where = indexSql.LastIndexOf(" WHERE ", StringComparison.OrdinalIgnoreCase) is var at and >= 0 ? indexSql[(at + 7)..].Trim() : "";
                items.Add(new SchemaItem(name, SchemaKinds.Index, Text(index[2]) == "u" ? $"unique constraint ({List(indexColumns)})" : indexName, Describe(
                    ("columns", List(indexColumns)),
                    ("unique", Int(index[1]) == 1 ? "yes" : "no"),
                    ("filter", where))));
            }
        }

        return new DatabaseSchema(items);
    }

    private static async Task<DatabaseSchema> ReadPostgresAsync(DbConnection connection)
    {
        var items = new List<SchemaItem>();
        var tables = (await QueryAsync(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"))
            .Select(t => Text(t[0]))
            .Where(t => !IsIgnored(t))
            .ToHashSet(StringComparer.Ordinal);
        items.AddRange(tables.Select(t => new SchemaItem(t, SchemaKinds.Table, t, "table")));

        var columns = await QueryAsync(connection, """
            SELECT table_name, column_name, data_type, character_maximum_length, numeric_precision, numeric_scale,
                   is_nullable, is_identity, identity_generation, column_default, collation_name, is_generated
            FROM information_schema.columns
            WHERE table_schema = 'public'
            """);
        foreach (var c in columns.Where(c => tables.Contains(Text(c[0])) && !IsIgnored(Text(c[0]), Text(c[1]))))
        {
            items.Add(new SchemaItem(Text(c[0]), SchemaKinds.Column, Text(c[1]), Describe(
                ("type", Text(c[2])),
                ("max length", Text(c[3])),
                ("precision", Text(c[4])),
                ("scale", Text(c[5])),
                ("nullable", Text(c[6]) == "YES" ? "yes" : "no"),
                ("identity", Text(c[7]) == "YES" ? Text(c[8]) : "no"),
                ("default", Text(c[9])),
                ("collation", Text(c[10])),
                ("generated", Text(c[11])))));
        }

        var constraints = await QueryAsync(connection, """
            SELECT t.relname, con.conname, con.contype,
                   ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                         JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord),
                   rt.relname,
                   ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                         JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord),
                   con.confdeltype, con.confupdtype, pg_get_constraintdef(con.oid)
            FROM pg_constraint con
            JOIN pg_class t ON t.oid = con.conrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            LEFT JOIN pg_class rt ON rt.oid = con.confrelid
            WHERE n.nspname = 'public' AND con.contype <> 'n'
            """);
        foreach (var c in constraints.Where(c => tables.Contains(Text(c[0]))))
        {
            var table = Text(c[0]);
            var columnsOf = List((string[])c[3]);
            switch (Text(c[2]))
            {
                case "p":
                    items.Add(new SchemaItem(table, SchemaKinds.PrimaryKey, "", Describe(("name", Text(c[1])), ("columns", columnsOf))));
                    break;
                case "f":
                    items.Add(new SchemaItem(table, SchemaKinds.ForeignKey, $"({columnsOf}) -> {Text(c[4])}", Describe(
                        ("name", Text(c[1])),
                        ("references", $"{Text(c[4])}({List((string[])c[5])})"),
                        ("on delete", ReferentialAction(Text(c[6]))),
                        ("on update", ReferentialAction(Text(c[7]))))));
                    break;
                default:
                    items.Add(new SchemaItem(table, SchemaKinds.Constraint, Text(c[1]), Text(c[8])));
                    break;
            }
        }

        var indexes = await QueryAsync(connection, """
            SELECT t.relname, i.relname, ix.indisunique, am.amname, COALESCE(pg_get_expr(ix.indpred, ix.indrelid), ''),
                   ARRAY(SELECT COALESCE(a.attname::text, '(expression)') FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
                         LEFT JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum ORDER BY k.ord)
            FROM pg_index ix
            JOIN pg_class i ON i.oid = ix.indexrelid
            JOIN pg_class t ON t.oid = ix.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            JOIN pg_am am ON am.oid = i.relam
            WHERE n.nspname = 'public' AND NOT ix.indisprimary
            """);
        foreach (var i in indexes.Where(i => tables.Contains(Text(i[0])) && !IsIgnored(Text(i[0]), Text(i[1]))))
        {
            items.Add(new SchemaItem(Text(i[0]), SchemaKinds.Index, Text(i[1]), Describe(
                ("columns", List((string[])i[5])),
                ("unique", (bool)i[2] ? "yes" : "no"),
                ("method", Text(i[3])),
                ("filter", Text(i[4])))));
        }

        return new DatabaseSchema(items);
    }

    private static string ReferentialAction(string code) => code switch
    {
        "a" => "NO ACTION",
        "r" => "RESTRICT",
        "c" => "CASCADE",
        "n" => "SET NULL",
        "d" => "SET DEFAULT",
        _ => code,
    };

    private static async Task<List<object[]>> QueryAsync(DbConnection connection, string sql, params object[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters.Length; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            p.Value = parameters[i];
            command.Parameters.Add(p);
        }

        var rows = new List<object[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }

    private static string Text(object value) => value is DBNull or null ? "" : Convert.ToString(value, CultureInfo.InvariantCulture)!;

    private static long Int(object value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);

    private static string List(IEnumerable<string> names) => string.Join(", ", names);

    private static string Unquote(string columns) => List(columns.Split(',').Select(c => c.Trim().Trim('"')));

    private static string Describe(params (string Name, string Value)[] facts) =>
        string.Join("; ", facts.Where(f => f.Value.Length > 0).Select(f => $"{f.Name} {f.Value}"));

    [GeneratedRegex("\"(?<column>[^\"\\s]+)\" INTEGER [^,\\n]*PRIMARY KEY AUTOINCREMENT")]
    private static partial Regex SqliteAutoincrement();

    [GeneratedRegex("CONSTRAINT \"(?<name>[^\"]+)\" PRIMARY KEY")]
    private static partial Regex SqlitePrimaryKeyName();

    [GeneratedRegex("CONSTRAINT \"(?<name>[^\"]+)\" FOREIGN KEY \\((?<columns>[^)]*)\\)")]
    private static partial Regex SqliteForeignKeyName();

    [GeneratedRegex("\"(?<column>[^\"]+)\" [A-Za-z]+[^,(]*? CONSTRAINT \"(?<name>[^\"]+)\" REFERENCES ")]
    private static partial Regex SqliteColumnForeignKeyName();
}
