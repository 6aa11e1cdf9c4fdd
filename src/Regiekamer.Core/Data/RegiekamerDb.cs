using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Regiekamer.Core.Allocation;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Data;

/// <summary>The one EF Core model, used on SQLite (embedded default) and PostgreSQL (production).</summary>
public sealed class RegiekamerDb(DbContextOptions<RegiekamerDb> options) : DbContext(options)
{
    public DbSet<ReferenceDataset> Datasets => Set<ReferenceDataset>();

    public DbSet<Municipality> Municipalities => Set<Municipality>();

    public DbSet<ReferenceRegion> ReferenceRegions => Set<ReferenceRegion>();

    public DbSet<RegionAssignment> RegionAssignments => Set<RegionAssignment>();

    public DbSet<MunicipalityFigure> Figures => Set<MunicipalityFigure>();

    public DbSet<Partnership> Partnerships => Set<Partnership>();

    public DbSet<PartnershipMember> PartnershipMembers => Set<PartnershipMember>();

    public DbSet<Call> Calls => Set<Call>();

    public DbSet<CallVersion> CallVersions => Set<CallVersion>();

    public DbSet<AllocationRun> AllocationRuns => Set<AllocationRun>();

    public DbSet<AllocationLine> AllocationLines => Set<AllocationLine>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<NisCode>().HaveConversion<NisCodeConverter>().HaveMaxLength(5);
        configurationBuilder.Properties<Money>().HaveConversion<MoneyConverter>();
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RegiekamerDb).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // Optimistic concurrency that works the same on both providers: an integer Version, compared on update.
    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Modified && entry.Metadata.FindProperty("Version") is { } property && property.IsConcurrencyToken)
            {
                var current = (int)entry.Property("Version").CurrentValue!;
                entry.Property("Version").CurrentValue = current + 1;
            }
        }
    }

    private sealed class NisCodeConverter() : ValueConverter<NisCode, string>(v => v.Value, v => NisCode.Parse(v));

    private sealed class MoneyConverter() : ValueConverter<Money, long>(v => v.Cents, v => new Money(v));

    // SQLite hands DateTime back without a kind; every timestamp we store is UTC.
    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(v => v.ToUniversalTime(), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
