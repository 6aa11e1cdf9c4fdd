using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Regiekamer.Core.Actors;

namespace Regiekamer.Core.Data.Migrations;

/// <summary>The actor inventory (issue 10, WSE-LR1): the actors of a partnership's area and the kinds the department keeps.</summary>
[DbContext(typeof(RegiekamerDb))]
[Migration("20261216140000_Actors")]
public sealed class Actors : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "ActorKinds",
            columns: t => new
            {
                Code = t.Column<string>(maxLength: 40, nullable: false),
                NameNl = t.Column<string>(maxLength: 200, nullable: false),
                NameEn = t.Column<string>(maxLength: 200, nullable: false),
                SortOrder = t.Column<int>(nullable: false),
                IsBuiltIn = t.Column<bool>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_ActorKinds", x => x.Code));

        // Plain SQL: a hand-written migration has no target model for InsertData; TRUE reads the same on both databases.
        var order = 0;
        foreach (var (code, nl, en) in ActorKind.BuiltIn)
        {
            order += 10;
            migrationBuilder.Sql($"INSERT INTO \"ActorKinds\" (\"Code\", \"NameNl\", \"NameEn\", \"SortOrder\", \"IsBuiltIn\") VALUES ('{code}', '{nl}', '{en}', {order}, TRUE)");
        }

        migrationBuilder.CreateTable(
            name: "Actors",
            columns: t => new
            {
                Id = Initial.Identity(t),
                PartnershipId = t.Column<int>(nullable: false),
                Name = t.Column<string>(maxLength: 300, nullable: false),
                KboNumber = t.Column<string>(maxLength: 10, nullable: true),
                KindCode = t.Column<string>(maxLength: 40, nullable: false),
                Street = t.Column<string>(maxLength: 200, nullable: true),
                HouseNumber = t.Column<string>(maxLength: 20, nullable: true),
                Zipcode = t.Column<string>(maxLength: 10, nullable: true),
                MunicipalityNisCode = t.Column<string>(maxLength: 5, nullable: true),
                Website = t.Column<string>(maxLength: 300, nullable: true),
                Email = t.Column<string>(maxLength: 254, nullable: true),
                Phone = t.Column<string>(maxLength: 40, nullable: true),
                IsDemo = t.Column<bool>(nullable: false),
                ArchivedAtUtc = t.Column<DateTime>(nullable: true),
                Version = t.Column<int>(nullable: false),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
                UpdatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Actors", x => x.Id);
                t.ForeignKey("FK_Actors_Partnerships_PartnershipId", x => x.PartnershipId, "Partnerships", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_Actors_ActorKinds_KindCode", x => x.KindCode, "ActorKinds", "Code", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Actors_PartnershipId", "Actors", "PartnershipId");
        migrationBuilder.CreateIndex("IX_Actors_KboNumber", "Actors", "KboNumber");
        migrationBuilder.CreateIndex("IX_Actors_KindCode", "Actors", "KindCode");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("Actors");
        migrationBuilder.DropTable("ActorKinds");
    }
}
