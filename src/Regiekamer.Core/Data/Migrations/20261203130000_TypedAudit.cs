using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regiekamer.Core.Data.Migrations;

/// <summary>
/// Typed audit events: each record's format (1 for the records written before, which keep verifying as they are) and
/// changed fields, and the personal values records refer to, outside the hash chain, so a person can be erased.
/// </summary>
[DbContext(typeof(RegiekamerDb))]
[Migration("20261203130000_TypedAudit")]
public sealed class TypedAudit : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<int>(name: "Format", table: "AuditRecords", nullable: false, defaultValue: 1);
        migrationBuilder.AddColumn<string>(name: "Fields", table: "AuditRecords", maxLength: 2000, nullable: true);
        migrationBuilder.CreateTable(
            name: "PersonalData",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Subject = t.Column<string>(maxLength: 300, nullable: false),
                Value = t.Column<string>(maxLength: 4000, nullable: true),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
                ErasedAtUtc = t.Column<DateTime>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_PersonalData", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_PersonalData_Subject", table: "PersonalData", column: "Subject");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("PersonalData");
        migrationBuilder.DropColumn(name: "Fields", table: "AuditRecords");
        migrationBuilder.DropColumn(name: "Format", table: "AuditRecords");
    }
}
