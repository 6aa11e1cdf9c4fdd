using System.Globalization;
using Regiekamer.Core.Audit;

namespace Regiekamer.Core.Allocation;

/// <summary>The datasets a run used (R14).</summary>
public sealed record AllocationRunDatasets(int InhabitantsDatasetId, int WorkingAgeDatasetId, int JobSeekersDatasetId, int RegionDatasetId);

/// <summary>One amount of a run.</summary>
public sealed record AllocationRunAmount(int? PartnershipId, string PartnershipName, string Total);

/// <summary>What the audit trail keeps of a run: the version and datasets it used and every amount.</summary>
[Audited(AllocationService.AuditEntity, "Verdeling", "Allocation run")]
public sealed record AllocationRunSnapshot(
    [property: Label("Oproepversie (id)", "Call version (id)")] int CallVersionId,
    [property: Label("Budget (EUR)", "Budget (EUR)")] string Budget,
    [property: Label("Gewichten 15–64 / werkzoekenden / gelijk (%)", "Weights 15–64 / job seekers / equal (%)")] string Weights,
    [property: Label("Datum subsidiabiliteit", "Eligibility date")] string EligibilityDate,
    [property: Label("Datasets", "Datasets")] AllocationRunDatasets Datasets,
    [property: Label("Op schattingen", "Uses estimates")] bool UsesEstimates,
    [property: Label("Bedragen", "Amounts")] IReadOnlyList<AllocationRunAmount> Lines,
    [property: Label("Grondslag (R13)", "Basis (R13)")] string? Basis = null) : IAuditSnapshot
{
    public static AllocationRunSnapshot Of(AllocationRun r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(
            r.CallVersionId,
            r.Budget.ToInvariantString(),
            $"{r.WeightWorkingAge},{r.WeightJobSeekers},{r.WeightEqual}",
            r.EligibilityDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            new AllocationRunDatasets(r.InhabitantsDatasetId, r.WorkingAgeDatasetId, r.JobSeekersDatasetId, r.RegionDatasetId),
            r.UsesEstimates,
            r.Lines.Select(l => new AllocationRunAmount(l.PartnershipId, l.PartnershipName, l.Total.ToInvariantString())).ToList(),
            r.Basis.Code());
    }
}

/// <summary>When a run was published.</summary>
[Audited(AllocationService.AuditEntity, "Verdeling", "Allocation run")]
public sealed record AllocationRunPublication([property: Label("Gepubliceerd op (UTC)", "Published at (UTC)")] string PublishedAtUtc) : IAuditSnapshot;

/// <summary>What is kept of a deleted draft run.</summary>
[Audited(AllocationService.AuditEntity, "Verdeling", "Allocation run")]
public sealed record AllocationRunSummary(
    [property: Label("Oproepversie (id)", "Call version (id)")] int CallVersionId,
    [property: Label("Budget (EUR)", "Budget (EUR)")] string Budget) : IAuditSnapshot;

public static class AllocationActions
{
    [Label("Gepubliceerd", "Published")]
    public const string Published = "Published";
}

public sealed record AllocationRunCreated(int RunId, AllocationRunSnapshot Run)
    : Created<AllocationRunSnapshot>(KeyOf(RunId), Run);

/// <summary>R14: a run frozen by publishing it.</summary>
public sealed record AllocationRunPublished(int RunId, AllocationRunPublication Publication) : AuditEvent
{
    public override string EntityType => AllocationService.AuditEntity;

    public override string EntityId => KeyOf(RunId);

    public override string Action => AllocationActions.Published;

    public override object? Before => null;

    public override object? After => Publication;
}

public sealed record AllocationRunDeleted(int RunId, AllocationRunSummary Run)
    : Deleted<AllocationRunSummary>(KeyOf(RunId), Run);
