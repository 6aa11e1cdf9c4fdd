using System.Globalization;
using Regiekamer.Core.Allocation;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Tests.TestSupport;

/// <summary>One seeded random R13 input: the shapes the calculator must cope with, including ties and zero weights.</summary>
internal sealed record AllocationCase(int Seed, int Index, IReadOnlyList<AllocationInput> Inputs, Money Budget, AllocationWeights Weights)
{
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"seed {Seed}, case {Index}: n={Inputs.Count}, budget={Budget.Cents} cents, weights={Weights}, inputs=[{string.Join("; ", Inputs.Select(i => $"{i.Name}:{i.WorkingAgePopulation}/{i.JobSeekers}"))}]");

    public IReadOnlyList<(string Name, long WorkingAge, long JobSeekers)> AsTuples() =>
        Inputs.Select(i => (i.Name, i.WorkingAgePopulation, i.JobSeekers)).ToList();
}

internal static class RandomAllocationCases
{
    public const long MaxFigure = 600_000;
    public const long MaxBudgetCents = 10_000_000_000;

    private static readonly AllocationWeights[] NamedWeights =
    [
        AllocationWeights.Default,
        new(0, 0, 100),
        new(100, 0, 0),
        new(0, 100, 0),
        new(1, 1, 1),
        new(33, 33, 34),
        new(50, 0, 50),
        new(0, 50, 50),
        new(50, 50, 0),
        new(7, 13, 80),
        new(2, 1, 2),
        new(997, 1, 2),
    ];

    // Upper and lower case, digits and accents, so that ordinal order differs from culture order.
    private const string NameAlphabet = "abzABZéÉ-0 ";

    /// <summary><paramref name="count"/> cases from one seed; the same seed always gives the same cases.</summary>
    public static IEnumerable<AllocationCase> Generate(int seed, int count)
    {
#pragma warning disable CA5394 // Deterministic test data, not security: a seeded System.Random is the point.
        var random = new Random(seed);
        for (int index = 0; index < count; index++)
        {
            int n = random.Next(1, 61);
            var names = new HashSet<string>(StringComparer.Ordinal);
            while (names.Count < n)
            {
                var length = random.Next(1, 5);
                names.Add(new string(Enumerable.Range(0, length).Select(_ => NameAlphabet[random.Next(NameAlphabet.Length)]).ToArray()));
            }

            // Figure shapes: uniform; few distinct values (many ties and "others equal" pairs); all equal.
            var shape = random.Next(3);
            long[] palette = [0, 1, 2, random.NextInt64(0, MaxFigure + 1), random.NextInt64(0, MaxFigure + 1), MaxFigure];
            long sameA = random.NextInt64(0, MaxFigure + 1), sameJ = random.NextInt64(0, MaxFigure + 1);
            long Figure(bool workingAge) => shape switch
            {
                0 => random.NextInt64(0, MaxFigure + 1),
                1 => palette[random.Next(palette.Length)],
                _ => workingAge ? sameA : sameJ,
            };

            var inputs = names.Select(name => new AllocationInput(name, Figure(true), Figure(false))).ToList();

            var weights = random.Next(3) == 0
                ? new AllocationWeights(random.Next(0, 101), random.Next(0, 101), random.Next(0, 101))
                : NamedWeights[random.Next(NamedWeights.Length)];
            if (weights.Sum == 0)
            {
                weights = AllocationWeights.Default;
            }

            // A positive weight needs a positive sum (otherwise R13 rejects the input, tested separately).
            if (weights.WorkingAge > 0 && inputs.All(i => i.WorkingAgePopulation == 0))
            {
                var k = random.Next(n);
                inputs[k] = inputs[k] with { WorkingAgePopulation = random.NextInt64(1, MaxFigure + 1) };
            }

            if (weights.JobSeekers > 0 && inputs.All(i => i.JobSeekers == 0))
            {
                var k = random.Next(n);
                inputs[k] = inputs[k] with { JobSeekers = random.NextInt64(1, MaxFigure + 1) };
            }

            var budget = random.Next(5) switch
            {
                0 => random.NextInt64(0, 1_000),
                1 => MaxBudgetCents,
                2 => 300_000_000,
                _ => random.NextInt64(0, MaxBudgetCents + 1),
            };

            yield return new AllocationCase(seed, index, inputs, new Money(budget), weights);
        }
#pragma warning restore CA5394
    }
}
