using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Regiekamer.Core.Data;

namespace Regiekamer.Core.Partnerships;

// One configuration per entity; the feature's tables as properties of RegiekamerDb. Keep Data/Migrations in step:
// SchemaDriftTests compares the two on both databases.

/// <summary>The partnerships' tables.</summary>
public static class PartnershipsModel
{
    extension(RegiekamerDb db)
    {
        public DbSet<Partnership> Partnerships => db.Set<Partnership>();

        public DbSet<PartnershipMember> PartnershipMembers => db.Set<PartnershipMember>();
    }
}

internal sealed class PartnershipConfiguration : IEntityTypeConfiguration<Partnership>
{
    public void Configure(EntityTypeBuilder<Partnership> b)
    {
        b.ToTable("Partnerships");
        b.Property(p => p.Name).HasMaxLength(200);
        b.HasIndex(p => p.Name).IsUnique();
        b.Property(p => p.ChangeMotivation).HasMaxLength(4000);
        b.Property(p => p.RegisseurName).HasMaxLength(200);
        b.Property(p => p.RegisseurEmail).HasMaxLength(200);
        b.Property(p => p.RegisseurPhone).HasMaxLength(50);
        b.Property(p => p.DemoSource).HasMaxLength(500);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasMany(p => p.Members).WithOne().HasForeignKey(m => m.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Members).AutoInclude();
    }
}

internal sealed class PartnershipMemberConfiguration : IEntityTypeConfiguration<PartnershipMember>
{
    public void Configure(EntityTypeBuilder<PartnershipMember> b)
    {
        b.ToTable("PartnershipMembers");
        b.HasKey(m => new { m.PartnershipId, m.NisCode });
    }
}
