using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Web.Features.Municipalities;

/// <summary>
/// Where a figure comes from: every figure in the API carries one. For one year of a series (VDAB's job seekers):
/// series (year-average or 31dec), year and the municipality set the dataset is on (2019 or 2025).
/// </summary>
public sealed record SourceDto(int DatasetId, string Title, string Source, DateOnly ReferenceDate, bool Estimate, string? EstimateMethod, string? Series = null, int? Year = null, string? MunicipalitySet = null)
{
    public static SourceDto Of(ReferenceDataset d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Id, d.Title, d.Source, d.ReferenceDate, d.IsEstimate, d.EstimateMethod, d.Series is { } s ? FigureSeriesNames.Code(s) : null, d.Year, d.MunicipalitySet == Core.ReferenceData.MunicipalitySet.Set2025 ? "2025" : "2019");
    }

    /// <summary>
    /// The job seekers of a snapshot: estimate when some of the figures used are (<paramref name="estimated"/>), with the
    /// method (the split of VDAB's 2025 figures, or the estimate's own), in Dutch like the stored methods.
    /// </summary>
    public static SourceDto JobSeekers(ReferenceSnapshot snapshot, bool estimated)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var d = snapshot.JobSeekersDataset;
        return Of(d) with { Estimate = d.IsEstimate || estimated, EstimateMethod = d.IsEstimate || estimated ? d.EstimateMethod ?? snapshot.JobSeekersMethod?.Nl : null };
    }
}

/// <summary>A municipality whose figure is an estimate, and why (merger-share, suppressed or estimated-dataset), in both languages.</summary>
public sealed record EstimatedFigureDto(string NisCode, string Municipality, string Reason, string? MergedNisCode2025, string? Merged2025, string Description, string DescriptionEn)
{
    public static EstimatedFigureDto Of(FigureEstimate e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var text = e.Describe();
        return new(e.NisCode.Value, e.Name, Code(e.Reason), e.Merged2025?.Value, e.Merged2025Name, text.Nl, text.En);
    }

    public static string Code(EstimateReason reason) => reason switch
    {
        EstimateReason.MergerShare => "merger-share",
        EstimateReason.Suppressed => "suppressed",
        _ => "estimated-dataset",
    };
}

/// <param name="Series">For one year of a series (VDAB's job seekers): year-average or 31dec.</param>
public sealed record DatasetDto(int Id, string Kind, string MunicipalitySet, string Title, string Source, string Provenance, DateOnly ReferenceDate, bool Estimate, string? EstimateMethod, int RowCount, DateTime ImportedAtUtc, string? Series = null, int? Year = null)
{
    public static DatasetDto Of(ReferenceDataset d) => new(d.Id, d.Kind.ToString(), d.MunicipalitySet.ToString(), d.Title, d.Source, d.Provenance, d.ReferenceDate, d.IsEstimate, d.EstimateMethod, d.RowCount, d.ImportedAtUtc, d.Series is { } s ? FigureSeriesNames.Code(s) : null, d.Year);
}

/// <param name="JobSeekersEstimate">Why the job-seeker figure is an estimate; null when it is the source's own.</param>
public sealed record MunicipalityDto(
    string NisCode,
    string Name,
    string Province,
    string Arrondissement,
    string? ReferenceRegionCode,
    string? ReferenceRegion,
    bool CentralCity,
    long? Inhabitants,
    long? WorkingAgePopulation,
    long? JobSeekers,
    string? NisCode2025,
    bool Merged2025,
    EstimatedFigureDto? JobSeekersEstimate = null);

public sealed record MunicipalityListDto(string MunicipalitySet, int Count, SourceDto Regions, SourceDto Inhabitants, SourceDto WorkingAgePopulation, SourceDto JobSeekers, IReadOnlyList<MunicipalityDto> Municipalities);

/// <summary>A municipality named by NIS code and name.</summary>
public sealed record MunicipalityRefDto(string NisCode, string Name);
