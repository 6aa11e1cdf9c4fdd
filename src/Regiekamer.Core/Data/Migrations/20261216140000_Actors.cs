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
                Activities = t.Column<string>(maxLength: 4000, nullable: true),
                Vision = t.Column<string>(maxLength: 4000, nullable: true),
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

        migrationBuilder.CreateTable(
            name: "ActorTargetGroups",
            columns: t => new
            {
                ActorId = t.Column<int>(nullable: false),
                Code = t.Column<string>(maxLength: 40, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ActorTargetGroups", x => new { x.ActorId, x.Code });
                t.ForeignKey("FK_ActorTargetGroups_Actors_ActorId", x => x.ActorId, "Actors", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ActorServedMunicipalities",
            columns: t => new
            {
                ActorId = t.Column<int>(nullable: false),
                NisCode = t.Column<string>(maxLength: 5, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ActorServedMunicipalities", x => new { x.ActorId, x.NisCode });
                t.ForeignKey("FK_ActorServedMunicipalities_Actors_ActorId", x => x.ActorId, "Actors", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ActorServedMunicipalities_NisCode", "ActorServedMunicipalities", "NisCode");

        migrationBuilder.CreateTable(
            name: "ActorRecognitions",
            columns: t => new
            {
                Id = Initial.Identity(t),
                ActorId = t.Column<int>(nullable: false),
                What = t.Column<string>(maxLength: 300, nullable: false),
                GrantedBy = t.Column<string>(maxLength: 200, nullable: false),
                ValidFrom = t.Column<DateOnly>(nullable: false),
                ValidUntil = t.Column<DateOnly>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ActorRecognitions", x => x.Id);
                t.ForeignKey("FK_ActorRecognitions_Actors_ActorId", x => x.ActorId, "Actors", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ActorRecognitions_ActorId", "ActorRecognitions", "ActorId");

        migrationBuilder.CreateTable(
            name: "ActorContacts",
            columns: t => new
            {
                Id = Initial.Identity(t),
                ActorId = t.Column<int>(nullable: false),
                Name = t.Column<string>(maxLength: 200, nullable: false),
                Role = t.Column<string>(maxLength: 200, nullable: true),
                Email = t.Column<string>(maxLength: 254, nullable: true),
                Phone = t.Column<string>(maxLength: 40, nullable: true),
                PublicationConsent = t.Column<bool>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ActorContacts", x => x.Id);
                t.ForeignKey("FK_ActorContacts_Actors_ActorId", x => x.ActorId, "Actors", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ActorContacts_ActorId", "ActorContacts", "ActorId");

        migrationBuilder.CreateTable(
            name: "ActorTies",
            columns: t => new
            {
                Id = Initial.Identity(t),
                ActorId = t.Column<int>(nullable: false),
                MunicipalityNisCode = t.Column<string>(maxLength: 5, nullable: false),
                Kind = t.Column<string>(maxLength: 40, nullable: false),
                Note = t.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ActorTies", x => x.Id);
                t.ForeignKey("FK_ActorTies_Actors_ActorId", x => x.ActorId, "Actors", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ActorTies_ActorId_MunicipalityNisCode_Kind", "ActorTies", ["ActorId", "MunicipalityNisCode", "Kind"], unique: true);

        migrationBuilder.CreateTable(
            name: "ActorLinks",
            columns: t => new
            {
                Id = Initial.Identity(t),
                FromActorId = t.Column<int>(nullable: false),
                ToActorId = t.Column<int>(nullable: false),
                About = t.Column<string>(maxLength: 500, nullable: false),
                Since = t.Column<DateOnly>(nullable: true),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ActorLinks", x => x.Id);
                t.ForeignKey("FK_ActorLinks_Actors_FromActorId", x => x.FromActorId, "Actors", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_ActorLinks_Actors_ToActorId", x => x.ToActorId, "Actors", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ActorLinks_FromActorId_ToActorId", "ActorLinks", ["FromActorId", "ToActorId"], unique: true);
        migrationBuilder.CreateIndex("IX_ActorLinks_ToActorId", "ActorLinks", "ToActorId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("ActorLinks");
        migrationBuilder.DropTable("ActorTies");
        migrationBuilder.DropTable("ActorContacts");
        migrationBuilder.DropTable("ActorRecognitions");
        migrationBuilder.DropTable("ActorServedMunicipalities");
        migrationBuilder.DropTable("ActorTargetGroups");
        migrationBuilder.DropTable("Actors");
        migrationBuilder.DropTable("ActorKinds");
    }
}
