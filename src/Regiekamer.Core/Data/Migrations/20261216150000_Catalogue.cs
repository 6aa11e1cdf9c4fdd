using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Regiekamer.Core.Catalogue;

namespace Regiekamer.Core.Data.Migrations;

/// <summary>
/// The public social-procurement catalogue (issue 10 point 5): the department's categories with their CPV codes, the
/// actors' services with their categories, CPV codes, municipalities and target groups, the suppliers' pending copies
/// and invitations; and the full-text index, per provider: on PostgreSQL a generated tsvector column (Dutch
/// configuration) with a GIN index, on SQLite an external-content FTS5 table kept in step by triggers.
/// </summary>
[DbContext(typeof(RegiekamerDb))]
[Migration("20261216150000_Catalogue")]
public sealed class Catalogue : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "CatalogueCategories",
            columns: t => new
            {
                Code = t.Column<string>(maxLength: 40, nullable: false),
                NameNl = t.Column<string>(maxLength: 200, nullable: false),
                NameEn = t.Column<string>(maxLength: 200, nullable: false),
                SortOrder = t.Column<int>(nullable: false),
                CpvCodes = t.Column<string>(maxLength: 1000, nullable: false),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_CatalogueCategories", x => x.Code));

        var order = 0;
        foreach (var (code, nl, en, cpv) in CatalogueCategory.BuiltIn)
        {
            order += 10;
            migrationBuilder.Sql($"INSERT INTO \"CatalogueCategories\" (\"Code\", \"NameNl\", \"NameEn\", \"SortOrder\", \"CpvCodes\", \"Version\") VALUES ('{code}', '{nl}', '{en}', {order}, '{string.Join(' ', cpv)}', 1)");
        }

        migrationBuilder.CreateTable(
            name: "Offerings",
            columns: t => new
            {
                Id = Initial.Identity(t),
                ActorId = t.Column<int>(nullable: false),
                Title = t.Column<string>(maxLength: 200, nullable: false),
                Description = t.Column<string>(maxLength: 4000, nullable: true),
                Status = t.Column<string>(maxLength: 40, nullable: false),
                LastConfirmedOn = t.Column<DateOnly>(nullable: false),
                ContactName = t.Column<string>(maxLength: 200, nullable: true),
                ContactEmail = t.Column<string>(maxLength: 254, nullable: true),
                ContactPhone = t.Column<string>(maxLength: 40, nullable: true),
                ContactConsent = t.Column<bool>(nullable: false),
                SearchText = t.Column<string>(maxLength: 16000, nullable: false),
                Version = t.Column<int>(nullable: false),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
                UpdatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Offerings", x => x.Id);
                t.ForeignKey("FK_Offerings_Actors_ActorId", x => x.ActorId, "Actors", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Offerings_ActorId", "Offerings", "ActorId");
        migrationBuilder.CreateIndex("IX_Offerings_Status_LastConfirmedOn", "Offerings", ["Status", "LastConfirmedOn"]);

        migrationBuilder.CreateTable(
            name: "OfferingCategories",
            columns: t => new
            {
                OfferingId = t.Column<int>(nullable: false),
                CategoryCode = t.Column<string>(maxLength: 40, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_OfferingCategories", x => new { x.OfferingId, x.CategoryCode });
                t.ForeignKey("FK_OfferingCategories_Offerings_OfferingId", x => x.OfferingId, "Offerings", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_OfferingCategories_CatalogueCategories_CategoryCode", x => x.CategoryCode, "CatalogueCategories", "Code", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_OfferingCategories_CategoryCode_OfferingId", "OfferingCategories", ["CategoryCode", "OfferingId"]);

        migrationBuilder.CreateTable(
            name: "OfferingCpvCodes",
            columns: t => new
            {
                OfferingId = t.Column<int>(nullable: false),
                Code = t.Column<string>(maxLength: 10, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_OfferingCpvCodes", x => new { x.OfferingId, x.Code });
                t.ForeignKey("FK_OfferingCpvCodes_Offerings_OfferingId", x => x.OfferingId, "Offerings", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_OfferingCpvCodes_Code_OfferingId", "OfferingCpvCodes", ["Code", "OfferingId"]);

        migrationBuilder.CreateTable(
            name: "OfferingAreas",
            columns: t => new
            {
                OfferingId = t.Column<int>(nullable: false),
                NisCode = t.Column<string>(maxLength: 5, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_OfferingAreas", x => new { x.OfferingId, x.NisCode });
                t.ForeignKey("FK_OfferingAreas_Offerings_OfferingId", x => x.OfferingId, "Offerings", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_OfferingAreas_NisCode_OfferingId", "OfferingAreas", ["NisCode", "OfferingId"]);

        migrationBuilder.CreateTable(
            name: "OfferingTargetGroups",
            columns: t => new
            {
                OfferingId = t.Column<int>(nullable: false),
                Code = t.Column<string>(maxLength: 40, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_OfferingTargetGroups", x => new { x.OfferingId, x.Code });
                t.ForeignKey("FK_OfferingTargetGroups_Offerings_OfferingId", x => x.OfferingId, "Offerings", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_OfferingTargetGroups_Code_OfferingId", "OfferingTargetGroups", ["Code", "OfferingId"]);

        migrationBuilder.CreateTable(
            name: "OfferingInvitations",
            columns: t => new
            {
                Id = Initial.Identity(t),
                OfferingId = t.Column<int>(nullable: false),
                TokenHash = t.Column<string>(maxLength: 64, nullable: false),
                Email = t.Column<string>(maxLength: 254, nullable: false),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
                ExpiresAtUtc = t.Column<DateTime>(nullable: false),
                UsedAtUtc = t.Column<DateTime>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_OfferingInvitations", x => x.Id);
                t.ForeignKey("FK_OfferingInvitations_Offerings_OfferingId", x => x.OfferingId, "Offerings", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_OfferingInvitations_TokenHash", "OfferingInvitations", "TokenHash", unique: true);
        migrationBuilder.CreateIndex("IX_OfferingInvitations_OfferingId", "OfferingInvitations", "OfferingId");

        migrationBuilder.CreateTable(
            name: "OfferingPendingCopies",
            columns: t => new
            {
                OfferingId = t.Column<int>(nullable: false),
                ContentJson = t.Column<string>(maxLength: 64000, nullable: false),
                InvitationId = t.Column<int>(nullable: false),
                SubmittedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_OfferingPendingCopies", x => x.OfferingId);
                t.ForeignKey("FK_OfferingPendingCopies_Offerings_OfferingId", x => x.OfferingId, "Offerings", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_OfferingPendingCopies_OfferingInvitations_InvitationId", x => x.InvitationId, "OfferingInvitations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_OfferingPendingCopies_InvitationId", "OfferingPendingCopies", "InvitationId");

        if (migrationBuilder.IsSqlite())
        {
            // External content: the FTS5 table indexes Offerings.SearchText without a copy of it; the triggers keep it in step in the same transaction.
            migrationBuilder.Sql($"CREATE VIRTUAL TABLE \"{CatalogueSearch.Fts5Table}\" USING fts5(\"SearchText\", content='Offerings', content_rowid='Id', tokenize='unicode61 remove_diacritics 2')");
            migrationBuilder.Sql($"CREATE TRIGGER \"Offerings_search_insert\" AFTER INSERT ON \"Offerings\" BEGIN INSERT INTO \"{CatalogueSearch.Fts5Table}\"(rowid, \"SearchText\") VALUES (new.\"Id\", new.\"SearchText\"); END");
            migrationBuilder.Sql($"CREATE TRIGGER \"Offerings_search_delete\" AFTER DELETE ON \"Offerings\" BEGIN INSERT INTO \"{CatalogueSearch.Fts5Table}\"(\"{CatalogueSearch.Fts5Table}\", rowid, \"SearchText\") VALUES ('delete', old.\"Id\", old.\"SearchText\"); END");
            migrationBuilder.Sql($"CREATE TRIGGER \"Offerings_search_update\" AFTER UPDATE OF \"SearchText\" ON \"Offerings\" BEGIN INSERT INTO \"{CatalogueSearch.Fts5Table}\"(\"{CatalogueSearch.Fts5Table}\", rowid, \"SearchText\") VALUES ('delete', old.\"Id\", old.\"SearchText\"); INSERT INTO \"{CatalogueSearch.Fts5Table}\"(rowid, \"SearchText\") VALUES (new.\"Id\", new.\"SearchText\"); END");
        }
        else
        {
            migrationBuilder.Sql($"ALTER TABLE \"Offerings\" ADD COLUMN \"{CatalogueSearch.TsVectorColumn}\" tsvector GENERATED ALWAYS AS (to_tsvector('dutch'::regconfig, coalesce(\"SearchText\", ''))) STORED");
            migrationBuilder.Sql($"CREATE INDEX \"{CatalogueSearch.TsVectorIndex}\" ON \"Offerings\" USING GIN (\"{CatalogueSearch.TsVectorColumn}\")");
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"Offerings_search_insert\"");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"Offerings_search_delete\"");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"Offerings_search_update\"");
            migrationBuilder.Sql($"DROP TABLE IF EXISTS \"{CatalogueSearch.Fts5Table}\"");
        }

        migrationBuilder.DropTable("OfferingPendingCopies");
        migrationBuilder.DropTable("OfferingInvitations");
        migrationBuilder.DropTable("OfferingTargetGroups");
        migrationBuilder.DropTable("OfferingAreas");
        migrationBuilder.DropTable("OfferingCpvCodes");
        migrationBuilder.DropTable("OfferingCategories");
        migrationBuilder.DropTable("Offerings");
        migrationBuilder.DropTable("CatalogueCategories");
    }
}
