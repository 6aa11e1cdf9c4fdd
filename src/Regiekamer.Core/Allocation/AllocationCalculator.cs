using Regiekamer.Core.Common;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Allocation;

/// <summary>One beneficiary as the allocation sees it: a name and its two figures.</summary>
/// <param name="JobSeekerEstimates">The members whose job-seeker figure is (part of) an estimate; null when none is.</param>
public readonly record struct AllocationInput(string Name, long WorkingAgePopulation, long JobSeekers, IReadOnlyList<FigureEstimate>? JobSeekerEstimates = null)
{
    /// <summary>True when the job-seeker figure is, at least in part, an estimate.</summary>
    public bool JobSeekersEstimated => JobSeekerEstimates is { Count: > 0 };
}

/// <summary>R13 weights: shares are weight / (sum of weights). The 2023–2025 call uses 40/20/40.</summary>
public readonly record struct AllocationWeights(int WorkingAge, int JobSeekers, int Equal)
{
    public static AllocationWeights Default => new(40, 20, 40);

    public int Sum => WorkingAge + JobSeekers + Equal;

    public override string ToString() => $"{WorkingAge},{JobSeekers},{Equal}";
}

public sealed record AllocationLineResult(
    string Name,
    long WorkingAgePopulation,
    long JobSeekers,
    Money EqualPart,
    Money WorkingAgePart,
    Money JobSeekerPart,
    Money Total,
    IReadOnlyList<FigureEstimate>? JobSeekerEstimates = null)
{
    /// <summary>True when the line's job-seeker figure is, at least in part, an estimate (<see cref="JobSeekerEstimates"/> names the members).</summary>
    public bool JobSeekersEstimated => JobSeekerEstimates is { Count: > 0 };
}

/// <summary>
/// R13: the budget divided pro rata — by working-age population, by job seekers and in equal shares.
///
/// Rounding rule (shown on the allocation page too):
/// 1. each beneficiary's exact total is computed as a fraction in integer arithmetic (no floating point);
/// 2. it is floored to the cent;
/// 3. the cents left over (fewer than the number of beneficiaries) go one at a time to the largest remainders,
///    ties broken by name in ordinal order;
/// 4. the three parts are shown rounded half-to-even to the cent; they may differ from the total by a cent or two:
///    the total is authoritative.
/// The totals therefore always add up to the budget exactly.
/// </summary>
public static class AllocationCalculator
{
    public static Result<IReadOnlyList<AllocationLineResult>> Allocate(IReadOnlyList<AllocationInput> inputs, Money budget, AllocationWeights weights)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var error = Validate(inputs, budget, weights);
        if (error is not null)
        {
            return error;
        }

        if (inputs.Count == 0)
        {
            return Result<IReadOnlyList<AllocationLineResult>>.Ok([]);
        }

        return Result<IReadOnlyList<AllocationLineResult>>.Ok(Compute(inputs, budget, weights));
    }

    private static DomainError? Validate(IReadOnlyList<AllocationInput> inputs, Money budget, AllocationWeights weights)
    {
        if (budget.Cents < 0)
        {
            return DomainError.Rule(Rules.R13, "R13: het budget mag niet negatief zijn.", "R13: the budget cannot be negative.", "budget");
        }

        if (weights.WorkingAge < 0 || weights.JobSeekers < 0 || weights.Equal < 0 || weights.Sum <= 0)
        {
            return DomainError.Rule(Rules.R13, $"R13: de gewichten {weights} moeten positief zijn en samen meer dan 0.", $"R13: the weights {weights} must be non-negative with a positive sum.", "weights");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (input.WorkingAgePopulation < 0 || input.JobSeekers < 0)
            {
                return DomainError.Rule(Rules.R13, $"R13: {input.Name} heeft een negatief cijfer.", $"R13: {input.Name} has a negative figure.");
            }

            if (!names.Add(input.Name))
            {
                return DomainError.Rule(Rules.R13, $"R13: de naam '{input.Name}' komt twee keer voor.", $"R13: the name '{input.Name}' occurs twice.");
            }
        }

        if (inputs.Count > 0 && weights.WorkingAge > 0 && inputs.Sum(i => i.WorkingAgePopulation) == 0)
        {
            return DomainError.Rule(Rules.R13, "R13: de bevolking op beroepsactieve leeftijd is samen 0; het deel daarvoor kan niet pro rata verdeeld worden.", "R13: the working-age population adds up to 0, so its part cannot be split pro rata.");
        }

        if (inputs.Count > 0 && weights.JobSeekers > 0 && inputs.Sum(i => i.JobSeekers) == 0)
        {
            return DomainError.Rule(Rules.R13, "R13: het aantal werkzoekenden is samen 0; het deel daarvoor kan niet pro rata verdeeld worden.", "R13: the job seekers add up to 0, so their part cannot be split pro rata.");
        }

        return null;
    }

    private static AllocationLineResult[] Compute(IReadOnlyList<AllocationInput> inputs, Money budget, AllocationWeights weights)
    {
        checked
        {
            int n = inputs.Count;
            Int128 b = budget.Cents;
            Int128 w = weights.Sum;
            Int128 sumA = 0, sumJ = 0;
            for (int i = 0; i < n; i++)
            {
                sumA += inputs[i].WorkingAgePopulation;
                sumJ += inputs[i].JobSeekers;
            }

            // A criterion with weight 0 drops out; its sum is replaced by 1 so the common denominator stays non-zero.
            Int128 sa = weights.WorkingAge > 0 ? sumA : 1;
            Int128 sj = weights.JobSeekers > 0 ? sumJ : 1;

            // exact total_i (in cents) = b * (wA*A_i*n*sj + wJ*J_i*n*sa + wE*sa*sj) / (w*n*sa*sj)
            Int128 denominator = w * n * sa * sj;
            var floors = new long[n];
            var remainders = new Int128[n];
            Int128 distributed = 0;
            for (int i = 0; i < n; i++)
            {
                Int128 share = (weights.WorkingAge * (Int128)inputs[i].WorkingAgePopulation * n * sj)
                    + (weights.JobSeekers * (Int128)inputs[i].JobSeekers * n * sa)
                    + (weights.Equal * sa * sj);
                Int128 numerator = b * share;
                Int128 floor = Int128.DivRem(numerator, denominator).Quotient;
                floors[i] = (long)floor;
                remainders[i] = numerator - (floor * denominator);
                distributed += floor;
            }

            long leftover = (long)(b - distributed);
            if (leftover > 0)
            {
                var order = new int[n];
                for (int i = 0; i < n; i++)
                {
                    order[i] = i;
                }

                Array.Sort(order, (x, y) =>
                {
                    int byRemainder = remainders[y].CompareTo(remainders[x]);
                    return byRemainder != 0 ? byRemainder : string.CompareOrdinal(inputs[x].Name, inputs[y].Name);
                });
                for (int k = 0; k < leftover; k++)
                {
                    floors[order[k]]++;
                }
            }

            var lines = new AllocationLineResult[n];
            for (int i = 0; i < n; i++)
            {
                var input = inputs[i];
                lines[i] = new AllocationLineResult(
                    input.Name,
                    input.WorkingAgePopulation,
                    input.JobSeekers,
                    EqualPart: new Money(RoundHalfEven(b * weights.Equal, w * n)),
                    WorkingAgePart: weights.WorkingAge > 0 ? new Money(RoundHalfEven(b * weights.WorkingAge * input.WorkingAgePopulation, w * sumA)) : Money.Zero,
                    JobSeekerPart: weights.JobSeekers > 0 ? new Money(RoundHalfEven(b * weights.JobSeekers * input.JobSeekers, w * sumJ)) : Money.Zero,
                    Total: new Money(floors[i]),
                    JobSeekerEstimates: input.JobSeekerEstimates);
            }

            return lines;
        }
    }

    /// <summary>numerator/denominator rounded to the nearest integer, halves to the even neighbour (banker's rounding).</summary>
    internal static long RoundHalfEven(Int128 numerator, Int128 denominator)
    {
        var (q, r) = Int128.DivRem(numerator, denominator);
        Int128 twice = r * 2;
        if (twice > denominator || (twice == denominator && !Int128.IsEvenInteger(q)))
        {
            q += 1;
        }

        return (long)q;
    }
}
