using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Regiekamer.Core.Data;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Calls;

// One configuration per entity; the feature's tables as properties of RegiekamerDb. Keep Data/Migrations in step:
// SchemaDriftTests compares the two on both databases.

/// <summary>The calls' tables: each call and the versions of its terms (R14).</summary>
public static class CallsModel
{
    extension(RegiekamerDb db)
    {
        public DbSet<Call> Calls => db.Set<Call>();

        public DbSet<CallVersion> CallVersions => db.Set<CallVersion>();
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
        b.Property(v => v.AdvancePercent).HasDefaultValue(100);
        b.Property(v => v.ReportDueMonth).HasDefaultValue(6);
        b.Property(v => v.ReportDueDay).HasDefaultValue(30);
        b.Ignore(v => v.PriorityCodes);
        b.HasOne<ReferenceDataset>().WithMany().HasForeignKey(v => v.RegionDatasetId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ReferenceDataset>().WithMany().HasForeignKey(v => v.JobSeekersDatasetId).OnDelete(DeleteBehavior.Restrict);
    }
}
