using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;
using Regiekamer.Core.Tests.TestSupport;

namespace Regiekamer.Core.Tests.Partnerships;

public class MergerMappingTests
{
    private static IReadOnlyList<MappedMember> To2025(params string[] members2019) => MergerMapping.To2025(
        members2019.Select(Shipped.Code),
        ShippedReferenceData.Current.Municipalities2019,
        ShippedReferenceData.Current.Municipalities2025);

    private static string[] Names(IEnumerable<Municipality> municipalities) => municipalities.Select(m => m.Name).ToArray();

    [Fact]
    public void BorsbeekWithoutAntwerpen_ShowsAntwerpenAsAlsoMergedIn()
    {
        var mapped = To2025("Borsbeek", "Wommelgem", "Ranst");

        Assert.Equal(["Antwerpen", "Ranst", "Wommelgem"], mapped.Select(m => m.Municipality2025.Name));
        var antwerpen = mapped[0];
        Assert.Equal("11002", antwerpen.Municipality2025.NisCode.Value);
        Assert.Equal(["Borsbeek"], Names(antwerpen.FromMembers));
        Assert.Equal(["Antwerpen"], Names(antwerpen.AlsoMergedIn));
        Assert.All(mapped.Skip(1), m => Assert.Empty(m.AlsoMergedIn));
    }

    [Fact]
    public void AllPartsOfAMergerInThePartnership_GiveOneMemberWithNothingElseMergedIn()
    {
        var mapped = To2025("Beveren", "Kruibeke", "Zwijndrecht", "Sint-Niklaas");

        Assert.Equal(["Beveren-Kruibeke-Zwijndrecht", "Sint-Niklaas"], mapped.Select(m => m.Municipality2025.Name));
        Assert.Equal("46030", mapped[0].Municipality2025.NisCode.Value);
        Assert.Equal(["Beveren", "Kruibeke", "Zwijndrecht"], Names(mapped[0].FromMembers));
        Assert.Empty(mapped[0].AlsoMergedIn);
    }

    [Fact]
    public void PartOfAMerger_ListsEveryOtherPredecessorThatWasNotAMember()
    {
        var mapped = Assert.Single(To2025("Galmaarden"));

        Assert.Equal("Pajottegem", mapped.Municipality2025.Name);
        Assert.Equal(["Galmaarden"], Names(mapped.FromMembers));
        Assert.Equal(["Gooik", "Herne"], Names(mapped.AlsoMergedIn));
    }

    [Fact]
    public void UnmergedMunicipalities_MapToThemselves()
    {
        var mapped = To2025("Hamme", "Zele", "Hamme");

        Assert.Equal(["Hamme", "Zele"], mapped.Select(m => m.Municipality2025.Name));
        Assert.All(mapped, m =>
        {
            Assert.Equal(m.Municipality2025.NisCode, Assert.Single(m.FromMembers).NisCode);
            Assert.Empty(m.AlsoMergedIn);
        });
    }
}
