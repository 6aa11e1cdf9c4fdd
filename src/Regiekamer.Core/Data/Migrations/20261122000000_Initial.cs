using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Regiekamer.Core.Data.Migrations;

/// <summary>
/// Hand-written and provider-neutral (no column type names: each provider maps the CLR type itself).
/// SchemaDriftTests proves the migrated schema equals the EF model on SQLite and PostgreSQL.
/// </summary>
[DbContext(typeof(RegiekamerDb))]
[Migration("20261122000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "ReferenceDatasets",
            columns: t => new
            {
                Id = Identity(t),
                Kind = t.Column<string>(maxLength: 40, nullable: false),
                MunicipalitySet = t.Column<string>(maxLength: 40, nullable: false),
                Title = t.Column<string>(maxLength: 200, nullable: false),
                Source = t.Column<string>(maxLength: 200, nullable: false),
                Provenance = t.Column<string>(maxLength: 2000, nullable: false),
                ReferenceDate = t.Column<DateOnly>(nullable: false),
                IsEstimate = t.Column<bool>(nullable: false),
                EstimateMethod = t.Column<string>(maxLength: 2000, nullable: true),
                ImportedAtUtc = t.Column<DateTime>(nullable: false),
                RowCount = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_ReferenceDatasets", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Municipalities",
            columns: t => new
            {
                Id = Identity(t),
                Set = t.Column<string>(maxLength: 40, nullable: false),
                NisCode = t.Column<string>(maxLength: 5, nullable: false),
                Name = t.Column<string>(maxLength: 100, nullable: false),
                ArrondissementNis = t.Column<string>(maxLength: 5, nullable: false),
                ArrondissementName = t.Column<string>(maxLength: 100, nullable: false),
                ProvinceNis = t.Column<string>(maxLength: 5, nullable: false),
                ProvinceName = t.Column<string>(maxLength: 100, nullable: false),
                IsCentralCity = t.Column<bool>(nullable: false),
                SuccessorNisCode = t.Column<string>(maxLength: 5, nullable: true),
                Merged2025 = t.Column<bool>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_Municipalities", x => x.Id));

        migrationBuilder.CreateTable(
            name: "ReferenceRegions",
            columns: t => new
            {
                Code = t.Column<string>(maxLength: 10, nullable: false),
                Name = t.Column<string>(maxLength: 100, nullable: false),
                ProvinceNis = t.Column<string>(maxLength: 5, nullable: false),
                ProvinceName = t.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_ReferenceRegions", x => x.Code));

        migrationBuilder.CreateTable(
            name: "RegionAssignments",
            columns: t => new
            {
                DatasetId = t.Column<int>(nullable: false),
                NisCode = t.Column<string>(maxLength: 5, nullable: false),
                RegionCode = t.Column<string>(maxLength: 10, nullable: false),
                RegionName = t.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_RegionAssignments", x => new { x.DatasetId, x.NisCode });
                t.ForeignKey("FK_RegionAssignments_ReferenceDatasets_DatasetId", x => x.DatasetId, "ReferenceDatasets", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "MunicipalityFigures",
            columns: t => new
            {
                DatasetId = t.Column<int>(nullable: false),
                NisCode = t.Column<string>(maxLength: 5, nullable: false),
                Value = t.Column<long>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_MunicipalityFigures", x => new { x.DatasetId, x.NisCode });
                t.ForeignKey("FK_MunicipalityFigures_ReferenceDatasets_DatasetId", x => x.DatasetId, "ReferenceDatasets", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Partnerships",
            columns: t => new
            {
                Id = Identity(t),
                Name = t.Column<string>(maxLength: 200, nullable: false),
                Kind = t.Column<string>(maxLength: 40, nullable: false),
                Status = t.Column<string>(maxLength: 40, nullable: false),
                MunicipalitySet = t.Column<string>(maxLength: 40, nullable: false),
                ManagingNisCode = t.Column<string>(maxLength: 5, nullable: true),
                ChangeMotivation = t.Column<string>(maxLength: 4000, nullable: true),
                RegisseurName = t.Column<string>(maxLength: 200, nullable: true),
                RegisseurEmail = t.Column<string>(maxLength: 200, nullable: true),
                RegisseurPhone = t.Column<string>(maxLength: 50, nullable: true),
                IsDemo = t.Column<bool>(nullable: false),
                DemoSource = t.Column<string>(maxLength: 500, nullable: true),
                Version = t.Column<int>(nullable: false),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
                UpdatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_Partnerships", x => x.Id));

        migrationBuilder.CreateTable(
            name: "PartnershipMembers",
            columns: t => new
            {
                PartnershipId = t.Column<int>(nullable: false),
                NisCode = t.Column<string>(maxLength: 5, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_PartnershipMembers", x => new { x.PartnershipId, x.NisCode });
                t.ForeignKey("FK_PartnershipMembers_Partnerships_PartnershipId", x => x.PartnershipId, "Partnerships", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Calls",
            columns: t => new
            {
                Id = Identity(t),
                Code = t.Column<string>(maxLength: 20, nullable: false),
                Title = t.Column<string>(maxLength: 200, nullable: false),
                FirstYear = t.Column<int>(nullable: false),
                LastYear = t.Column<int>(nullable: false),
                MunicipalitySet = t.Column<string>(maxLength: 40, nullable: false),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_Calls", x => x.Id));

        migrationBuilder.CreateTable(
            name: "CallVersions",
            columns: t => new
            {
                Id = Identity(t),
                CallId = t.Column<int>(nullable: false),
                Number = t.Column<int>(nullable: false),
                YearlyBudget = t.Column<long>(nullable: false),
                WeightWorkingAge = t.Column<int>(nullable: false),
                WeightJobSeekers = t.Column<int>(nullable: false),
                WeightEqual = t.Column<int>(nullable: false),
                Deadline = t.Column<DateOnly>(nullable: false),
                Priorities = t.Column<string>(maxLength: 200, nullable: false),
                RegionDatasetId = t.Column<int>(nullable: false),
                EffectiveFrom = t.Column<DateOnly>(nullable: false),
                Note = t.Column<string>(maxLength: 2000, nullable: true),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_CallVersions", x => x.Id);
                t.ForeignKey("FK_CallVersions_Calls_CallId", x => x.CallId, "Calls", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_CallVersions_ReferenceDatasets_RegionDatasetId", x => x.RegionDatasetId, "ReferenceDatasets", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "AllocationRuns",
            columns: t => new
            {
                Id = Identity(t),
                CallVersionId = t.Column<int>(nullable: false),
                Budget = t.Column<long>(nullable: false),
                WeightWorkingAge = t.Column<int>(nullable: false),
                WeightJobSeekers = t.Column<int>(nullable: false),
                WeightEqual = t.Column<int>(nullable: false),
                EligibilityDate = t.Column<DateOnly>(nullable: false),
                InhabitantsDatasetId = t.Column<int>(nullable: false),
                WorkingAgeDatasetId = t.Column<int>(nullable: false),
                JobSeekersDatasetId = t.Column<int>(nullable: false),
                RegionDatasetId = t.Column<int>(nullable: false),
                UsesEstimates = t.Column<bool>(nullable: false),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
                PublishedAtUtc = t.Column<DateTime>(nullable: true),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_AllocationRuns", x => x.Id);
                t.ForeignKey("FK_AllocationRuns_CallVersions_CallVersionId", x => x.CallVersionId, "CallVersions", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_AllocationRuns_ReferenceDatasets_InhabitantsDatasetId", x => x.InhabitantsDatasetId, "ReferenceDatasets", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_AllocationRuns_ReferenceDatasets_JobSeekersDatasetId", x => x.JobSeekersDatasetId, "ReferenceDatasets", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_AllocationRuns_ReferenceDatasets_RegionDatasetId", x => x.RegionDatasetId, "ReferenceDatasets", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_AllocationRuns_ReferenceDatasets_WorkingAgeDatasetId", x => x.WorkingAgeDatasetId, "ReferenceDatasets", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "AllocationLines",
            columns: t => new
            {
                Id = Identity(t),
                AllocationRunId = t.Column<int>(nullable: false),
                PartnershipId = t.Column<int>(nullable: true),
                PartnershipName = t.Column<string>(maxLength: 200, nullable: false),
                Members = t.Column<string>(maxLength: 2000, nullable: false),
                WorkingAgePopulation = t.Column<long>(nullable: false),
                JobSeekers = t.Column<long>(nullable: false),
                EqualPart = t.Column<long>(nullable: false),
                WorkingAgePart = t.Column<long>(nullable: false),
                JobSeekerPart = t.Column<long>(nullable: false),
                Total = t.Column<long>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_AllocationLines", x => x.Id);
                t.ForeignKey("FK_AllocationLines_AllocationRuns_AllocationRunId", x => x.AllocationRunId, "AllocationRuns", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_AllocationLines_Partnerships_PartnershipId", x => x.PartnershipId, "Partnerships", "Id", onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateIndex("IX_AllocationLines_AllocationRunId", "AllocationLines", "AllocationRunId");
        migrationBuilder.CreateIndex("IX_AllocationLines_PartnershipId", "AllocationLines", "PartnershipId");
        migrationBuilder.CreateIndex("IX_AllocationRuns_CallVersionId", "AllocationRuns", "CallVersionId");
        migrationBuilder.CreateIndex("IX_AllocationRuns_InhabitantsDatasetId", "AllocationRuns", "InhabitantsDatasetId");
        migrationBuilder.CreateIndex("IX_AllocationRuns_JobSeekersDatasetId", "AllocationRuns", "JobSeekersDatasetId");
        migrationBuilder.CreateIndex("IX_AllocationRuns_RegionDatasetId", "AllocationRuns", "RegionDatasetId");
        migrationBuilder.CreateIndex("IX_AllocationRuns_WorkingAgeDatasetId", "AllocationRuns", "WorkingAgeDatasetId");
        migrationBuilder.CreateIndex("IX_Calls_Code", "Calls", "Code", unique: true);
        migrationBuilder.CreateIndex("IX_CallVersions_CallId_Number", "CallVersions", ["CallId", "Number"], unique: true);
        migrationBuilder.CreateIndex("IX_CallVersions_RegionDatasetId", "CallVersions", "RegionDatasetId");
        migrationBuilder.CreateIndex("IX_Municipalities_Set_NisCode", "Municipalities", ["Set", "NisCode"], unique: true);
        migrationBuilder.CreateIndex("IX_Partnerships_Name", "Partnerships", "Name", unique: true);
        migrationBuilder.CreateIndex("IX_ReferenceDatasets_Kind_MunicipalitySet", "ReferenceDatasets", ["Kind", "MunicipalitySet"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var table in new[] { "AllocationLines", "AllocationRuns", "CallVersions", "Calls", "PartnershipMembers", "Partnerships", "MunicipalityFigures", "RegionAssignments", "ReferenceRegions", "Municipalities", "ReferenceDatasets" })
        {
            migrationBuilder.DropTable(table);
        }
    }

    // An auto-numbered integer key on either provider.
    internal static OperationBuilder<AddColumnOperation> Identity(ColumnsBuilder t) =>
        t.Column<int>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
