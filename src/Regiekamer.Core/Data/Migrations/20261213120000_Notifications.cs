using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regiekamer.Core.Data.Migrations;

/// <summary>
/// Notifications (issue 8): one row per message per person, shown in the app and mailed by the outbox; the unique key
/// makes each reminder once (ADR 0009).
/// </summary>
[DbContext(typeof(RegiekamerDb))]
[Migration("20261213120000_Notifications")]
public sealed class NotificationMessages : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "Notifications",
            columns: t => new
            {
                Id = Initial.Identity(t),
                Key = t.Column<string>(maxLength: 300, nullable: false),
                Kind = t.Column<string>(maxLength: 40, nullable: false),
                UserId = t.Column<Guid>(nullable: true),
                Email = t.Column<string>(maxLength: 256, nullable: true),
                PartnershipId = t.Column<int>(nullable: true),
                ApplicationId = t.Column<int>(nullable: true),
                SubjectNl = t.Column<string>(maxLength: 300, nullable: false),
                SubjectEn = t.Column<string>(maxLength: 300, nullable: false),
                TextNl = t.Column<string>(maxLength: 4000, nullable: false),
                TextEn = t.Column<string>(maxLength: 4000, nullable: false),
                Link = t.Column<string>(maxLength: 300, nullable: true),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
                ReadAtUtc = t.Column<DateTime>(nullable: true),
                MailState = t.Column<string>(maxLength: 40, nullable: false),
                MailAttempts = t.Column<int>(nullable: false),
                ClaimedUntilUtc = t.Column<DateTime>(nullable: true),
                SentAtUtc = t.Column<DateTime>(nullable: true),
                MailError = t.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Notifications", x => x.Id);
                t.ForeignKey("FK_Notifications_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_Notifications_Partnerships_PartnershipId", x => x.PartnershipId, "Partnerships", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_Notifications_Applications_ApplicationId", x => x.ApplicationId, "Applications", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_Notifications_Key", "Notifications", "Key", unique: true);
        migrationBuilder.CreateIndex("IX_Notifications_UserId_CreatedAtUtc", "Notifications", ["UserId", "CreatedAtUtc"]);
        migrationBuilder.CreateIndex("IX_Notifications_MailState_ClaimedUntilUtc", "Notifications", ["MailState", "ClaimedUntilUtc"]);
        migrationBuilder.CreateIndex("IX_Notifications_PartnershipId", "Notifications", "PartnershipId");
        migrationBuilder.CreateIndex("IX_Notifications_ApplicationId", "Notifications", "ApplicationId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("Notifications");
    }
}
