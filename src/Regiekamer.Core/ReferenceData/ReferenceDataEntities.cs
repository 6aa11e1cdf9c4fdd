using Regiekamer.Core.Common;

namespace Regiekamer.Core.ReferenceData;

/// <summary>The two municipality sets: 300 municipalities valid 2019–2024, 285 from 1 January 2025.</summary>
public enum MunicipalitySet
{
    Set2019,
    Set2025,
}

public enum DatasetKind
{
    /// <summary>The municipality list itself (codes, names, province, arrondissement).</summary>
    Municipalities,

    /// <summary>Assignment of municipalities to reference regions (referentieregio's).</summary>
    ReferenceRegions,

    /// <summary>Total inhabitants per municipality (R2).</summary>
    Inhabitants,

    /// <summary>Population of working age, 15–64 (R13, 40%).</summary>
    WorkingAgePopulation,

    /// <summary>Job seekers, niet-werkende werkzoekenden (R13, 20%).</summary>
    JobSeekers,

    /// <summary>Boundaries (GeoJSON) for maps.</summary>
    Boundaries,
}

/// <summary>
/// One batch of reference data with its provenance. Every figure the system shows points to one of these,
/// so it can say where the figure comes from, on what reference date, and whether it is an estimate.
/// </summary>
public sealed class ReferenceDataset
{
    public int Id { get; set; }

    public DatasetKind Kind { get; set; }

    public MunicipalitySet MunicipalitySet { get; set; }

    public string Title { get; set; } = "";

    /// <summary>Short attribution shown next to figures, e.g. "Statbel".</summary>
    public string Source { get; set; } = "";

    /// <summary>Where exactly the data comes from (repository, commit, file, licence).</summary>
    public string Provenance { get; set; } = "";

    public DateOnly ReferenceDate { get; set; }

    public bool IsEstimate { get; set; }

    /// <summary>For estimates: how the figures were made.</summary>
    public string? EstimateMethod { get; set; }

    public DateTime ImportedAtUtc { get; set; }

    public int RowCount { get; set; }

    /// <summary>"Statbel, 1/1/2020" or "Schatting (…), 1/1/2017": the label shown after a figure.</summary>
    public Bilingual Citation => IsEstimate
        ? new($"schatting: {Source}, {Formats.ShortDate(ReferenceDate)}", $"estimate: {Source}, {Formats.ShortDate(ReferenceDate)}")
        : new($"{Source}, {Formats.ShortDate(ReferenceDate)}", $"{Source}, {Formats.ShortDate(ReferenceDate)}");
}

public sealed class Municipality
{
    public int Id { get; set; }

    public MunicipalitySet Set { get; set; }

    public NisCode NisCode { get; set; }

    public string Name { get; set; } = "";

    public string ArrondissementNis { get; set; } = "";

    public string ArrondissementName { get; set; } = "";

    public string ProvinceNis { get; set; } = "";

    public string ProvinceName { get; set; } = "";

    public bool IsCentralCity { get; set; }

    /// <summary>For the 2019 set: the municipality it became on 1 January 2025 (itself when unchanged).</summary>
    public NisCode? SuccessorNisCode { get; set; }

    /// <summary>Took part in a 2025 merger (including Antwerpen, which absorbed Borsbeek and kept its code).</summary>
    public bool Merged2025 { get; set; }
}

public sealed class ReferenceRegion
{
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string ProvinceNis { get; set; } = "";

    public string ProvinceName { get; set; } = "";
}

/// <summary>One municipality's reference region in one <see cref="DatasetKind.ReferenceRegions"/> dataset.</summary>
public sealed class RegionAssignment
{
    public int DatasetId { get; set; }

    public NisCode NisCode { get; set; }

    public string RegionCode { get; set; } = "";

    /// <summary>The region's name in that version (region 09 was "Regio Oostende" in 2022, "Middenkust" later).</summary>
    public string RegionName { get; set; } = "";
}

/// <summary>One municipality's figure (inhabitants, working-age population or job seekers) in one dataset.</summary>
public sealed class MunicipalityFigure
{
    public int DatasetId { get; set; }

    public NisCode NisCode { get; set; }

    public long Value { get; set; }
}
