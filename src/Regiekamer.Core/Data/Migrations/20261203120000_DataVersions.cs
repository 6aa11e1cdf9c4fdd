using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regiekamer.Core.Data.Migrations;

/// <summary>The version counter of the inputs of derived results (<see cref="DataVersion"/>), starting at 1.</summary>
[DbContext(typeof(RegiekamerDb))]
[Migration("20261203120000_DataVersions")]
public sealed class DataVersions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "DataVersions",
            columns: t => new
            {
                Name = t.Column<string>(maxLength: 50, nullable: false),
                Value = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_DataVersions", x => x.Name));
        // Plain SQL: a hand-written migration has no target model for InsertData to take column types from; quoted names read the same on both databases.
        migrationBuilder.Sql($"INSERT INTO \"DataVersions\" (\"Name\", \"Value\") VALUES ('{DataVersion.DerivedInputs}', 1)");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("DataVersions");
    }
}
