using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Regiekamer.Core.Data;
using Regiekamer.Core.Partnerships;

namespace Regiekamer.Core.Accounts;

// One configuration per entity; the feature's tables as properties of RegiekamerDb. Keep Data/Migrations in step:
// SchemaDriftTests compares the two on both databases.

/// <summary>The accounts' tables besides Identity's own: role assignments, API tokens, data-protection keys.</summary>
public static class AccountsModel
{
    extension(RegiekamerDb db)
    {
        public DbSet<RoleAssignment> RoleAssignments => db.Set<RoleAssignment>();

        public DbSet<ApiToken> ApiTokens => db.Set<ApiToken>();

        public DbSet<DataProtectionKey> DataProtectionKeys => db.Set<DataProtectionKey>();
    }
}

internal sealed class RegiekamerUserConfiguration : IEntityTypeConfiguration<RegiekamerUser>
{
    public void Configure(EntityTypeBuilder<RegiekamerUser> b) => b.Property(u => u.DisplayName).HasMaxLength(200);
}

internal sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> b)
    {
        b.ToTable("RoleAssignments");
        b.HasIndex(r => new { r.UserId, r.Role, r.PartnershipId }).IsUnique();
        b.HasIndex(r => r.PartnershipId);
        b.HasOne<RegiekamerUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Partnership>().WithMany().HasForeignKey(r => r.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.ToTable("ApiTokens");
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.TokenHash).HasMaxLength(64);
        b.Property(t => t.Prefix).HasMaxLength(12);
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasIndex(t => t.UserId);
        b.HasOne<RegiekamerUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b)
    {
        b.ToTable("DataProtectionKeys");
        b.Property(k => k.FriendlyName).HasMaxLength(200);
    }
}
