using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regiekamer.Core.Data.Migrations;

/// <summary>Annual reports (issue 9, R15): one per partnership, call and year, with the actions as reported.</summary>
[DbContext(typeof(RegiekamerDb))]
[Migration("20261214130000_AnnualReports")]
public sealed class AnnualReports : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "AnnualReports",
            columns: t => new
            {
                Id = Initial.Identity(t),
                CallId = t.Column<int>(nullable: false),
                PartnershipId = t.Column<int>(nullable: false),
                ApplicationId = t.Column<int>(nullable: false),
                Year = t.Column<int>(nullable: false),
                BbcRoute = t.Column<bool>(nullable: false),
                Status = t.Column<string>(maxLength: 40, nullable: false),
                SubmittedVersions = t.Column<int>(nullable: false),
                SubmittedAtUtc = t.Column<DateTime>(nullable: true),
                EvaluationMotivation = t.Column<string>(maxLength: 4000, nullable: true),
                ResponseDue = t.Column<DateOnly>(nullable: true),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
                UpdatedAtUtc = t.Column<DateTime>(nullable: false),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_AnnualReports", x => x.Id);
                t.ForeignKey("FK_AnnualReports_Calls_CallId", x => x.CallId, "Calls", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_AnnualReports_Partnerships_PartnershipId", x => x.PartnershipId, "Partnerships", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_AnnualReports_Applications_ApplicationId", x => x.ApplicationId, "Applications", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_AnnualReports_CallId_PartnershipId_Year", "AnnualReports", ["CallId", "PartnershipId", "Year"], unique: true);
        migrationBuilder.CreateIndex("IX_AnnualReports_PartnershipId", "AnnualReports", "PartnershipId");
        migrationBuilder.CreateIndex("IX_AnnualReports_ApplicationId", "AnnualReports", "ApplicationId");

        migrationBuilder.CreateTable(
            name: "ReportedActions",
            columns: t => new
            {
                Id = Initial.Identity(t),
                AnnualReportId = t.Column<int>(nullable: false),
                PlannedActionId = t.Column<int>(nullable: true),
                Position = t.Column<int>(nullable: false),
                PolicyGoal = t.Column<string>(maxLength: 4000, nullable: true),
                ActionPlan = t.Column<string>(maxLength: 4000, nullable: true),
                ShortDescription = t.Column<string>(maxLength: 4000, nullable: false),
                LongDescription = t.Column<string>(maxLength: 4000, nullable: true),
                Comment = t.Column<string>(maxLength: 4000, nullable: true),
                Code = t.Column<string>(maxLength: 10, nullable: false),
                PlannedAmount = t.Column<long>(nullable: true),
                Cost = t.Column<long>(nullable: true),
                Outcome = t.Column<string>(maxLength: 40, nullable: false),
                NotCarriedOutReason = t.Column<string>(maxLength: 4000, nullable: true),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ReportedActions", x => x.Id);
                t.ForeignKey("FK_ReportedActions_AnnualReports_AnnualReportId", x => x.AnnualReportId, "AnnualReports", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ReportedActions_AnnualReportId", "ReportedActions", "AnnualReportId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("ReportedActions");
        migrationBuilder.DropTable("AnnualReports");
    }
}
