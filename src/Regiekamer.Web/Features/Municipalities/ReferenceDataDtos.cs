using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Web.Features.Municipalities;

/// <summary>Where a figure comes from: every figure in the API carries one.</summary>
public sealed record SourceDto(int DatasetId, string Title, string Source, DateOnly ReferenceDate, bool Estimate, string? EstimateMethod)
{
    public static SourceDto Of(ReferenceDataset d) => new(d.Id, d.Title, d.Source, d.ReferenceDate, d.IsEstimate, d.EstimateMethod);
}

public sealed record DatasetDto(int Id, string Kind, string MunicipalitySet, string Title, string Source, string Provenance, DateOnly ReferenceDate, bool Estimate, string? EstimateMethod, int RowCount, DateTime ImportedAtUtc)
{
    public static DatasetDto Of(ReferenceDataset d) => new(d.Id, d.Kind.ToString(), d.MunicipalitySet.ToString(), d.Title, d.Source, d.Provenance, d.ReferenceDate, d.IsEstimate, d.EstimateMethod, d.RowCount, d.ImportedAtUtc);
}

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
    bool Merged2025);

public sealed record MunicipalityListDto(string MunicipalitySet, int Count, SourceDto Regions, SourceDto Inhabitants, SourceDto WorkingAgePopulation, SourceDto JobSeekers, IReadOnlyList<MunicipalityDto> Municipalities);

/// <summary>A municipality named by NIS code and name.</summary>
public sealed record MunicipalityRefDto(string NisCode, string Name);
