using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Allocation;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Coverage;
using Regiekamer.Core.Data;
using Regiekamer.Core.Eligibility;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Evaluation;

/// <summary>
/// Everything derived from the partnerships, a call and the reference data on one date: the eligibility of every
/// partnership of the call (R1–R6), the allocation preview (R13) and coverage. Immutable; shared by every request
/// that asks for the same call and date until its inputs change.
/// </summary>
public sealed record CallEvaluation(
    Call Call,
    CallVersion Version,
    DateOnly On,
    ReferenceSnapshot Snapshot,
    IReadOnlyList<PartnershipEligibility> Partnerships,
    Result<AllocationPreview> Allocation,
    CoverageReport EligibleCoverage,
    CoverageReport RegisteredCoverage)
{
    private readonly Dictionary<int, PartnershipEligibility> _byId = Partnerships.ToDictionary(p => p.Partnership.Id);

    /// <summary>"2023-2025 v1".</summary>
    public string CallLabel => $"{Call.Code} v{Version.Number}";

    /// <summary>One partnership's eligibility, or null when it is not one of this call's (another municipality set, or new since).</summary>
    public PartnershipEligibility? Of(int partnershipId) => _byId.GetValueOrDefault(partnershipId);
}

/// <summary>Evaluates a call on a date once per version of its inputs; every page and API operation that shows derived results asks here.</summary>
public sealed class CallEvaluationService(RegiekamerDb db, CallService calls, PartnershipService partnerships, ReferenceDataService referenceData, DerivedCache cache)
{
    /// <param name="callId">The call; null for the latest.</param>
    public async Task<Result<CallEvaluation>> EvaluateAsync(int? callId, DateOnly on, CancellationToken ct = default)
    {
        return await cache.GetOrCreateAsync(db, ("evaluation", callId, on), () => ComputeAsync(callId, on, ct), ct);
    }

    private async Task<Result<CallEvaluation>> ComputeAsync(int? callId, DateOnly on, CancellationToken ct)
    {
        var call = callId is { } id ? await calls.GetAsync(id, ct) : await calls.LatestAsync(ct);
        if (call is null)
        {
            return callId is { } missing ? CallService.CallNotFound(missing) : DomainError.NotFound("Er is nog geen oproep.", "There is no call yet.");
        }

        var version = call.CurrentVersion;
        var jobSeekers = await referenceData.JobSeekersInForceAsync(call.MunicipalitySet, version.JobSeekersDatasetId, ct)
            ?? throw new InvalidOperationException("Reference data is missing: run the seeder (the app does this on start in Development; the CLI has 'db migrate').");
        var snapshot = await referenceData.SnapshotAsync(call.MunicipalitySet, version.RegionDatasetId, jobSeekersDatasetId: jobSeekers.Id, ct: ct);
        var chosen = version.JobSeekersDatasetId is { } chosenId && chosenId != jobSeekers.Id ? await referenceData.DatasetAsync(chosenId, ct) : null;
        var all = (await partnerships.ListAsync(ct)).Where(p => p.MunicipalitySet == call.MunicipalitySet).ToList();
        var facts = all.Select(PartnershipService.ToFacts).ToList();
        var results = EligibilityRules.Evaluate(facts, snapshot.EligibilityContext(on));
        var judged = all.Zip(results, (p, r) => new PartnershipEligibility(p, r)).ToList();

        // R13: who shares in the budget follows the call's dossiers (all registered, a simulation over the submitted
        // ones, or the approved ones); eligibility is still judged over every partnership (R3 looks at them all).
        var dossiers = await db.Applications.AsNoTracking().IgnoreAutoIncludes().Where(a => a.CallId == call.Id)
            .Select(a => new DossierStanding(a.PartnershipId, a.Status, a.SubmittedVersions)).ToListAsync(ct);
        var basis = AllocationBases.For(dossiers);
        var standing = dossiers.ToDictionary(d => d.PartnershipId);
        var sharing = Enumerable.Range(0, all.Count).Where(i => AllocationBases.Includes(basis, standing.GetValueOrDefault(all[i].Id))).ToList();
        var weights = new AllocationWeights(version.WeightWorkingAge, version.WeightJobSeekers, version.WeightEqual);
        var outcome = AllocationPath.Compute(sharing.Select(i => facts[i]).ToList(), sharing.Select(i => results[i]).ToList(), snapshot, version.YearlyBudget, weights);
        var preview = outcome.IsSuccess
            ? Result<AllocationPreview>.Ok(new AllocationPreview(
                call,
                version,
                on,
                snapshot,
                outcome.Value!.Lines,
                sharing.Select(i => judged[i]).Where(r => !r.Result.Eligible).ToList(),
                all.ToDictionary(p => p.Name, p => p),
                chosen)
            { Basis = basis })
            : Result<AllocationPreview>.Fail(outcome.Errors);

        var eligibleFacts = facts.Where((_, i) => results[i].Eligible).ToList();
        return Result<CallEvaluation>.Ok(new CallEvaluation(
            call, version, on, snapshot, judged, preview, CoverageCalculator.Compute(eligibleFacts, snapshot), CoverageCalculator.Compute(facts, snapshot)));
    }
}
