using Regiekamer.Core.Allocation;
using Regiekamer.Core.Common;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Web.Features.Shared;

/// <summary>
/// What the estimate banner (_EstimateBanner) says: which job-seeker figures are estimates, per partnership or for the
/// municipalities of a list, and how they were made. Nothing is shown when no figure used is an estimate.
/// </summary>
public sealed record EstimateNotice(ReferenceDataset JobSeekers, Bilingual? Method, IReadOnlyList<EstimateNotice.Item> Items)
{
    /// <param name="Partnership">The allocation line, or null for the municipalities of a list.</param>
    public sealed record Item(string? Partnership, IReadOnlyList<FigureEstimate> Municipalities);

    public bool Shown => Items.Count > 0;

    /// <summary>The lines of an allocation whose amount rests on an estimated job-seeker figure.</summary>
    public static EstimateNotice Of(AllocationPreview preview)
    {
        ArgumentNullException.ThrowIfNull(preview);
        return new(
            preview.Snapshot.JobSeekersDataset,
            preview.Snapshot.JobSeekersMethod,
            preview.UsesEstimates ? preview.EstimatedLines.Select(l => new Item(l.Name, l.JobSeekerEstimates!)).ToList() : []);
    }

    /// <summary>The municipalities of a snapshot whose job-seeker figure is an estimate.</summary>
    public static EstimateNotice Of(ReferenceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new(snapshot.JobSeekersDataset, snapshot.JobSeekersMethod, snapshot.JobSeekersEstimated ? [new Item(null, snapshot.JobSeekerEstimates)] : []);
    }
}
