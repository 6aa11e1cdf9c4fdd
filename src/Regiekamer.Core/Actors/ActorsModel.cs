using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Regiekamer.Core.Data;
using Regiekamer.Core.Partnerships;

namespace Regiekamer.Core.Actors;

// Keep Data/Migrations/20261216140000_Actors.cs in step (SchemaDriftTests).

/// <summary>The actor inventory's tables.</summary>
public static class ActorsModel
{
    extension(RegiekamerDb db)
    {
        public DbSet<Actor> Actors => db.Set<Actor>();

        public DbSet<ActorKind> ActorKinds => db.Set<ActorKind>();
    }
}

internal sealed class ActorConfiguration : IEntityTypeConfiguration<Actor>
{
    public void Configure(EntityTypeBuilder<Actor> b)
    {
        b.ToTable("Actors");
        b.HasIndex(a => a.PartnershipId);
        b.HasIndex(a => a.KboNumber);
        b.HasIndex(a => a.KindCode);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.Property(a => a.Name).HasMaxLength(300);
        b.Property(a => a.KboNumber).HasMaxLength(10);
        b.Property(a => a.KindCode).HasMaxLength(40);
        b.Property(a => a.Street).HasMaxLength(200);
        b.Property(a => a.HouseNumber).HasMaxLength(20);
        b.Property(a => a.Zipcode).HasMaxLength(10);
        b.Property(a => a.Website).HasMaxLength(300);
        b.Property(a => a.Email).HasMaxLength(254);
        b.Property(a => a.Phone).HasMaxLength(40);
        b.Ignore(a => a.IsArchived);
        b.HasOne<Partnership>().WithMany().HasForeignKey(a => a.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ActorKind>().WithMany().HasForeignKey(a => a.KindCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActorKindConfiguration : IEntityTypeConfiguration<ActorKind>
{
    public void Configure(EntityTypeBuilder<ActorKind> b)
    {
        b.ToTable("ActorKinds");
        b.HasKey(k => k.Code);
        b.Property(k => k.Code).HasMaxLength(40);
        b.Property(k => k.NameNl).HasMaxLength(200);
        b.Property(k => k.NameEn).HasMaxLength(200);
    }
}
