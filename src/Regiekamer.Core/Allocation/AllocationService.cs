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
public sealed record AllocationPreview(
    Call Call,
    CallVersion CallVersion,
    DateOnly EligibilityDate,
    ReferenceSnapshot Snapshot,
    IReadOnlyList<AllocationLineResult> Lines,
    IReadOnlyList<PartnershipEligibility> Excluded,
    IReadOnlyDictionary<string, Partnership> PartnershipsByName)
{
    public Money Budget => CallVersion.YearlyBudget;

    public AllocationWeights Weights => new(CallVersion.WeightWorkingAge, CallVersion.WeightJobSeekers, CallVersion.WeightEqual);
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
            UsesEstimates = p.Snapshot.UsesEstimates,
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
            return DomainError.Conflict(
                Rules.R13,
                "R13: deze verdeling gebruikt geschatte cijfers (werkzoekenden) en kan niet als officieel gepubliceerd worden. Importeer de officiële cijfers en maak een nieuwe verdeling.",
                "R13: this allocation uses estimated figures (job seekers) and cannot be published as official. Import the official figures and make a new run.");
        }

        run.PublishedAtUtc = time.GetUtcNow().UtcDateTime;
        audit.Record(new AllocationRunPublished(run.Id, new AllocationRunPublication(run.PublishedAtUtc.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture))));
        await db.SaveChangesAsync(ct);
        return Result<AllocationRun>.Ok(run);
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
