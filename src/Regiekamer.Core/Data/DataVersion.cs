using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Data;

/// <summary>
/// A counter that goes up, in the same transaction, whenever data changes that derived results are computed from.
/// Results computed from one version (eligibility of every partnership, the allocation preview, coverage) stay valid
/// until the next: one cheap read tells every app instance on the database whether its cached results still hold.
/// </summary>
public sealed class DataVersion
{
    /// <summary>Partnerships and their members, calls and their versions, reference datasets and their figures and regions.</summary>
    public const string DerivedInputs = "derived-inputs";

    public string Name { get; set; } = "";

    public long Value { get; set; }

    private static readonly HashSet<Type> InputTypes =
    [
        typeof(Partnership), typeof(PartnershipMember), typeof(Call), typeof(CallVersion),
        typeof(ReferenceDataset), typeof(MunicipalityFigure), typeof(RegionAssignment), typeof(Municipality), typeof(ReferenceRegion),
    ];

    public static bool IsDerivedInput(Type entity) => InputTypes.Contains(entity);

    /// <summary>
    /// The current version of the derived results' inputs: read once per context (a request), again after the context
    /// saved a change to an input.
    /// </summary>
    public static async Task<long> CurrentAsync(RegiekamerDb db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Not a compiled query: one process may hold both providers' models (the tests do); EF caches the plan anyway.
        return db.InputsVersion ??= await db.Set<DataVersion>().AsNoTracking().Where(v => v.Name == DerivedInputs).Select(v => v.Value).FirstOrDefaultAsync(ct);
    }

    /// <summary>One atomic increment in the database (so two instances saving at once both count).</summary>
    internal static Task<int> BumpAsync(RegiekamerDb db, CancellationToken ct) =>
        db.Set<DataVersion>().Where(v => v.Name == DerivedInputs).ExecuteUpdateAsync(s => s.SetProperty(v => v.Value, v => v.Value + 1), ct);
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
