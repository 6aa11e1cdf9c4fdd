using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regiekamer.Core.Data.Migrations;

/// <summary>Grants (issue 9): yearly decrees and their lines, payments with four eyes, payment stops and reclaims (R16); the call version's payment schedule (the advance's percentage).</summary>
[DbContext(typeof(RegiekamerDb))]
[Migration("20261214120000_Grants")]
public sealed class Grants : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        migrationBuilder.AddColumn<int>("AdvancePercent", "CallVersions", nullable: false, defaultValue: 100);

        migrationBuilder.CreateTable(
            name: "Decrees",
            columns: t => new
            {
                Id = Initial.Identity(t),
                CallId = t.Column<int>(nullable: false),
                Year = t.Column<int>(nullable: false),
                Number = t.Column<string>(maxLength: 60, nullable: false),
                DecreeDate = t.Column<DateOnly>(nullable: false),
                LegalBasis = t.Column<string>(maxLength: 4000, nullable: false),
                AllocationRunId = t.Column<int>(nullable: false),
                Budget = t.Column<long>(nullable: false),
                AmendsDecreeId = t.Column<int>(nullable: true),
                AmendmentReason = t.Column<string>(maxLength: 4000, nullable: true),
                Status = t.Column<string>(maxLength: 40, nullable: false),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
                SignedAtUtc = t.Column<DateTime>(nullable: true),
                SignedByUserId = t.Column<Guid>(nullable: true),
                PublishedAtUtc = t.Column<DateTime>(nullable: true),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Decrees", x => x.Id);
                t.ForeignKey("FK_Decrees_Calls_CallId", x => x.CallId, "Calls", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_Decrees_AllocationRuns_AllocationRunId", x => x.AllocationRunId, "AllocationRuns", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_Decrees_Decrees_AmendsDecreeId", x => x.AmendsDecreeId, "Decrees", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Decrees_Number", "Decrees", "Number", unique: true);
        migrationBuilder.CreateIndex("IX_Decrees_CallId_Year", "Decrees", ["CallId", "Year"]);
        migrationBuilder.CreateIndex("IX_Decrees_AllocationRunId", "Decrees", "AllocationRunId");
        migrationBuilder.CreateIndex("IX_Decrees_AmendsDecreeId", "Decrees", "AmendsDecreeId");

        migrationBuilder.CreateTable(
            name: "DecreeLines",
            columns: t => new
            {
                Id = Initial.Identity(t),
                DecreeId = t.Column<int>(nullable: false),
                PartnershipId = t.Column<int>(nullable: false),
                PartnershipName = t.Column<string>(maxLength: 200, nullable: false),
                ApplicationId = t.Column<int>(nullable: true),
                BeneficiaryKind = t.Column<string>(maxLength: 40, nullable: false),
                BeneficiaryName = t.Column<string>(maxLength: 200, nullable: false),
                BeneficiaryKbo = t.Column<string>(maxLength: 10, nullable: true),
                Iban = t.Column<string>(maxLength: 34, nullable: true),
                Members = t.Column<string>(maxLength: 2000, nullable: false),
                Amount = t.Column<long>(nullable: false),
                LedgerVersion = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_DecreeLines", x => x.Id);
                t.ForeignKey("FK_DecreeLines_Decrees_DecreeId", x => x.DecreeId, "Decrees", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_DecreeLines_Partnerships_PartnershipId", x => x.PartnershipId, "Partnerships", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_DecreeLines_Applications_ApplicationId", x => x.ApplicationId, "Applications", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_DecreeLines_DecreeId_PartnershipId", "DecreeLines", ["DecreeId", "PartnershipId"], unique: true);
        migrationBuilder.CreateIndex("IX_DecreeLines_PartnershipId", "DecreeLines", "PartnershipId");
        migrationBuilder.CreateIndex("IX_DecreeLines_ApplicationId", "DecreeLines", "ApplicationId");

        migrationBuilder.CreateTable(
            name: "Payments",
            columns: t => new
            {
                Id = Initial.Identity(t),
                CallId = t.Column<int>(nullable: false),
                Year = t.Column<int>(nullable: false),
                PartnershipId = t.Column<int>(nullable: false),
                DecreeLineId = t.Column<int>(nullable: false),
                Kind = t.Column<string>(maxLength: 40, nullable: false),
                PlannedDate = t.Column<DateOnly>(nullable: false),
                Amount = t.Column<long>(nullable: false),
                Status = t.Column<string>(maxLength: 40, nullable: false),
                Reference = t.Column<string>(maxLength: 60, nullable: false),
                BankReference = t.Column<string>(maxLength: 100, nullable: true),
                ProposedByUserId = t.Column<Guid>(nullable: true),
                ProposedAtUtc = t.Column<DateTime>(nullable: true),
                ApprovedByUserId = t.Column<Guid>(nullable: true),
                ApprovedAtUtc = t.Column<DateTime>(nullable: true),
                OrderedAtUtc = t.Column<DateTime>(nullable: true),
                PaidOn = t.Column<DateOnly>(nullable: true),
                FailureReason = t.Column<string>(maxLength: 1000, nullable: true),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
                UpdatedAtUtc = t.Column<DateTime>(nullable: false),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Payments", x => x.Id);
                t.ForeignKey("FK_Payments_Calls_CallId", x => x.CallId, "Calls", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_Payments_Partnerships_PartnershipId", x => x.PartnershipId, "Partnerships", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_Payments_DecreeLines_DecreeLineId", x => x.DecreeLineId, "DecreeLines", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Payments_CallId_Year_PartnershipId", "Payments", ["CallId", "Year", "PartnershipId"]);
        migrationBuilder.CreateIndex("IX_Payments_Status", "Payments", "Status");
        migrationBuilder.CreateIndex("IX_Payments_Reference", "Payments", "Reference", unique: true);
        migrationBuilder.CreateIndex("IX_Payments_PartnershipId", "Payments", "PartnershipId");
        migrationBuilder.CreateIndex("IX_Payments_DecreeLineId", "Payments", "DecreeLineId");

        migrationBuilder.CreateTable(
            name: "PaymentStops",
            columns: t => new
            {
                Id = Initial.Identity(t),
                CallId = t.Column<int>(nullable: false),
                PartnershipId = t.Column<int>(nullable: false),
                DecidedOn = t.Column<DateOnly>(nullable: false),
                Decision = t.Column<string>(maxLength: 200, nullable: false),
                Motivation = t.Column<string>(maxLength: 4000, nullable: false),
                DecidedByUserId = t.Column<Guid>(nullable: true),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_PaymentStops", x => x.Id);
                t.ForeignKey("FK_PaymentStops_Calls_CallId", x => x.CallId, "Calls", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_PaymentStops_Partnerships_PartnershipId", x => x.PartnershipId, "Partnerships", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_PaymentStops_CallId_PartnershipId", "PaymentStops", ["CallId", "PartnershipId"], unique: true);
        migrationBuilder.CreateIndex("IX_PaymentStops_PartnershipId", "PaymentStops", "PartnershipId");

        migrationBuilder.CreateTable(
            name: "Reclaims",
            columns: t => new
            {
                Id = Initial.Identity(t),
                CallId = t.Column<int>(nullable: false),
                PartnershipId = t.Column<int>(nullable: false),
                Decision = t.Column<string>(maxLength: 200, nullable: false),
                DecidedOn = t.Column<DateOnly>(nullable: false),
                Motivation = t.Column<string>(maxLength: 4000, nullable: false),
                DueDate = t.Column<DateOnly>(nullable: false),
                Status = t.Column<string>(maxLength: 40, nullable: false),
                ClaimedOn = t.Column<DateOnly>(nullable: true),
                WrittenOff = t.Column<long>(nullable: false),
                WriteOffMotivation = t.Column<string>(maxLength: 4000, nullable: true),
                DecidedByUserId = t.Column<Guid>(nullable: true),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
                UpdatedAtUtc = t.Column<DateTime>(nullable: false),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Reclaims", x => x.Id);
                t.ForeignKey("FK_Reclaims_Calls_CallId", x => x.CallId, "Calls", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_Reclaims_Partnerships_PartnershipId", x => x.PartnershipId, "Partnerships", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Reclaims_CallId_PartnershipId", "Reclaims", ["CallId", "PartnershipId"]);
        migrationBuilder.CreateIndex("IX_Reclaims_PartnershipId", "Reclaims", "PartnershipId");

        migrationBuilder.CreateTable(
            name: "ReclaimYears",
            columns: t => new
            {
                Id = Initial.Identity(t),
                ReclaimId = t.Column<int>(nullable: false),
                Year = t.Column<int>(nullable: false),
                Amount = t.Column<long>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ReclaimYears", x => x.Id);
                t.ForeignKey("FK_ReclaimYears_Reclaims_ReclaimId", x => x.ReclaimId, "Reclaims", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ReclaimYears_ReclaimId_Year", "ReclaimYears", ["ReclaimId", "Year"], unique: true);

        migrationBuilder.CreateTable(
            name: "Repayments",
            columns: t => new
            {
                Id = Initial.Identity(t),
                ReclaimId = t.Column<int>(nullable: false),
                ReceivedOn = t.Column<DateOnly>(nullable: false),
                Amount = t.Column<long>(nullable: false),
                Reference = t.Column<string>(maxLength: 100, nullable: true),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Repayments", x => x.Id);
                t.ForeignKey("FK_Repayments_Reclaims_ReclaimId", x => x.ReclaimId, "Reclaims", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_Repayments_ReclaimId", "Repayments", "ReclaimId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("Repayments");
        migrationBuilder.DropTable("ReclaimYears");
        migrationBuilder.DropTable("Reclaims");
        migrationBuilder.DropTable("PaymentStops");
        migrationBuilder.DropTable("Payments");
        migrationBuilder.DropTable("DecreeLines");
        migrationBuilder.DropTable("Decrees");
        migrationBuilder.DropColumn("AdvancePercent", "CallVersions");
    }
}
