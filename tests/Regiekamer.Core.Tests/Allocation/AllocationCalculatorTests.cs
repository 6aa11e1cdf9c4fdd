using System.Numerics;
using Regiekamer.Core.Allocation;
using Regiekamer.Core.Common;
using Regiekamer.Core.Tests.TestSupport;

namespace Regiekamer.Core.Tests.Allocation;

/// <summary>R13 properties over seeded random inputs, plus the hand-made edge cases.</summary>
public class AllocationCalculatorTests
{
    private const int CasesPerSeed = 250;

    public static TheoryData<int> Seeds => new() { 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 2023, 2025 };

    private static IReadOnlyList<AllocationLineResult> Allocate(IReadOnlyList<AllocationInput> inputs, long budgetCents, AllocationWeights weights)
    {
        var result = AllocationCalculator.Allocate(inputs, new Money(budgetCents), weights);
        Assert.True(result.IsSuccess, result.IsSuccess ? "" : result.Errors[0].Message.En);
        return result.Value!;
    }

    private static IReadOnlyList<AllocationLineResult> Allocate(AllocationCase c)
    {
        var result = AllocationCalculator.Allocate(c.Inputs, c.Budget, c.Weights);
        if (!result.IsSuccess)
        {
            Assert.Fail($"{c.Describe()} failed: {result.Errors[0].Message.En}");
        }

        return result.Value!;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Allocation_SumsExactlyToBudget(int seed)
    {
        foreach (var c in RandomAllocationCases.Generate(seed, CasesPerSeed))
        {
            var lines = Allocate(c);
            Assert.True(lines.Sum(l => l.Total.Cents) == c.Budget.Cents, c.Describe());
            Assert.True(lines.All(l => l.Total.Cents >= 0), c.Describe());
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Allocation_ReturnsOneLinePerInputInInputOrderWithItsFigures(int seed)
    {
        foreach (var c in RandomAllocationCases.Generate(seed, 40))
        {
            var lines = Allocate(c);
            Assert.Equal(c.Inputs.Select(i => (i.Name, i.WorkingAgePopulation, i.JobSeekers)), lines.Select(l => (l.Name, l.WorkingAgePopulation, l.JobSeekers)));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Allocation_MatchesIndependentReferenceToTheCent(int seed)
    {
        foreach (var c in RandomAllocationCases.Generate(seed, CasesPerSeed))
        {
            var lines = Allocate(c);
            var expected = ReferenceAllocation.Allocate(c.AsTuples(), c.Budget.Cents, c.Weights.WorkingAge, c.Weights.JobSeekers, c.Weights.Equal);
            for (int i = 0; i < lines.Count; i++)
            {
                var (actual, want) = (lines[i], expected[i]);
                if (actual.Total.Cents != want.Total || actual.EqualPart.Cents != want.EqualPart
                    || actual.WorkingAgePart.Cents != want.WorkingAgePart || actual.JobSeekerPart.Cents != want.JobSeekerPart)
                {
                    Assert.Fail($"{c.Describe()}\nline {i} '{want.Name}': expected total/equal/working-age/job-seeker "
                        + $"{want.Total}/{want.EqualPart}/{want.WorkingAgePart}/{want.JobSeekerPart} (exact {want.Exact}), got "
                        + $"{actual.Total.Cents}/{actual.EqualPart.Cents}/{actual.WorkingAgePart.Cents}/{actual.JobSeekerPart.Cents}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Allocation_EqualInputsDifferByAtMostOneCentAndTheExtraCentGoesByName(int seed)
    {
        var groupsChecked = 0;
        foreach (var c in RandomAllocationCases.Generate(seed, CasesPerSeed))
        {
            var lines = Allocate(c);
            foreach (var group in lines.GroupBy(l => (l.WorkingAgePopulation, l.JobSeekers)).Where(g => g.Count() > 1))
            {
                groupsChecked++;
                var byName = group.OrderBy(l => l.Name, StringComparer.Ordinal).Select(l => l.Total.Cents).ToList();
                Assert.True(byName.Max() - byName.Min() <= 1, c.Describe());

                // Identical figures have identical remainders, so a cent goes to the ordinal-first names of the group.
                Assert.True(byName.Zip(byName.Skip(1)).All(p => p.First >= p.Second), $"{c.Describe()}\ntie group {group.Key}: {string.Join(",", byName)}");
            }
        }

        Assert.True(groupsChecked > 0, "the generator should produce tied inputs");
    }

    [Fact]
    public void Allocation_TieCentGoesToOrdinalFirstName_NotInputOrderOrCultureOrder()
    {
        // 10 cents over 3 equal partnerships: 3.33… each, 1 cent left. Ordinal: "Zele" (Z=90) < "aalst" (a=97) < "Éeklo".
        AllocationInput[] inputs = [new("aalst", 100, 10), new("Éeklo", 100, 10), new("Zele", 100, 10)];

        var lines = Allocate(inputs, 10, AllocationWeights.Default);

        Assert.Equal([3L, 3L, 4L], lines.Select(l => l.Total.Cents));
    }

    [Fact]
    public void Allocation_TwoLeftoverCentsGoToTheTwoLargestRemainders()
    {
        // 100/0/0 over working age 1, 2, 4 (sum 7) with budget 10 cents: exact 10/7, 20/7, 40/7 = 1.428…, 2.857…, 5.714….
        // Floors 1 + 2 + 5 = 8; the 2 cents left go to the remainders .857 (B) and .714 (C), not .428 (A).
        AllocationInput[] inputs = [new("A", 1, 0), new("B", 2, 0), new("C", 4, 0)];

        var lines = Allocate(inputs, 10, new AllocationWeights(100, 0, 0));

        Assert.Equal([1L, 3L, 6L], lines.Select(l => l.Total.Cents));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Allocation_MoreWorkingAgePopulation_OthersEqual_NeverGetsLess(int seed)
    {
        var pairsChecked = 0;
        foreach (var c in RandomAllocationCases.Generate(seed, CasesPerSeed).Where(c => c.Weights.WorkingAge > 0))
        {
            var lines = Allocate(c);
            foreach (var more in lines)
            {
                foreach (var less in lines.Where(l => l.JobSeekers == more.JobSeekers && l.WorkingAgePopulation < more.WorkingAgePopulation))
                {
                    pairsChecked++;
                    Assert.True(more.Total >= less.Total, $"{c.Describe()}\n{more.Name} ({more.WorkingAgePopulation}) got {more.Total.Cents}, {less.Name} ({less.WorkingAgePopulation}) got {less.Total.Cents}");
                }
            }
        }

        Assert.True(pairsChecked > 0, "the generator should produce pairs that differ only in working-age population");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Allocation_MoreJobSeekers_OthersEqual_NeverGetsLess(int seed)
    {
        foreach (var c in RandomAllocationCases.Generate(seed, CasesPerSeed / 2).Where(c => c.Weights.JobSeekers > 0))
        {
            var lines = Allocate(c);
            foreach (var more in lines)
            {
                foreach (var less in lines.Where(l => l.WorkingAgePopulation == more.WorkingAgePopulation && l.JobSeekers < more.JobSeekers))
                {
                    Assert.True(more.Total >= less.Total, c.Describe());
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Allocation_RaisingOnesWorkingAgePopulation_NeverLowersItsAmountByMoreThanTheRoundingCent(int seed)
    {
        // Its exact share can only grow; largest remainder may move the rounding cent elsewhere (the population paradox), never more.
#pragma warning disable CA5394 // Deterministic test data.
        var random = new Random(seed);
        foreach (var c in RandomAllocationCases.Generate(seed, CasesPerSeed / 2).Where(c => c.Weights.WorkingAge > 0))
        {
            var before = Allocate(c);
            var k = random.Next(c.Inputs.Count);
            var raised = c.Inputs.ToArray();
            raised[k] = raised[k] with { WorkingAgePopulation = raised[k].WorkingAgePopulation + random.NextInt64(1, 100_000) };
            var after = Allocate(raised, c.Budget.Cents, c.Weights);
            Assert.True(after[k].Total.Cents >= before[k].Total.Cents - 1, c.Describe());
        }
#pragma warning restore CA5394
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Allocation_OnlyEqualWeight_SplitsEquallyWithinOneCent(int seed)
    {
        foreach (var c in RandomAllocationCases.Generate(seed, 60))
        {
            var lines = Allocate(c.Inputs, c.Budget.Cents, new AllocationWeights(0, 0, 100));
            var n = c.Inputs.Count;
            var floor = c.Budget.Cents / n;
            Assert.True(lines.All(l => l.Total.Cents == floor || l.Total.Cents == floor + 1), c.Describe());
            Assert.True(lines.All(l => l.WorkingAgePart == Money.Zero && l.JobSeekerPart == Money.Zero), c.Describe());
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Allocation_OnlyWorkingAgeWeight_IsProportionalToWorkingAgeWithinOneCent(int seed)
    {
        foreach (var c in RandomAllocationCases.Generate(seed, 60).Where(c => c.Inputs.Any(i => i.WorkingAgePopulation > 0)))
        {
            var lines = Allocate(c.Inputs, c.Budget.Cents, new AllocationWeights(100, 0, 0));
            BigInteger sumA = c.Inputs.Sum(i => i.WorkingAgePopulation);
            foreach (var l in lines)
            {
                // |total − budget·A/ΣA| < 1 cent  ⇔  |total·ΣA − budget·A| < ΣA
                var gap = BigInteger.Abs((l.Total.Cents * sumA) - (c.Budget.Cents * (BigInteger)l.WorkingAgePopulation));
                Assert.True(gap < sumA, $"{c.Describe()}\n{l.Name}: {l.Total.Cents}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Allocation_OnlyJobSeekerWeight_IsProportionalToJobSeekersWithinOneCent(int seed)
    {
        foreach (var c in RandomAllocationCases.Generate(seed, 60).Where(c => c.Inputs.Any(i => i.JobSeekers > 0)))
        {
            var lines = Allocate(c.Inputs, c.Budget.Cents, new AllocationWeights(0, 100, 0));
            BigInteger sumJ = c.Inputs.Sum(i => i.JobSeekers);
            Assert.True(lines.All(l => BigInteger.Abs((l.Total.Cents * sumJ) - (c.Budget.Cents * (BigInteger)l.JobSeekers)) < sumJ), c.Describe());
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Allocation_DependsOnlyOnTheRatioOfTheWeights(int seed)
    {
        foreach (var c in RandomAllocationCases.Generate(seed, 60))
        {
            var w = c.Weights;
            var scaled = new AllocationWeights(w.WorkingAge * 7, w.JobSeekers * 7, w.Equal * 7);
            Assert.Equal(Allocate(c).Select(l => l.Total), Allocate(c.Inputs, c.Budget.Cents, scaled).Select(l => l.Total));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Allocation_DoesNotDependOnInputOrder(int seed)
    {
#pragma warning disable CA5394 // Deterministic test data.
        var random = new Random(seed);
        foreach (var c in RandomAllocationCases.Generate(seed, 60))
        {
            var shuffled = c.Inputs.ToArray();
            random.Shuffle(shuffled);
            var original = Allocate(c).ToDictionary(l => l.Name, l => l.Total);
            var reordered = Allocate(shuffled, c.Budget.Cents, c.Weights);
            Assert.True(reordered.All(l => original[l.Name] == l.Total), c.Describe());
        }
#pragma warning restore CA5394
    }

    [Fact]
    public void Allocation_EmptyInput_GivesEmptyResult()
    {
        var result = AllocationCalculator.Allocate([], Money.FromEuros(3_000_000), AllocationWeights.Default);

        Assert.True(result.IsSuccess);
        Assert.Empty(result.Value!);
    }

    [Fact]
    public void Allocation_ZeroBudget_GivesEveryoneZero()
    {
        var lines = Allocate([new("A", 5, 1), new("B", 7, 3)], 0, AllocationWeights.Default);

        Assert.All(lines, l => Assert.Equal(Money.Zero, l.Total));
    }

    [Fact]
    public void Allocation_OneBeneficiary_GetsTheWholeBudget()
    {
        var lines = Allocate([new("Gent", 174_053, 7_832)], 300_000_000, AllocationWeights.Default);

        Assert.Equal(300_000_000, Assert.Single(lines).Total.Cents);
    }

    [Fact]
    public void Allocation_LargestBudgetAndFigures_DoNotOverflow()
    {
        var inputs = Enumerable.Range(0, 60).Select(i => new AllocationInput($"P{i:00}", RandomAllocationCases.MaxFigure - i, RandomAllocationCases.MaxFigure)).ToList();

        var lines = Allocate(inputs, RandomAllocationCases.MaxBudgetCents, new AllocationWeights(997, 1, 2));

        Assert.Equal(RandomAllocationCases.MaxBudgetCents, lines.Sum(l => l.Total.Cents));
    }

    [Theory]
    // Equal part: budget·wE/(W·n). 25·40/(100·4) = 2.5 → 2; 35·40/(100·4) = 3.5 → 4; 1/2 = 0.5 → 0; 3/2 = 1.5 → 2.
    [InlineData(25L, 40, 20, 40, 4, 2L)]
    [InlineData(35L, 40, 20, 40, 4, 4L)]
    [InlineData(1L, 0, 0, 100, 2, 0L)]
    [InlineData(3L, 0, 0, 100, 2, 2L)]
    [InlineData(5L, 0, 0, 100, 2, 2L)]
    [InlineData(7L, 0, 0, 100, 2, 4L)]
    public void EqualPart_ExactHalves_RoundToEven(long budgetCents, int wA, int wJ, int wE, int n, long expectedPart)
    {
        var inputs = Enumerable.Range(0, n).Select(i => new AllocationInput($"P{i}", 10, 10)).ToList();

        var lines = Allocate(inputs, budgetCents, new AllocationWeights(wA, wJ, wE));

        Assert.All(lines, l => Assert.Equal(expectedPart, l.EqualPart.Cents));
        Assert.Equal(budgetCents, lines.Sum(l => l.Total.Cents));
    }

    [Fact]
    public void WorkingAgeAndJobSeekerParts_ExactHalves_RoundToEven()
    {
        // Budget 2 cents, working age 1 and 3 (sum 4): 0.5 → 0 and 1.5 → 2. Job seekers 5 and 15 (sum 20) on budget 2: the same halves.
        AllocationInput[] inputs = [new("A", 1, 5), new("B", 3, 15)];

        var byWorkingAge = Allocate(inputs, 2, new AllocationWeights(100, 0, 0));
        var byJobSeekers = Allocate(inputs, 2, new AllocationWeights(0, 100, 0));

        Assert.Equal([0L, 2L], byWorkingAge.Select(l => l.WorkingAgePart.Cents));
        Assert.Equal([0L, 2L], byJobSeekers.Select(l => l.JobSeekerPart.Cents));

        // Totals are rounded by largest remainder, not half-to-even: 0.5 and 1.5 tie on remainder, so "A" (first by name) gets the cent.
        Assert.Equal([1L, 1L], byWorkingAge.Select(l => l.Total.Cents));
    }

    [Fact]
    public void Parts_With40_20_40_ExactHalves_RoundToEven()
    {
        // Budget 5 cents, 40/20/40, A = 1 and 1, J = 1 and 1: working-age part 5·0.4/2 = 1.0, job-seeker part 5·0.2/2 = 0.5 → 0,
        // equal part 5·0.4/2 = 1.0. With budget 15: 3.0, 1.5 → 2, 3.0.
        AllocationInput[] inputs = [new("A", 1, 1), new("B", 1, 1)];

        Assert.All(Allocate(inputs, 5, AllocationWeights.Default), l => Assert.Equal((1L, 0L, 1L), (l.WorkingAgePart.Cents, l.JobSeekerPart.Cents, l.EqualPart.Cents)));
        Assert.All(Allocate(inputs, 15, AllocationWeights.Default), l => Assert.Equal((3L, 2L, 3L), (l.WorkingAgePart.Cents, l.JobSeekerPart.Cents, l.EqualPart.Cents)));
    }

    [Fact]
    public void ZeroWeightCriterion_MayHaveZeroSum()
    {
        var lines = Allocate([new("A", 0, 3), new("B", 0, 1)], 400, new AllocationWeights(0, 50, 50));

        // Job-seeker half 200 split 3:1 = 150/50, equal half 100 each.
        Assert.Equal([250L, 150L], lines.Select(l => l.Total.Cents));
        Assert.All(lines, l => Assert.Equal(Money.Zero, l.WorkingAgePart));
    }

    public static TheoryData<string, AllocationInput[], long, AllocationWeights, string?> InvalidInputs => new()
    {
        { "working age sums to 0 with positive weight", [new("A", 0, 5), new("B", 0, 1)], 100, AllocationWeights.Default, null },
        { "job seekers sum to 0 with positive weight", [new("A", 5, 0), new("B", 1, 0)], 100, AllocationWeights.Default, null },
        { "negative working age", [new("A", -1, 5), new("B", 3, 1)], 100, AllocationWeights.Default, null },
        { "negative job seekers", [new("A", 1, 5), new("B", 3, -1)], 100, AllocationWeights.Default, null },
        { "duplicate name", [new("Zele", 1, 5), new("Zele", 3, 1)], 100, AllocationWeights.Default, null },
        { "negative budget", [new("A", 1, 5)], -1, AllocationWeights.Default, "budget" },
        { "negative weight", [new("A", 1, 5)], 100, new AllocationWeights(-1, 20, 81), "weights" },
        { "weights sum to 0", [new("A", 1, 5)], 100, new AllocationWeights(0, 0, 0), "weights" },
        { "negative budget with empty input", [], -5, AllocationWeights.Default, "budget" },
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public void Allocation_InvalidInput_IsAnR13Error(string why, AllocationInput[] inputs, long budgetCents, AllocationWeights weights, string? field)
    {
        var result = AllocationCalculator.Allocate(inputs, new Money(budgetCents), weights);

        Assert.False(result.IsSuccess, why);
        Assert.Null(result.Value);
        var error = Assert.Single(result.Errors);
        Assert.Equal(Rules.R13, error.Code);
        Assert.StartsWith("R13:", error.Message.Nl, StringComparison.Ordinal);
        Assert.StartsWith("R13:", error.Message.En, StringComparison.Ordinal);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Allocation_DuplicateName_NamesIt()
    {
        var error = AllocationCalculator.Allocate([new("Zele", 1, 5), new("Zele", 3, 1)], new Money(100), AllocationWeights.Default).Errors.Single();

        Assert.Contains("'Zele'", error.Message.Nl, StringComparison.Ordinal);
        Assert.Contains("'Zele'", error.Message.En, StringComparison.Ordinal);
    }
}
