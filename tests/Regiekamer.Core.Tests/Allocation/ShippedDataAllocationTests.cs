using Regiekamer.Core.Allocation;
using Regiekamer.Core.Common;
using Regiekamer.Core.Eligibility;
using Regiekamer.Core.Tests.TestSupport;

namespace Regiekamer.Core.Tests.Allocation;

/// <summary>
/// A worked R13 example on the real shipped figures: EUR 3,000,000 at 40/20/40 over three partnerships.
///
/// Working age 15-64 on 1/1/2017 (flanders_population_2017-01-01_agegroups_300.csv, column pop_15_64) and the job-seeker
/// estimate 4.5% of it, half to even:
///   Gent              = Gent 174,053 (J 7,832.385 → 7,832)
///   Scheldeland       = Hamme 15,680 (705.6 → 706) + Laarne 7,965 (358.425 → 358) + Wetteren 16,147 (726.615 → 727)
///                       + Wichelen 7,543 (339.435 → 339) + Zele 13,459 (605.655 → 606) = A 60,794, J 2,736
///   Zuid-Oost Limburg = Bilzen 20,878 (939.51 → 940) + Tongeren 19,666 (884.97 → 885) + Riemst 10,549 (474.705 → 475)
///                       + Voeren 2,676 (120.42 → 120) = A 53,769, J 2,420
///   ΣA = 288,616, ΣJ = 12,988, n = 3, budget b = 300,000,000 cents.
///
/// Exact totals b·(0.4·A/ΣA + 0.2·J/ΣJ + 0.4/3), common denominator 117,142,019:
///   Gent              17,401,258,085,000,000 / 117,142,019 = 148,548,387.961…
///   Scheldeland        9,127,252,610,000,000 / 117,142,019 =  77,916,128.541…
///   Zuid-Oost Limburg  8,614,095,005,000,000 / 117,142,019 =  73,535,483.497…
/// Floors add up to 299,999,998: the 2 cents left go to the largest remainders, .961 (Gent) and .541 (Scheldeland).
/// Parts (half to even): working age 72,367,298 / 25,276,769 / 22,355,933; job seekers 36,181,090 / 12,639,359 / 11,179,550;
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
            [new AllocationInput("Gent", 174_053, 7_832), new AllocationInput("Scheldeland", 60_794, 2_736), new AllocationInput("Zuid-Oost Limburg", 53_769, 2_420)],
            inputs.Value!);
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

        Assert.Equal([148_548_388L, 77_916_129L, 73_535_483L], lines.Select(l => l.Total.Cents));
        Assert.Equal(["1.485.483,88", "779.161,29", "735.354,83"], lines.Select(l => l.Total.ToDisplayString(Formats.Dutch)));
        Assert.Equal([72_367_298L, 25_276_769L, 22_355_933L], lines.Select(l => l.WorkingAgePart.Cents));
        Assert.Equal([36_181_090L, 12_639_359L, 11_179_550L], lines.Select(l => l.JobSeekerPart.Cents));
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
