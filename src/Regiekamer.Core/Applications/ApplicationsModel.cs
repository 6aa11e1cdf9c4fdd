using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Data;
using Regiekamer.Core.Partnerships;

namespace Regiekamer.Core.Applications;

// One configuration per entity; the feature's tables as properties of RegiekamerDb. Keep Data/Migrations in step:
// SchemaDriftTests compares the two on both databases.

/// <summary>The application dossiers' tables.</summary>
public static class ApplicationsModel
{
    extension(RegiekamerDb db)
    {
        public DbSet<Application> Applications => db.Set<Application>();

        public DbSet<PlannedAction> PlannedActions => db.Set<PlannedAction>();

        public DbSet<CommitmentStatement> CommitmentStatements => db.Set<CommitmentStatement>();

        public DbSet<ApplicationAttachment> ApplicationAttachments => db.Set<ApplicationAttachment>();

        public DbSet<ApplicationVersion> ApplicationVersions => db.Set<ApplicationVersion>();

        public DbSet<ApplicationDecision> ApplicationDecisions => db.Set<ApplicationDecision>();

        public DbSet<ReviewCheck> ReviewChecks => db.Set<ReviewCheck>();
    }
}

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> b)
    {
        b.ToTable("Applications");
        b.HasIndex(a => new { a.CallId, a.PartnershipId }).IsUnique();
        b.HasIndex(a => new { a.CallId, a.Number }).IsUnique();
        b.Property(a => a.DossierNumber).HasMaxLength(20);
        b.HasIndex(a => a.DossierNumber).IsUnique();
        b.HasIndex(a => a.Status);
        b.Property(a => a.BeneficiaryKbo).HasMaxLength(10);
        b.Property(a => a.Iban).HasMaxLength(34);
        b.Property(a => a.RegisseurName).HasMaxLength(200);
        b.Property(a => a.RegisseurEmail).HasMaxLength(200);
        b.Property(a => a.RegisseurPhone).HasMaxLength(50);
        b.Property(a => a.SignatoryName).HasMaxLength(200);
        b.Property(a => a.SignatoryEmail).HasMaxLength(200);
        b.Property(a => a.SignatoryPhone).HasMaxLength(50);
        b.Property(a => a.ExtensionMotivation).HasMaxLength(4000);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.Ignore(a => a.Regisseur);
        b.Ignore(a => a.Signatory);
        b.Ignore(a => a.Information);
        b.HasOne<Call>().WithMany().HasForeignKey(a => a.CallId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Partnership>().WithMany().HasForeignKey(a => a.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Actions).WithOne().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Commitments).WithOne().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.Actions).AutoInclude();
        b.Navigation(a => a.Commitments).AutoInclude();
    }
}

internal sealed class PlannedActionConfiguration : IEntityTypeConfiguration<PlannedAction>
{
    public void Configure(EntityTypeBuilder<PlannedAction> b)
    {
        b.ToTable("PlannedActions");
        b.Property(x => x.PolicyGoal).HasMaxLength(500);
        b.Property(x => x.ActionPlan).HasMaxLength(500);
        b.Property(x => x.ShortDescription).HasMaxLength(4000);
        b.Property(x => x.LongDescription).HasMaxLength(4000);
        b.Property(x => x.Comment).HasMaxLength(4000);
        b.Property(x => x.Code).HasMaxLength(10);
        // Immutable and compared by value: a change is always a new instance, so the snapshot can be the same one.
        b.Property(x => x.Amounts)
            .HasConversion(v => v.ToStorage(), s => YearAmounts.FromStorage(s), new ValueComparer<YearAmounts>((a, c) => Equals(a, c), v => v.GetHashCode(), v => v))
            .HasMaxLength(500);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Values);
    }
}

internal sealed class CommitmentStatementConfiguration : IEntityTypeConfiguration<CommitmentStatement>
{
    public void Configure(EntityTypeBuilder<CommitmentStatement> b)
    {
        b.ToTable("CommitmentStatements");
        b.HasKey(c => new { c.ApplicationId, c.NisCode });
        b.HasOne<ApplicationAttachment>().WithMany().HasForeignKey(c => c.AttachmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApplicationAttachmentConfiguration : IEntityTypeConfiguration<ApplicationAttachment>
{
    public void Configure(EntityTypeBuilder<ApplicationAttachment> b)
    {
        b.ToTable("ApplicationAttachments");
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApplicationVersionConfiguration : IEntityTypeConfiguration<ApplicationVersion>
{
    public void Configure(EntityTypeBuilder<ApplicationVersion> b)
    {
        b.ToTable("ApplicationVersions");
        b.HasIndex(v => new { v.ApplicationId, v.Number }).IsUnique();
        b.Property(v => v.Sha256).HasMaxLength(64);
        b.Property(v => v.Contacts).HasMaxLength(2000);
        b.HasOne<Application>().WithMany().HasForeignKey(v => v.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CallVersion>().WithMany().HasForeignKey(v => v.CallVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApplicationDecisionConfiguration : IEntityTypeConfiguration<ApplicationDecision>
{
    public void Configure(EntityTypeBuilder<ApplicationDecision> b)
    {
        b.ToTable("ApplicationDecisions");
        b.HasIndex(d => new { d.ApplicationId, d.VersionNumber });
        b.Property(d => d.Motivation).HasMaxLength(4000);
        b.Property(d => d.Rules).HasMaxLength(200);
        b.Property(d => d.Points).HasMaxLength(4000);
        b.HasOne<Application>().WithMany().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReviewCheckConfiguration : IEntityTypeConfiguration<ReviewCheck>
{
    public void Configure(EntityTypeBuilder<ReviewCheck> b)
    {
        b.ToTable("ReviewChecks");
        b.HasKey(c => new { c.ApplicationId, c.VersionNumber, c.Check });
        b.Property(c => c.Check).HasMaxLength(40);
        b.Property(c => c.Note).HasMaxLength(4000);
        b.HasOne<Application>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
