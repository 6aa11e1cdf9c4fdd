using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regiekamer.Core.Data.Migrations;

/// <summary>
/// The tables of Quartz.NET's persistent job store (the scheduled jobs of ADR 0006 and 0009), made from the scripts
/// Quartz 4.7.3 ships for each database: <c>Data/Migrations/Quartz/create_postgres.sql</c> and <c>create_sqlite.sql</c>,
/// copies of Quartz's own, run statement by statement. The app never creates them at start (Quartz's schema
/// provisioning stays at Validate), as for every other table.
/// </summary>
/// <remarks>
/// The one migration not written with provider-neutral operations (ADR 0002): these tables are Quartz's, not our
/// model's, and their exact shape is Quartz's to define per database. EF Core does not model them, so the schema-drift
/// test leaves them out; <c>QuartzSchemaTests</c> checks that the scheduler starts on a migrated database of each kind.
/// </remarks>
[DbContext(typeof(RegiekamerDb))]
[Migration("20261213130000_QuartzScheduler")]
public sealed class QuartzScheduler : Migration
{
    /// <summary>Quartz's default table prefix; the scheduler is configured with the same (<c>SchedulerSetup</c>).</summary>
    public const string TablePrefix = "QRTZ_";

    /// <summary>The manifest names of the two scripts in this assembly.</summary>
    public const string PostgresScript = "Regiekamer.Quartz.create_postgres.sql";

    public const string SqliteScript = "Regiekamer.Quartz.create_sqlite.sql";

    private static readonly string[] Tables =
    [
        "JOB_STATUS", "MISFIRE_HISTORY", "EXECUTION_HISTORY", "LOCKS", "SCHEDULER_STATE", "FIRED_TRIGGERS", "PAUSED_JOB_GRPS",
        "PAUSED_TRIGGER_GRPS", "CALENDARS", "BLOB_TRIGGERS", "SIMPROP_TRIGGERS", "CRON_TRIGGERS", "SIMPLE_TRIGGERS", "TRIGGERS", "JOB_DETAILS",
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var statement in Statements(migrationBuilder.IsSqlite() ? SqliteScript : PostgresScript))
        {
            migrationBuilder.Sql(statement);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var table in Tables)
        {
            migrationBuilder.Sql($"DROP TABLE IF EXISTS {TablePrefix}{table};");
        }
    }

    /// <summary>The script's statements with the prefix filled in, split where Quartz splits them (a line reading <c>--;;</c>).</summary>
    public static IReadOnlyList<string> Statements(string script)
    {
        using var stream = typeof(QuartzScheduler).Assembly.GetManifestResourceStream(script)
            ?? throw new InvalidOperationException($"The Quartz schema script {script} is not embedded in {typeof(QuartzScheduler).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd().ReplaceLineEndings("\n").Replace("{0}", TablePrefix, StringComparison.Ordinal).Replace("{1}", TablePrefix, StringComparison.Ordinal);
        return text.Split("\n--;;\n")
            .Select(s => s.Trim())
            .Where(s => s.Split('\n').Any(line => line.Length > 0 && !line.StartsWith("--", StringComparison.Ordinal)))
            .ToList();
    }
}
