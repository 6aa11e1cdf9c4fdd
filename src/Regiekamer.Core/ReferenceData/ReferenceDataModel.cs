using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Regiekamer.Core.Data;

namespace Regiekamer.Core.ReferenceData;

// One configuration per entity; the feature's tables as properties of RegiekamerDb. Keep Data/Migrations in step:
// SchemaDriftTests compares the two on both databases.

/// <summary>The reference data's tables: datasets with their provenance, municipalities, regions, figures.</summary>
public static class ReferenceDataModel
{
    extension(RegiekamerDb db)
    {
        public DbSet<ReferenceDataset> Datasets => db.Set<ReferenceDataset>();

        public DbSet<Municipality> Municipalities => db.Set<Municipality>();

        public DbSet<ReferenceRegion> ReferenceRegions => db.Set<ReferenceRegion>();

        public DbSet<RegionAssignment> RegionAssignments => db.Set<RegionAssignment>();

        public DbSet<MunicipalityFigure> Figures => db.Set<MunicipalityFigure>();
    }
}

internal sealed class ReferenceDatasetConfiguration : IEntityTypeConfiguration<ReferenceDataset>
{
    public void Configure(EntityTypeBuilder<ReferenceDataset> b)
    {
        b.ToTable("ReferenceDatasets");
        b.Property(d => d.Title).HasMaxLength(200);
        b.Property(d => d.Source).HasMaxLength(200);
        b.Property(d => d.Provenance).HasMaxLength(2000);
        b.Property(d => d.EstimateMethod).HasMaxLength(2000);
        b.Ignore(d => d.Citation);
        b.Ignore(d => d.SeriesLabel);
        b.HasIndex(d => new { d.Kind, d.MunicipalitySet });
    }
}

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> b)
    {
        b.ToTable("Municipalities");
        b.Property(m => m.Name).HasMaxLength(100);
        b.Property(m => m.ArrondissementNis).HasMaxLength(5);
        b.Property(m => m.ArrondissementName).HasMaxLength(100);
        b.Property(m => m.ProvinceNis).HasMaxLength(5);
        b.Property(m => m.ProvinceName).HasMaxLength(100);
        b.HasIndex(m => new { m.Set, m.NisCode }).IsUnique();
    }
}

internal sealed class ReferenceRegionConfiguration : IEntityTypeConfiguration<ReferenceRegion>
{
    public void Configure(EntityTypeBuilder<ReferenceRegion> b)
    {
        b.ToTable("ReferenceRegions");
        b.HasKey(r => r.Code);
        b.Property(r => r.Code).HasMaxLength(10);
        b.Property(r => r.Name).HasMaxLength(100);
        b.Property(r => r.ProvinceNis).HasMaxLength(5);
        b.Property(r => r.ProvinceName).HasMaxLength(100);
    }
}

internal sealed class RegionAssignmentConfiguration : IEntityTypeConfiguration<RegionAssignment>
{
    public void Configure(EntityTypeBuilder<RegionAssignment> b)
    {
        b.ToTable("RegionAssignments");
        b.HasKey(a => new { a.DatasetId, a.NisCode });
        b.Property(a => a.RegionCode).HasMaxLength(10);
        b.Property(a => a.RegionName).HasMaxLength(100);
        b.HasOne<ReferenceDataset>().WithMany().HasForeignKey(a => a.DatasetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MunicipalityFigureConfiguration : IEntityTypeConfiguration<MunicipalityFigure>
{
    public void Configure(EntityTypeBuilder<MunicipalityFigure> b)
    {
        b.ToTable("MunicipalityFigures");
        b.HasKey(f => new { f.DatasetId, f.NisCode });
        b.HasOne<ReferenceDataset>().WithMany().HasForeignKey(f => f.DatasetId).OnDelete(DeleteBehavior.Cascade);
    }
}
