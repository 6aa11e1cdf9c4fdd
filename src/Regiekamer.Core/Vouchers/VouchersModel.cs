using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Regiekamer.Core.Actors;
using Regiekamer.Core.Data;
using Regiekamer.Core.Partnerships;

namespace Regiekamer.Core.Vouchers;

// Keep Data/Migrations/20261216160000_Vouchers.cs in step (SchemaDriftTests).

/// <summary>The introduction vouchers' tables.</summary>
public static class VouchersModel
{
    extension(RegiekamerDb db)
    {
        public DbSet<VoucherScheme> VoucherSchemes => db.Set<VoucherScheme>();

        public DbSet<Voucher> Vouchers => db.Set<Voucher>();

        public DbSet<VoucherFile> VoucherFiles => db.Set<VoucherFile>();
    }
}

internal sealed class VoucherSchemeConfiguration : IEntityTypeConfiguration<VoucherScheme>
{
    public void Configure(EntityTypeBuilder<VoucherScheme> b)
    {
        b.ToTable("VoucherSchemes");
        b.HasIndex(s => s.PartnershipId);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Property(s => s.Name).HasMaxLength(200);
        b.Ignore(s => s.Terms);
        b.HasOne<Partnership>().WithMany().HasForeignKey(s => s.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Providers).WithOne().HasForeignKey(p => p.VoucherSchemeId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(s => s.Providers).AutoInclude();
    }
}

internal sealed class VoucherSchemeProviderConfiguration : IEntityTypeConfiguration<VoucherSchemeProvider>
{
    public void Configure(EntityTypeBuilder<VoucherSchemeProvider> b)
    {
        b.ToTable("VoucherSchemeProviders");
        b.HasKey(p => new { p.VoucherSchemeId, p.ActorId });
        b.HasIndex(p => p.ActorId);
        b.HasOne<Actor>().WithMany().HasForeignKey(p => p.ActorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VoucherConfiguration : IEntityTypeConfiguration<Voucher>
{
    public void Configure(EntityTypeBuilder<Voucher> b)
    {
        b.ToTable("Vouchers");
        b.HasIndex(v => v.VoucherSchemeId);
        b.HasIndex(v => v.PartnershipId);
        b.HasIndex(v => v.CompanyKbo);
        b.HasIndex(v => v.CompanyTokenHash).IsUnique();
        b.Property(v => v.Version).IsConcurrencyToken();
        b.Property(v => v.CompanyKbo).HasMaxLength(10);
        b.Property(v => v.CompanyName).HasMaxLength(300);
        b.Property(v => v.CompanyAddress).HasMaxLength(300);
        b.Property(v => v.ContactName).HasMaxLength(200);
        b.Property(v => v.ContactEmail).HasMaxLength(254);
        b.Property(v => v.ContactPhone).HasMaxLength(40);
        b.Property(v => v.Service).HasMaxLength(2000);
        b.Property(v => v.IpAddress).HasMaxLength(45);
        b.Property(v => v.CompanyTokenHash).HasMaxLength(64);
        b.HasIndex(v => v.ProviderTokenHash).IsUnique();
        b.Property(v => v.ProviderTokenHash).HasMaxLength(64);
        b.Property(v => v.InvoiceNumber).HasMaxLength(100);
        b.Property(v => v.PaymentReference).HasMaxLength(100);
        b.Property(v => v.Findings).HasMaxLength(4000);
        b.Property(v => v.DecisionReason).HasMaxLength(2000);
        b.HasOne<VoucherScheme>().WithMany().HasForeignKey(v => v.VoucherSchemeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Partnership>().WithMany().HasForeignKey(v => v.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Actor>().WithMany().HasForeignKey(v => v.ProviderActorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VoucherFileConfiguration : IEntityTypeConfiguration<VoucherFile>
{
    public void Configure(EntityTypeBuilder<VoucherFile> b)
    {
        b.ToTable("VoucherFiles");
        b.HasIndex(f => f.VoucherId);
        b.HasIndex(f => f.Sha256);
        b.Property(f => f.FileName).HasMaxLength(255);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.HasOne<Voucher>().WithMany().HasForeignKey(f => f.VoucherId).OnDelete(DeleteBehavior.Cascade);
    }
}
