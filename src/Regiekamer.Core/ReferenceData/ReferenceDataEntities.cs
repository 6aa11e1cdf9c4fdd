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

/// <summary>Which yearly series a dataset is one year of (VDAB's job seekers come as two).</summary>
public enum FigureSeries
{
    /// <summary>VDAB's yearly average of the twelve monthly counts.</summary>
    YearAverage,

    /// <summary>The position on 31 December, linked to the national register by home address.</summary>
    December31,
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

    /// <summary>For one year of a yearly series (VDAB's job seekers): which series; null for other datasets.</summary>
    public FigureSeries? Series { get; set; }

    /// <summary>For one year of a yearly series: the year it describes.</summary>
    public int? Year { get; set; }

    /// <summary>"jaargemiddelde 2022" or "toestand op 31/12/2022" for one year of a series; null otherwise.</summary>
    public Bilingual? SeriesLabel => FigureSeriesNames.Label(Series, Year);

    /// <summary>
    /// "Statbel, 1/1/2020", "schatting: …, 1/1/2017" or, for one year of a series, "VDAB, via Provincies in Cijfers
    /// (export 21/05/2026), jaargemiddelde 2022": the label shown after a figure.
    /// </summary>
    public Bilingual Citation
    {
        get
        {
            var when = SeriesLabel ?? new Bilingual(Formats.ShortDate(ReferenceDate), Formats.ShortDate(ReferenceDate));
            return IsEstimate
                ? new($"schatting: {Source}, {when.Nl}", $"estimate: {Source}, {when.En}")
                : new($"{Source}, {when.Nl}", $"{Source}, {when.En}");
        }
    }
}

/// <summary>The names of the series: in the CLI (<c>year-average</c>, <c>31dec</c>) and in the two languages.</summary>
public static class FigureSeriesNames
{
    public const string YearAverageCode = "year-average";

    public const string December31Code = "31dec";

    public static string Code(FigureSeries series) => series == FigureSeries.YearAverage ? YearAverageCode : December31Code;

    public static bool TryParse(string? code, out FigureSeries series)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case YearAverageCode:
                series = FigureSeries.YearAverage;
                return true;
            case December31Code:
                series = FigureSeries.December31;
                return true;
            default:
                series = default;
                return false;
        }
    }

    /// <summary>"jaargemiddelde 2022" / "year average 2022", or "toestand op 31/12/2022" / "position on 31/12/2022".</summary>
    public static Bilingual? Label(FigureSeries? series, int? year) => (series, year) switch
    {
        (FigureSeries.YearAverage, { } y) => new($"jaargemiddelde {y}", $"year average {y}"),
        (FigureSeries.December31, { } y) => new($"toestand op 31/12/{y}", $"position on 31/12/{y}"),
        _ => null,
    };
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
