using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regiekamer.Core.Data.Migrations;

/// <summary>
/// The report cycle (issue 9, R15–R16): the report deadline per call version, extensions per partnership, the first
/// submission the deadline judges, and the evaluation per Flemish priority.
/// </summary>
[DbContext(typeof(RegiekamerDb))]
[Migration("20261215120000_ReportCycle")]
public sealed class ReportCycle : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        migrationBuilder.AddColumn<int>("ReportDueMonth", "CallVersions", nullable: false, defaultValue: 6);
        migrationBuilder.AddColumn<int>("ReportDueDay", "CallVersions", nullable: false, defaultValue: 30);
        migrationBuilder.AddColumn<DateTime>("FirstSubmittedAtUtc", "AnnualReports", nullable: true);
        migrationBuilder.AddColumn<DateTime>("EvaluatedAtUtc", "AnnualReports", nullable: true);
        migrationBuilder.AddColumn<string>("SubmittedSha256", "AnnualReports", maxLength: 64, nullable: true);

        migrationBuilder.CreateTable(
            name: "PriorityEvaluations",
            columns: t => new
            {
                Id = Initial.Identity(t),
                AnnualReportId = t.Column<int>(nullable: false),
                Code = t.Column<string>(maxLength: 10, nullable: false),
                Sufficient = t.Column<bool>(nullable: false),
                Remarks = t.Column<string>(maxLength: 4000, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_PriorityEvaluations", x => x.Id);
                t.ForeignKey("FK_PriorityEvaluations_AnnualReports_AnnualReportId", x => x.AnnualReportId, "AnnualReports", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_PriorityEvaluations_AnnualReportId", "PriorityEvaluations", "AnnualReportId");

        migrationBuilder.CreateTable(
            name: "ReportExtensions",
            columns: t => new
            {
                Id = Initial.Identity(t),
                CallId = t.Column<int>(nullable: false),
                PartnershipId = t.Column<int>(nullable: false),
                Year = t.Column<int>(nullable: false),
                Until = t.Column<DateOnly>(nullable: false),
                Reason = t.Column<string>(maxLength: 1000, nullable: false),
                GrantedByUserId = t.Column<Guid>(nullable: true),
                GrantedAtUtc = t.Column<DateTime>(nullable: false),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ReportExtensions", x => x.Id);
                t.ForeignKey("FK_ReportExtensions_Calls_CallId", x => x.CallId, "Calls", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_ReportExtensions_Partnerships_PartnershipId", x => x.PartnershipId, "Partnerships", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ReportExtensions_CallId_PartnershipId_Year", "ReportExtensions", ["CallId", "PartnershipId", "Year"], unique: true);
        migrationBuilder.CreateIndex("IX_ReportExtensions_PartnershipId", "ReportExtensions", "PartnershipId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("ReportExtensions");
        migrationBuilder.DropTable("PriorityEvaluations");
        migrationBuilder.DropColumn("SubmittedSha256", "AnnualReports");
        migrationBuilder.DropColumn("EvaluatedAtUtc", "AnnualReports");
        migrationBuilder.DropColumn("FirstSubmittedAtUtc", "AnnualReports");
        migrationBuilder.DropColumn("ReportDueDay", "CallVersions");
        migrationBuilder.DropColumn("ReportDueMonth", "CallVersions");
    }
}
