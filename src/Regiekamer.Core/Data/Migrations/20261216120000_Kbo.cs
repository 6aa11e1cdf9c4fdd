using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regiekamer.Core.Data.Migrations;

/// <summary>
/// KBO Open Data (issue 10, ADR 0012): the imports (snapshots) and what Regiekamer keeps of each extract, every data row
/// tagged with the snapshot it belongs to. The data tables have no primary key and no foreign key: they are written in
/// bulk and read by (snapshot, number).
/// </summary>
[DbContext(typeof(RegiekamerDb))]
[Migration("20261216120000_Kbo")]
public sealed class Kbo : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "KboSnapshots",
            columns: t => new
            {
                Id = Initial.Identity(t),
                Status = t.Column<string>(maxLength: 40, nullable: false),
                Source = t.Column<string>(maxLength: 300, nullable: false),
                UploadPath = t.Column<string>(maxLength: 1000, nullable: true),
                RequestedBy = t.Column<string>(maxLength: 200, nullable: false),
                RequestedAtUtc = t.Column<DateTime>(nullable: false),
                StartedAtUtc = t.Column<DateTime>(nullable: true),
                FinishedAtUtc = t.Column<DateTime>(nullable: true),
                ExtractType = t.Column<string>(maxLength: 40, nullable: true),
                SnapshotDate = t.Column<DateOnly>(nullable: true),
                ExtractNumber = t.Column<int>(nullable: true),
                CurrentFile = t.Column<string>(maxLength: 100, nullable: true),
                RowsRead = t.Column<long>(nullable: false),
                RowsPerSecond = t.Column<int>(nullable: false),
                Enterprises = t.Column<int>(nullable: false),
                Denominations = t.Column<int>(nullable: false),
                Addresses = t.Column<int>(nullable: false),
                Activities = t.Column<int>(nullable: false),
                Codes = t.Column<int>(nullable: false),
                ErrorNl = t.Column<string>(maxLength: 2000, nullable: true),
                ErrorEn = t.Column<string>(maxLength: 2000, nullable: true),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_KboSnapshots", x => x.Id));
        migrationBuilder.CreateIndex("IX_KboSnapshots_Status", "KboSnapshots", "Status");

        migrationBuilder.CreateTable(
            name: "KboEnterprises",
            columns: t => new
            {
                SnapshotId = t.Column<int>(nullable: false),
                Number = t.Column<string>(maxLength: 10, nullable: false),
                Active = t.Column<bool>(nullable: false),
                NaturalPerson = t.Column<bool>(nullable: false),
                JuridicalFormCode = t.Column<string>(maxLength: 10, nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_KboEnterprises", x => new { x.SnapshotId, x.Number }));

        migrationBuilder.CreateTable(
            name: "KboDenominations",
            columns: t => new
            {
                SnapshotId = t.Column<int>(nullable: false),
                Number = t.Column<string>(maxLength: 10, nullable: false),
                Language = t.Column<string>(maxLength: 2, nullable: false),
                Name = t.Column<string>(maxLength: 400, nullable: false),
            });
        migrationBuilder.CreateIndex("IX_KboDenominations_SnapshotId_Number", "KboDenominations", ["SnapshotId", "Number"]);

        migrationBuilder.CreateTable(
            name: "KboAddresses",
            columns: t => new
            {
                SnapshotId = t.Column<int>(nullable: false),
                Number = t.Column<string>(maxLength: 10, nullable: false),
                Country = t.Column<string>(maxLength: 100, nullable: true),
                Zipcode = t.Column<string>(maxLength: 20, nullable: true),
                Municipality = t.Column<string>(maxLength: 200, nullable: true),
                Street = t.Column<string>(maxLength: 200, nullable: true),
                HouseNumber = t.Column<string>(maxLength: 40, nullable: true),
                Box = t.Column<string>(maxLength: 40, nullable: true),
            });
        migrationBuilder.CreateIndex("IX_KboAddresses_SnapshotId_Number", "KboAddresses", ["SnapshotId", "Number"]);

        migrationBuilder.CreateTable(
            name: "KboActivities",
            columns: t => new
            {
                SnapshotId = t.Column<int>(nullable: false),
                Number = t.Column<string>(maxLength: 10, nullable: false),
                NaceVersion = t.Column<int>(nullable: false),
                NaceCode = t.Column<string>(maxLength: 10, nullable: false),
            });
        migrationBuilder.CreateIndex("IX_KboActivities_SnapshotId_Number", "KboActivities", ["SnapshotId", "Number"]);

        migrationBuilder.CreateTable(
            name: "KboCodes",
            columns: t => new
            {
                SnapshotId = t.Column<int>(nullable: false),
                Category = t.Column<string>(maxLength: 40, nullable: false),
                Code = t.Column<string>(maxLength: 20, nullable: false),
                Description = t.Column<string>(maxLength: 500, nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_KboCodes", x => new { x.SnapshotId, x.Category, x.Code }));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("KboCodes");
        migrationBuilder.DropTable("KboActivities");
        migrationBuilder.DropTable("KboAddresses");
        migrationBuilder.DropTable("KboDenominations");
        migrationBuilder.DropTable("KboEnterprises");
        migrationBuilder.DropTable("KboSnapshots");
    }
}
