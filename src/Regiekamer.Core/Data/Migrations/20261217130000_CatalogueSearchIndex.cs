using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regiekamer.Core.Data.Migrations;

/// <summary>
/// The public catalogue's search (docs/adr/0014, addendum): the services' index on (Status, LastConfirmedOn) becomes
/// (Status, LastConfirmedOn, ActorId, Title), so the search counts and orders its matches from the index and the
/// actors' keys without reading each service's row (with its description and search text).
/// </summary>
[DbContext(typeof(RegiekamerDb))]
[Migration("20261217130000_CatalogueSearchIndex")]
public sealed class CatalogueSearchIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropIndex("IX_Offerings_Status_LastConfirmedOn", "Offerings");
        migrationBuilder.CreateIndex("IX_Offerings_Status_LastConfirmedOn_ActorId_Title", "Offerings", ["Status", "LastConfirmedOn", "ActorId", "Title"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropIndex("IX_Offerings_Status_LastConfirmedOn_ActorId_Title", "Offerings");
        migrationBuilder.CreateIndex("IX_Offerings_Status_LastConfirmedOn", "Offerings", ["Status", "LastConfirmedOn"]);
    }
}
