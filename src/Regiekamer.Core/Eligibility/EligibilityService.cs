using Regiekamer.Core.Calls;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Eligibility;

public sealed record PartnershipEligibility(Partnership Partnership, EligibilityResult Result);

/// <summary>Eligibility of the partnerships applying to a call, on a date, with the call's reference-region assignment.</summary>
public sealed class EligibilityService(PartnershipService partnerships, CallService calls, ReferenceDataService referenceData)
{
    public async Task<(CallVersion Version, ReferenceSnapshot Snapshot, IReadOnlyList<PartnershipEligibility> Results)> EvaluateAsync(int? callId, DateOnly on, CancellationToken ct = default)
    {
        var call = callId is { } id ? await calls.GetAsync(id, ct) : await calls.LatestAsync(ct);
        if (call is null)
        {
            throw new InvalidOperationException("No call exists; the seeder creates the 2023-2025 call.");
        }

        var version = call.CurrentVersion;
        var snapshot = await referenceData.SnapshotAsync(call.MunicipalitySet, version.RegionDatasetId, ct: ct);
        var all = (await partnerships.ListAsync(ct)).Where(p => p.MunicipalitySet == call.MunicipalitySet).ToList();
        var results = EligibilityRules.Evaluate(all.Select(PartnershipService.ToFacts).ToList(), snapshot.EligibilityContext(on));
        return (version, snapshot, all.Zip(results, (p, r) => new PartnershipEligibility(p, r)).ToList());
    }
}
