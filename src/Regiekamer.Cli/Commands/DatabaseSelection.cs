using System.CommandLine;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;

namespace Regiekamer.Cli.Commands;

/// <summary>
/// --database and --connection, falling back to the environment variables the web app reads
/// (Database__Provider, ConnectionStrings__Regiekamer), then to the SQLite file the web app uses by default
/// (<see cref="DatabaseOptions.DefaultSqliteFile"/>), so a CLI import or a new user lands in the app's database.
/// </summary>
internal sealed class DatabaseSelection
{
    public static string DefaultConnection => DatabaseOptions.DefaultSqliteConnection;
    public const string ProviderVariable = "Database__Provider";
    public const string ConnectionVariable = "ConnectionStrings__Regiekamer";

    public Option<string?> Provider { get; } = new Option<string?>("--database")
    {
        Description = $"sqlite of postgresql. Standaard: omgevingsvariabele {ProviderVariable}, anders sqlite.",
        HelpName = "sqlite|postgresql",
    }.AcceptOnlyFromAmong("sqlite", "postgresql");

    public Option<string?> Connection { get; } = new("--connection")
    {
        Description = $"Connection string. Standaard: omgevingsvariabele {ConnectionVariable}, anders '{DefaultConnection}' (de databank van de webapp).",
        HelpName = "STRING",
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Add(Provider);
        command.Add(Connection);
    }

    public DatabaseOptions? Resolve(ParseResult parse, CliContext cli, List<DomainError> errors)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var providerText = parse.GetValue(Provider) ?? cli.Environment(ProviderVariable);
        DatabaseProvider provider;
        try
        {
            provider = DatabaseOptions.ParseProvider(providerText);
        }
        catch (InvalidOperationException)
        {
            errors.Add(DomainError.Invalid(
                "validation",
                $"{ProviderVariable}: '{providerText}' is geen gekende databank; kies sqlite of postgresql.",
                $"{ProviderVariable}: '{providerText}' is not a known database; choose sqlite or postgresql.",
                "database"));
            return null;
        }

        var connection = parse.GetValue(Connection) is { Length: > 0 } given ? given : cli.Environment(ConnectionVariable);
        if (connection is null && provider == DatabaseProvider.PostgreSql)
        {
            errors.Add(DomainError.Invalid(
                "validation",
                $"--connection: voor PostgreSQL is een connection string nodig (of de omgevingsvariabele {ConnectionVariable}).",
                $"--connection: PostgreSQL needs a connection string (or the environment variable {ConnectionVariable}).",
                "connection"));
            return null;
        }

        return new DatabaseOptions(provider, connection ?? DefaultConnection);
    }

    /// <summary>Where the data lives, for messages; never the whole connection string (it may hold a password).</summary>
    /// <summary>As <see cref="Resolve"/>, for commands that only read: a SQLite file that does not exist is an error (opening it would create an empty one).</summary>
    public DatabaseOptions? ResolveExisting(ParseResult parse, CliContext cli, List<DomainError> errors)
    {
        var options = Resolve(parse, cli, errors);
        if (options is not { Provider: DatabaseProvider.Sqlite })
        {
            return options;
        }

        string? path = null;
        try
        {
            path = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
        }
        catch (ArgumentException)
        {
            // A malformed connection string is reported when it is opened.
        }

        if (path is { Length: > 0 } && path != ":memory:" && !File.Exists(path))
        {
            errors.Add(DomainError.Invalid(
                "database",
                $"Databank SQLite {Path.GetFullPath(path)}: het bestand bestaat niet.",
                $"Database SQLite {Path.GetFullPath(path)}: the file does not exist.",
                "connection"));
            return null;
        }

        return options;
    }

    public static string Describe(DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            try
            {
                var file = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
                return $"SQLite {(file.Length == 0 || file == ":memory:" ? file : Path.GetFullPath(file))}";
            }
            catch (ArgumentException)
            {
                return "SQLite";
            }
        }

        return "PostgreSQL";
    }
}
