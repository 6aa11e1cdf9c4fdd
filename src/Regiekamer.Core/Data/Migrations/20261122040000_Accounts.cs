using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Regiekamer.Core.Data.Migrations;

/// <summary>Accounts (ASP.NET Core Identity users), role assignments, API tokens, the audit trail and data-protection keys.</summary>
[DbContext(typeof(RegiekamerDb))]
[Migration("20261122040000_Accounts")]
public sealed class Accounts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "AspNetUsers",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                DisplayName = t.Column<string>(maxLength: 200, nullable: false),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
                UserName = t.Column<string>(maxLength: 256, nullable: true),
                NormalizedUserName = t.Column<string>(maxLength: 256, nullable: true),
                Email = t.Column<string>(maxLength: 256, nullable: true),
                NormalizedEmail = t.Column<string>(maxLength: 256, nullable: true),
                EmailConfirmed = t.Column<bool>(nullable: false),
                PasswordHash = t.Column<string>(nullable: true),
                SecurityStamp = t.Column<string>(nullable: true),
                ConcurrencyStamp = t.Column<string>(nullable: true),
                PhoneNumber = t.Column<string>(nullable: true),
                PhoneNumberConfirmed = t.Column<bool>(nullable: false),
                TwoFactorEnabled = t.Column<bool>(nullable: false),
                LockoutEnd = t.Column<DateTimeOffset>(nullable: true),
                LockoutEnabled = t.Column<bool>(nullable: false),
                AccessFailedCount = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_AspNetUsers", x => x.Id));

        migrationBuilder.CreateTable(
            name: "AspNetUserClaims",
            columns: t => new
            {
                Id = Initial.Identity(t),
                UserId = t.Column<Guid>(nullable: false),
                ClaimType = t.Column<string>(nullable: true),
                ClaimValue = t.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                t.ForeignKey("FK_AspNetUserClaims_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserLogins",
            columns: t => new
            {
                LoginProvider = t.Column<string>(nullable: false),
                ProviderKey = t.Column<string>(nullable: false),
                ProviderDisplayName = t.Column<string>(nullable: true),
                UserId = t.Column<Guid>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                t.ForeignKey("FK_AspNetUserLogins_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserTokens",
            columns: t => new
            {
                UserId = t.Column<Guid>(nullable: false),
                LoginProvider = t.Column<string>(nullable: false),
                Name = t.Column<string>(nullable: false),
                Value = t.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                t.ForeignKey("FK_AspNetUserTokens_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "RoleAssignments",
            columns: t => new
            {
                Id = Initial.Identity(t),
                UserId = t.Column<Guid>(nullable: false),
                Role = t.Column<string>(maxLength: 40, nullable: false),
                PartnershipId = t.Column<int>(nullable: true),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_RoleAssignments", x => x.Id);
                t.ForeignKey("FK_RoleAssignments_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_RoleAssignments_Partnerships_PartnershipId", x => x.PartnershipId, "Partnerships", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ApiTokens",
            columns: t => new
            {
                Id = Initial.Identity(t),
                UserId = t.Column<Guid>(nullable: false),
                Name = t.Column<string>(maxLength: 100, nullable: false),
                TokenHash = t.Column<string>(maxLength: 64, nullable: false),
                Prefix = t.Column<string>(maxLength: 12, nullable: false),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
                ExpiresAtUtc = t.Column<DateTime>(nullable: true),
                RevokedAtUtc = t.Column<DateTime>(nullable: true),
                LastUsedAtUtc = t.Column<DateTime>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ApiTokens", x => x.Id);
                t.ForeignKey("FK_ApiTokens_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AuditRecords",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                AtUtc = t.Column<DateTime>(nullable: false),
                ActorUserId = t.Column<Guid>(nullable: true),
                ActorName = t.Column<string>(maxLength: 256, nullable: false),
                ActorRole = t.Column<string>(maxLength: 100, nullable: false),
                EntityType = t.Column<string>(maxLength: 100, nullable: false),
                EntityId = t.Column<string>(maxLength: 100, nullable: false),
                Action = t.Column<string>(maxLength: 100, nullable: false),
                Before = t.Column<string>(nullable: true),
                After = t.Column<string>(nullable: true),
                PreviousHash = t.Column<string>(maxLength: 64, nullable: false),
                Hash = t.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_AuditRecords", x => x.Id));

        migrationBuilder.CreateTable(
            name: "DataProtectionKeys",
            columns: t => new
            {
                Id = Initial.Identity(t),
                FriendlyName = t.Column<string>(maxLength: 200, nullable: false),
                Xml = t.Column<string>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_DataProtectionKeys", x => x.Id));

        migrationBuilder.CreateIndex("IX_ApiTokens_TokenHash", "ApiTokens", "TokenHash", unique: true);
        migrationBuilder.CreateIndex("IX_ApiTokens_UserId", "ApiTokens", "UserId");
        migrationBuilder.CreateIndex("IX_AspNetUserClaims_UserId", "AspNetUserClaims", "UserId");
        migrationBuilder.CreateIndex("IX_AspNetUserLogins_UserId", "AspNetUserLogins", "UserId");
        migrationBuilder.CreateIndex("EmailIndex", "AspNetUsers", "NormalizedEmail");
        migrationBuilder.CreateIndex("UserNameIndex", "AspNetUsers", "NormalizedUserName", unique: true);
        migrationBuilder.CreateIndex("IX_AuditRecords_AtUtc", "AuditRecords", "AtUtc");
        migrationBuilder.CreateIndex("IX_AuditRecords_EntityType_EntityId", "AuditRecords", ["EntityType", "EntityId"]);
        migrationBuilder.CreateIndex("IX_RoleAssignments_PartnershipId", "RoleAssignments", "PartnershipId");
        migrationBuilder.CreateIndex("IX_RoleAssignments_UserId_Role_PartnershipId", "RoleAssignments", ["UserId", "Role", "PartnershipId"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var table in new[] { "DataProtectionKeys", "AuditRecords", "ApiTokens", "RoleAssignments", "AspNetUserTokens", "AspNetUserLogins", "AspNetUserClaims", "AspNetUsers" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
