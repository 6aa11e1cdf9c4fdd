using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Data;

namespace Regiekamer.Core.ReferenceData;

/// <summary>
/// Snapshots keyed by the datasets they are built from. Datasets never change once written (an import makes a
/// new one), so a snapshot never goes stale; only "which dataset is current" is asked of the database each time.
/// </summary>
public sealed class ReferenceSnapshotCache
{
    private readonly ConcurrentDictionary<(MunicipalitySet, int, int, int, int), ReferenceSnapshot> _snapshots = new();

    public bool TryGet((MunicipalitySet, int, int, int, int) key, out ReferenceSnapshot? snapshot) => _snapshots.TryGetValue(key, out snapshot);

    public ReferenceSnapshot GetOrAdd((MunicipalitySet, int, int, int, int) key, Func<ReferenceSnapshot> build) => _snapshots.GetOrAdd(key, _ => build());
}

/// <summary>Selects the datasets in force and builds <see cref="ReferenceSnapshot"/>s from the database.</summary>
public sealed class ReferenceDataService(RegiekamerDb db, ReferenceSnapshotCache cache)
{
    /// <summary>The dataset in force for a kind: official figures before estimates, then the latest reference date, then the latest import.</summary>
    public async Task<ReferenceDataset?> CurrentAsync(DatasetKind kind, MunicipalitySet set, CancellationToken ct = default) =>
        await db.Datasets.AsNoTracking()
            .Where(d => d.Kind == kind && d.MunicipalitySet == set)
            .OrderBy(d => d.IsEstimate).ThenByDescending(d => d.ReferenceDate).ThenByDescending(d => d.Id)
            .FirstOrDefaultAsync(ct);

    public Task<List<ReferenceDataset>> DatasetsAsync(CancellationToken ct = default) =>
        db.Datasets.AsNoTracking().OrderBy(d => d.Kind).ThenBy(d => d.MunicipalitySet).ThenBy(d => d.ReferenceDate).ThenBy(d => d.Id).ToListAsync(ct);

    public Task<ReferenceDataset?> DatasetAsync(int id, CancellationToken ct = default) => db.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);

    public Task<List<ReferenceRegion>> RegionsAsync(CancellationToken ct = default) => db.ReferenceRegions.AsNoTracking().OrderBy(r => r.Code).ToListAsync(ct);

    /// <summary>
    /// The snapshot of a municipality set. Region assignment: the one given (a call names its own), else the latest.
    /// Figures: the given datasets, else those in force. The 2025 set has no figures of its own yet: its figures
    /// are the sums of the predecessors' (mergers join whole municipalities, so the sums are exact).
    /// </summary>
    public async Task<ReferenceSnapshot> SnapshotAsync(
        MunicipalitySet set = MunicipalitySet.Set2019,
        int? regionDatasetId = null,
        int? inhabitantsDatasetId = null,
        int? workingAgeDatasetId = null,
        int? jobSeekersDatasetId = null,
        CancellationToken ct = default)
    {
        var regions = regionDatasetId is { } r ? await DatasetAsync(r, ct) : await CurrentAsync(DatasetKind.ReferenceRegions, set, ct);
        var figureSet = MunicipalitySet.Set2019;
        var inhabitants = inhabitantsDatasetId is { } i ? await DatasetAsync(i, ct) : await CurrentAsync(DatasetKind.Inhabitants, figureSet, ct);
        var workingAge = workingAgeDatasetId is { } w ? await DatasetAsync(w, ct) : await CurrentAsync(DatasetKind.WorkingAgePopulation, figureSet, ct);
        var jobSeekers = jobSeekersDatasetId is { } j ? await DatasetAsync(j, ct) : await CurrentAsync(DatasetKind.JobSeekers, figureSet, ct);
        if (regions is null || inhabitants is null || workingAge is null || jobSeekers is null)
        {
            throw new InvalidOperationException("Reference data is missing: run the seeder (the app does this on start in Development; the CLI has 'db migrate').");
        }

        // Datasets never change once imported, so a snapshot built from the same ones is the same snapshot.
        var key = (set, regions.Id, inhabitants.Id, workingAge.Id, jobSeekers.Id);
        if (cache.TryGet(key, out var cached))
        {
            return cached!;
        }

        var municipalities = await db.Municipalities.AsNoTracking().Where(m => m.Set == set).ToListAsync(ct);
        var assignments = await db.RegionAssignments.AsNoTracking().Where(a => a.DatasetId == regions.Id).ToListAsync(ct);
        var ids = new[] { inhabitants.Id, workingAge.Id, jobSeekers.Id };
        var figures = await db.Figures.AsNoTracking().Where(f => ids.Contains(f.DatasetId)).ToListAsync(ct);
        List<Municipality>? predecessors = set == MunicipalitySet.Set2025
            ? await db.Municipalities.AsNoTracking().Where(m => m.Set == MunicipalitySet.Set2019).ToListAsync(ct)
            : null;

        return cache.GetOrAdd(key, () =>
        {
            IEnumerable<MunicipalityFigure> Of(int id) => Aggregate(figures.Where(f => f.DatasetId == id), predecessors);
            return new ReferenceSnapshot(set, municipalities, regions, assignments, inhabitants, Of(inhabitants.Id), workingAge, Of(workingAge.Id), jobSeekers, Of(jobSeekers.Id));
        });
    }

    private static IEnumerable<MunicipalityFigure> Aggregate(IEnumerable<MunicipalityFigure> figures, List<Municipality>? predecessors)
    {
        if (predecessors is null)
        {
            return figures;
        }

        var successor = predecessors.ToDictionary(m => m.NisCode, m => m.SuccessorNisCode!.Value);
        return figures
            .GroupBy(f => successor[f.NisCode])
            .Select(g => new MunicipalityFigure { NisCode = g.Key, Value = g.Sum(f => f.Value) })
            .ToList();
    }
}
