using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regiekamer.Core.Data.Migrations;

/// <summary>
/// The vouchers' controls (KC9; docs/adr/0015): the control draws with their seed, each drawn voucher's control, and on
/// the voucher the reclaim after a failed control and its repayment.
/// </summary>
[DbContext(typeof(RegiekamerDb))]
[Migration("20261217100000_VoucherControls")]
public sealed class VoucherControls : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<long>(name: "ReclaimAmount", table: "Vouchers", nullable: true);
        migrationBuilder.AddColumn<string>(name: "ReclaimReason", table: "Vouchers", maxLength: 2000, nullable: true);
        migrationBuilder.AddColumn<DateOnly>(name: "ReclaimedOn", table: "Vouchers", nullable: true);
        migrationBuilder.AddColumn<DateOnly>(name: "RepaidOn", table: "Vouchers", nullable: true);
        migrationBuilder.AddColumn<string>(name: "RepaymentReference", table: "Vouchers", maxLength: 100, nullable: true);

        migrationBuilder.CreateTable(
            name: "VoucherControlDraws",
            columns: t => new
            {
                Id = Initial.Identity(t),
                VoucherSchemeId = t.Column<int>(nullable: false),
                PartnershipId = t.Column<int>(nullable: false),
                Seed = t.Column<string>(maxLength: 64, nullable: false),
                Size = t.Column<int>(nullable: false),
                Population = t.Column<string>(nullable: false),
                DrawnAtUtc = t.Column<DateTime>(nullable: false),
                DrawnOn = t.Column<DateOnly>(nullable: false),
                DrawnByUserId = t.Column<Guid>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_VoucherControlDraws", x => x.Id);
                t.ForeignKey("FK_VoucherControlDraws_VoucherSchemes_VoucherSchemeId", x => x.VoucherSchemeId, "VoucherSchemes", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_VoucherControlDraws_Partnerships_PartnershipId", x => x.PartnershipId, "Partnerships", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_VoucherControlDraws_VoucherSchemeId", "VoucherControlDraws", "VoucherSchemeId");
        migrationBuilder.CreateIndex("IX_VoucherControlDraws_PartnershipId", "VoucherControlDraws", "PartnershipId");

        migrationBuilder.CreateTable(
            name: "VoucherControls",
            columns: t => new
            {
                Id = Initial.Identity(t),
                VoucherControlDrawId = t.Column<int>(nullable: false),
                VoucherId = t.Column<int>(nullable: false),
                Outcome = t.Column<string>(maxLength: 40, nullable: false),
                Reason = t.Column<string>(maxLength: 2000, nullable: true),
                DecidedOn = t.Column<DateOnly>(nullable: true),
                DecidedByUserId = t.Column<Guid>(nullable: true),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_VoucherControls", x => x.Id);
                t.ForeignKey("FK_VoucherControls_VoucherControlDraws_VoucherControlDrawId", x => x.VoucherControlDrawId, "VoucherControlDraws", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_VoucherControls_Vouchers_VoucherId", x => x.VoucherId, "Vouchers", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_VoucherControls_VoucherControlDrawId_VoucherId", "VoucherControls", ["VoucherControlDrawId", "VoucherId"], unique: true);
        migrationBuilder.CreateIndex("IX_VoucherControls_VoucherId", "VoucherControls", "VoucherId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("VoucherControls");
        migrationBuilder.DropTable("VoucherControlDraws");
        migrationBuilder.DropColumn("RepaymentReference", "Vouchers");
        migrationBuilder.DropColumn("RepaidOn", "Vouchers");
        migrationBuilder.DropColumn("ReclaimedOn", "Vouchers");
        migrationBuilder.DropColumn("ReclaimReason", "Vouchers");
        migrationBuilder.DropColumn("ReclaimAmount", "Vouchers");
    }
}
