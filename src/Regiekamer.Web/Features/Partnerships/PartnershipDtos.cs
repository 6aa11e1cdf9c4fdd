using Regiekamer.Core.Partnerships;
using Regiekamer.Web.Features.Municipalities;

namespace Regiekamer.Web.Features.Partnerships;

public sealed record MemberDto(string NisCode, string Name, string? ReferenceRegion, long? Inhabitants);

public sealed record PartnershipDto(
    int Id,
    string Name,
    string Kind,
    string Status,
    string MunicipalitySet,
    IReadOnlyList<MemberDto> Members,
    string? ManagingMunicipality,
    string? ChangeMotivation,
    string? RegisseurName,
    string? RegisseurEmail,
    string? RegisseurPhone,
    bool Demo,
    string? DemoSource,
    int Version,
    long Inhabitants,
    SourceDto InhabitantsSource);

public sealed record PartnershipRequest(
    string? Name,
    string? Kind,
    string? Status,
    IReadOnlyList<string>? Members,
    string? ManagingMunicipality,
    string? ChangeMotivation,
    string? RegisseurName,
    string? RegisseurEmail,
    string? RegisseurPhone,
    int? Version)
{
    public PartnershipInput ToInput() => new(Name, Kind, Status, Members, ManagingMunicipality, ChangeMotivation, RegisseurName, RegisseurEmail, RegisseurPhone);
}

/// <summary>A 2025 municipality and the 2019 members of the partnership that became (part of) it; alsoMergedIn names the 2019 municipalities outside the partnership that merged into it too.</summary>
public sealed record Member2025Dto(string NisCode, string Name, string? ReferenceRegion, IReadOnlyList<MunicipalityRefDto> From, IReadOnlyList<MunicipalityRefDto> AlsoMergedIn);

/// <summary>An exact share: part / whole, and the percentage rounded to one decimal (half to even) for display.</summary>
public sealed record ShareDto(long Part, long Whole, decimal? Percent);

/// <summary>
/// One figure of the area next to Flanders': figure is inhabitants, working-age, aged-65-plus or job-seekers; shareOf
/// says what the share is of; source and referenceDate where it comes from; estimate with the members (and, for
/// Flanders, the municipalities) whose figure is estimated, and why.
/// </summary>
public sealed record AreaFigureDto(
    string Figure,
    string Label,
    long Value,
    long Flanders,
    ShareDto? Share,
    ShareDto? FlandersShare,
    string ShareOf,
    string Dataset,
    string Source,
    DateOnly ReferenceDate,
    bool Estimate,
    IReadOnlyList<EstimatedFigureDto> Estimates,
    IReadOnlyList<EstimatedFigureDto> FlandersEstimates,
    IReadOnlyList<string> Missing);

/// <summary>The area's challenges (issue 10): its figures on one municipality set, and how estimated job seekers were made.</summary>
public sealed record AreaDto(int PartnershipId, string MunicipalitySet, int Municipalities, IReadOnlyList<AreaFigureDto> Figures, string? JobSeekersMethod);
