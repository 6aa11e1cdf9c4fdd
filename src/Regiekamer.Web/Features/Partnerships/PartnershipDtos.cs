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
