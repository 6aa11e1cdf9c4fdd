using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
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
public sealed class ReferenceDataService(RegiekamerDb db, ReferenceSnapshotCache cache, DerivedCache derived)
{
    /// <summary>The dataset in force for a kind: official figures before estimates, then the latest reference date, then the latest import.</summary>
    public async Task<ReferenceDataset?> CurrentAsync(DatasetKind kind, MunicipalitySet set, CancellationToken ct = default) =>
        await db.Datasets.AsNoTracking()
            .Where(d => d.Kind == kind && d.MunicipalitySet == set)
            .OrderBy(d => d.IsEstimate).ThenByDescending(d => d.ReferenceDate).ThenByDescending(d => d.Id)
            .FirstOrDefaultAsync(ct);

    /// <summary>Every dataset, read once per version of the inputs (shared: do not change them).</summary>
    public Task<List<ReferenceDataset>> DatasetsAsync(CancellationToken ct = default) =>
        derived.GetOrCreateAsync(db, "datasets", () => db.Datasets.AsNoTracking().OrderBy(d => d.Kind).ThenBy(d => d.MunicipalitySet).ThenBy(d => d.ReferenceDate).ThenBy(d => d.Id).ToListAsync(ct), ct);

    public async Task<ReferenceDataset?> DatasetAsync(int id, CancellationToken ct = default) => (await DatasetsAsync(ct)).FirstOrDefault(d => d.Id == id);

    public Task<List<ReferenceRegion>> RegionsAsync(CancellationToken ct = default) =>
        derived.GetOrCreateAsync(db, "regions", () => db.ReferenceRegions.AsNoTracking().OrderBy(r => r.Code).ToListAsync(ct), ct);

    /// <summary>
    /// The job-seeker dataset a call uses (R13, R14), given the dataset its version chose: official figures on the call's
    /// own municipality set need no split over the 2025 mergers, so a version that chose such a dataset uses it, and
    /// otherwise the newest official one imported on that set (by reference date, then import) goes before the choice
    /// (like <c>--job-seekers FILE</c> before the shipped figures in the CLI). Else the chosen dataset; a version
    /// without a choice (a database migrated before the VDAB figures shipped, until the seeder runs) gets the dataset
    /// in force (<see cref="CurrentAsync"/>).
    /// </summary>
    public async Task<ReferenceDataset?> JobSeekersInForceAsync(MunicipalitySet callSet, int? chosenDatasetId, CancellationToken ct = default)
    {
        var chosen = chosenDatasetId is { } id ? await DatasetAsync(id, ct) : null;
        if (chosen is { IsEstimate: false } && chosen.MunicipalitySet == callSet)
        {
            return chosen;
        }

        var official = await db.Datasets.AsNoTracking()
            .Where(d => d.Kind == DatasetKind.JobSeekers && d.MunicipalitySet == callSet && !d.IsEstimate)
            .OrderByDescending(d => d.ReferenceDate).ThenByDescending(d => d.Id)
            .FirstOrDefaultAsync(ct);
        return official ?? chosen ?? await CurrentAsync(DatasetKind.JobSeekers, callSet, ct);
    }

    /// <summary>The job seekers of the latest call (its current version), which every page without a call of its own shows too.</summary>
    public async Task<ReferenceDataset?> DefaultJobSeekersAsync(CancellationToken ct = default)
    {
        var call = await db.Calls.AsNoTracking().OrderByDescending(c => c.FirstYear).ThenByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        return await JobSeekersInForceAsync(call?.MunicipalitySet ?? MunicipalitySet.Set2019, call?.CurrentVersion.JobSeekersDatasetId, ct);
    }

    /// <summary>
    /// The snapshot of a municipality set. Region assignment: the one given (a call names its own), else the latest.
    /// Figures: the given datasets, else those in force; job seekers: the given dataset (a call's, through
    /// <see cref="JobSeekersInForceAsync"/>), else the latest call's (<see cref="DefaultJobSeekersAsync"/>). Figures on the
    /// other municipality set are moved onto this one: 2019-2024 figures are summed onto 2025 (mergers join whole
    /// municipalities, so the sums are exact); VDAB's 2025 job-seeker figures are split over the 2019-2024
    /// municipalities (<see cref="JobSeekerFigures"/>), which makes estimates the snapshot names.
    /// </summary>
    public Task<ReferenceSnapshot> SnapshotAsync(
        MunicipalitySet set = MunicipalitySet.Set2019,
        int? regionDatasetId = null,
        int? inhabitantsDatasetId = null,
        int? workingAgeDatasetId = null,
        int? jobSeekersDatasetId = null,
        CancellationToken ct = default) =>
        // Which datasets are in force is asked of the database once per version of the inputs, not per request.
        derived.GetOrCreateAsync(db, ("snapshot", set, regionDatasetId, inhabitantsDatasetId, workingAgeDatasetId, jobSeekersDatasetId), () => BuildSnapshotAsync(set, regionDatasetId, inhabitantsDatasetId, workingAgeDatasetId, jobSeekersDatasetId, ct), ct);

    private async Task<ReferenceSnapshot> BuildSnapshotAsync(MunicipalitySet set, int? regionDatasetId, int? inhabitantsDatasetId, int? workingAgeDatasetId, int? jobSeekersDatasetId, CancellationToken ct)
    {
        var regions = regionDatasetId is { } r ? await DatasetAsync(r, ct) : await CurrentAsync(DatasetKind.ReferenceRegions, set, ct);
        var figureSet = MunicipalitySet.Set2019;
        var inhabitants = inhabitantsDatasetId is { } i ? await DatasetAsync(i, ct) : await CurrentAsync(DatasetKind.Inhabitants, figureSet, ct);
        var workingAge = workingAgeDatasetId is { } w ? await DatasetAsync(w, ct) : await CurrentAsync(DatasetKind.WorkingAgePopulation, figureSet, ct);
        var jobSeekers = jobSeekersDatasetId is { } j ? await DatasetAsync(j, ct) : await DefaultJobSeekersAsync(ct);
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
        var set2019 = set == MunicipalitySet.Set2019 ? municipalities : await db.Municipalities.AsNoTracking().Where(m => m.Set == MunicipalitySet.Set2019).ToListAsync(ct);
        var names2025 = set == MunicipalitySet.Set2025 || jobSeekers.MunicipalitySet == MunicipalitySet.Set2025
            ? await db.Municipalities.AsNoTracking().Where(m => m.Set == MunicipalitySet.Set2025).ToDictionaryAsync(m => m.NisCode, m => m.Name, ct)
            : [];

        return cache.GetOrAdd(key, () =>
        {
            var jobSeekerFigures = JobSeekers(set, jobSeekers, figures.Where(f => f.DatasetId == jobSeekers.Id), figures.Where(f => f.DatasetId == workingAge.Id), set2019, names2025);
            IEnumerable<MunicipalityFigure> Of(int id) => set == MunicipalitySet.Set2025 ? Sum(figures.Where(f => f.DatasetId == id), set2019) : figures.Where(f => f.DatasetId == id);
            return new ReferenceSnapshot(
                set, municipalities, regions, assignments, inhabitants, Of(inhabitants.Id), workingAge, Of(workingAge.Id), jobSeekers,
                jobSeekerFigures.Figures, jobSeekerFigures.Estimates, jobSeekers.MunicipalitySet == MunicipalitySet.Set2025 ? ShippedReferenceData.JobSeekerSplitMethod : null);
        });
    }

    /// <summary>The job-seeker figures of a dataset on the snapshot's set, through the 2019-2024 municipalities.</summary>
    private static DerivedFigures JobSeekers(
        MunicipalitySet set,
        ReferenceDataset dataset,
        IEnumerable<MunicipalityFigure> figures,
        IEnumerable<MunicipalityFigure> workingAge2019,
        List<Municipality> set2019,
        Dictionary<NisCode, string> names2025)
    {
        var on2019 = dataset.MunicipalitySet == MunicipalitySet.Set2019
            ? new DerivedFigures(figures.ToList(), [])
            : JobSeekerFigures.Disaggregate(set2019, names2025, figures.ToDictionary(f => f.NisCode, f => f.Value), workingAge2019.ToDictionary(f => f.NisCode, f => f.Value));
        return set == MunicipalitySet.Set2019 ? on2019 : JobSeekerFigures.Aggregate(set2019, names2025, on2019.Figures, on2019.Estimates);
    }

    private static List<MunicipalityFigure> Sum(IEnumerable<MunicipalityFigure> figures, List<Municipality> set2019)
    {
        var successor = set2019.ToDictionary(m => m.NisCode, m => m.SuccessorNisCode!.Value);
        return figures
            .GroupBy(f => successor[f.NisCode])
            .Select(g => new MunicipalityFigure { NisCode = g.Key, Value = g.Sum(f => f.Value) })
            .ToList();
    }
}
