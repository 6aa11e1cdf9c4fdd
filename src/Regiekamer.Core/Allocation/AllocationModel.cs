using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Data;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Allocation;

// One configuration per entity; the feature's tables as properties of RegiekamerDb. Keep Data/Migrations in step:
// SchemaDriftTests compares the two on both databases.

/// <summary>The allocation's tables: stored runs and their lines (R13, R14).</summary>
public static class AllocationModel
{
    extension(RegiekamerDb db)
    {
        public DbSet<AllocationRun> AllocationRuns => db.Set<AllocationRun>();

        public DbSet<AllocationLine> AllocationLines => db.Set<AllocationLine>();
    }
}

internal sealed class AllocationRunConfiguration : IEntityTypeConfiguration<AllocationRun>
{
    public void Configure(EntityTypeBuilder<AllocationRun> b)
    {
        b.ToTable("AllocationRuns");
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.IsPublished);
        b.Property(r => r.Basis).HasDefaultValue(AllocationBasis.Registered);
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
        b.Property(l => l.JobSeekerEstimates).HasMaxLength(2000);
        b.Ignore(l => l.EstimatedMembers);
        b.HasOne<Partnership>().WithMany().HasForeignKey(l => l.PartnershipId).OnDelete(DeleteBehavior.SetNull);
    }
}
