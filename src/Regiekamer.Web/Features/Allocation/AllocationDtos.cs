using Regiekamer.Core.Allocation;
using Regiekamer.Web.Features.Eligibility;
using Regiekamer.Web.Features.Municipalities;

namespace Regiekamer.Web.Features.Allocation;

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

public sealed record AllocationRunSummaryDto(int Id, int CallVersionId, string Budget, DateOnly EligibilityDate, bool Estimate, DateTime CreatedAtUtc, DateTime? PublishedAtUtc);

public sealed record AllocationRunCreatedDto(int Id);

public sealed record AllocationRunPublishedDto(int Id, DateTime PublishedAtUtc);
