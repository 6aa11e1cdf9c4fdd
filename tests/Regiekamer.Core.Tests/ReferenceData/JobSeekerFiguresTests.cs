using System.Numerics;
using Regiekamer.Core.Common;
using Regiekamer.Core.ReferenceData;
using Regiekamer.Core.Tests.TestSupport;

namespace Regiekamer.Core.Tests.ReferenceData;

/// <summary>
/// VDAB's job seekers, on the 2025 municipalities, moved onto the 2019-2024 set and back (<see cref="JobSeekerFigures"/>):
/// on small made-up sets where every number can be checked by hand, and on every series and year of the shipped data.
/// </summary>
public class JobSeekerFiguresTests
{
    private static readonly ShippedReferenceData Data = ShippedReferenceData.Current;

    private static readonly Dictionary<NisCode, long> WorkingAge =
        Data.Datasets.Single(d => d.Kind == DatasetKind.WorkingAgePopulation).Figures.ToDictionary(f => f.NisCode, f => f.Value);

    private static readonly Dictionary<NisCode, string> Names2025 = Data.Municipalities2025.ToDictionary(m => m.NisCode, m => m.Name);

    private static readonly NisCode Herstappe = NisCode.Parse("73028");

    private static readonly string[] CD = ["11003", "11004"];

    private static readonly string[] Suppressed = ["11005", "11006", "11007"];

    public static TheoryData<FigureSeries, int> EveryShippedYear()
    {
        var data = new TheoryData<FigureSeries, int>();
        foreach (var d in Data.Datasets.Where(d => d.Kind == DatasetKind.JobSeekers && d.Series is not null))
        {
            data.Add(d.Series!.Value, d.Year!.Value);
        }

        return data;
    }

    [Theory]
    [InlineData(10, new long[] { 1, 1, 1 }, new long[] { 4, 3, 3 })] // three equal remainders of 1/3: the first gets the unit left
    [InlineData(7, new long[] { 2, 2, 3 }, new long[] { 2, 2, 3 })]
    [InlineData(1070, new long[] { 20_878, 6_292 }, new long[] { 822, 248 })] // Bilzen-Hoeselt 2022: 822.21 and 247.79
    [InlineData(1255, new long[] { 19_666, 6_985 }, new long[] { 926, 329 })] // Tongeren-Borgloon 2022: 926.07 and 328.93
    [InlineData(5, new long[] { 0, 0 }, new long[] { 3, 2 })] // weights of 0 count as equal
    [InlineData(5, new long[] { 0, 7 }, new long[] { 0, 5 })]
    [InlineData(0, new long[] { 3, 9 }, new long[] { 0, 0 })]
    [InlineData(3, new long[] { 5 }, new long[] { 3 })]
    public void Split_FloorsThenLargestRemainders_TiesToTheEarlier(long value, long[] weights, long[] expected)
    {
        Assert.Equal(expected, JobSeekerFigures.Split(value, weights));
    }

    [Fact]
    public void Split_AlwaysAddsUpExactly_AndNoPartIsOffByAUnitOrMore()
    {
        var random = new Random(20_230_415);
        for (var run = 0; run < 5_000; run++)
        {
            var weights = Enumerable.Range(0, random.Next(1, 8)).Select(_ => random.NextInt64(0, 600_000)).ToList();
            var value = random.NextInt64(0, 60_000);

            var parts = JobSeekerFigures.Split(value, weights);

            Assert.Equal(value, parts.Sum());
            var equal = weights.Sum() == 0;
            var total = equal ? weights.Count : weights.Sum();
            for (var i = 0; i < parts.Count; i++)
            {
                // A part is its exact share value·w/W floored, or one more.
                var floor = (long)BigInteger.Divide(new BigInteger(value) * (equal ? 1 : weights[i]), total);
                Assert.InRange(parts[i], floor, floor + 1);
            }
        }
    }

    [Fact]
    public void Split_RejectsNegativeInputAndNothingToSplitOver()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => JobSeekerFigures.Split(-1, [1]));
        Assert.Throws<ArgumentException>(() => JobSeekerFigures.Split(1, []));
        Assert.Throws<ArgumentException>(() => JobSeekerFigures.Split(1, [2, -1]));
    }

    [Theory]
    [InlineData(56, 177_972, 4_170_176, 2)] // 2.39… → 2
    [InlineData(10, 3, 4, 8)] // 7.5 → 8 (half to even)
    [InlineData(10, 5, 4, 12)] // 12.5 → 12 (half to even)
    [InlineData(10, 1, 3, 3)] // 3.33… → 3
    public void RateEstimate_IsWorkingAgeTimesTheRate_HalfToEven(long workingAge, long jobSeekers, long workingAgeTotal, long expected)
    {
        Assert.Equal(expected, JobSeekerFigures.RateEstimate(workingAge, jobSeekers, workingAgeTotal));
    }

    /// <summary>A made-up set: A and B stay themselves, C and D merge into CD (equal working age: a tie), E is suppressed, F and G merge and are suppressed.</summary>
    [Fact]
    public void Disaggregate_SmallSet_ExactWhereUnchanged_SplitWhereMerged_EstimatedWhereSuppressed()
    {
        Municipality M(string code, string name, string successor) => new() { Set = MunicipalitySet.Set2019, NisCode = NisCode.Parse(code), Name = name, SuccessorNisCode = NisCode.Parse(successor) };
        var set2019 = new[]
        {
            M("11001", "A", "11001"), M("11002", "B", "11002"), M("11004", "C", "11900"), M("11003", "D", "11900"),
            M("11005", "E", "11005"), M("11006", "F", "11901"), M("11007", "G", "11901"),
        };
        var workingAge = new Dictionary<NisCode, long>
        {
            [NisCode.Parse("11001")] = 1_000,
            [NisCode.Parse("11002")] = 3_000,
            [NisCode.Parse("11003")] = 500,
            [NisCode.Parse("11004")] = 500,
            [NisCode.Parse("11005")] = 100,
            [NisCode.Parse("11006")] = 300,
            [NisCode.Parse("11007")] = 100,
        };
        var names = new Dictionary<NisCode, string> { [NisCode.Parse("11900")] = "CD", [NisCode.Parse("11901")] = "FG" };
        var figures2025 = new Dictionary<NisCode, long> { [NisCode.Parse("11001")] = 40, [NisCode.Parse("11002")] = 110, [NisCode.Parse("11900")] = 51 };

        var derived = JobSeekerFigures.Disaggregate(set2019, names, figures2025, workingAge);

        var value = derived.Figures.ToDictionary(f => f.NisCode.Value, f => f.Value);
        var why = derived.Estimates.ToDictionary(e => e.NisCode.Value);
        // Unchanged: exactly the source's figure, and no estimate.
        Assert.Equal((40L, 110L), (value["11001"], value["11002"]));
        Assert.False(why.ContainsKey("11001") || why.ContainsKey("11002"));
        // CD's 51 over two equal weights: 25.5 each; the unit left goes to the lower NIS code, D (11003).
        Assert.Equal((26L, 25L), (value["11003"], value["11004"]));
        Assert.All(CD, c =>
        {
            Assert.Equal(EstimateReason.MergerShare, why[c].Reason);
            Assert.Equal(("11900", "CD"), (why[c].Merged2025!.Value.Value, why[c].Merged2025Name));
            Assert.Equal(["11003", "11004"], why[c].MergedWith!.Select(m => m.Value));
        });
        // The rate: (40 + 110 + 51) job seekers over (1000 + 3000 + 500 + 500) working age = 201/5000.
        // E: 100 · 201/5000 = 4.02 → 4; F: 300 · 201/5000 = 12.06 → 12; G: 4.02 → 4; each suppressed.
        Assert.Equal((4L, 12L, 4L), (value["11005"], value["11006"], value["11007"]));
        Assert.All(Suppressed, c => Assert.Equal(EstimateReason.Suppressed, why[c].Reason));
        Assert.Equal(7, derived.Figures.Count);
        Assert.Equal(5, derived.Estimates.Count);

        // Back onto the 2025 set: CD is exact again (its shares add up), the suppressed ones stay estimates.
        var back = JobSeekerFigures.Aggregate(set2019, names, derived.Figures, derived.Estimates);
        var backValue = back.Figures.ToDictionary(f => f.NisCode.Value, f => f.Value);
        Assert.Equal((40L, 110L, 51L, 4L, 16L), (backValue["11001"], backValue["11002"], backValue["11900"], backValue["11005"], backValue["11901"]));
        Assert.Equal(["11005", "11901"], back.Estimates.Select(e => e.NisCode.Value).Order(StringComparer.Ordinal));
        Assert.All(back.Estimates, e => Assert.Equal(EstimateReason.Suppressed, e.Reason));
        Assert.Equal("FG", back.Estimates.Single(e => e.NisCode.Value == "11901").Name);
    }

    [Fact]
    public void Disaggregate_MergedMunicipalityWithoutAWorkingAgeKey_GetsNoFigures()
    {
        var set2019 = new[]
        {
            new Municipality { NisCode = NisCode.Parse("11003"), Name = "C", SuccessorNisCode = NisCode.Parse("11900") },
            new Municipality { NisCode = NisCode.Parse("11004"), Name = "D", SuccessorNisCode = NisCode.Parse("11900") },
        };

        var derived = JobSeekerFigures.Disaggregate(set2019, new Dictionary<NisCode, string>(), new Dictionary<NisCode, long> { [NisCode.Parse("11900")] = 9 }, new Dictionary<NisCode, long> { [NisCode.Parse("11003")] = 5 });

        Assert.Empty(derived.Figures);
        Assert.Empty(derived.Estimates);
    }

    [Theory]
    [MemberData(nameof(EveryShippedYear))]
    public void Disaggregate_ShippedYear_UnchangedMunicipalitiesExact_MergersAddUp_OnlySharesAndSuppressedAreEstimates(FigureSeries series, int year)
    {
        var dataset = Data.JobSeekers(series, year)!;
        var figures2025 = dataset.Figures.ToDictionary(f => f.NisCode, f => f.Value);

        var derived = JobSeekerFigures.Disaggregate(Data.Municipalities2019, Names2025, figures2025, WorkingAge);

        var value = derived.Figures.ToDictionary(f => f.NisCode, f => f.Value);
        var why = derived.Estimates.ToDictionary(e => e.NisCode);
        Assert.Equal(300, value.Count); // every municipality has a figure, suppressed or not
        foreach (var group in Data.Municipalities2019.GroupBy(m => m.SuccessorNisCode!.Value))
        {
            var members = group.OrderBy(m => m.NisCode).ToList();
            if (!figures2025.TryGetValue(group.Key, out var merged))
            {
                // Suppressed: working age × the Flemish rate of the year, computed here on its own.
                var withFigure = Data.Municipalities2019.Where(m => figures2025.ContainsKey(m.SuccessorNisCode!.Value)).ToList();
                var rate = new Fraction(figures2025.Values.Sum(), withFigure.Sum(m => WorkingAge[m.NisCode]));
                Assert.All(members, m =>
                {
                    Assert.Equal((long)(Fraction.Of(WorkingAge[m.NisCode]) * rate).RoundHalfEven(), value[m.NisCode]);
                    Assert.Equal(EstimateReason.Suppressed, why[m.NisCode].Reason);
                });
            }
            else if (members.Count == 1)
            {
                Assert.Equal(merged, value[members[0].NisCode]);
                Assert.False(why.ContainsKey(members[0].NisCode), $"{members[0].Name} did not merge: its figure is the source's own.");
            }
            else
            {
                Assert.Equal(merged, members.Sum(m => value[m.NisCode]));
                var workingAge = members.Sum(m => WorkingAge[m.NisCode]);
                Assert.All(members, m =>
                {
                    // Each share is its exact pro-rata share floored, or one more.
                    var exact = new Fraction(merged * WorkingAge[m.NisCode], workingAge);
                    Assert.InRange(value[m.NisCode], (long)exact.Floor(), (long)exact.Floor() + 1);
                    Assert.Equal(EstimateReason.MergerShare, why[m.NisCode].Reason);
                    Assert.Equal(group.Key, why[m.NisCode].Merged2025);
                    Assert.Equal(members.Select(x => x.NisCode), why[m.NisCode].MergedWith);
                });
            }
        }

        var expectedEstimates = Data.Municipalities2019.Count(m => m.Merged2025) + Data.Municipalities2019.Count(m => !figures2025.ContainsKey(m.SuccessorNisCode!.Value) && !m.Merged2025);
        Assert.Equal(expectedEstimates, derived.Estimates.Count);

        // And back onto the 2025 municipalities: exactly the source's figures where it has one.
        var back = JobSeekerFigures.Aggregate(Data.Municipalities2019, Names2025, derived.Figures, derived.Estimates);
        Assert.All(figures2025, kv => Assert.Equal(kv.Value, back.Figures.Single(f => f.NisCode == kv.Key).Value));
        Assert.Equal(Data.Municipalities2025.Where(m => !figures2025.ContainsKey(m.NisCode)).Select(m => m.NisCode).Order(), back.Estimates.Select(e => e.NisCode).Order());
    }

    [Fact]
    public void Herstappe_SuppressedIn2022_IsItsWorkingAgeTimesTheFlemishRate()
    {
        var dataset = Data.JobSeekers(FigureSeries.YearAverage, 2022)!;
        Assert.DoesNotContain(dataset.Figures, f => f.NisCode == Herstappe);

        var derived = JobSeekerFigures.Disaggregate(Data.Municipalities2019, Names2025, dataset.Figures.ToDictionary(f => f.NisCode, f => f.Value), WorkingAge);

        // 177,972 job seekers in 2022 over the working age of every municipality but Herstappe (4,170,232 - 56 = 4,170,176):
        // 56 · 177,972 / 4,170,176 = 2.39 → 2.
        Assert.Equal(56, WorkingAge[Herstappe]);
        Assert.Equal(2, derived.Figures.Single(f => f.NisCode == Herstappe).Value);
        var estimate = derived.Estimates.Single(e => e.NisCode == Herstappe);
        Assert.Equal((EstimateReason.Suppressed, "Herstappe"), (estimate.Reason, estimate.Name));
        Assert.Contains("afgeschermd", estimate.Describe().Nl, StringComparison.Ordinal);
        Assert.Contains("suppressed", estimate.Describe().En, StringComparison.Ordinal);
    }

    [Fact]
    public void Herstappe_PublishedIn2020_IsExact()
    {
        var dataset = Data.JobSeekers(FigureSeries.YearAverage, 2020)!;

        var derived = JobSeekerFigures.Disaggregate(Data.Municipalities2019, Names2025, dataset.Figures.ToDictionary(f => f.NisCode, f => f.Value), WorkingAge);

        Assert.Equal(4, derived.Figures.Single(f => f.NisCode == Herstappe).Value);
        Assert.DoesNotContain(derived.Estimates, e => e.NisCode == Herstappe);
    }

    [Fact]
    public void MergerShare_DescribesTheMergedMunicipality()
    {
        var estimate = new FigureEstimate(NisCode.Parse("11002"), "Antwerpen", EstimateReason.MergerShare, NisCode.Parse("11002"), "Antwerpen", [NisCode.Parse("11002"), NisCode.Parse("11007")]);

        Assert.Equal("Antwerpen (11002): deel van Antwerpen (11002, fusie 2025), verdeeld naar bevolking op beroepsactieve leeftijd", estimate.Describe().Nl);
        Assert.Equal("Antwerpen (11002): share of Antwerpen (11002, 2025 merger), split by working-age population", estimate.Describe().En);
    }
}
