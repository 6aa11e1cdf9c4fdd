using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regiekamer.Core.Data.Migrations;

/// <summary>
/// The public catalogue's own counter (<see cref="DataVersion.Catalogue"/>): raised in the transaction of every change
/// to a service, its codes or areas, an actor, an actor kind or a category, so each app instance knows when its
/// in-memory search index (<see cref="Catalogue.CatalogueIndex"/>) is stale (docs/adr/0014, second addendum).
/// </summary>
[DbContext(typeof(RegiekamerDb))]
[Migration("20261218090000_CatalogueVersion")]
public sealed class CatalogueVersion : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql($"INSERT INTO \"DataVersions\" (\"Name\", \"Value\") VALUES ('{DataVersion.Catalogue}', 1)");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql($"DELETE FROM \"DataVersions\" WHERE \"Name\" = '{DataVersion.Catalogue}'");
    }
}
