using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Data;
using Regiekamer.Core.Partnerships;

namespace Regiekamer.Core.Reports;

// Keep Data/Migrations/20261214130000_AnnualReports.cs and 20261215120000_ReportCycle.cs in step (SchemaDriftTests).

/// <summary>The annual reports' tables.</summary>
public static class ReportsModel
{
    extension(RegiekamerDb db)
    {
        public DbSet<AnnualReport> AnnualReports => db.Set<AnnualReport>();

        public DbSet<ReportedAction> ReportedActions => db.Set<ReportedAction>();

        public DbSet<PriorityEvaluation> PriorityEvaluations => db.Set<PriorityEvaluation>();

        public DbSet<ReportExtension> ReportExtensions => db.Set<ReportExtension>();
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
        b.Property(r => r.SubmittedSha256).HasMaxLength(64);
        b.HasOne<Call>().WithMany().HasForeignKey(r => r.CallId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Partnership>().WithMany().HasForeignKey(r => r.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Application>().WithMany().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Actions).WithOne().HasForeignKey(a => a.AnnualReportId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Actions).AutoInclude();
        b.HasMany(r => r.PriorityEvaluations).WithOne().HasForeignKey(e => e.AnnualReportId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.PriorityEvaluations).AutoInclude();
    }
}

internal sealed class PriorityEvaluationConfiguration : IEntityTypeConfiguration<PriorityEvaluation>
{
    public void Configure(EntityTypeBuilder<PriorityEvaluation> b)
    {
        b.ToTable("PriorityEvaluations");
        b.HasIndex(e => e.AnnualReportId);
        b.Property(e => e.Code).HasMaxLength(10);
        b.Property(e => e.Remarks).HasMaxLength(4000);
    }
}

internal sealed class ReportExtensionConfiguration : IEntityTypeConfiguration<ReportExtension>
{
    public void Configure(EntityTypeBuilder<ReportExtension> b)
    {
        b.ToTable("ReportExtensions");
        b.HasIndex(e => new { e.CallId, e.PartnershipId, e.Year }).IsUnique();
        b.HasIndex(e => e.PartnershipId);
        b.Property(e => e.Reason).HasMaxLength(1000);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.HasOne<Call>().WithMany().HasForeignKey(e => e.CallId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Partnership>().WithMany().HasForeignKey(e => e.PartnershipId).OnDelete(DeleteBehavior.Restrict);
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
