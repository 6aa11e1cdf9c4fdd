using Regiekamer.Core.Allocation;
using Regiekamer.Core.Common;
using Regiekamer.Core.Eligibility;
using Regiekamer.Core.ReferenceData;
using Regiekamer.Core.Tests.TestSupport;

namespace Regiekamer.Core.Tests.Allocation;

/// <summary>
/// A worked R13 example on the real shipped figures: EUR 3,000,000 at 40/20/40 over three partnerships.
///
/// Working age 15-64 on 1/1/2017 (flanders_population_2017-01-01_agegroups_300.csv, column pop_15_64) and job seekers
/// VDAB year average 2022 (flanders_job_seekers_wzw_2014-2024_285.csv, column wzw_year_average_2022, on the 2025
/// municipalities), the 2023-2025 call's choice:
///   Gent              = Gent A 174,053, J 11,689 (did not merge: VDAB's figure)
///   Scheldeland       = Hamme 15,680 (J 591) + Laarne 7,965 (209) + Wetteren 16,147 (661) + Wichelen 7,543 (240)
///                       + Zele 13,459 (531) = A 60,794, J 2,232 (none merged: VDAB's figures)
///   Zuid-Oost Limburg = Bilzen 20,878 + Tongeren 19,666 + Riemst 10,549 (J 369) + Voeren 2,676 (J 88) = A 53,769.
///                       Bilzen merged with Hoeselt (6,292) into Bilzen-Hoeselt, 1,070 job seekers: Bilzen's share
///                       1,070 × 20,878 / 27,170 = 822.21 → 822 (Hoeselt 247.79 takes the unit left: 248);
///                       Tongeren merged with Borgloon (6,985) into Tongeren-Borgloon, 1,255: Tongeren's share
///                       1,255 × 19,666 / 26,651 = 926.07 → 926 (Borgloon 328.93 → 329). J = 822 + 926 + 369 + 88 = 2,205,
///                       of which Bilzen's and Tongeren's parts are estimates.
///   ΣA = 288,616, ΣJ = 16,126, n = 3, budget b = 300,000,000 cents.
///
/// Exact totals b·(0.4·A/ΣA + 0.2·J/ΣJ + 0.4/3), common denominator 290,888,851:
///   Gent              45,337,515,715,000,000 / 290,888,851 = 155,858,554.080…
///   Scheldeland       21,404,000,290,000,000 / 290,888,851 =  73,581,370.397…
///   Zuid-Oost Limburg 20,525,139,295,000,000 / 290,888,851 =  70,560,075.521…
/// Floors add up to 299,999,999: the cent left goes to the largest remainder, .521 (Zuid-Oost Limburg).
/// Parts (half to even): working age 72,367,298 / 25,276,769 / 22,355,933; job seekers 43,491,256 / 8,304,601 / 8,204,142;
/// equal 40,000,000 each.
/// </summary>
public class ShippedDataAllocationTests
{
    private static readonly PartnershipFacts[] Partnerships =
    [
        Shipped.CentralCity("Gent"),
        Shipped.Interlocal("Scheldeland", "Hamme", "Hamme", "Laarne", "Wetteren", "Wichelen", "Zele"),
        Shipped.Interlocal("Zuid-Oost Limburg", "Bilzen", "Bilzen", "Tongeren", "Riemst", "Voeren"),
    ];

    [Fact]
    public void AllocationInputs_SumTheMembersShippedFigures()
    {
        var inputs = AllocationInputs.From(Partnerships, Shipped.Snapshot);

        Assert.True(inputs.IsSuccess);
        Assert.Equal(
            [("Gent", 174_053L, 11_689L), ("Scheldeland", 60_794L, 2_232L), ("Zuid-Oost Limburg", 53_769L, 2_205L)],
            inputs.Value!.Select(i => (i.Name, i.WorkingAgePopulation, i.JobSeekers)));
        Assert.Equal([false, false, true], inputs.Value!.Select(i => i.JobSeekersEstimated));
        var estimated = inputs.Value![2].JobSeekerEstimates!;
        Assert.Equal([("73006", "73110"), ("73083", "73111")], estimated.Select(e => (e.NisCode.Value, e.Merged2025!.Value.Value)));
        Assert.All(estimated, e => Assert.Equal(EstimateReason.MergerShare, e.Reason));
    }

    /// <summary>A partnership with every municipality of a merger holds its figure exactly: 822 + 248 = 1,070 for Bilzen and Hoeselt.</summary>
    [Fact]
    public void AllocationInputs_WholeMerger_IsExact_PartOfOne_IsAnEstimate()
    {
        var whole = Shipped.Interlocal("Bilzen-Hoeselt", "Bilzen", "Bilzen", "Hoeselt", "Riemst");
        var part = Shipped.Interlocal("Hoeselt-Riemst", "Riemst", "Hoeselt", "Riemst");
        var antwerpen = Shipped.CentralCity("Antwerpen"); // without Borsbeek

        var inputs = AllocationInputs.From([whole, part, antwerpen], Shipped.Snapshot).Value!;

        Assert.Equal((1_070L + 369L, false), (inputs[0].JobSeekers, inputs[0].JobSeekersEstimated));
        Assert.Equal((248L + 369L, true), (inputs[1].JobSeekers, inputs[1].JobSeekersEstimated));
        Assert.Equal("73032", Assert.Single(inputs[1].JobSeekerEstimates!).NisCode.Value);
        Assert.Equal((28_632L, true), (inputs[2].JobSeekers, inputs[2].JobSeekersEstimated));

        // The lines carry it through the allocation.
        var lines = AllocationCalculator.Allocate(inputs, Money.FromEuros(3_000_000), AllocationWeights.Default).Value!;
        Assert.Equal([false, true, true], lines.Select(l => l.JobSeekersEstimated));
        Assert.Same(inputs[1].JobSeekerEstimates, lines[1].JobSeekerEstimates);
    }

    [Fact]
    public void AllocationInputs_Herstappe_IsAnEstimateEvenAlone()
    {
        var input = AllocationInputs.From([Shipped.Interlocal("Haspengouw", "Tongeren", "Herstappe", "Riemst")], Shipped.Snapshot).Value!.Single();

        Assert.Equal(2L + 369L, input.JobSeekers);
        Assert.Equal(EstimateReason.Suppressed, Assert.Single(input.JobSeekerEstimates!).Reason);
    }

    [Fact]
    public void AllocationInputs_MemberWithoutFigures_IsAnR13ErrorNamingItTheDatasetAndThePartnership()
    {
        var lost = new PartnershipFacts("Met Brussel", Partnerships[1].Kind, Partnerships[1].Status, [Shipped.Code("Hamme"), NisCode.Parse("21004")], null, null);

        var inputs = AllocationInputs.From([lost], Shipped.Snapshot);

        Assert.False(inputs.IsSuccess);
        Assert.Equal(2, inputs.Errors.Count); // working age and job seekers
        Assert.All(inputs.Errors, e =>
        {
            Assert.Equal(Rules.R13, e.Code);
            Assert.Contains("21004", e.Message.Nl, StringComparison.Ordinal);
            Assert.Contains("(Met Brussel)", e.Message.En, StringComparison.Ordinal);
        });
        Assert.Contains(Shipped.Snapshot.WorkingAgeDataset.Title, inputs.Errors[0].Message.Nl, StringComparison.Ordinal);
        Assert.Contains(Shipped.Snapshot.JobSeekersDataset.Title, inputs.Errors[1].Message.Nl, StringComparison.Ordinal);
    }

    [Fact]
    public void Allocation_ThreeMillionOverThreeRealPartnerships_MatchesTheWorkedExample()
    {
        var inputs = AllocationInputs.From(Partnerships, Shipped.Snapshot).Value!;

        var lines = AllocationCalculator.Allocate(inputs, Money.FromEuros(3_000_000), AllocationWeights.Default).Value!;

        Assert.Equal([155_858_554L, 73_581_370L, 70_560_076L], lines.Select(l => l.Total.Cents));
        Assert.Equal(["1.558.585,54", "735.813,70", "705.600,76"], lines.Select(l => l.Total.ToDisplayString(Formats.Dutch)));
        Assert.Equal([72_367_298L, 25_276_769L, 22_355_933L], lines.Select(l => l.WorkingAgePart.Cents));
        Assert.Equal([43_491_256L, 8_304_601L, 8_204_142L], lines.Select(l => l.JobSeekerPart.Cents));
        Assert.All(lines, l => Assert.Equal(40_000_000L, l.EqualPart.Cents));
        Assert.Equal(300_000_000L, lines.Sum(l => l.Total.Cents));
    }

    [Fact]
    public void Allocation_ThreeRealPartnerships_AgreesWithTheReferenceImplementation()
    {
        var inputs = AllocationInputs.From(Partnerships, Shipped.Snapshot).Value!;

        var lines = AllocationCalculator.Allocate(inputs, Money.FromEuros(3_000_000), AllocationWeights.Default).Value!;
        var reference = ReferenceAllocation.Allocate(inputs.Select(i => (i.Name, i.WorkingAgePopulation, i.JobSeekers)).ToList(), 300_000_000, 40, 20, 40);

        Assert.Equal(reference.Select(r => r.Total), lines.Select(l => l.Total.Cents));
    }
}
