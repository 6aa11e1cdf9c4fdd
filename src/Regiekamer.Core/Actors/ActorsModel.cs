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

        public DbSet<ActorLink> ActorLinks => db.Set<ActorLink>();

        public DbSet<ActorContact> ActorContacts => db.Set<ActorContact>();
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
        b.Property(a => a.Activities).HasMaxLength(4000);
        b.Property(a => a.Vision).HasMaxLength(4000);
        b.Ignore(a => a.IsArchived);
        b.HasOne<Partnership>().WithMany().HasForeignKey(a => a.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ActorKind>().WithMany().HasForeignKey(a => a.KindCode).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.TargetGroups).WithOne().HasForeignKey(t => t.ActorId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.TargetGroups).AutoInclude();
        b.HasMany(a => a.ServedMunicipalities).WithOne().HasForeignKey(m => m.ActorId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.ServedMunicipalities).AutoInclude();
        b.HasMany(a => a.Recognitions).WithOne().HasForeignKey(r => r.ActorId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.Recognitions).AutoInclude();
        b.HasMany(a => a.Contacts).WithOne().HasForeignKey(c => c.ActorId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.Contacts).AutoInclude();
        b.HasMany(a => a.Ties).WithOne().HasForeignKey(t => t.ActorId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.Ties).AutoInclude();
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

internal sealed class ActorTargetGroupConfiguration : IEntityTypeConfiguration<ActorTargetGroup>
{
    public void Configure(EntityTypeBuilder<ActorTargetGroup> b)
    {
        b.ToTable("ActorTargetGroups");
        b.HasKey(t => new { t.ActorId, t.Code });
        b.Property(t => t.Code).HasMaxLength(40);
    }
}

internal sealed class ActorServedMunicipalityConfiguration : IEntityTypeConfiguration<ActorServedMunicipality>
{
    public void Configure(EntityTypeBuilder<ActorServedMunicipality> b)
    {
        b.ToTable("ActorServedMunicipalities");
        b.HasKey(m => new { m.ActorId, m.NisCode });
        b.HasIndex(m => m.NisCode);
    }
}

internal sealed class ActorRecognitionConfiguration : IEntityTypeConfiguration<ActorRecognition>
{
    public void Configure(EntityTypeBuilder<ActorRecognition> b)
    {
        b.ToTable("ActorRecognitions");
        b.HasIndex(r => r.ActorId);
        b.Property(r => r.What).HasMaxLength(300);
        b.Property(r => r.GrantedBy).HasMaxLength(200);
    }
}

internal sealed class ActorContactConfiguration : IEntityTypeConfiguration<ActorContact>
{
    public void Configure(EntityTypeBuilder<ActorContact> b)
    {
        b.ToTable("ActorContacts");
        b.HasIndex(c => c.ActorId);
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Role).HasMaxLength(200);
        b.Property(c => c.Email).HasMaxLength(254);
        b.Property(c => c.Phone).HasMaxLength(40);
    }
}

internal sealed class ActorTieConfiguration : IEntityTypeConfiguration<ActorTie>
{
    public void Configure(EntityTypeBuilder<ActorTie> b)
    {
        b.ToTable("ActorTies");
        b.HasIndex(t => new { t.ActorId, t.MunicipalityNisCode, t.Kind }).IsUnique();
        b.Property(t => t.Kind).HasMaxLength(40);
        b.Property(t => t.Note).HasMaxLength(500);
    }
}

internal sealed class ActorLinkConfiguration : IEntityTypeConfiguration<ActorLink>
{
    public void Configure(EntityTypeBuilder<ActorLink> b)
    {
        b.ToTable("ActorLinks");
        b.HasIndex(l => new { l.FromActorId, l.ToActorId }).IsUnique();
        b.HasIndex(l => l.ToActorId);
        b.Property(l => l.About).HasMaxLength(500);
        b.HasOne<Actor>().WithMany().HasForeignKey(l => l.FromActorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Actor>().WithMany().HasForeignKey(l => l.ToActorId).OnDelete(DeleteBehavior.Restrict);
    }
}
