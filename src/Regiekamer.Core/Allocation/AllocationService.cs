using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Eligibility;
using Regiekamer.Core.Evaluation;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Allocation;

/// <summary>An allocation computed now, not stored: the eligible partnerships, their amounts, and who was left out and why.</summary>
/// <param name="JobSeekersChosen">The job-seeker dataset the call version chose, when the figures used are another
/// (official figures imported on the call's own municipalities go first: <see cref="ReferenceDataService.JobSeekersInForceAsync"/>).</param>
public sealed record AllocationPreview(
    Call Call,
    CallVersion CallVersion,
    DateOnly EligibilityDate,
    ReferenceSnapshot Snapshot,
    IReadOnlyList<AllocationLineResult> Lines,
    IReadOnlyList<PartnershipEligibility> Excluded,
    IReadOnlyDictionary<string, Partnership> PartnershipsByName,
    ReferenceDataset? JobSeekersChosen = null)
{
    public Money Budget => CallVersion.YearlyBudget;

    /// <summary>Over whom the budget is divided: registered partnerships, a simulation over submitted dossiers, or the approved ones (R13).</summary>
    public AllocationBasis Basis { get; init; } = AllocationBasis.Registered;

    public AllocationWeights Weights => new(CallVersion.WeightWorkingAge, CallVersion.WeightJobSeekers, CallVersion.WeightEqual);

    /// <summary>The lines whose job-seeker figure is (partly) an estimate.</summary>
    public IReadOnlyList<AllocationLineResult> EstimatedLines => Lines.Where(l => l.JobSeekersEstimated).ToList();

    /// <summary>
    /// True when an amount rests on an estimate: an estimated population dataset, or a line's job-seeker figure while job
    /// seekers weigh in. Such an allocation cannot be published (R13).
    /// </summary>
    public bool UsesEstimates => AllocationService.UsesEstimates(Snapshot, Weights, Lines);
}

public sealed class AllocationService(RegiekamerDb db, CallEvaluationService evaluations, AuditTrail audit, TimeProvider time)
{
    /// <summary>The call's budget divided over the partnerships eligible on <paramref name="on"/>, computed once per change of its inputs.</summary>
    public async Task<Result<AllocationPreview>> PreviewAsync(int? callId, DateOnly on, CancellationToken ct = default)
    {
        var evaluation = await evaluations.EvaluateAsync(callId, on, ct);
        return evaluation.IsSuccess ? evaluation.Value!.Allocation : Result<AllocationPreview>.Fail(evaluation.Errors);
    }

    /// <summary>Stores the preview as a run that names the call version and every dataset it used (R14).</summary>
    public async Task<Result<AllocationRun>> CreateRunAsync(int? callId, DateOnly on, CancellationToken ct = default)
    {
        var preview = await PreviewAsync(callId, on, ct);
        if (!preview.IsSuccess)
        {
            return Result<AllocationRun>.Fail(preview.Errors);
        }

        var p = preview.Value!;
        var run = new AllocationRun
        {
            CallVersionId = p.CallVersion.Id,
            Budget = p.Budget,
            WeightWorkingAge = p.Weights.WorkingAge,
            WeightJobSeekers = p.Weights.JobSeekers,
            WeightEqual = p.Weights.Equal,
            EligibilityDate = on,
            InhabitantsDatasetId = p.Snapshot.InhabitantsDataset.Id,
            WorkingAgeDatasetId = p.Snapshot.WorkingAgeDataset.Id,
            JobSeekersDatasetId = p.Snapshot.JobSeekersDataset.Id,
            RegionDatasetId = p.Snapshot.RegionDataset.Id,
            UsesEstimates = p.UsesEstimates,
            Basis = p.Basis,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            Lines = p.Lines.Select(l => new AllocationLine
            {
                PartnershipId = p.PartnershipsByName[l.Name].Id,
                PartnershipName = l.Name,
                Members = string.Join(';', p.PartnershipsByName[l.Name].Members.Select(m => m.NisCode.Value).Order(StringComparer.Ordinal)),
                WorkingAgePopulation = l.WorkingAgePopulation,
                JobSeekers = l.JobSeekers,
                EqualPart = l.EqualPart,
                WorkingAgePart = l.WorkingAgePart,
                JobSeekerPart = l.JobSeekerPart,
                Total = l.Total,
                JobSeekerEstimates = AllocationLine.Estimates(l.JobSeekerEstimates),
            }).ToList(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.AllocationRuns.Add(run);
        await db.SaveChangesAsync(ct);
        audit.Record(new AllocationRunCreated(run.Id, AllocationRunSnapshot.Of(run)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<AllocationRun>.Ok(run);
    }

    public const string AuditEntity = "AllocationRun";

    /// <summary>The one rule for "this allocation rests on an estimate" (the preview, the CLI and stored runs).</summary>
    public static bool UsesEstimates(ReferenceSnapshot snapshot, AllocationWeights weights, IEnumerable<AllocationLineResult> lines)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(lines);
        return (weights.WorkingAge > 0 && snapshot.WorkingAgeDataset.IsEstimate)
            || snapshot.InhabitantsDataset.IsEstimate
            || (weights.JobSeekers > 0 && lines.Any(l => l.JobSeekersEstimated));
    }

    public static DomainError RunNotFound(int id) => DomainError.NotFound($"Verdeling {id} bestaat niet.", $"Allocation run {id} does not exist.");

    public Task<List<AllocationRun>> ListRunsAsync(CancellationToken ct = default) =>
        db.AllocationRuns.AsNoTracking().OrderByDescending(r => r.Id).ToListAsync(ct);

    public Task<AllocationRun?> GetRunAsync(int id, CancellationToken ct = default) =>
        db.AllocationRuns.AsNoTracking().Include(r => r.Lines.OrderBy(l => l.PartnershipName)).FirstOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>Publishing freezes a run. A run on estimated figures cannot be published: estimates are never presented as official.</summary>
    public async Task<Result<AllocationRun>> PublishAsync(int id, CancellationToken ct = default)
    {
        var run = await db.AllocationRuns.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (run is null)
        {
            return RunNotFound(id);
        }

        if (run.IsPublished)
        {
            return DomainError.Conflict(Rules.R14, $"R14: verdeling {id} is al gepubliceerd en kan niet meer wijzigen.", $"R14: allocation run {id} is already published and cannot change.");
        }

        if (run.UsesEstimates)
        {
            return await EstimatesRefusedAsync(run, ct);
        }

        run.PublishedAtUtc = time.GetUtcNow().UtcDateTime;
        audit.Record(new AllocationRunPublished(run.Id, new AllocationRunPublication(run.PublishedAtUtc.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture))));
        await db.SaveChangesAsync(ct);
        return Result<AllocationRun>.Ok(run);
    }

    /// <summary>
    /// R13: why a run on estimates cannot be published, naming the partnerships and municipalities whose job-seeker
    /// figures were estimated and how to replace them with official ones.
    /// </summary>
    private async Task<DomainError> EstimatesRefusedAsync(AllocationRun run, CancellationToken ct)
    {
        var lines = await db.AllocationLines.AsNoTracking().Where(l => l.AllocationRunId == run.Id).OrderBy(l => l.PartnershipName).ToListAsync(ct);
        var jobSeekers = await db.Datasets.AsNoTracking().FirstAsync(d => d.Id == run.JobSeekersDatasetId, ct);
        var described = await LineEstimatesAsync(lines, ct);
        var estimated = lines.Where(l => described[l.Id].Count > 0).ToList();
        List<(string Partnership, List<Bilingual> Members)> named = estimated.Count > 0
            ? estimated.Select(l => (l.PartnershipName, described[l.Id].Select(e => e.Describe()).ToList())).ToList()
            : jobSeekers.IsEstimate
                ? lines.Select(l => (l.PartnershipName, new List<Bilingual> { new($"de dataset '{jobSeekers.Title}' is een schatting", $"the dataset '{jobSeekers.Title}' is an estimate") })).ToList()
                : [];
        var nl = string.Join("; ", named.Select(n => $"{n.Partnership}: {string.Join(", ", n.Members.Select(m => m.Nl))}"));
        var en = string.Join("; ", named.Select(n => $"{n.Partnership}: {string.Join(", ", n.Members.Select(m => m.En))}"));
        var codes = estimated.SelectMany(l => described[l.Id]).DistinctBy(e => e.NisCode).OrderBy(e => e.NisCode).Select(e => $"{e.Name} ({e.NisCode})").ToList();
        var which = codes.Count > 0 ? string.Join(", ", codes) : null;
        return DomainError.Conflict(
            Rules.R13,
            $"R13: deze verdeling gebruikt geschatte cijfers en kan niet als officieel gepubliceerd worden. "
            + (named.Count > 0 ? $"Geschatte aantallen werkzoekenden ({jobSeekers.Title}): {nl}. " : "")
            + $"Importeer officiële cijfers van werkzoekenden op de gemeenten van 2019-2024{(which is null ? "" : $" voor {which}")} (het bestand bevat elke gemeente) "
            + "via Import (/Imports) of 'regiekamer import job-seekers', en maak dan een nieuwe verdeling.",
            $"R13: this allocation uses estimated figures and cannot be published as official. "
            + (named.Count > 0 ? $"Estimated job-seeker figures ({jobSeekers.Title}): {en}. " : "")
            + $"Import official job-seeker figures on the 2019-2024 municipalities{(which is null ? "" : $" for {which}")} (the file holds every municipality) "
            + "through Import (/Imports) or 'regiekamer import job-seekers', then make a new run.");
    }

    /// <summary>
    /// Each stored line's members whose job-seeker figure was an estimate (<see cref="AllocationLine.JobSeekerEstimates"/>),
    /// described with their names and, for a share of a 2025 merger, the merged municipality; by line id.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<FigureEstimate>>> LineEstimatesAsync(IEnumerable<AllocationLine> lines, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var list = lines.ToList();
        if (list.All(l => l.JobSeekerEstimates is null))
        {
            return list.ToDictionary(l => l.Id, _ => (IReadOnlyList<FigureEstimate>)[]);
        }

        var municipalities = await db.Municipalities.AsNoTracking().ToListAsync(ct);
        var set2019 = municipalities.Where(m => m.Set == MunicipalitySet.Set2019).ToDictionary(m => m.NisCode);
        var names2025 = municipalities.Where(m => m.Set == MunicipalitySet.Set2025).ToDictionary(m => m.NisCode, m => m.Name);
        FigureEstimate Describe(NisCode code, EstimateReason reason)
        {
            var m = set2019.GetValueOrDefault(code);
            var name = m?.Name ?? code.ToString();
            if (reason != EstimateReason.MergerShare || m?.SuccessorNisCode is not { } merged)
            {
                return new FigureEstimate(code, name, reason);
            }

            var group = set2019.Values.Where(x => x.SuccessorNisCode == merged).Select(x => x.NisCode).Order().ToList();
            return new FigureEstimate(code, name, reason, merged, names2025.GetValueOrDefault(merged) ?? merged.ToString(), group);
        }

        return list.ToDictionary(l => l.Id, l => (IReadOnlyList<FigureEstimate>)l.EstimatedMembers.Select(e => Describe(e.NisCode, e.Reason)).ToList());
    }

    /// <summary>Only unpublished runs can be deleted; a published run is immutable (R14).</summary>
    public async Task<Result<int>> DeleteRunAsync(int id, CancellationToken ct = default)
    {
        var run = await db.AllocationRuns.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (run is null)
        {
            return RunNotFound(id);
        }

        if (run.IsPublished)
        {
            return DomainError.Conflict(Rules.R14, $"R14: verdeling {id} is gepubliceerd en kan niet verwijderd worden.", $"R14: allocation run {id} is published and cannot be deleted.");
        }

        audit.Record(new AllocationRunDeleted(run.Id, new AllocationRunSummary(run.CallVersionId, run.Budget.ToInvariantString())));
        db.AllocationRuns.Remove(run);
        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(id);
    }
}
