using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Data;
using Regiekamer.Core.Partnerships;

namespace Regiekamer.Core.Reports;

// Keep Data/Migrations/20261214130000_AnnualReports.cs in step (SchemaDriftTests).

/// <summary>The annual reports' tables.</summary>
public static class ReportsModel
{
    extension(RegiekamerDb db)
    {
        public DbSet<AnnualReport> AnnualReports => db.Set<AnnualReport>();

        public DbSet<ReportedAction> ReportedActions => db.Set<ReportedAction>();
    }
}

internal sealed class AnnualReportConfiguration : IEntityTypeConfiguration<AnnualReport>
{
    public void Configure(EntityTypeBuilder<AnnualReport> b)
    {
        b.ToTable("AnnualReports");
        b.HasIndex(r => new { r.CallId, r.PartnershipId, r.Year }).IsUnique();
        b.HasIndex(r => r.PartnershipId);
        b.HasIndex(r => r.ApplicationId);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Property(r => r.EvaluationMotivation).HasMaxLength(4000);
        b.HasOne<Call>().WithMany().HasForeignKey(r => r.CallId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Partnership>().WithMany().HasForeignKey(r => r.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Application>().WithMany().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Actions).WithOne().HasForeignKey(a => a.AnnualReportId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Actions).AutoInclude();
    }
}

internal sealed class ReportedActionConfiguration : IEntityTypeConfiguration<ReportedAction>
{
    public void Configure(EntityTypeBuilder<ReportedAction> b)
    {
        b.ToTable("ReportedActions");
        b.HasIndex(a => a.AnnualReportId);
        b.Property(a => a.PolicyGoal).HasMaxLength(4000);
        b.Property(a => a.ActionPlan).HasMaxLength(4000);
        b.Property(a => a.ShortDescription).HasMaxLength(4000);
        b.Property(a => a.LongDescription).HasMaxLength(4000);
        b.Property(a => a.Comment).HasMaxLength(4000);
        b.Property(a => a.Code).HasMaxLength(10);
        b.Property(a => a.NotCarriedOutReason).HasMaxLength(4000);
        b.Property(a => a.Version).IsConcurrencyToken();
    }
}
