using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Data;
using Xunit;

namespace Regiekamer.TestCommon;

/// <summary>
/// A fresh database of its own for one test, on SQLite (a temp file) or PostgreSQL (a new database on
/// <see cref="PostgresServer"/>), so tests are isolated and run in parallel. Disposing it deletes it.
/// </summary>
/// <remarks>
/// Migrating and seeding the ~2,000 reference rows per test would dominate the run time on PostgreSQL, so each
/// combination is built once per test process as a template and copied: <c>CREATE DATABASE … TEMPLATE</c> on
/// PostgreSQL, a file copy on SQLite. The template is built with the real <c>MigrateAsync</c> and
/// <see cref="DatabaseSeeder"/>; tests of the seeder itself start from an unseeded database.
/// </remarks>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<(DatabaseProvider, Contents), Lazy<Task<string>>> Templates = new();
    private static readonly Lazy<string> SqliteDirectory = new(CreateSqliteDirectory, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _name;
    private readonly PostgresServer? _server;
    private ServiceProvider? _services;

    private TestDatabase(DatabaseOptions options, string name, PostgresServer? server)
    {
        Options = options;
        _name = name;
        _server = server;
    }

    private enum Contents
    {
        Empty,
        Migrated,
        Seeded,
        SeededWithDemo,
    }

    /// <summary>Both databases, for <c>[Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]</c>.</summary>
    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql };

    public DatabaseProvider Provider => Options.Provider;

    public DatabaseOptions Options { get; }

    public string ConnectionString => Options.ConnectionString;

    /// <summary>The clock the services of <see cref="BuildServices"/> see; starts at <see cref="FakeTimeProvider.DayBeforeDeadline"/>.</summary>
    public FakeTimeProvider Time { get; } = new();

    /// <summary>Services built once for this database (disposed with it).</summary>
    public ServiceProvider Services => _services ??= BuildServices();

    /// <param name="migrate">Apply the migrations (<c>Database.MigrateAsync()</c>); false leaves the database empty.</param>
    /// <param name="seed">Load the reference data and the 2023-2025 call (<see cref="DatabaseSeeder.SeedReferenceDataAsync"/>); needs <paramref name="migrate"/>.</param>
    /// <param name="demo">Also load the demo partnerships (<see cref="DatabaseSeeder.SeedDemoAsync"/>); needs <paramref name="seed"/>.</param>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrate = true, bool seed = true, bool demo = false)
    {
        if (seed && !migrate)
        {
            throw new ArgumentException("Seeding needs the schema: pass seed: false with migrate: false.", nameof(seed));
        }

        if (demo && !seed)
        {
            throw new ArgumentException("Demo partnerships need the reference data: pass seed: true with demo: true.", nameof(demo));
        }

        var contents = !migrate ? Contents.Empty : !seed ? Contents.Migrated : demo ? Contents.SeededWithDemo : Contents.Seeded;
        var name = "rk_" + Guid.NewGuid().ToString("N");
        string? template = contents == Contents.Empty ? null : await Templates.GetOrAdd((provider, contents), key => new(() => BuildTemplateAsync(key.Item1, key.Item2))).Value;
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(SqliteDirectory.Value, name + ".db");
            if (template is not null)
            {
                File.Copy(template, path);
            }

            return new TestDatabase(new DatabaseOptions(provider, SqliteConnectionString(path, pooling: true)), path, null);
        }

        var server = await PostgresServer.GetAsync();
        await server.CreateDatabaseAsync(name, template);
        return new TestDatabase(new DatabaseOptions(provider, server.ConnectionString(name)), name, server);
    }

    /// <summary>A new context on this database; the caller disposes it.</summary>
    public RegiekamerDb NewDb() => new(Options.Build());

    /// <summary>The services the app registers (<see cref="RegiekamerServices.AddRegiekamerCore"/>) on this database, with <see cref="Time"/> as the clock.</summary>
    public ServiceProvider BuildServices(Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddRegiekamerCore(Options);
        services.AddSingleton<TimeProvider>(Time);
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>A scope of <see cref="Services"/>: one unit of work, like one web request.</summary>
    public AsyncServiceScope NewScope() => Services.CreateAsyncScope();

    public override string ToString() => Provider == DatabaseProvider.Sqlite ? $"SQLite {_name}" : $"PostgreSQL database {_name} on {_server!.Description}";

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DropDatabaseAsync(_name);
        }
        else
        {
            SqliteConnection.ClearPool(new SqliteConnection(ConnectionString));
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_name + suffix);
            }
        }
    }

    private static async Task<string> BuildTemplateAsync(DatabaseProvider provider, Contents contents)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"rk_template_{contents.ToString().ToLowerInvariant()}_{Guid.NewGuid():N}");
        DatabaseOptions options;
        PostgresServer? server = null;
        if (provider == DatabaseProvider.Sqlite)
        {
            options = new DatabaseOptions(provider, SqliteConnectionString(Path.Combine(SqliteDirectory.Value, name + ".db"), pooling: false));
        }
        else
        {
            server = await PostgresServer.GetAsync();
            await server.CreateDatabaseAsync(name);
            if (!server.IsThrowaway)
            {
                AppDomain.CurrentDomain.ProcessExit += (_, _) => DropTemplate(server, name);
            }

            // No pool: CREATE DATABASE … TEMPLATE refuses a template that still has connections.
            options = new DatabaseOptions(provider, server.ConnectionString(name, pooling: false));
        }

        await using (var db = new RegiekamerDb(options.Build()))
        {
            await db.Database.MigrateAsync();
            if (contents is Contents.Seeded or Contents.SeededWithDemo)
            {
                var seeder = new DatabaseSeeder(db, new FakeTimeProvider());
                await seeder.SeedReferenceDataAsync();
                if (contents == Contents.SeededWithDemo)
                {
                    await seeder.SeedDemoAsync();
                }
            }

            if (provider == DatabaseProvider.Sqlite)
            {
                // Everything into the main file, so a plain file copy is the whole database.
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        }

        return provider == DatabaseProvider.Sqlite ? Path.Combine(SqliteDirectory.Value, name + ".db") : name;
    }

    private static void DropTemplate(PostgresServer server, string name)
    {
        try
        {
            server.DropDatabaseAsync(name).GetAwaiter().GetResult();
        }
        catch (Npgsql.NpgsqlException e)
        {
            Console.Error.WriteLine($"Could not drop the template database {name}: {e.Message}");
        }
    }

    private static string SqliteConnectionString(string path, bool pooling) =>
        new SqliteConnectionStringBuilder { DataSource = path, Pooling = pooling }.ConnectionString;

    private static string CreateSqliteDirectory()
    {
        // Directories of test processes that were killed: the process id is in the name.
        foreach (var stale in Directory.EnumerateDirectories(Path.GetTempPath(), "regiekamer-sqlite-*"))
        {
            var parts = Path.GetFileName(stale).Split('-');
            if (OperatingSystem.IsLinux() && parts.Length > 3 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !Directory.Exists($"/proc/{pid}"))
            {
                TryDelete(stale);
            }
        }

        var directory = Directory.CreateTempSubdirectory(string.Create(CultureInfo.InvariantCulture, $"regiekamer-sqlite-{Environment.ProcessId}-")).FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            SqliteConnection.ClearAllPools();
            TryDelete(directory);
        };
        return directory;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Could not delete {directory}: {e.Message}");
        }
    }
}
