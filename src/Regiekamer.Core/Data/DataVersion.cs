using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Regiekamer.Core.Actors;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Catalogue;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Data;

/// <summary>
/// A counter that goes up, in the same transaction, whenever data changes that derived results are computed from.
/// Results computed from one version (eligibility of every partnership, the allocation preview, coverage) stay valid
/// until the next: one cheap read tells every app instance on the database whether its cached results still hold.
/// Two counters: <see cref="DerivedInputs"/> and <see cref="Catalogue"/> (the public catalogue's index), each raised
/// by a change of its own entities only.
/// </summary>
public sealed class DataVersion
{
    /// <summary>Partnerships and their members, calls and their versions, reference datasets and their figures and regions, and the dossiers (whose decisions decide who is allocated, R13).</summary>
    public const string DerivedInputs = "derived-inputs";

    /// <summary>The public catalogue's services with their codes and areas, the actors that offer them, their kinds and the categories (<see cref="CatalogueIndex"/>).</summary>
    public const string Catalogue = "catalogue";

    public string Name { get; set; } = "";

    public long Value { get; set; }

    private static readonly Dictionary<Type, string> Counted = new[]
    {
        (DerivedInputs, new[]
        {
            typeof(Partnership), typeof(PartnershipMember), typeof(Call), typeof(CallVersion),
            typeof(ReferenceDataset), typeof(MunicipalityFigure), typeof(RegionAssignment), typeof(Municipality), typeof(ReferenceRegion),
            typeof(Applications.Application),
        }),
        (Catalogue, new[]
        {
            typeof(Offering), typeof(OfferingCategory), typeof(OfferingCpv), typeof(OfferingArea), typeof(OfferingTargetGroup),
            typeof(Actor), typeof(ActorKind), typeof(CatalogueCategory),
        }),
    }.SelectMany(c => c.Item2.Select(t => (Type: t, Name: c.Item1))).ToDictionary(c => c.Type, c => c.Name);

    private static readonly string[] Names = [DerivedInputs, Catalogue];

    /// <summary>The counter a change of this entity raises, if any.</summary>
    internal static string? VersionOf(Type entity) => Counted.GetValueOrDefault(entity);

    /// <summary>
    /// How long this process believes the version it read: a change saved by this process is seen at once (its save
    /// forgets the version), a change saved by another app instance on the same database within this time.
    /// </summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Database, string Name), (long Value, long ReadAt)> Known = new();

    /// <summary>
    /// The current version of the derived results' inputs: read from the database at most once per
    /// <see cref="Freshness"/> per database in this process, and afresh after this process saved a change to an input.
    /// </summary>
    public static Task<long> CurrentAsync(RegiekamerDb db, CancellationToken ct = default) => CurrentAsync(db, DerivedInputs, ct);

    /// <summary>The current value of the counter <paramref name="name"/> (<see cref="DerivedInputs"/>, <see cref="Catalogue"/>), on the same terms.</summary>
    public static async Task<long> CurrentAsync(RegiekamerDb db, string name, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = Environment.TickCount64;
        if (Known.TryGetValue((db.DatabaseKey, name), out var known) && now - known.ReadAt < Freshness.TotalMilliseconds)
        {
            return known.Value;
        }

        // Not a compiled query: one process may hold both providers' models (the tests do); EF caches the plan anyway.
        var value = await db.Set<DataVersion>().AsNoTracking().Where(v => v.Name == name).Select(v => v.Value).FirstOrDefaultAsync(ct);
        Known[(db.DatabaseKey, name)] = (value, now);
        return value;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Value, long ReadAt)> KnownStored = new(StringComparer.Ordinal);

    /// <summary>
    /// A version of everything stored that a page can show: the inputs' version and the last audit record (every
    /// change the app makes is audited; an erasure too). Read at most once per <see cref="Freshness"/> per database in
    /// this process, and afresh after this process saved anything. Pages are cached per this version (PageCache).
    /// </summary>
    public static async Task<string> OfStoredDataAsync(RegiekamerDb db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = Environment.TickCount64;
        if (KnownStored.TryGetValue(db.DatabaseKey, out var known) && now - known.ReadAt < Freshness.TotalMilliseconds)
        {
            return known.Value;
        }

        var inputs = await db.Set<DataVersion>().AsNoTracking().Where(v => v.Name == DerivedInputs).Select(v => v.Value).FirstOrDefaultAsync(ct);
        var audit = await db.AuditRecords.AsNoTracking().OrderByDescending(a => a.Id).Select(a => a.Id).FirstOrDefaultAsync(ct);
        var value = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{inputs}.{audit}");
        KnownStored[db.DatabaseKey] = (value, now);
        return value;
    }

    /// <summary>This process changed an input: whatever version it remembers for the database is stale.</summary>
    internal static void Forget(RegiekamerDb db)
    {
        foreach (var name in Names)
        {
            Known.TryRemove((db.DatabaseKey, name), out _);
        }

        KnownStored.TryRemove(db.DatabaseKey, out _);
    }

    /// <summary>This process saved something: the stored data's version it remembers is stale.</summary>
    internal static void ForgetStored(RegiekamerDb db) => KnownStored.TryRemove(db.DatabaseKey, out _);

    /// <summary>One atomic increment in the database (so two instances saving at once both count).</summary>
    internal static Task<int> BumpAsync(RegiekamerDb db, IReadOnlyCollection<string> names, CancellationToken ct) =>
        db.Set<DataVersion>().Where(v => names.Contains(v.Name)).ExecuteUpdateAsync(s => s.SetProperty(v => v.Value, v => v.Value + 1), ct);
}

internal sealed class DataVersionConfiguration : IEntityTypeConfiguration<DataVersion>
{
    public void Configure(EntityTypeBuilder<DataVersion> b)
    {
        b.ToTable("DataVersions");
        b.HasKey(v => v.Name);
        b.Property(v => v.Name).HasMaxLength(50);
    }
}
