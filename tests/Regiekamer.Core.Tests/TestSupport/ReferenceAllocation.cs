using System.Numerics;

namespace Regiekamer.Core.Tests.TestSupport;

/// <summary>
/// An independent R13 implementation written from the rule text, not from the production code:
/// total_i = budget × (wA/W × A_i/ΣA + wJ/W × J_i/ΣJ + wE/W × 1/n), exact; floored to the cent; the cents left over go one
/// at a time to the largest remainders, ties by partnership name in ordinal order. Parts are shown rounded half-to-even.
/// A criterion with weight 0 contributes nothing (its sum may then be 0).
/// </summary>
internal static class ReferenceAllocation
{
    public sealed record Line(string Name, long Total, long EqualPart, long WorkingAgePart, long JobSeekerPart, Fraction Exact);

    public static IReadOnlyList<Line> Allocate(IReadOnlyList<(string Name, long WorkingAge, long JobSeekers)> inputs, long budgetCents, int wA, int wJ, int wE)
    {
        int n = inputs.Count;
        if (n == 0)
        {
            return [];
        }

        BigInteger w = wA + wJ + wE;
        BigInteger sumA = inputs.Aggregate(BigInteger.Zero, (s, i) => s + i.WorkingAge);
        BigInteger sumJ = inputs.Aggregate(BigInteger.Zero, (s, i) => s + i.JobSeekers);
        var budget = Fraction.Of(budgetCents);

        var exact = new Fraction[n];
        var equalPart = budget * new Fraction(wE, w * n);
        var workingAgeParts = new Fraction[n];
        var jobSeekerParts = new Fraction[n];
        for (int i = 0; i < n; i++)
        {
            workingAgeParts[i] = wA == 0 ? Fraction.Zero : budget * new Fraction(wA, w) * new Fraction(inputs[i].WorkingAge, sumA);
            jobSeekerParts[i] = wJ == 0 ? Fraction.Zero : budget * new Fraction(wJ, w) * new Fraction(inputs[i].JobSeekers, sumJ);
            exact[i] = workingAgeParts[i] + jobSeekerParts[i] + equalPart;
        }

        var totals = exact.Select(e => e.Floor()).ToArray();
        var leftover = budgetCents - totals.Aggregate(BigInteger.Zero, (s, t) => s + t);
        var byRemainder = Enumerable.Range(0, n).ToList();
        byRemainder.Sort((x, y) =>
        {
            var c = Fraction.Compare(exact[y] - Fraction.Of(totals[y]), exact[x] - Fraction.Of(totals[x]));
            return c != 0 ? c : string.CompareOrdinal(inputs[x].Name, inputs[y].Name);
        });
        for (int k = 0; k < leftover; k++)
        {
            totals[byRemainder[k]] += 1;
        }

        return Enumerable.Range(0, n)
            .Select(i => new Line(
                inputs[i].Name,
                (long)totals[i],
                (long)equalPart.RoundHalfEven(),
                (long)workingAgeParts[i].RoundHalfEven(),
                (long)jobSeekerParts[i].RoundHalfEven(),
                exact[i]))
            .ToList();
    }
}
