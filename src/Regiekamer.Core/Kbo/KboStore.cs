using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Regiekamer.Core.Data;

namespace Regiekamer.Core.Kbo;

/// <summary>A table the importer writes in bulk, with its columns in order.</summary>
internal sealed record KboTable(string Name, params (string Column, NpgsqlDbType Type)[] Columns)
{
    public static readonly KboTable Enterprises = new("KboEnterprises", ("SnapshotId", NpgsqlDbType.Integer), ("Number", NpgsqlDbType.Text), ("Active", NpgsqlDbType.Boolean), ("NaturalPerson", NpgsqlDbType.Boolean), ("JuridicalFormCode", NpgsqlDbType.Text));

    public static readonly KboTable Denominations = new("KboDenominations", ("SnapshotId", NpgsqlDbType.Integer), ("Number", NpgsqlDbType.Text), ("Language", NpgsqlDbType.Text), ("Name", NpgsqlDbType.Text));

    public static readonly KboTable Addresses = new("KboAddresses", ("SnapshotId", NpgsqlDbType.Integer), ("Number", NpgsqlDbType.Text), ("Country", NpgsqlDbType.Text), ("Zipcode", NpgsqlDbType.Text), ("Municipality", NpgsqlDbType.Text), ("Street", NpgsqlDbType.Text), ("HouseNumber", NpgsqlDbType.Text), ("Box", NpgsqlDbType.Text));

    public static readonly KboTable Activities = new("KboActivities", ("SnapshotId", NpgsqlDbType.Integer), ("Number", NpgsqlDbType.Text), ("NaceVersion", NpgsqlDbType.Integer), ("NaceCode", NpgsqlDbType.Text));

    public static readonly KboTable Codes = new("KboCodes", ("SnapshotId", NpgsqlDbType.Integer), ("Category", NpgsqlDbType.Text), ("Code", NpgsqlDbType.Text), ("Description", NpgsqlDbType.Text));

    public static readonly IReadOnlyList<KboTable> All = [Enterprises, Denominations, Addresses, Activities, Codes];

    public string ColumnList => string.Join(", ", Columns.Select(c => $"\"{c.Column}\""));
}

/// <summary>Writes rows into one table in bulk; rows not completed are not kept.</summary>
internal abstract class KboRowWriter : IDisposable
{
    /// <summary>The values of the next row, in the table's column order; <see cref="Add"/> writes them.</summary>
    public abstract object?[] Row { get; }

    public abstract void Add();

    public abstract void Complete();

    public abstract void Dispose();
}

/// <summary>
/// The bulk paths of the two databases, on a connection of their own (not EF's change tracker). SQLite: one prepared
/// INSERT reused for every row, committed every <see cref="SqliteBatch"/> rows (so a long import never holds the write
/// lock for minutes; the rows are invisible anyway until the snapshot is switched in force). PostgreSQL: binary COPY.
/// </summary>
internal abstract class KboStore : IAsyncDisposable
{
    public const int SqliteBatch = 100_000;

    public static async Task<KboStore> OpenAsync(DatabaseOptions database, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var sqlite = new SqliteConnection(database.ConnectionString);
            await sqlite.OpenAsync(ct);
            return new SqliteStore(sqlite);
        }

        var npgsql = new NpgsqlConnection(database.ConnectionString);
        await npgsql.OpenAsync(ct);
        var side = new NpgsqlConnection(database.ConnectionString);
        await side.OpenAsync(ct);
        return new PostgresStore(npgsql, side);
    }

    public abstract KboRowWriter Begin(KboTable table);

    /// <summary>Runs a statement with @s (the new snapshot) and @o (the old one) bound, in a transaction of its own.</summary>
    public abstract Task<int> ExecuteAsync(string sql, int snapshot, int old, CancellationToken ct);

    /// <summary>A prepared DELETE of a number's rows in one table of one snapshot, used for an update's _delete files.</summary>
    public abstract KboRowWriter BeginDelete(KboTable table);

    /// <summary>How far the import is, on the snapshot's row (visible to the web page while the rows are still loading).</summary>
    public abstract void SaveProgress(int snapshot, string file, long rows, int perSecond);

    public abstract ValueTask DisposeAsync();

    private sealed class SqliteStore(SqliteConnection connection) : KboStore
    {
        private SqliteTransaction? _tx;

        private SqliteConnection Connection => connection;

        public override KboRowWriter Begin(KboTable table) =>
            new SqliteWriter(this, $"INSERT INTO \"{table.Name}\" ({table.ColumnList}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i))})", table.Columns.Length);

        public override KboRowWriter BeginDelete(KboTable table) =>
            new SqliteWriter(this, $"DELETE FROM \"{table.Name}\" WHERE \"SnapshotId\" = $p0 AND \"Number\" = $p1", 2);

        public override async Task<int> ExecuteAsync(string sql, int snapshot, int old, CancellationToken ct)
        {
            await using var tx = connection.BeginTransaction();
            await using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = sql;
            command.CommandTimeout = 0;
            command.Parameters.AddWithValue("@s", snapshot);
            command.Parameters.AddWithValue("@o", old);
            var count = await command.ExecuteNonQueryAsync(ct);
            await tx.CommitAsync(ct);
            return count;
        }

        public override void SaveProgress(int snapshot, string file, long rows, int perSecond)
        {
            // Inside the batch's transaction: the page sees it with the batch.
            using var command = connection.CreateCommand();
            command.Transaction = _tx;
            command.CommandText = "UPDATE \"KboSnapshots\" SET \"CurrentFile\" = $f, \"RowsRead\" = $r, \"RowsPerSecond\" = $p WHERE \"Id\" = $id";
            command.Parameters.AddWithValue("$f", file);
            command.Parameters.AddWithValue("$r", rows);
            command.Parameters.AddWithValue("$p", perSecond);
            command.Parameters.AddWithValue("$id", snapshot);
            command.ExecuteNonQuery();
        }

        public override async ValueTask DisposeAsync() => await connection.DisposeAsync();

        private sealed class SqliteWriter : KboRowWriter
        {
            private readonly SqliteStore _store;
            private readonly SqliteCommand _command;
            private readonly SqliteParameter[] _parameters;
            private int _inBatch;

            public SqliteWriter(SqliteStore store, string sql, int columns)
            {
                _store = store;
                Row = new object?[columns];
                store._tx = store.Connection.BeginTransaction();
                _command = store.Connection.CreateCommand();
                _command.Transaction = store._tx;
                _command.CommandText = sql;
                _parameters = new SqliteParameter[columns];
                for (var i = 0; i < columns; i++)
                {
                    _parameters[i] = new SqliteParameter { ParameterName = "$p" + i, Value = DBNull.Value };
                    _command.Parameters.Add(_parameters[i]);
                }

                _command.Prepare();
            }

            public override object?[] Row { get; }

            public override void Add()
            {
                for (var i = 0; i < _parameters.Length; i++)
                {
                    _parameters[i].Value = Row[i] ?? DBNull.Value;
                }

                _command.ExecuteNonQuery();
                if (++_inBatch == SqliteBatch)
                {
                    _store._tx!.Commit();
                    _store._tx.Dispose();
                    _store._tx = _store.Connection.BeginTransaction();
                    _command.Transaction = _store._tx;
                    _inBatch = 0;
                }
            }

            public override void Complete()
            {
                _store._tx?.Commit();
                _store._tx?.Dispose();
                _store._tx = null;
            }

            public override void Dispose()
            {
                _command.Dispose();
                _store._tx?.Dispose();
                _store._tx = null;
            }
        }
    }

    private sealed class PostgresStore(NpgsqlConnection connection, NpgsqlConnection side) : KboStore
    {
        public override KboRowWriter Begin(KboTable table) =>
            new CopyWriter(connection.BeginBinaryImport($"COPY \"{table.Name}\" ({table.ColumnList}) FROM STDIN (FORMAT BINARY)"), table);

        public override KboRowWriter BeginDelete(KboTable table) => new DeleteWriter(connection, table);

        public override async Task<int> ExecuteAsync(string sql, int snapshot, int old, CancellationToken ct)
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            await using var command = new NpgsqlCommand(sql, connection, tx) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("s", snapshot);
            command.Parameters.AddWithValue("o", old);
            var count = await command.ExecuteNonQueryAsync(ct);
            await tx.CommitAsync(ct);
            return count;
        }

        public override void SaveProgress(int snapshot, string file, long rows, int perSecond)
        {
            // The main connection is busy with COPY: the progress goes through the side one.
            using var command = new NpgsqlCommand("UPDATE \"KboSnapshots\" SET \"CurrentFile\" = @f, \"RowsRead\" = @r, \"RowsPerSecond\" = @p WHERE \"Id\" = @id", side);
            command.Parameters.AddWithValue("f", file);
            command.Parameters.AddWithValue("r", rows);
            command.Parameters.AddWithValue("p", perSecond);
            command.Parameters.AddWithValue("id", snapshot);
            command.ExecuteNonQuery();
        }

        public override async ValueTask DisposeAsync()
        {
            await side.DisposeAsync();
            await connection.DisposeAsync();
        }

        private sealed class CopyWriter(NpgsqlBinaryImporter importer, KboTable table) : KboRowWriter
        {
            public override object?[] Row { get; } = new object?[table.Columns.Length];

            public override void Add()
            {
                importer.StartRow();
                for (var i = 0; i < Row.Length; i++)
                {
                    switch (Row[i])
                    {
                        case null:
                            importer.WriteNull();
                            break;
                        case string s:
                            importer.Write(s, NpgsqlDbType.Text);
                            break;
                        case int n:
                            importer.Write(n, NpgsqlDbType.Integer);
                            break;
                        case bool b:
                            importer.Write(b, NpgsqlDbType.Boolean);
                            break;
                        default:
                            throw new InvalidOperationException($"No COPY mapping for {Row[i]!.GetType()}.");
                    }
                }
            }

            public override void Complete() => importer.Complete();

            public override void Dispose() => importer.Dispose();
        }

        private sealed class DeleteWriter : KboRowWriter
        {
            private readonly NpgsqlTransaction _tx;
            private readonly NpgsqlCommand _command;

            public DeleteWriter(NpgsqlConnection connection, KboTable table)
            {
                _tx = connection.BeginTransaction();
                _command = new NpgsqlCommand($"DELETE FROM \"{table.Name}\" WHERE \"SnapshotId\" = @p0 AND \"Number\" = @p1", connection, _tx);
                _command.Parameters.Add(new NpgsqlParameter("p0", NpgsqlDbType.Integer));
                _command.Parameters.Add(new NpgsqlParameter("p1", NpgsqlDbType.Text));
                _command.Prepare();
            }

            public override object?[] Row { get; } = new object?[2];

            public override void Add()
            {
                _command.Parameters[0].Value = Row[0];
                _command.Parameters[1].Value = Row[1];
                _command.ExecuteNonQuery();
            }

            public override void Complete() => _tx.Commit();

            public override void Dispose()
            {
                _command.Dispose();
                _tx.Dispose();
            }
        }
    }
}

/// <summary>A database error while storing a row, for the importer to name the file and line.</summary>
internal static class KboStoreErrors
{
    public static bool IsDataError(Exception ex) => ex is DbException;
}
