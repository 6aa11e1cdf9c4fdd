using Regiekamer.Core.Allocation;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Eligibility;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Web.Api;

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

public sealed record FindingDto(string Rule, string Severity, string Message, string MessageEn)
{
    public static FindingDto Of(Finding f) => new(f.Rule, f.Severity == Core.Eligibility.Severity.Violation ? "violation" : "warning", f.Message.Nl, f.Message.En);
}

public sealed record EligibilityDto(int? PartnershipId, string Partnership, bool Eligible, IReadOnlyList<FindingDto> Findings);

public sealed record EligibilityListDto(string Call, int CallVersion, DateOnly On, SourceDto Regions, SourceDto Inhabitants, IReadOnlyList<EligibilityDto> Partnerships);

public sealed record CallVersionDto(int Id, int Number, string YearlyBudget, int WeightWorkingAge, int WeightJobSeekers, int WeightEqual, DateOnly Deadline, IReadOnlyList<string> Priorities, int RegionDatasetId, DateOnly EffectiveFrom, string? Note, DateTime CreatedAtUtc)
{
    public static CallVersionDto Of(CallVersion v) => new(v.Id, v.Number, v.YearlyBudget.ToInvariantString(), v.WeightWorkingAge, v.WeightJobSeekers, v.WeightEqual, v.Deadline, v.PriorityCodes, v.RegionDatasetId, v.EffectiveFrom, v.Note, v.CreatedAtUtc);
}

public sealed record CallDto(int Id, string Code, string Title, int FirstYear, int LastYear, string MunicipalitySet, int Version, IReadOnlyList<CallVersionDto> Versions)
{
    public static CallDto Of(Call c) => new(c.Id, c.Code, c.Title, c.FirstYear, c.LastYear, c.MunicipalitySet.ToString(), c.Version, c.Versions.OrderBy(v => v.Number).Select(CallVersionDto.Of).ToList());
}

public sealed record CallVersionRequest(string? YearlyBudget, int WeightWorkingAge, int WeightJobSeekers, int WeightEqual, DateOnly Deadline, string? Priorities, DateOnly EffectiveFrom, string? Note, int? RegionDatasetId, int Version);

/// <summary>Amounts are strings in euros with a dot and two decimals ("123456.78"), exact; no floating point.</summary>
public sealed record AllocationLineDto(int? PartnershipId, string Partnership, long WorkingAgePopulation, long JobSeekers, string EqualPart, string WorkingAgePart, string JobSeekerPart, string Total)
{
    public static AllocationLineDto Of(AllocationLineResult l, int? id) => new(id, l.Name, l.WorkingAgePopulation, l.JobSeekers, l.EqualPart.ToInvariantString(), l.WorkingAgePart.ToInvariantString(), l.JobSeekerPart.ToInvariantString(), l.Total.ToInvariantString());

    public static AllocationLineDto Of(AllocationLine l) => new(l.PartnershipId, l.PartnershipName, l.WorkingAgePopulation, l.JobSeekers, l.EqualPart.ToInvariantString(), l.WorkingAgePart.ToInvariantString(), l.JobSeekerPart.ToInvariantString(), l.Total.ToInvariantString());
}

public sealed record AllocationDto(
    int? RunId,
    string Call,
    int CallVersion,
    string Budget,
    string Weights,
    DateOnly EligibilityDate,
    bool Estimate,
    string RoundingRule,
    SourceDto WorkingAgePopulation,
    SourceDto JobSeekers,
    SourceDto Inhabitants,
    SourceDto Regions,
    DateTime? CreatedAtUtc,
    DateTime? PublishedAtUtc,
    IReadOnlyList<AllocationLineDto> Lines,
    IReadOnlyList<EligibilityDto> Excluded);

public sealed record WhatIfRequest(string? Action, int? PartnershipId, string? Municipality, PartnershipRequest? NewPartnership, DateOnly? On);

public sealed record WhatIfRowDto(string Partnership, string Before, string After, string Change, bool EligibleBefore, bool EligibleAfter, IReadOnlyList<FindingDto> FindingsAfter);

public sealed record WhatIfDto(string Budget, bool Estimate, IReadOnlyList<WhatIfRowDto> Partnerships);

public sealed record JoinOptionDto(string NisCode, string Municipality, string ReferenceRegion, string Partnership, string Before, string After, string Change, string OthersChange);

public sealed record CoverageDto(int Partnerships, IReadOnlyDictionary<string, int> ByKind, string? Smallest, long? SmallestInhabitants, string? Largest, long? LargestInhabitants, long CoveredInhabitants, long TotalInhabitants, decimal InhabitantShare, int CoveredMunicipalities, int TotalMunicipalities, SourceDto Inhabitants, string Comparison2020);

public sealed record CoverageReportDto(CoverageDto Eligible, CoverageDto Registered);

/// <summary>A municipality named by NIS code and name.</summary>
public sealed record MunicipalityRefDto(string NisCode, string Name);

/// <summary>A 2025 municipality and the 2019 members of the partnership that became (part of) it; alsoMergedIn names the 2019 municipalities outside the partnership that merged into it too.</summary>
public sealed record Member2025Dto(string NisCode, string Name, string? ReferenceRegion, IReadOnlyList<MunicipalityRefDto> From, IReadOnlyList<MunicipalityRefDto> AlsoMergedIn);

public sealed record AllocationRunSummaryDto(int Id, int CallVersionId, string Budget, DateOnly EligibilityDate, bool Estimate, DateTime CreatedAtUtc, DateTime? PublishedAtUtc);

public sealed record AllocationRunCreatedDto(int Id);

public sealed record AllocationRunPublishedDto(int Id, DateTime PublishedAtUtc);

public sealed record PublishedAllocationSummaryDto(int Id, int CallVersionId, string Budget, DateOnly EligibilityDate, DateTime PublishedAtUtc);

public sealed record JoinTableSourcesDto(SourceDto WorkingAgePopulation, SourceDto JobSeekers, SourceDto Regions);

public sealed record JoinTableDto(bool Estimate, JoinTableSourcesDto Sources, IReadOnlyList<JoinOptionDto> Options);
