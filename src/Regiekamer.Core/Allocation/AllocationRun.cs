using Regiekamer.Core.Common;

namespace Regiekamer.Core.Allocation;

/// <summary>
/// One computed split of a call's budget (R13), recording the call version and the exact reference datasets it used
/// (R14). Immutable once published.
/// </summary>
public sealed class AllocationRun
{
    public int Id { get; set; }

    public int CallVersionId { get; set; }

    public Money Budget { get; set; }

    public int WeightWorkingAge { get; set; }

    public int WeightJobSeekers { get; set; }

    public int WeightEqual { get; set; }

    /// <summary>The date eligibility (R5) was judged on.</summary>
    public DateOnly EligibilityDate { get; set; }

    public int InhabitantsDatasetId { get; set; }

    public int WorkingAgeDatasetId { get; set; }

    public int JobSeekersDatasetId { get; set; }

    public int RegionDatasetId { get; set; }

    /// <summary>True when any figure it used is an estimate (for job seekers: of a line, <see cref="AllocationLine.JobSeekerEstimates"/>): the run then cannot be published.</summary>
    public bool UsesEstimates { get; set; }

    /// <summary>Over whom it divided the budget (R13); runs made before application dossiers existed are "Registered".</summary>
    public AllocationBasis Basis { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? PublishedAtUtc { get; set; }

    public List<AllocationLine> Lines { get; set; } = [];

    public int Version { get; set; }

    public bool IsPublished => PublishedAtUtc is not null;
}

public sealed class AllocationLine
{
    public int Id { get; set; }

    public int AllocationRunId { get; set; }

    public int? PartnershipId { get; set; }

    /// <summary>Name at the time of the run (a snapshot: a later rename does not change a published allocation).</summary>
    public string PartnershipName { get; set; } = "";

    /// <summary>Member NIS codes at the time of the run, ';'-separated.</summary>
    public string Members { get; set; } = "";

    public long WorkingAgePopulation { get; set; }

    public long JobSeekers { get; set; }

    public Money EqualPart { get; set; }

    public Money WorkingAgePart { get; set; }

    public Money JobSeekerPart { get; set; }

    public Money Total { get; set; }

    /// <summary>
    /// The members whose job-seeker figure was an estimate, with why: "11002=MergerShare;73028=Suppressed"
    /// (<see cref="ReferenceData.EstimateReason"/>); null when none was. Runs stored before it was recorded have null throughout.
    /// </summary>
    public string? JobSeekerEstimates { get; set; }

    /// <summary>The members and reasons of <see cref="JobSeekerEstimates"/>.</summary>
    public IReadOnlyList<(NisCode NisCode, ReferenceData.EstimateReason Reason)> EstimatedMembers =>
        (JobSeekerEstimates ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.Split('='))
            .Where(p => p.Length == 2 && NisCode.TryParse(p[0], out _) && Enum.TryParse<ReferenceData.EstimateReason>(p[1], out _))
            .Select(p => (NisCode.Parse(p[0]), Enum.Parse<ReferenceData.EstimateReason>(p[1])))
            .ToList();

    /// <summary>The stored form of <see cref="JobSeekerEstimates"/>.</summary>
    public static string? Estimates(IReadOnlyList<ReferenceData.FigureEstimate>? estimates) =>
        estimates is { Count: > 0 } ? string.Join(';', estimates.OrderBy(e => e.NisCode).Select(e => $"{e.NisCode}={e.Reason}")) : null;
}
