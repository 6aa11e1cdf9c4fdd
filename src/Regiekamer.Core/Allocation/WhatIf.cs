using Regiekamer.Core.Common;
using Regiekamer.Core.Eligibility;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Allocation;

public enum WhatIfAction
{
    AddMunicipality,
    RemoveMunicipality,
    AddPartnership,
}

/// <summary>One change to try: add or remove a municipality, or add a whole new partnership.</summary>
public sealed record WhatIfChange(WhatIfAction Action, string? Partnership, NisCode? Municipality, PartnershipFacts? NewPartnership);

/// <param name="JobSeekerEstimatesAfter">The members whose job-seeker figure is an estimate after the change, when the partnership shares in the budget.</param>
public sealed record WhatIfRow(string Partnership, Money Before, Money After, bool EligibleBefore, bool EligibleAfter, IReadOnlyList<Finding> FindingsAfter, IReadOnlyList<FigureEstimate>? JobSeekerEstimatesAfter = null)
{
    public Money Change => After - Before;
}

public sealed record WhatIfOutcome(IReadOnlyList<WhatIfRow> Rows, Money Budget);

/// <summary>One line of the department's table: what joining partnership P would change if uncovered municipality M joined it.</summary>
public sealed record JoinOption(NisCode Municipality, string Partnership, Money Before, Money After, Money OthersChange)
{
    public Money Change => After - Before;
}

/// <summary>What-if as pure functions: re-judge eligibility, re-allocate, compare.</summary>
public static class WhatIf
{
    public static Result<WhatIfOutcome> Apply(IReadOnlyList<PartnershipFacts> partnerships, WhatIfChange change, ReferenceSnapshot snapshot, DateOnly on, Money budget, AllocationWeights weights)
    {
        ArgumentNullException.ThrowIfNull(partnerships);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(snapshot);
        var changed = partnerships.ToList();
        switch (change.Action)
        {
            case WhatIfAction.AddMunicipality or WhatIfAction.RemoveMunicipality:
                var index = changed.FindIndex(p => p.Name == change.Partnership);
                if (index < 0)
                {
                    return DomainError.NotFound($"Regieverband '{change.Partnership}' bestaat niet.", $"Partnership '{change.Partnership}' does not exist.");
                }

                if (change.Municipality is not { } code || snapshot.Find(code) is null)
                {
                    return DomainError.Invalid("validation", "Kies een gemeente.", "Choose a municipality.", "municipality");
                }

                var p = changed[index];
                var members = p.Members.ToList();
                if (change.Action == WhatIfAction.AddMunicipality)
                {
                    if (members.Contains(code))
                    {
                        return DomainError.Invalid("validation", $"{snapshot.Find(code)!.Name} is al lid van {p.Name}.", $"{snapshot.Find(code)!.Name} is already a member of {p.Name}.", "municipality");
                    }

                    members.Add(code);
                }
                else if (!members.Remove(code))
                {
                    return DomainError.Invalid("validation", $"{snapshot.Find(code)!.Name} is geen lid van {p.Name}.", $"{snapshot.Find(code)!.Name} is not a member of {p.Name}.", "municipality");
                }

                changed[index] = p with { Members = members };
                break;
            case WhatIfAction.AddPartnership:
                if (change.NewPartnership is null)
                {
                    return DomainError.Invalid("validation", "Geef het nieuwe regieverband op.", "Give the new partnership.", "newPartnership");
                }

                if (changed.Any(x => x.Name == change.NewPartnership.Name))
                {
                    return DomainError.Conflict("duplicate-name", $"Er bestaat al een regieverband '{change.NewPartnership.Name}'.", $"A partnership '{change.NewPartnership.Name}' already exists.");
                }

                changed.Add(change.NewPartnership);
                break;
        }

        var before = Amounts(partnerships, snapshot, on, budget, weights);
        if (!before.IsSuccess)
        {
            return Result<WhatIfOutcome>.Fail(before.Errors);
        }

        var after = Amounts(changed, snapshot, on, budget, weights);
        if (!after.IsSuccess)
        {
            return Result<WhatIfOutcome>.Fail(after.Errors);
        }

        var rows = changed.Select(p =>
        {
            var b = before.Value!.GetValueOrDefault(p.Name);
            var a = after.Value![p.Name];
            return new WhatIfRow(p.Name, b.Amount, a.Amount, b.Result?.Eligible ?? false, a.Result!.Eligible, a.Result.Findings, a.Estimates);
        }).OrderBy(r => r.Partnership, StringComparer.Ordinal).ToList();
        return Result<WhatIfOutcome>.Ok(new WhatIfOutcome(rows, budget));
    }

    /// <summary>
    /// For each municipality in no partnership, and each eligible partnership with a member in that municipality's
    /// reference region: the partnership's amount before and after the municipality joins. Each line is a full re-allocation.
    /// </summary>
    public static IReadOnlyList<JoinOption> JoinTable(IReadOnlyList<PartnershipFacts> eligible, ReferenceSnapshot snapshot, Money budget, AllocationWeights weights)
    {
        ArgumentNullException.ThrowIfNull(eligible);
        ArgumentNullException.ThrowIfNull(snapshot);
        var baseInputs = AllocationInputs.From(eligible, snapshot);
        if (!baseInputs.IsSuccess)
        {
            return [];
        }

        var inputs = baseInputs.Value!.ToArray();
        var baseTotals = AllocationCalculator.Allocate(inputs, budget, weights).Value!;
        var covered = eligible.SelectMany(p => p.Members).ToHashSet();
        var regionsOf = eligible.Select(p => p.Members.Select(m => snapshot.Region(m)?.RegionCode).Where(r => r is not null).ToHashSet()).ToArray();
        var options = new List<JoinOption>();
        foreach (var m in snapshot.Municipalities)
        {
            if (covered.Contains(m.NisCode) || snapshot.Region(m.NisCode)?.RegionCode is not { } region)
            {
                continue;
            }

            var addWorking = snapshot.WorkingAge(m.NisCode) ?? 0;
            var addJobSeekers = snapshot.JobSeekers(m.NisCode) ?? 0;
            for (int i = 0; i < inputs.Length; i++)
            {
                if (!regionsOf[i].Contains(region))
                {
                    continue;
                }

                var original = inputs[i];
                inputs[i] = original with { WorkingAgePopulation = original.WorkingAgePopulation + addWorking, JobSeekers = original.JobSeekers + addJobSeekers };
                var after = AllocationCalculator.Allocate(inputs, budget, weights).Value!;
                inputs[i] = original;
                options.Add(new JoinOption(m.NisCode, original.Name, baseTotals[i].Total, after[i].Total, baseTotals[i].Total - after[i].Total));
            }
        }

        return options;
    }

    private static Result<Dictionary<string, (Money Amount, EligibilityResult? Result, IReadOnlyList<FigureEstimate>? Estimates)>> Amounts(IReadOnlyList<PartnershipFacts> partnerships, ReferenceSnapshot snapshot, DateOnly on, Money budget, AllocationWeights weights)
    {
        var results = EligibilityRules.Evaluate(partnerships, snapshot.EligibilityContext(on));
        var outcome = AllocationPath.Compute(partnerships, results, snapshot, budget, weights);
        if (!outcome.IsSuccess)
        {
            return Result<Dictionary<string, (Money, EligibilityResult?, IReadOnlyList<FigureEstimate>?)>>.Fail(outcome.Errors);
        }

        var lines = outcome.Value!.Lines.ToDictionary(l => l.Name);
        return Result<Dictionary<string, (Money, EligibilityResult?, IReadOnlyList<FigureEstimate>?)>>.Ok(
            partnerships.Select((p, i) => (p.Name, Value: (lines.GetValueOrDefault(p.Name)?.Total ?? Money.Zero, (EligibilityResult?)results[i], lines.GetValueOrDefault(p.Name)?.JobSeekerEstimates)))
                .ToDictionary(x => x.Name, x => x.Value));
    }
}
