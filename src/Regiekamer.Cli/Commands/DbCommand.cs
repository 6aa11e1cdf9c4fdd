using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Cli.Commands;

/// <summary><c>regiekamer db migrate [--demo]</c>: applies the migrations and loads the shipped reference data.</summary>
internal static class DbCommand
{
    public static Command Create(CliContext cli)
    {
        var database = new DatabaseSelection();
        var demo = new Option<bool>("--demo") { Description = "Laadt ook de demo-regieverbanden (publiek gekende samenstellingen, geen officiële lijst)." };
        var migrate = new Command("migrate", "Past de migraties toe en laadt de meegeleverde referentiegegevens (ook wat een oudere databank nog mist) en de oproep 2023-2025. Veilig om te herhalen.") { demo };
        database.AddTo(migrate);
        migrate.SetAction((parse, ct) => MigrateAsync(cli, cli.Culture(parse), database, parse, parse.GetValue(demo), ct));
        return new Command("db", "Beheer van de databank.") { migrate };
    }

    private static async Task<int> MigrateAsync(CliContext cli, CultureInfo culture, DatabaseSelection selection, ParseResult parse, bool demo, CancellationToken ct)
    {
        var errors = new List<DomainError>();
        var options = selection.Resolve(parse, cli, errors);
        if (options is null)
        {
            return cli.Fail(errors, culture);
        }

        options.EnsureSqliteFolder();
        return await WithDatabaseAsync(cli, culture, options, async db =>
        {
            var pending = await db.PendingMigrationsAsync(ct);
            await db.MigrateAsync(ct);
            var seeder = new DatabaseSeeder(db, cli.Time, CliContext.Operator);
            await seeder.SeedReferenceDataAsync(ct);
            var added = await seeder.AddMissingShippedDataAsync(ct);
            if (added > 0)
            {
                cli.Note(new Bilingual(
                    $"{added} meegeleverde dataset(s) toegevoegd die de databank nog niet had (o.a. de VDAB-cijfers van werkzoekenden).",
                    $"{added} shipped dataset(s) added that the database did not have yet (such as VDAB's job-seeker figures)."), culture);
            }

            if (demo)
            {
                await seeder.SeedDemoAsync(ct);
            }

            var datasets = await db.Datasets.CountAsync(ct);
            var partnerships = await db.Partnerships.CountAsync(ct);
            var where = DatabaseSelection.Describe(options);
            cli.Output(Formats.IsDutch(culture)
                ? $"{where}: {pending.Count} migratie(s) toegepast; {datasets} datasets met referentiegegevens; {partnerships} regieverband(en)."
                : $"{where}: {pending.Count} migration(s) applied; {datasets} reference datasets; {partnerships} partnership(s).");
            return Cli.Success;
        });
    }

    /// <summary>An empty database gets the migrations and the shipped reference data; one with pending migrations is left to 'db migrate'.</summary>
    internal static async Task<DomainError?> PrepareAsync(CliContext cli, CultureInfo culture, RegiekamerDb db, CancellationToken ct)
    {
        var applied = await db.AppliedMigrationsAsync(ct);
        if (applied.Count == 0)
        {
            await db.MigrateAsync(ct);
            cli.Note(new Bilingual("de databank was leeg: migraties toegepast en meegeleverde referentiegegevens geladen.", "the database was empty: migrations applied and the shipped reference data loaded."), culture);
        }
        else if (await DbCommand.NotMigratedAsync(db, ct) is { } notMigrated)
        {
            return notMigrated;
        }

        await new DatabaseSeeder(db, cli.Time, CliContext.Operator).SeedReferenceDataAsync(ct);
        return null;
    }

    /// <summary>Runs database work; a database that cannot be reached or used is bad input (exit 1), not a crash.</summary>
    internal static async Task<int> WithDatabaseAsync(CliContext cli, CultureInfo culture, DatabaseOptions options, Func<RegiekamerDb, Task<int>> work)
    {
        try
        {
            await using var db = new RegiekamerDb(options.Build());
            return await work(db);
        }
        catch (Exception e) when (e is DbException or DbUpdateException or InvalidOperationException or ArgumentException)
        {
            var where = DatabaseSelection.Describe(options);
            return cli.Fail(
                [DomainError.Invalid("database", $"Databank {where}: {e.GetBaseException().Message}", $"Database {where}: {e.GetBaseException().Message}")],
                culture);
        }
    }

    /// <summary>An error naming the pending migrations, or null when the database is up to date.</summary>
    internal static async Task<DomainError?> NotMigratedAsync(RegiekamerDb db, CancellationToken ct)
    {
        var pending = await db.PendingMigrationsAsync(ct);
        return pending.Count == 0
            ? null
            : DomainError.Invalid(
                "database",
                $"De databank heeft {pending.Count} openstaande migratie(s) ({string.Join(", ", pending)}); voer eerst 'regiekamer db migrate' uit.",
                $"The database has {pending.Count} pending migration(s) ({string.Join(", ", pending)}); run 'regiekamer db migrate' first.");
    }
}
