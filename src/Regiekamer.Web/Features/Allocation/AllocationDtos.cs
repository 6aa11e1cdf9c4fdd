using Regiekamer.Core.Allocation;
using Regiekamer.Core.ReferenceData;
using Regiekamer.Web.Features.Eligibility;
using Regiekamer.Web.Features.Municipalities;

namespace Regiekamer.Web.Features.Allocation;

/// <summary>Amounts are strings in euros with a dot and two decimals ("123456.78"), exact; no floating point.</summary>
/// <param name="JobSeekersEstimate">True when the line's job-seeker figure is (partly) an estimate; <paramref name="JobSeekerEstimates"/> names the members and why.</param>
public sealed record AllocationLineDto(
    int? PartnershipId,
    string Partnership,
    long WorkingAgePopulation,
    long JobSeekers,
    string EqualPart,
    string WorkingAgePart,
    string JobSeekerPart,
    string Total,
    bool JobSeekersEstimate,
    IReadOnlyList<EstimatedFigureDto> JobSeekerEstimates)
{
    public static AllocationLineDto Of(AllocationLineResult l, int? id) => new(
        id, l.Name, l.WorkingAgePopulation, l.JobSeekers, l.EqualPart.ToInvariantString(), l.WorkingAgePart.ToInvariantString(), l.JobSeekerPart.ToInvariantString(), l.Total.ToInvariantString(),
        l.JobSeekersEstimated, (l.JobSeekerEstimates ?? []).Select(EstimatedFigureDto.Of).ToList());

    /// <param name="estimates">The line's estimated members as stored, described against the municipalities.</param>
    public static AllocationLineDto Of(AllocationLine l, IReadOnlyList<FigureEstimate> estimates) => new(
        l.PartnershipId, l.PartnershipName, l.WorkingAgePopulation, l.JobSeekers, l.EqualPart.ToInvariantString(), l.WorkingAgePart.ToInvariantString(), l.JobSeekerPart.ToInvariantString(), l.Total.ToInvariantString(),
        estimates.Count > 0, estimates.Select(EstimatedFigureDto.Of).ToList());
}

/// <param name="JobSeekers">The job-seeker figures used: dataset, series, year and reference date; estimate when a line's figure is (partly) one.</param>
/// <param name="JobSeekersChosen">The call version's choice, when the figures used are others (official figures imported on the call's own municipalities go first).</param>
/// <param name="Basis">Over whom the budget is divided (R13): registered (no dossier submitted yet), submitted-simulation (a fictitious simulation over the submitted dossiers), approved.</param>
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
    SourceDto? JobSeekersChosen,
    SourceDto Inhabitants,
    SourceDto Regions,
    DateTime? CreatedAtUtc,
    DateTime? PublishedAtUtc,
    IReadOnlyList<AllocationLineDto> Lines,
    IReadOnlyList<EligibilityDto> Excluded,
    string Basis);

public sealed record AllocationRunSummaryDto(int Id, int CallVersionId, string Budget, DateOnly EligibilityDate, bool Estimate, DateTime CreatedAtUtc, DateTime? PublishedAtUtc);

public sealed record AllocationRunCreatedDto(int Id);

public sealed record AllocationRunPublishedDto(int Id, DateTime PublishedAtUtc);
