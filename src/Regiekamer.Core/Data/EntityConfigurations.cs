using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Regiekamer.Core.Allocation;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Data;

// One configuration per entity. Keep Data/Migrations in step: SchemaDriftTests compares the two on both databases.
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

internal sealed class CallConfiguration : IEntityTypeConfiguration<Call>
{
    public void Configure(EntityTypeBuilder<Call> b)
    {
        b.ToTable("Calls");
        b.Property(c => c.Code).HasMaxLength(20);
        b.HasIndex(c => c.Code).IsUnique();
        b.Property(c => c.Title).HasMaxLength(200);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.CurrentVersion);
        b.HasMany(c => c.Versions).WithOne().HasForeignKey(v => v.CallId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(c => c.Versions).AutoInclude();
    }
}

internal sealed class CallVersionConfiguration : IEntityTypeConfiguration<CallVersion>
{
    public void Configure(EntityTypeBuilder<CallVersion> b)
    {
        b.ToTable("CallVersions");
        b.HasIndex(v => new { v.CallId, v.Number }).IsUnique();
        b.Property(v => v.Priorities).HasMaxLength(200);
        b.Property(v => v.Note).HasMaxLength(2000);
        b.Ignore(v => v.PriorityCodes);
        b.HasOne<ReferenceDataset>().WithMany().HasForeignKey(v => v.RegionDatasetId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AllocationRunConfiguration : IEntityTypeConfiguration<AllocationRun>
{
    public void Configure(EntityTypeBuilder<AllocationRun> b)
    {
        b.ToTable("AllocationRuns");
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.IsPublished);
        b.HasOne<CallVersion>().WithMany().HasForeignKey(r => r.CallVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ReferenceDataset>().WithMany().HasForeignKey(r => r.InhabitantsDatasetId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ReferenceDataset>().WithMany().HasForeignKey(r => r.WorkingAgeDatasetId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ReferenceDataset>().WithMany().HasForeignKey(r => r.JobSeekersDatasetId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ReferenceDataset>().WithMany().HasForeignKey(r => r.RegionDatasetId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.AllocationRunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AllocationLineConfiguration : IEntityTypeConfiguration<AllocationLine>
{
    public void Configure(EntityTypeBuilder<AllocationLine> b)
    {
        b.ToTable("AllocationLines");
        b.Property(l => l.PartnershipName).HasMaxLength(200);
        b.Property(l => l.Members).HasMaxLength(2000);
        b.HasOne<Partnership>().WithMany().HasForeignKey(l => l.PartnershipId).OnDelete(DeleteBehavior.SetNull);
    }
}
