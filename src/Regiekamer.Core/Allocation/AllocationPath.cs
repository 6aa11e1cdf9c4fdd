using Regiekamer.Core.Common;
using Regiekamer.Core.Eligibility;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Allocation;

/// <summary>Who shares in the budget: the partnerships R1–R6 find eligible, or all that are given (a list of approved beneficiaries).</summary>
public enum Beneficiaries
{
    Eligible,
    All,
}

/// <summary>An allocation worked out: the amounts (by name), and who was left out because R1–R6 found them ineligible.</summary>
public sealed record AllocationOutcome(IReadOnlyList<AllocationLineResult> Lines, IReadOnlyList<int> Excluded);

/// <summary>
/// R13 over a list of partnerships on a snapshot, given their eligibility: the one path of the web's preview, the
/// what-if and <c>regiekamer allocate</c>, so the same partnerships, figures and terms give the same amounts everywhere.
/// Pure: no database, no clock.
/// </summary>
public static class AllocationPath
{
    /// <param name="eligibility">R1–R6 for each partnership, in the same order.</param>
    public static Result<AllocationOutcome> Compute(
        IReadOnlyList<PartnershipFacts> partnerships,
        IReadOnlyList<EligibilityResult> eligibility,
        ReferenceSnapshot snapshot,
        Money budget,
        AllocationWeights weights,
        Beneficiaries beneficiaries = Beneficiaries.Eligible)
    {
        ArgumentNullException.ThrowIfNull(partnerships);
        ArgumentNullException.ThrowIfNull(eligibility);
        if (partnerships.Count != eligibility.Count)
        {
            throw new ArgumentException("One eligibility result per partnership.", nameof(eligibility));
        }

        var excluded = beneficiaries == Beneficiaries.All ? [] : Enumerable.Range(0, partnerships.Count).Where(i => !eligibility[i].Eligible).ToList();
        var sharing = partnerships.Where((_, i) => !excluded.Contains(i)).ToList();
        var inputs = AllocationInputs.From(sharing, snapshot);
        if (!inputs.IsSuccess)
        {
            return Result<AllocationOutcome>.Fail(inputs.Errors);
        }

        var lines = AllocationCalculator.Allocate(inputs.Value!, budget, weights);
        return lines.IsSuccess
            ? Result<AllocationOutcome>.Ok(new AllocationOutcome(lines.Value!.OrderBy(l => l.Name, StringComparer.Ordinal).ToList(), excluded))
            : Result<AllocationOutcome>.Fail(lines.Errors);
    }

    /// <summary>Judges the partnerships on <paramref name="on"/> (R1–R6) and allocates over the eligible ones.</summary>
    public static Result<AllocationOutcome> Compute(IReadOnlyList<PartnershipFacts> partnerships, ReferenceSnapshot snapshot, DateOnly on, Money budget, AllocationWeights weights)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return Compute(partnerships, EligibilityRules.Evaluate(partnerships, snapshot.EligibilityContext(on)), snapshot, budget, weights);
    }
}
