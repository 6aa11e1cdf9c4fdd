using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regiekamer.Core.Data.Migrations;

/// <summary>
/// VDAB's job-seeker figures: the series and year of a dataset, the job-seeker dataset a call version chooses (null
/// until the seeder gives the existing versions of the 2023-2025 call their choice: <see cref="DatabaseSeeder.AddMissingShippedDataAsync"/>),
/// and which members of an allocation line had an estimated job-seeker figure.
/// </summary>
/// <remarks>
/// One statement is written per provider: SQLite cannot add a foreign key to an existing table except as a column
/// constraint of <c>ALTER TABLE … ADD</c> (EF Core would rebuild the table, which needs a model snapshot we do not
/// keep, ADR 0002); the constraint carries the name EF gives it, so the schema-drift test compares it like any other.
/// </remarks>
[DbContext(typeof(RegiekamerDb))]
[Migration("20261210120000_VdabJobSeekers")]
public sealed class VdabJobSeekers : Migration
{
    private const string ForeignKey = "FK_CallVersions_ReferenceDatasets_JobSeekersDatasetId";

    private const string Index = "IX_CallVersions_JobSeekersDatasetId";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<string>(name: "Series", table: "ReferenceDatasets", maxLength: 40, nullable: true);
        migrationBuilder.AddColumn<int>(name: "Year", table: "ReferenceDatasets", nullable: true);
        migrationBuilder.AddColumn<string>(name: "JobSeekerEstimates", table: "AllocationLines", maxLength: 2000, nullable: true);
        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql($"ALTER TABLE \"CallVersions\" ADD \"JobSeekersDatasetId\" INTEGER NULL CONSTRAINT \"{ForeignKey}\" REFERENCES \"ReferenceDatasets\" (\"Id\") ON DELETE RESTRICT;");
        }
        else
        {
            migrationBuilder.AddColumn<int>(name: "JobSeekersDatasetId", table: "CallVersions", nullable: true);
            migrationBuilder.AddForeignKey(ForeignKey, "CallVersions", "JobSeekersDatasetId", "ReferenceDatasets", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
        }

        migrationBuilder.CreateIndex(Index, "CallVersions", "JobSeekersDatasetId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        if (migrationBuilder.IsSqlite())
        {
            throw new NotSupportedException("SQLite cannot drop a column that is part of a foreign key without rebuilding the table; restore the database from before 20261210120000_VdabJobSeekers instead.");
        }

        migrationBuilder.DropIndex(Index, "CallVersions");
        migrationBuilder.DropForeignKey(ForeignKey, "CallVersions");
        migrationBuilder.DropColumn("JobSeekersDatasetId", "CallVersions");
        migrationBuilder.DropColumn("JobSeekerEstimates", "AllocationLines");
        migrationBuilder.DropColumn("Year", "ReferenceDatasets");
        migrationBuilder.DropColumn("Series", "ReferenceDatasets");
    }
}

internal static class MigrationProviders
{
    public static bool IsSqlite(this MigrationBuilder migrationBuilder) => migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite";
}
