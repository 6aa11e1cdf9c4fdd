using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Data;
using Regiekamer.Core.Partnerships;

namespace Regiekamer.Core.Notifications;

// One configuration per entity; the feature's tables as properties of RegiekamerDb. Keep Data/Migrations in step:
// SchemaDriftTests compares the two on both databases.

/// <summary>The notifications' table.</summary>
public static class NotificationsModel
{
    extension(RegiekamerDb db)
    {
        public DbSet<Notification> Notifications => db.Set<Notification>();
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("Notifications");
        b.Property(n => n.Key).HasMaxLength(Notification.KeyLength);

        // The promise "never twice": whatever instance or restart makes it, the database refuses a second row.
        b.HasIndex(n => n.Key).IsUnique();
        b.Property(n => n.Email).HasMaxLength(Notification.EmailLength);
        b.Property(n => n.SubjectNl).HasMaxLength(Notification.SubjectLength);
        b.Property(n => n.SubjectEn).HasMaxLength(Notification.SubjectLength);
        b.Property(n => n.TextNl).HasMaxLength(Notification.TextLength);
        b.Property(n => n.TextEn).HasMaxLength(Notification.TextLength);
        b.Property(n => n.Link).HasMaxLength(Notification.LinkLength);
        b.Property(n => n.MailError).HasMaxLength(Notification.ErrorLength);
        b.Ignore(n => n.Subject);
        b.Ignore(n => n.Text);
        b.Ignore(n => n.IsRead);

        // A person's list, newest first; the outbox's queue.
        b.HasIndex(n => new { n.UserId, n.CreatedAtUtc });
        b.HasIndex(n => new { n.MailState, n.ClaimedUntilUtc });

        // A deleted account takes its notifications along; so do a deleted partnership and dossier.
        b.HasOne<RegiekamerUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Partnership>().WithMany().HasForeignKey(n => n.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Application>().WithMany().HasForeignKey(n => n.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
