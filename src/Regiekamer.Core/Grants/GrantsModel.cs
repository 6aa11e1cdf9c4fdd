using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Regiekamer.Core.Allocation;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Data;
using Regiekamer.Core.Partnerships;

namespace Regiekamer.Core.Grants;

// One configuration per entity; keep Data/Migrations/20261214120000_Grants.cs in step (SchemaDriftTests).

/// <summary>The grants' tables: decrees and their lines, payments, stops.</summary>
public static class GrantsModel
{
    extension(RegiekamerDb db)
    {
        public DbSet<Decree> Decrees => db.Set<Decree>();

        public DbSet<DecreeLine> DecreeLines => db.Set<DecreeLine>();

        public DbSet<Payment> Payments => db.Set<Payment>();

        public DbSet<PaymentStop> PaymentStops => db.Set<PaymentStop>();

        public DbSet<Reclaim> Reclaims => db.Set<Reclaim>();
    }
}

internal sealed class DecreeConfiguration : IEntityTypeConfiguration<Decree>
{
    public void Configure(EntityTypeBuilder<Decree> b)
    {
        b.ToTable("Decrees");
        b.Property(d => d.Number).HasMaxLength(60);
        b.HasIndex(d => d.Number).IsUnique();
        b.HasIndex(d => new { d.CallId, d.Year });
        b.Property(d => d.LegalBasis).HasMaxLength(4000);
        b.Property(d => d.AmendmentReason).HasMaxLength(4000);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.Ignore(d => d.Total);
        b.Ignore(d => d.IsSigned);
        b.HasOne<Call>().WithMany().HasForeignKey(d => d.CallId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AllocationRun>().WithMany().HasForeignKey(d => d.AllocationRunId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Decree>().WithMany().HasForeignKey(d => d.AmendsDecreeId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(d => d.Lines).WithOne().HasForeignKey(l => l.DecreeId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(d => d.Lines).AutoInclude();
    }
}

internal sealed class DecreeLineConfiguration : IEntityTypeConfiguration<DecreeLine>
{
    public void Configure(EntityTypeBuilder<DecreeLine> b)
    {
        b.ToTable("DecreeLines");
        b.HasIndex(l => new { l.DecreeId, l.PartnershipId }).IsUnique();
        b.HasIndex(l => l.PartnershipId);
        b.Property(l => l.PartnershipName).HasMaxLength(200);
        b.Property(l => l.BeneficiaryName).HasMaxLength(200);
        b.Property(l => l.BeneficiaryKbo).HasMaxLength(10);
        b.Property(l => l.Iban).HasMaxLength(34);
        b.Property(l => l.Members).HasMaxLength(2000);
        b.Property(l => l.LedgerVersion).IsConcurrencyToken();
        b.HasOne<Partnership>().WithMany().HasForeignKey(l => l.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Application>().WithMany().HasForeignKey(l => l.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> b)
    {
        b.ToTable("Payments");
        b.HasIndex(p => new { p.CallId, p.Year, p.PartnershipId });
        b.HasIndex(p => p.Status);
        b.Property(p => p.Reference).HasMaxLength(60);
        b.HasIndex(p => p.Reference).IsUnique();
        b.Property(p => p.BankReference).HasMaxLength(100);
        b.Property(p => p.FailureReason).HasMaxLength(1000);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne<Call>().WithMany().HasForeignKey(p => p.CallId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Partnership>().WithMany().HasForeignKey(p => p.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DecreeLine>().WithMany().HasForeignKey(p => p.DecreeLineId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaymentStopConfiguration : IEntityTypeConfiguration<PaymentStop>
{
    public void Configure(EntityTypeBuilder<PaymentStop> b)
    {
        b.ToTable("PaymentStops");
        b.HasIndex(s => new { s.CallId, s.PartnershipId }).IsUnique();
        b.Property(s => s.Decision).HasMaxLength(200);
        b.Property(s => s.Motivation).HasMaxLength(4000);
        b.HasOne<Call>().WithMany().HasForeignKey(s => s.CallId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Partnership>().WithMany().HasForeignKey(s => s.PartnershipId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReclaimConfiguration : IEntityTypeConfiguration<Reclaim>
{
    public void Configure(EntityTypeBuilder<Reclaim> b)
    {
        b.ToTable("Reclaims");
        b.HasIndex(r => new { r.CallId, r.PartnershipId });
        b.Property(r => r.Decision).HasMaxLength(200);
        b.Property(r => r.Motivation).HasMaxLength(4000);
        b.Property(r => r.WriteOffMotivation).HasMaxLength(4000);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.Amount);
        b.Ignore(r => r.PaidBack);
        b.Ignore(r => r.Open);
        b.HasOne<Call>().WithMany().HasForeignKey(r => r.CallId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Partnership>().WithMany().HasForeignKey(r => r.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Years).WithOne().HasForeignKey(y => y.ReclaimId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Repayments).WithOne().HasForeignKey(y => y.ReclaimId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Years).AutoInclude();
        b.Navigation(r => r.Repayments).AutoInclude();
    }
}

internal sealed class ReclaimYearConfiguration : IEntityTypeConfiguration<ReclaimYear>
{
    public void Configure(EntityTypeBuilder<ReclaimYear> b)
    {
        b.ToTable("ReclaimYears");
        b.HasIndex(y => new { y.ReclaimId, y.Year }).IsUnique();
    }
}

internal sealed class RepaymentConfiguration : IEntityTypeConfiguration<Repayment>
{
    public void Configure(EntityTypeBuilder<Repayment> b)
    {
        b.ToTable("Repayments");
        b.HasIndex(r => r.ReclaimId);
        b.Property(r => r.Reference).HasMaxLength(100);
    }
}
