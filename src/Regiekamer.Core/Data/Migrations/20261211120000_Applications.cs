using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regiekamer.Core.Data.Migrations;

/// <summary>Application dossiers (R7): the dossier, its planned actions, commitment statements, attachments, submitted versions, review checks and decisions.</summary>
[DbContext(typeof(RegiekamerDb))]
[Migration("20261211120000_Applications")]
public sealed class ApplicationDossiers : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "Applications",
            columns: t => new
            {
                Id = Initial.Identity(t),
                CallId = t.Column<int>(nullable: false),
                PartnershipId = t.Column<int>(nullable: false),
                Number = t.Column<int>(nullable: false),
                DossierNumber = t.Column<string>(maxLength: 20, nullable: false),
                Status = t.Column<string>(maxLength: 40, nullable: false),
                Version = t.Column<int>(nullable: false),
                InformationVersion = t.Column<int>(nullable: false),
                BbcUser = t.Column<bool>(nullable: true),
                BeneficiaryKbo = t.Column<string>(maxLength: 10, nullable: true),
                Iban = t.Column<string>(maxLength: 34, nullable: true),
                WijkWerken = t.Column<bool>(nullable: true),
                RegisseurName = t.Column<string>(maxLength: 200, nullable: true),
                RegisseurEmail = t.Column<string>(maxLength: 200, nullable: true),
                RegisseurPhone = t.Column<string>(maxLength: 50, nullable: true),
                SignatoryName = t.Column<string>(maxLength: 200, nullable: true),
                SignatoryEmail = t.Column<string>(maxLength: 200, nullable: true),
                SignatoryPhone = t.Column<string>(maxLength: 50, nullable: true),
                ExtendedUntil = t.Column<DateOnly>(nullable: true),
                ExtensionMotivation = t.Column<string>(maxLength: 4000, nullable: true),
                ResponseDue = t.Column<DateOnly>(nullable: true),
                SubmittedVersions = t.Column<int>(nullable: false),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
                UpdatedAtUtc = t.Column<DateTime>(nullable: false),
                StatusSinceUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Applications", x => x.Id);
                t.ForeignKey("FK_Applications_Calls_CallId", x => x.CallId, "Calls", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_Applications_Partnerships_PartnershipId", x => x.PartnershipId, "Partnerships", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "PlannedActions",
            columns: t => new
            {
                Id = Initial.Identity(t),
                ApplicationId = t.Column<int>(nullable: false),
                Position = t.Column<int>(nullable: false),
                PolicyGoal = t.Column<string>(maxLength: 500, nullable: true),
                ActionPlan = t.Column<string>(maxLength: 500, nullable: true),
                ShortDescription = t.Column<string>(maxLength: 4000, nullable: false),
                LongDescription = t.Column<string>(maxLength: 4000, nullable: true),
                Comment = t.Column<string>(maxLength: 4000, nullable: true),
                Code = t.Column<string>(maxLength: 10, nullable: false),
                Amounts = t.Column<string>(maxLength: 500, nullable: false),
                Version = t.Column<int>(nullable: false),
                UpdatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_PlannedActions", x => x.Id);
                t.ForeignKey("FK_PlannedActions_Applications_ApplicationId", x => x.ApplicationId, "Applications", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ApplicationAttachments",
            columns: t => new
            {
                Id = Initial.Identity(t),
                ApplicationId = t.Column<int>(nullable: false),
                Kind = t.Column<string>(maxLength: 40, nullable: false),
                FileName = t.Column<string>(maxLength: 255, nullable: false),
                ContentType = t.Column<string>(maxLength: 100, nullable: false),
                Length = t.Column<long>(nullable: false),
                Sha256 = t.Column<string>(maxLength: 64, nullable: false),
                Content = t.Column<byte[]>(nullable: false),
                UploadedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ApplicationAttachments", x => x.Id);
                t.ForeignKey("FK_ApplicationAttachments_Applications_ApplicationId", x => x.ApplicationId, "Applications", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CommitmentStatements",
            columns: t => new
            {
                ApplicationId = t.Column<int>(nullable: false),
                NisCode = t.Column<string>(maxLength: 5, nullable: false),
                AttachmentId = t.Column<int>(nullable: false),
                CouncilDecisionDate = t.Column<DateOnly>(nullable: false),
                UploadedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_CommitmentStatements", x => new { x.ApplicationId, x.NisCode });
                t.ForeignKey("FK_CommitmentStatements_Applications_ApplicationId", x => x.ApplicationId, "Applications", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_CommitmentStatements_ApplicationAttachments_AttachmentId", x => x.AttachmentId, "ApplicationAttachments", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ApplicationVersions",
            columns: t => new
            {
                Id = Initial.Identity(t),
                ApplicationId = t.Column<int>(nullable: false),
                Number = t.Column<int>(nullable: false),
                Content = t.Column<string>(nullable: false),
                Sha256 = t.Column<string>(maxLength: 64, nullable: false),
                Contacts = t.Column<string>(maxLength: 2000, nullable: true),
                CallVersionId = t.Column<int>(nullable: false),
                SubmittedAtUtc = t.Column<DateTime>(nullable: false),
                UnderExtension = t.Column<bool>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ApplicationVersions", x => x.Id);
                t.ForeignKey("FK_ApplicationVersions_Applications_ApplicationId", x => x.ApplicationId, "Applications", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_ApplicationVersions_CallVersions_CallVersionId", x => x.CallVersionId, "CallVersions", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ApplicationDecisions",
            columns: t => new
            {
                Id = Initial.Identity(t),
                ApplicationId = t.Column<int>(nullable: false),
                VersionNumber = t.Column<int>(nullable: false),
                Kind = t.Column<string>(maxLength: 40, nullable: false),
                Motivation = t.Column<string>(maxLength: 4000, nullable: false),
                Rules = t.Column<string>(maxLength: 200, nullable: true),
                Points = t.Column<string>(maxLength: 4000, nullable: true),
                ResponseDue = t.Column<DateOnly>(nullable: true),
                DecidedByUserId = t.Column<Guid>(nullable: true),
                DecidedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ApplicationDecisions", x => x.Id);
                t.ForeignKey("FK_ApplicationDecisions_Applications_ApplicationId", x => x.ApplicationId, "Applications", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ReviewChecks",
            columns: t => new
            {
                ApplicationId = t.Column<int>(nullable: false),
                VersionNumber = t.Column<int>(nullable: false),
                Check = t.Column<string>(maxLength: 40, nullable: false),
                Verdict = t.Column<string>(maxLength: 40, nullable: false),
                Note = t.Column<string>(maxLength: 4000, nullable: true),
                ReviewedByUserId = t.Column<Guid>(nullable: true),
                ReviewedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ReviewChecks", x => new { x.ApplicationId, x.VersionNumber, x.Check });
                t.ForeignKey("FK_ReviewChecks_Applications_ApplicationId", x => x.ApplicationId, "Applications", "Id", onDelete: ReferentialAction.Cascade);
            });

        // R13: an allocation run says over whom it divided the budget; every run before dossiers was over the registered partnerships.
        migrationBuilder.AddColumn<string>(name: "Basis", table: "AllocationRuns", maxLength: 40, nullable: false, defaultValue: "Registered");

        migrationBuilder.CreateIndex("IX_Applications_CallId_PartnershipId", "Applications", ["CallId", "PartnershipId"], unique: true);
        migrationBuilder.CreateIndex("IX_Applications_CallId_Number", "Applications", ["CallId", "Number"], unique: true);
        migrationBuilder.CreateIndex("IX_Applications_DossierNumber", "Applications", "DossierNumber", unique: true);
        migrationBuilder.CreateIndex("IX_Applications_PartnershipId", "Applications", "PartnershipId");
        migrationBuilder.CreateIndex("IX_Applications_Status", "Applications", "Status");
        migrationBuilder.CreateIndex("IX_PlannedActions_ApplicationId", "PlannedActions", "ApplicationId");
        migrationBuilder.CreateIndex("IX_ApplicationAttachments_ApplicationId", "ApplicationAttachments", "ApplicationId");
        migrationBuilder.CreateIndex("IX_CommitmentStatements_AttachmentId", "CommitmentStatements", "AttachmentId");
        migrationBuilder.CreateIndex("IX_ApplicationVersions_ApplicationId_Number", "ApplicationVersions", ["ApplicationId", "Number"], unique: true);
        migrationBuilder.CreateIndex("IX_ApplicationVersions_CallVersionId", "ApplicationVersions", "CallVersionId");
        migrationBuilder.CreateIndex("IX_ApplicationDecisions_ApplicationId_VersionNumber", "ApplicationDecisions", ["ApplicationId", "VersionNumber"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        if (migrationBuilder.IsSqlite())
        {
            throw new NotSupportedException("SQLite cannot drop a column without rebuilding its table (ADR 0002); restore the database from before 20261211120000_Applications instead.");
        }

        migrationBuilder.DropTable("ReviewChecks");
        migrationBuilder.DropTable("ApplicationDecisions");
        migrationBuilder.DropTable("ApplicationVersions");
        migrationBuilder.DropTable("CommitmentStatements");
        migrationBuilder.DropTable("ApplicationAttachments");
        migrationBuilder.DropTable("PlannedActions");
        migrationBuilder.DropTable("Applications");
        migrationBuilder.DropColumn("Basis", "AllocationRuns");
    }
}
