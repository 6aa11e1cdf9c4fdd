using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Regiekamer.TestCommon;

/// <summary>
/// The PostgreSQL server the tests of this process use: the one named by <see cref="ConnectionStringVariable"/>, or
/// else a throwaway cluster started from the local binaries (one per test process, removed when the process exits).
/// Tests never skip when PostgreSQL is missing: they fail and say how to install it.
/// </summary>
public sealed class PostgresServer
{
    public const string ConnectionStringVariable = "REGIEKAMER_TEST_POSTGRES";

    private const string DirectoryPrefix = "regiekamer-pg-";
    private const string OwnerFile = "owner";
    private static readonly string[] ServerPrograms = ["initdb", "pg_ctl", "postgres"];
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string? _directory;
    private readonly string? _binDirectory;

    private PostgresServer(string adminConnectionString, string description, string? directory, string? binDirectory)
    {
        AdminConnectionString = adminConnectionString;
        Description = description;
        _directory = directory;
        _binDirectory = binDirectory;
    }

    /// <summary>A connection string to the server's maintenance database, for CREATE/DROP DATABASE.</summary>
    public string AdminConnectionString { get; }

    /// <summary>Which server this is, e.g. "throwaway PostgreSQL 15.14 cluster on 127.0.0.1:41234".</summary>
    public string Description { get; }

    /// <summary>True when this process started the server (and will stop it).</summary>
    public bool IsThrowaway => _directory is not null;

    /// <summary>The server of this test process, started on first use.</summary>
    public static Task<PostgresServer> GetAsync() => Shared.Value;

    public string ConnectionString(string database, bool pooling = true) => new NpgsqlConnectionStringBuilder(AdminConnectionString)
    {
        Database = database,
        Pooling = pooling,
    }.ConnectionString;

    public async Task CreateDatabaseAsync(string name, string? template = null)
    {
        // template0 is always empty; template1 of a shared server may hold extensions someone added.
        await ExecuteAsync($"CREATE DATABASE {Quote(name)} TEMPLATE {Quote(template ?? "template0")} ENCODING 'UTF8'");
    }

    public async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString(name)));
        await ExecuteAsync($"DROP DATABASE IF EXISTS {Quote(name)} WITH (FORCE)");
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task<PostgresServer> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return await UseConfiguredAsync(configured);
        }

        var bin = FindBinDirectory();
        CleanUpOrphans(bin);
        return await StartThrowawayAsync(bin);
    }

    private static async Task<PostgresServer> UseConfiguredAsync(string configured)
    {
        var builder = new NpgsqlConnectionStringBuilder(configured);
        if (string.IsNullOrEmpty(builder.Database))
        {
            builder.Database = "postgres";
        }

        var server = new PostgresServer(builder.ConnectionString, $"PostgreSQL from {ConnectionStringVariable} ({builder.Host}:{builder.Port})", null, null);
        try
        {
            await server.ExecuteAsync("SELECT 1");
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            throw new InvalidOperationException($"{ConnectionStringVariable} is set, but the server it names cannot be reached ({builder.Host}:{builder.Port}, database {builder.Database}): {e.Message}", e);
        }

        return server;
    }

    private static async Task<PostgresServer> StartThrowawayAsync(string bin)
    {
        var directory = Directory.CreateTempSubdirectory(DirectoryPrefix).FullName;
        using (var self = Process.GetCurrentProcess())
        {
            // Written first, so a concurrent CleanUpOrphans in another test process knows this directory is alive.
            await File.WriteAllTextAsync(Path.Combine(directory, OwnerFile), string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId} {self.StartTime.ToUniversalTime().Ticks}"));
        }

        var data = Path.Combine(directory, "data");
        var log = Path.Combine(directory, "postgres.log");
        try
        {
            if (IsRoot)
            {
                // initdb and postgres refuse to run as root: the cluster belongs to the postgres user.
                var chown = await ProcessRunner.RunAsync("chown", ["postgres:postgres", directory], CommandTimeout);
                Check(chown, "chown postgres " + directory);
            }

            var initdb = await RunAsPostgresAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
            Check(initdb, "initdb");

            // The free port we pick may be taken before postgres binds it: then try another.
            int port;
            for (var attempt = 1; ; attempt++)
            {
                port = FreePort();
                var options = string.Join(' ', [
                    "-c listen_addresses=127.0.0.1",
                    $"-p {port.ToString(CultureInfo.InvariantCulture)}",
                    $"-k {directory}",
                    "-c fsync=off",
                    "-c synchronous_commit=off",
                    "-c full_page_writes=off",
                    "-c max_connections=300",
                ]);
                var start = await RunAsPostgresAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", log, "-o", options, "-w", "-t", "60", "start"]);
                if (start.ExitCode == 0)
                {
                    break;
                }

                if (attempt == 3)
                {
                    var serverLog = File.Exists(log) ? await File.ReadAllTextAsync(log) : "";
                    throw new InvalidOperationException($"The test PostgreSQL could not start (last try on port {port}).\n{start.Describe("pg_ctl start")}\n--- server log ---\n{serverLog}");
                }
            }

            var admin = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "postgres", Database = "postgres" }.ConnectionString;
            string version;
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                version = connection.PostgreSqlVersion.ToString();
            }

            var server = new PostgresServer(admin, $"throwaway PostgreSQL {version} cluster on 127.0.0.1:{port} in {directory}", directory, bin);
            StartWatchdog(server);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
            return server;
        }
        catch
        {
            Remove(bin, directory);
            throw;
        }
    }

    /// <summary>
    /// At process exit: starts the immediate shutdown and returns. The test host may be killed moments after exit
    /// handlers start, so this does not wait; the watchdog, which sees the process end, deletes the directory.
    /// </summary>
    private void Stop()
    {
        var args = RunAsPostgresArguments(Path.Combine(_binDirectory!, "pg_ctl"), ["-D", Path.Combine(_directory!, "data"), "-m", "immediate", "stop"]);
        var info = new ProcessStartInfo(args[0])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in args.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            using var stop = Process.Start(info);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Console.Error.WriteLine($"Could not stop the test PostgreSQL in {_directory}: {e.Message}");
        }
    }

    /// <summary>Stops the cluster in a directory (immediate mode: the data is thrown away anyway) and deletes it.</summary>
    private static void Remove(string bin, string directory)
    {
        var data = Path.Combine(directory, "data");
        if (File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            try
            {
                var args = RunAsPostgresArguments(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "-t", "30", "stop"]);
                ProcessRunner.Run(args[0], args.Skip(1), TimeSpan.FromSeconds(40));
            }
            catch (Exception e) when (e is TimeoutException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                Console.Error.WriteLine($"Could not stop the test PostgreSQL in {directory}: {e.Message}");
            }
        }

        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Could not delete {directory}: {e.Message}");
        }
    }

    /// <summary>
    /// A test process killed outright (SIGKILL, a crashed test host) runs no exit handler. A small detached shell
    /// waits for this process to end and then stops the cluster, so no orphan server outlives the tests.
    /// </summary>
    private static void StartWatchdog(PostgresServer server)
    {
        var data = Path.Combine(server._directory!, "data");
        var stop = string.Join(' ', RunAsPostgresArguments(Path.Combine(server._binDirectory!, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]).Select(ShellQuote));
        var script = $"exec </dev/null >/dev/null 2>&1; while [ -d /proc/{Environment.ProcessId} ]; do sleep 1; done; "
            + $"if [ -f {ShellQuote(Path.Combine(data, "postmaster.pid"))} ]; then {stop}; fi; rm -rf {ShellQuote(server._directory!)}";
        var setsid = ProcessRunner.Which("setsid");
        var info = new ProcessStartInfo(setsid ?? "sh")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (setsid is not null)
        {
            info.ArgumentList.Add("sh");
        }

        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        using var watchdog = Process.Start(info);
    }

    /// <summary>Removes clusters left by test processes that no longer run (the watchdog normally does this).</summary>
    private static void CleanUpOrphans(string bin)
    {
        foreach (var directory in Directory.EnumerateDirectories(Path.GetTempPath(), DirectoryPrefix + "*"))
        {
            var ownerFile = Path.Combine(directory, OwnerFile);
            var parts = File.Exists(ownerFile) ? File.ReadAllText(ownerFile).Split(' ') : [];
            var orphan = parts.Length == 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var startTicks)
                    ? !IsRunning(pid, startTicks)
                    // Being created right now by another process, or a leftover from a crash during start.
                    : Directory.GetLastWriteTimeUtc(directory) < DateTime.UtcNow.AddMinutes(-10);

            if (orphan)
            {
                Remove(bin, directory);
            }
        }
    }

    private static bool IsRunning(int pid, long startTicks)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            // .NET derives StartTime on Linux from boot time, which it recomputes per process: allow for jitter,
            // or one test project takes another's running server for an orphan and removes it.
            return !process.HasExited && Math.Abs(process.StartTime.ToUniversalTime().Ticks - startTicks) < TimeSpan.TicksPerSecond * 2;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The directory with initdb, pg_ctl and postgres: <c>pg_config --bindir</c>, else the newest /usr/lib/postgresql/*/bin.</summary>
    private static string FindBinDirectory()
    {
        var candidates = new List<string>();
        if (ProcessRunner.Which("pg_config") is { } pgConfig)
        {
            try
            {
                var result = ProcessRunner.Run(pgConfig, ["--bindir"], TimeSpan.FromSeconds(30));
                if (result.ExitCode == 0)
                {
                    candidates.Add(result.Output.Trim());
                }
            }
            catch (Exception e) when (e is TimeoutException or System.ComponentModel.Win32Exception)
            {
                // Fall through to the usual Debian location.
            }
        }

        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.EnumerateDirectories("/usr/lib/postgresql")
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1))
                .OrderByDescending(d => d.Version)
                .Select(d => Path.Combine(d.Dir, "bin")));
        }

        var found = candidates.FirstOrDefault(d => ServerPrograms.All(f => File.Exists(Path.Combine(d, f))));
        return found ?? throw new InvalidOperationException(
            "The data tests need PostgreSQL, but its server programs (initdb, pg_ctl, postgres) were not found "
            + $"(looked in `pg_config --bindir` and /usr/lib/postgresql/*/bin: {(candidates.Count == 0 ? "none found" : string.Join(", ", candidates))}). "
            + "Install them with `sudo apt-get install postgresql` (Debian/Ubuntu; other systems: the PostgreSQL server package), "
            + $"or set {ConnectionStringVariable} to the connection string of a server where the user may create databases.");
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static Task<ProcessResult> RunAsPostgresAsync(string program, IReadOnlyList<string> arguments)
    {
        var all = RunAsPostgresArguments(program, arguments);
        return ProcessRunner.RunAsync(all[0], all.Skip(1), CommandTimeout);
    }

    private static List<string> RunAsPostgresArguments(string program, IReadOnlyList<string> arguments) =>
        IsRoot ? ["runuser", "-u", "postgres", "--", program, .. arguments] : [program, .. arguments];

    private static void Check(ProcessResult result, string command)
    {
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("Starting the test PostgreSQL failed: " + result.Describe(command));
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string ShellQuote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
