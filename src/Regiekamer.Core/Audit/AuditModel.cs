using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Regiekamer.Core.Data;

namespace Regiekamer.Core.Audit;

// One configuration per entity; the feature's tables as properties of RegiekamerDb. Keep Data/Migrations in step:
// SchemaDriftTests compares the two on both databases.

/// <summary>The audit trail's tables: the chained records, and the personal values they refer to (outside the chain).</summary>
public static class AuditModel
{
    extension(RegiekamerDb db)
    {
        public DbSet<AuditRecord> AuditRecords => db.Set<AuditRecord>();

        public DbSet<PersonalDatum> PersonalData => db.Set<PersonalDatum>();
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
        b.Property(a => a.Fields).HasMaxLength(2000);
        b.Property(a => a.Format).HasDefaultValue(AuditTrail.LegacyFormat);
        b.HasIndex(a => new { a.EntityType, a.EntityId });
        b.HasIndex(a => a.AtUtc);
    }
}

internal sealed class PersonalDatumConfiguration : IEntityTypeConfiguration<PersonalDatum>
{
    public void Configure(EntityTypeBuilder<PersonalDatum> b)
    {
        b.ToTable("PersonalData");
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.Subject).HasMaxLength(300);
        b.Property(d => d.Value).HasMaxLength(4000);
        b.HasIndex(d => d.Subject);
    }
}
