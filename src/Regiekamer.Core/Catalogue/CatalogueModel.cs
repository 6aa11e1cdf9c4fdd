using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Regiekamer.Core.Actors;
using Regiekamer.Core.Data;

namespace Regiekamer.Core.Catalogue;

// Keep Data/Migrations/20261216150000_Catalogue.cs in step (SchemaDriftTests). The full-text artefacts (SQLite's FTS5
// table "OfferingSearch" with its triggers, PostgreSQL's generated column "SearchVector" with its GIN index) are made by
// the migration only and left out of the comparison (tests/Regiekamer.Data.Tests/Schema/SchemaReader.cs).

/// <summary>The social-procurement catalogue's tables.</summary>
public static class CatalogueModel
{
    extension(RegiekamerDb db)
    {
        public DbSet<CatalogueCategory> CatalogueCategories => db.Set<CatalogueCategory>();

        public DbSet<Offering> Offerings => db.Set<Offering>();

        public DbSet<OfferingPendingCopy> OfferingPendingCopies => db.Set<OfferingPendingCopy>();

        public DbSet<OfferingInvitation> OfferingInvitations => db.Set<OfferingInvitation>();
    }
}

internal sealed class CatalogueCategoryConfiguration : IEntityTypeConfiguration<CatalogueCategory>
{
    public void Configure(EntityTypeBuilder<CatalogueCategory> b)
    {
        b.ToTable("CatalogueCategories");
        b.HasKey(c => c.Code);
        b.Property(c => c.Code).HasMaxLength(40);
        b.Property(c => c.NameNl).HasMaxLength(200);
        b.Property(c => c.NameEn).HasMaxLength(200);
        b.Property(c => c.CpvCodes).HasMaxLength(1000);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.CpvList);
    }
}

internal sealed class OfferingConfiguration : IEntityTypeConfiguration<Offering>
{
    public void Configure(EntityTypeBuilder<Offering> b)
    {
        b.ToTable("Offerings");
        b.HasIndex(o => o.ActorId);
        // Covers the public search's filter, count and sort key but the actor's name (Data/Migrations/20261217130000_CatalogueSearchIndex.cs).
        b.HasIndex(o => new { o.Status, o.LastConfirmedOn, o.ActorId, o.Title });
        b.Property(o => o.Title).HasMaxLength(OfferingRules.TitleMax);
        b.Property(o => o.Description).HasMaxLength(OfferingRules.DescriptionMax);
        b.Property(o => o.ContactName).HasMaxLength(200);
        b.Property(o => o.ContactEmail).HasMaxLength(254);
        b.Property(o => o.ContactPhone).HasMaxLength(40);
        b.Property(o => o.SearchText).HasMaxLength(16000);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.Ignore(o => o.Content);
        b.HasOne(o => o.Actor).WithMany().HasForeignKey(o => o.ActorId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(o => o.Categories).WithOne().HasForeignKey(c => c.OfferingId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(o => o.CpvCodes).WithOne().HasForeignKey(c => c.OfferingId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(o => o.Areas).WithOne().HasForeignKey(c => c.OfferingId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(o => o.TargetGroups).WithOne().HasForeignKey(c => c.OfferingId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(o => o.Categories).AutoInclude();
        b.Navigation(o => o.CpvCodes).AutoInclude();
        b.Navigation(o => o.Areas).AutoInclude();
        b.Navigation(o => o.TargetGroups).AutoInclude();
    }
}

internal sealed class OfferingCategoryConfiguration : IEntityTypeConfiguration<OfferingCategory>
{
    public void Configure(EntityTypeBuilder<OfferingCategory> b)
    {
        b.ToTable("OfferingCategories");
        b.HasKey(c => new { c.OfferingId, c.CategoryCode });
        b.HasIndex(c => new { c.CategoryCode, c.OfferingId });
        b.Property(c => c.CategoryCode).HasMaxLength(40);
        b.HasOne<CatalogueCategory>().WithMany().HasForeignKey(c => c.CategoryCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OfferingCpvConfiguration : IEntityTypeConfiguration<OfferingCpv>
{
    public void Configure(EntityTypeBuilder<OfferingCpv> b)
    {
        b.ToTable("OfferingCpvCodes");
        b.HasKey(c => new { c.OfferingId, c.Code });
        b.HasIndex(c => new { c.Code, c.OfferingId });
        b.Property(c => c.Code).HasMaxLength(10);
    }
}

internal sealed class OfferingAreaConfiguration : IEntityTypeConfiguration<OfferingArea>
{
    public void Configure(EntityTypeBuilder<OfferingArea> b)
    {
        b.ToTable("OfferingAreas");
        b.HasKey(a => new { a.OfferingId, a.NisCode });
        b.HasIndex(a => new { a.NisCode, a.OfferingId });
    }
}

internal sealed class OfferingTargetGroupConfiguration : IEntityTypeConfiguration<OfferingTargetGroup>
{
    public void Configure(EntityTypeBuilder<OfferingTargetGroup> b)
    {
        b.ToTable("OfferingTargetGroups");
        b.HasKey(t => new { t.OfferingId, t.Code });
        b.HasIndex(t => new { t.Code, t.OfferingId });
        b.Property(t => t.Code).HasMaxLength(40);
    }
}

internal sealed class OfferingPendingCopyConfiguration : IEntityTypeConfiguration<OfferingPendingCopy>
{
    public void Configure(EntityTypeBuilder<OfferingPendingCopy> b)
    {
        b.ToTable("OfferingPendingCopies");
        b.HasKey(p => p.OfferingId);
        b.HasIndex(p => p.InvitationId);
        b.Property(p => p.ContentJson).HasMaxLength(64000);
        b.HasOne<Offering>().WithOne().HasForeignKey<OfferingPendingCopy>(p => p.OfferingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OfferingInvitation>().WithMany().HasForeignKey(p => p.InvitationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OfferingInvitationConfiguration : IEntityTypeConfiguration<OfferingInvitation>
{
    public void Configure(EntityTypeBuilder<OfferingInvitation> b)
    {
        b.ToTable("OfferingInvitations");
        b.HasIndex(i => i.TokenHash).IsUnique();
        b.HasIndex(i => i.OfferingId);
        b.Property(i => i.TokenHash).HasMaxLength(64);
        b.Property(i => i.Email).HasMaxLength(254);
        b.HasOne<Offering>().WithMany().HasForeignKey(i => i.OfferingId).OnDelete(DeleteBehavior.Cascade);
    }
}
