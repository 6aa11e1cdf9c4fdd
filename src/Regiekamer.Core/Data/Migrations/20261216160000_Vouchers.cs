using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regiekamer.Core.Data.Migrations;

/// <summary>Introduction vouchers (issue 10, point 6; docs/adr/0015): a partnership's schemes, their providers, and the companies' vouchers.</summary>
[DbContext(typeof(RegiekamerDb))]
[Migration("20261216160000_Vouchers")]
public sealed class Vouchers : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "VoucherSchemes",
            columns: t => new
            {
                Id = Initial.Identity(t),
                PartnershipId = t.Column<int>(nullable: false),
                Name = t.Column<string>(maxLength: 200, nullable: false),
                Kind = t.Column<string>(maxLength: 40, nullable: false),
                Value = t.Column<long>(nullable: false),
                OwnShare = t.Column<long>(nullable: false),
                UseWithinMonths = t.Column<int>(nullable: false),
                From = t.Column<DateOnly>(nullable: false),
                Until = t.Column<DateOnly>(nullable: false),
                Budget = t.Column<long>(nullable: false),
                TargetCompanies = t.Column<int>(nullable: false),
                Status = t.Column<string>(maxLength: 40, nullable: false),
                ClosedOn = t.Column<DateOnly>(nullable: true),
                IsDemo = t.Column<bool>(nullable: false),
                Version = t.Column<int>(nullable: false),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
                UpdatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_VoucherSchemes", x => x.Id);
                t.ForeignKey("FK_VoucherSchemes_Partnerships_PartnershipId", x => x.PartnershipId, "Partnerships", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_VoucherSchemes_PartnershipId", "VoucherSchemes", "PartnershipId");

        migrationBuilder.CreateTable(
            name: "VoucherSchemeProviders",
            columns: t => new
            {
                VoucherSchemeId = t.Column<int>(nullable: false),
                ActorId = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_VoucherSchemeProviders", x => new { x.VoucherSchemeId, x.ActorId });
                t.ForeignKey("FK_VoucherSchemeProviders_VoucherSchemes_VoucherSchemeId", x => x.VoucherSchemeId, "VoucherSchemes", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_VoucherSchemeProviders_Actors_ActorId", x => x.ActorId, "Actors", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_VoucherSchemeProviders_ActorId", "VoucherSchemeProviders", "ActorId");

        migrationBuilder.CreateTable(
            name: "Vouchers",
            columns: t => new
            {
                Id = Initial.Identity(t),
                VoucherSchemeId = t.Column<int>(nullable: false),
                PartnershipId = t.Column<int>(nullable: false),
                CompanyKbo = t.Column<string>(maxLength: 10, nullable: false),
                CompanyName = t.Column<string>(maxLength: 300, nullable: false),
                CompanyAddress = t.Column<string>(maxLength: 300, nullable: true),
                ContactName = t.Column<string>(maxLength: 200, nullable: true),
                ContactEmail = t.Column<string>(maxLength: 254, nullable: true),
                ContactPhone = t.Column<string>(maxLength: 40, nullable: true),
                ProviderActorId = t.Column<int>(nullable: false),
                Service = t.Column<string>(maxLength: 2000, nullable: false),
                DeclaredNotRelated = t.Column<bool>(nullable: false),
                IpAddress = t.Column<string>(maxLength: 45, nullable: true),
                AppliedAtUtc = t.Column<DateTime>(nullable: false),
                AppliedOn = t.Column<DateOnly>(nullable: false),
                CompanyTokenHash = t.Column<string>(maxLength: 64, nullable: true),
                ProviderTokenHash = t.Column<string>(maxLength: 64, nullable: true),
                ConfirmedAtUtc = t.Column<DateTime>(nullable: true),
                Status = t.Column<string>(maxLength: 40, nullable: false),
                Amount = t.Column<long>(nullable: false),
                Findings = t.Column<string>(maxLength: 4000, nullable: true),
                DecidedOn = t.Column<DateOnly>(nullable: true),
                DecidedByUserId = t.Column<Guid>(nullable: true),
                DecisionReason = t.Column<string>(maxLength: 2000, nullable: true),
                LastDayOfUse = t.Column<DateOnly>(nullable: true),
                DeliveredOn = t.Column<DateOnly>(nullable: true),
                InvoiceNumber = t.Column<string>(maxLength: 100, nullable: true),
                InvoiceDate = t.Column<DateOnly>(nullable: true),
                InvoiceTotal = t.Column<long>(nullable: false),
                PaidByCompany = t.Column<long>(nullable: false),
                PaidOn = t.Column<DateOnly>(nullable: true),
                PaymentReference = t.Column<string>(maxLength: 100, nullable: true),
                PersonalDataErased = t.Column<bool>(nullable: false),
                Version = t.Column<int>(nullable: false),
                UpdatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Vouchers", x => x.Id);
                t.ForeignKey("FK_Vouchers_VoucherSchemes_VoucherSchemeId", x => x.VoucherSchemeId, "VoucherSchemes", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_Vouchers_Partnerships_PartnershipId", x => x.PartnershipId, "Partnerships", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_Vouchers_Actors_ProviderActorId", x => x.ProviderActorId, "Actors", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Vouchers_VoucherSchemeId", "Vouchers", "VoucherSchemeId");
        migrationBuilder.CreateIndex("IX_Vouchers_PartnershipId", "Vouchers", "PartnershipId");
        migrationBuilder.CreateIndex("IX_Vouchers_CompanyKbo", "Vouchers", "CompanyKbo");
        migrationBuilder.CreateIndex("IX_Vouchers_ProviderActorId", "Vouchers", "ProviderActorId");
        migrationBuilder.CreateIndex("IX_Vouchers_CompanyTokenHash", "Vouchers", "CompanyTokenHash", unique: true);
        migrationBuilder.CreateIndex("IX_Vouchers_ProviderTokenHash", "Vouchers", "ProviderTokenHash", unique: true);

        migrationBuilder.CreateTable(
            name: "VoucherFiles",
            columns: t => new
            {
                Id = Initial.Identity(t),
                VoucherId = t.Column<int>(nullable: false),
                Kind = t.Column<string>(maxLength: 40, nullable: false),
                FileName = t.Column<string>(maxLength: 255, nullable: false),
                Length = t.Column<long>(nullable: false),
                Sha256 = t.Column<string>(maxLength: 64, nullable: false),
                Content = t.Column<byte[]>(nullable: false),
                UploadedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_VoucherFiles", x => x.Id);
                t.ForeignKey("FK_VoucherFiles_Vouchers_VoucherId", x => x.VoucherId, "Vouchers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_VoucherFiles_VoucherId", "VoucherFiles", "VoucherId");
        migrationBuilder.CreateIndex("IX_VoucherFiles_Sha256", "VoucherFiles", "Sha256");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("VoucherFiles");
        migrationBuilder.DropTable("Vouchers");
        migrationBuilder.DropTable("VoucherSchemeProviders");
        migrationBuilder.DropTable("VoucherSchemes");
    }
}
