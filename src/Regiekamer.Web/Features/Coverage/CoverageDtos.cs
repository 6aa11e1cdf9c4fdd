using Regiekamer.Web.Features.Municipalities;

namespace Regiekamer.Web.Features.Coverage;

public sealed record CoverageDto(int Partnerships, IReadOnlyDictionary<string, int> ByKind, string? Smallest, long? SmallestInhabitants, string? Largest, long? LargestInhabitants, long CoveredInhabitants, long TotalInhabitants, decimal InhabitantShare, int CoveredMunicipalities, int TotalMunicipalities, SourceDto Inhabitants, string Comparison2020);

public sealed record CoverageReportDto(CoverageDto Eligible, CoverageDto Registered);
