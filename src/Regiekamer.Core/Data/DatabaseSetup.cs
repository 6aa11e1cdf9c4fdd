using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Allocation;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Evaluation;
using Regiekamer.Core.Imports;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>Which database to use. SQLite is the zero-set-up default; PostgreSQL is production.</summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>
    /// The SQLite file the web app and the CLI share when no connection string is configured: regiekamer.db in the
    /// user's local application data (~/.local/share/Regiekamer on Linux), wherever either is started from.
    /// </summary>
    public static string DefaultSqliteFile { get; } =
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify) is { Length: > 0 } data
            ? Path.Combine(data, "Regiekamer", "regiekamer.db")
            : Path.GetFullPath("regiekamer.db");

    public static string DefaultSqliteConnection => $"Data Source={DefaultSqliteFile}";

    /// <summary>Creates the folder of an SQLite file (SQLite creates the file, not its folder).</summary>
    public void EnsureSqliteFolder()
    {
        if (Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource;
        if (file.Length > 0 && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }
    }

    public static DatabaseProvider ParseProvider(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SQLITE" => DatabaseProvider.Sqlite,
        "POSTGRESQL" or "POSTGRES" or "NPGSQL" => DatabaseProvider.PostgreSql,
        _ => throw new InvalidOperationException($"Database:Provider '{value}' is not known; use Sqlite or PostgreSQL."),
    };

    public void Apply(DbContextOptionsBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        _ = Provider == DatabaseProvider.Sqlite
            ? builder.UseSqlite(ConnectionString)
            : builder.UseNpgsql(ConnectionString);
    }

    public DbContextOptions<RegiekamerDb> Build()
    {
        var builder = new DbContextOptionsBuilder<RegiekamerDb>();
        Apply(builder);
        return builder.Options;
    }
}

public static class RegiekamerServices
{
    /// <summary>Registers the database and the domain services (concrete classes; no interfaces over our own code).</summary>
    public static IServiceCollection AddRegiekamerCore(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddSingleton(database);
        // Pooled: a request borrows a context instead of building one (a fresh context cost a few percent of every page).
        services.AddDbContextPool<RegiekamerDb>(database.Apply);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<BrusselsClock>();
        services.AddSingleton<ReferenceSnapshotCache>();
        services.AddScoped<CurrentActor>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<ReferenceDataService>();
        services.AddScoped<PartnershipService>();
        services.AddSingleton<DerivedCache>();
        services.AddScoped<CallEvaluationService>();
        services.AddScoped<CallService>();
        services.AddScoped<AllocationService>();
        services.AddScoped<WhatIfService>();
        services.AddScoped<ImportService>();
        services.AddScoped<Applications.ApplicationService>();
        services.AddScoped<Applications.SubmissionService>();
        services.AddScoped<Applications.ReviewService>();
        services.AddScoped<Applications.DossierDocuments>();
        services.AddScoped<Grants.DecreeService>();
        services.AddScoped<Grants.PaymentService>();
        services.AddScoped<Grants.ReclaimService>();
        services.AddScoped<Grants.LedgerService>();
        services.AddScoped<Grants.DashboardService>();
        services.AddScoped<Reports.ReportService>();
        services.AddScoped<Vouchers.VoucherService>();
        services.AddScoped<Vouchers.VoucherDeskService>();
        services.AddScoped<Vouchers.VoucherMails>();
        services.AddScoped<Vouchers.VoucherPublicViews>();
        services.AddScoped<Actors.ActorService>();
        services.AddScoped<Reports.ReportImportService>();
        services.AddScoped<Reports.ReportListService>();
        services.AddScoped<Grants.OpenData.OpenDataService>();
        services.AddScoped<Kbo.KboService>();
        services.AddScoped<Kbo.KboImportService>();
        services.AddSingleton(Kbo.KboUploads.Default);

        // Notifications: the defaults here; the web app registers its configured settings after (the last one wins).
        services.AddLogging();
        services.AddSingleton(new Notifications.NotificationSettings());
        services.AddScoped<Notifications.NotificationService>();
        services.AddScoped<Notifications.ReminderService>();
        services.AddScoped<Reports.ReportReminderService>();
        services.AddScoped<Catalogue.OfferingService>();
        services.AddSingleton<Catalogue.CatalogueIndexCache>();
        services.AddScoped<Catalogue.CatalogueSearch>();
        services.AddScoped<Catalogue.CategoryService>();
        services.AddScoped<Catalogue.CatalogueReminderService>();
        services.AddSingleton(new Vouchers.VoucherSettings());
        services.AddScoped<Vouchers.VoucherControlService>();
        services.AddScoped<DatabaseSeeder>();
        return services;
    }
}

/// <summary>
/// Which migrations a database has and lacks, and migrating it, without ever querying a history table that is not
/// there: on PostgreSQL, EF Core's own check runs the history query and takes its failure for "no table", and that
/// failed command is logged as an error (two <c>fail:</c> lines on a first start that read to an operator as if
/// something went wrong).
/// </summary>
public static class MigrationState
{
    public static async Task<IReadOnlyList<string>> AppliedMigrationsAsync(this RegiekamerDb db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await HistoryExistsAsync(db, ct) ? (await db.GetService<IHistoryRepository>().GetAppliedMigrationsAsync(ct)).Select(m => m.MigrationId).ToList() : [];
    }

    public static async Task<IReadOnlyList<string>> PendingMigrationsAsync(this RegiekamerDb db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var applied = (await db.AppliedMigrationsAsync(ct)).ToHashSet(StringComparer.Ordinal);
        return db.Database.GetMigrations().Where(m => !applied.Contains(m)).ToList();
    }

    /// <summary>Applies the pending migrations; the history table is made first, so that EF Core's check finds it.</summary>
    public static async Task MigrateAsync(this RegiekamerDb db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await HistoryExistsAsync(db, ct))
        {
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(ct);
        }

        await db.Database.MigrateAsync(ct);
    }

    private static async Task<bool> HistoryExistsAsync(RegiekamerDb db, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            // SQLite's check reads sqlite_master: no failing query.
            return await db.GetService<IHistoryRepository>().ExistsAsync(ct);
        }

        // to_regclass follows the search path, as the unqualified table name of EF Core's queries does.
        var found = await db.Database.SqlQueryRaw<bool>($"SELECT to_regclass('\"{HistoryRepository.DefaultTableName}\"') IS NOT NULL AS \"Value\"").ToListAsync(ct);
        return found.Count == 1 && found[0];
    }
}
