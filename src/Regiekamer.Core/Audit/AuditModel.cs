using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Regiekamer.Core.Data;

namespace Regiekamer.Core.Audit;

// One configuration per entity; the feature's tables as properties of RegiekamerDb. Keep Data/Migrations in step:
// SchemaDriftTests compares the two on both databases.

/// <summary>The audit trail's table.</summary>
public static class AuditModel
{
    extension(RegiekamerDb db)
    {
        public DbSet<AuditRecord> AuditRecords => db.Set<AuditRecord>();
    }
}

internal sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> b)
    {
        b.ToTable("AuditRecords");
        b.Property(a => a.ActorName).HasMaxLength(256);
        b.Property(a => a.ActorRole).HasMaxLength(100);
        b.Property(a => a.EntityType).HasMaxLength(100);
        b.Property(a => a.EntityId).HasMaxLength(100);
        b.Property(a => a.Action).HasMaxLength(100);
        b.Property(a => a.PreviousHash).HasMaxLength(64);
        b.Property(a => a.Hash).HasMaxLength(64);
        b.HasIndex(a => new { a.EntityType, a.EntityId });
        b.HasIndex(a => a.AtUtc);
    }
}
