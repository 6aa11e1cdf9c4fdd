using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Data;

/// <summary>
/// The one EF Core model, used on SQLite (embedded default) and PostgreSQL (production). Saving keeps three promises for
/// every feature: concurrency versions go up, the audit trail stays append-only and chained, and the inputs of derived
/// results (<see cref="DataVersion.DerivedInputs"/>) and of the public catalogue's index (<see cref="DataVersion.Catalogue"/>)
/// get a new version in the same transaction as their change.
/// </summary>
public sealed class RegiekamerDb(DbContextOptions<RegiekamerDb> options) : IdentityUserContext<RegiekamerUser, Guid>(options)
{
    // Each feature declares its tables next to it (e.g. Partnerships/PartnershipsModel.cs) as extension properties of
    // this context, with one IEntityTypeConfiguration per entity; OnModelCreating picks those up.

    /// <summary>Which database this context works on, read from its options (asking EF for the connection string initialises the whole context).</summary>
    internal string DatabaseKey { get; } = options.Extensions.OfType<Microsoft.EntityFrameworkCore.Infrastructure.RelationalOptionsExtension>().FirstOrDefault()?.ConnectionString ?? "";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<NisCode>().HaveConversion<NisCodeConverter>().HaveMaxLength(5);
        configurationBuilder.Properties<Money>().HaveConversion<MoneyConverter>();
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(RegiekamerDb).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>Bumps concurrency versions, keeps the audit trail append-only and links added records into the hash chain under a lock.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var (audits, counters) = PrepareChanges();
        var countersChanged = counters.Count > 0;
        if (countersChanged)
        {
            DataVersion.Forget(this);
        }

        if (audits.Count == 0 && !countersChanged)
        {
            var plain = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            DataVersion.ForgetStored(this);
            return plain;
        }

        if (audits.Count == 0)
        {
            var tx = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
            try
            {
                var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                await DataVersion.BumpAsync(this, counters, cancellationToken);
                if (tx is not null)
                {
                    await tx.CommitAsync(cancellationToken);
                }

                DataVersion.Forget(this);
                return saved;
            }
            finally
            {
                if (tx is not null)
                {
                    await tx.DisposeAsync();
                }
            }
        }

        await AuditTrail.Chain.Lock.WaitAsync(cancellationToken);
        try
        {
            var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
            try
            {
                if (Database.IsNpgsql())
                {
                    await Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AuditTrail.Chain.PostgresLockKey})", cancellationToken);
                }

                var previous = await this.AuditRecords.AsNoTracking().OrderByDescending(a => a.Id).Select(a => a.Hash).FirstOrDefaultAsync(cancellationToken) ?? "";
                int written;
                if (audits.Count == 1)
                {
                    Link(audits[0], previous);
                    written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                }
                else
                {
                    // The chain runs in id order, and EF Core neither enumerates added entries nor inserts rows in a
                    // promised order (seeding 13 partnerships came out reversed). So the change itself is saved first,
                    // then each record on its own, in the order it was recorded: its id then follows its place in the chain.
                    foreach (var audit in audits)
                    {
                        Entry(audit).State = EntityState.Detached;
                    }

                    written = await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
                    foreach (var audit in audits.OrderBy(a => a.RecordedOrder))
                    {
                        previous = Link(audit, previous);
                        this.AuditRecords.Add(audit);
                        written += await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
                    }
                }

                if (countersChanged)
                {
                    await DataVersion.BumpAsync(this, counters, cancellationToken);
                }

                if (own is not null)
                {
                    await own.CommitAsync(cancellationToken);
                }

                DataVersion.Forget(this);
                return written;
            }
            finally
            {
                if (own is not null)
                {
                    await own.DisposeAsync();
                }
            }
        }
        finally
        {
            AuditTrail.Chain.Lock.Release();
        }
    }

    private static string Link(AuditRecord audit, string previous)
    {
        audit.PreviousHash = previous;
        audit.Hash = AuditTrail.Chain.Hash(audit);
        return audit.Hash;
    }

    /// <summary>
    /// The transaction of a change that spans several saves and services: a new one, or the caller's when it has one (a
    /// refusal of a report that also stops payments and decides a reclaim). Only the one who began it commits.
    /// </summary>
    public async Task<JoinedTransaction> TransactionAsync(CancellationToken ct = default) =>
        new(Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null);

    /// <summary>
    /// The next save writes <paramref name="entity"/> only while its stored Version is still <paramref name="expected"/>
    /// (else <see cref="DbUpdateConcurrencyException"/>), and raises it by one (<see cref="PrepareChanges"/>) even when
    /// only its parts changed: the one guard for "the version read" of an aggregate.
    /// </summary>
    public void ExpectVersion<T>(T entity, int expected)
        where T : class
    {
        var version = Entry(entity).Property("Version");
        version.OriginalValue = expected;
        version.IsModified = true;
    }

    /// <summary>
    /// Saves, and answers <paramref name="entity"/>; a save refused by <see cref="ExpectVersion"/> (someone else saved
    /// first) is a 409 "concurrency" with nothing written and the tracker cleared.
    /// </summary>
    public async Task<Result<T>> SaveOrConflictAsync<T>(T entity, CancellationToken ct = default)
        where T : class
    {
        try
        {
            await SaveChangesAsync(ct);
            return Result<T>.Ok(entity);
        }
        catch (DbUpdateConcurrencyException)
        {
            ChangeTracker.Clear();
            return DomainError.Conflict("concurrency", "Dit werd intussen door iemand anders gewijzigd; herlaad en probeer opnieuw.", "This was changed by someone else in the meantime; reload and try again.");
        }
    }

    /// <summary>
    /// One pass over the tracked changes: bumps the Version of every changed entity that has one (optimistic concurrency
    /// that works the same on both providers), refuses to change or delete an audit record (the trail is append-only in
    /// the application: such a save is a bug and fails before anything reaches the database), and returns the audit
    /// records to add, and the counters (<see cref="DataVersion"/>) whose inputs changed.
    /// </summary>
    private (List<AuditRecord> Audits, HashSet<string> Counters) PrepareChanges()
    {
        var audits = new List<AuditRecord>();
        var counters = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && DataVersion.VersionOf(entry.Metadata.ClrType) is { } counter)
            {
                counters.Add(counter);
            }

            if (entry.Entity is AuditRecord audit)
            {
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                {
                    throw new InvalidOperationException(
                        $"Audit records are append-only: record {audit.Id} cannot be {(entry.State == EntityState.Deleted ? "deleted" : "changed")}.");
                }

                if (entry.State == EntityState.Added)
                {
                    audits.Add(audit);
                }
            }
            else if (entry.State == EntityState.Modified && entry.Metadata.FindProperty("Version") is { } property && property.IsConcurrencyToken)
            {
                var current = (int)entry.Property("Version").CurrentValue!;
                entry.Property("Version").CurrentValue = current + 1;
            }
        }

        return (audits, counters);
    }

    private sealed class NisCodeConverter() : ValueConverter<NisCode, string>(v => v.Value, v => NisCode.Parse(v));

    private sealed class MoneyConverter() : ValueConverter<Money, long>(v => v.Cents, v => new Money(v));

    // SQLite hands DateTime back without a kind; every timestamp we store is UTC.
    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(v => v.ToUniversalTime(), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

/// <summary>A transaction begun by <see cref="RegiekamerDb.TransactionAsync"/>, or the caller's (then commit and dispose leave it to the caller).</summary>
public sealed class JoinedTransaction(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? own) : IAsyncDisposable
{
    public Task CommitAsync(CancellationToken ct = default) => own?.CommitAsync(ct) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => own?.DisposeAsync() ?? ValueTask.CompletedTask;
}
