using Regiekamer.Core.Coverage;
using Regiekamer.Core.Eligibility;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.Tests.TestSupport;

namespace Regiekamer.Core.Tests.Coverage;

public class CoverageCalculatorTests
{
    private static readonly PartnershipFacts[] Partnerships =
    [
        Shipped.CentralCity("Gent"),
        Shipped.Interlocal("Scheldeland", "Hamme", "Hamme", "Laarne", "Wetteren", "Wichelen", "Zele"),
        Shipped.Partnership("Midden-Limburg", PartnershipKind.ProjectAssociation, PartnershipStatus.New, ["Halen", "Leopoldsburg", "Bilzen", "Herk-de-Stad"]),
    ];

    [Fact]
    public void Coverage_CountsKindsSizesAndCoveredShare()
    {
        var report = CoverageCalculator.Compute(Partnerships, Shipped.Snapshot);

        // 1/1/2020: Gent 263,927; Scheldeland 24,946 + 12,361 + 26,021 + 11,649 + 21,338 = 96,315;
        // Midden-Limburg 9,485 + 15,850 + 32,477 + 12,650 = 70,462.
        Assert.Equal(3, report.Partnerships);
        Assert.Equal(1, report.ByKind.Single(k => k.Kind == PartnershipKind.CentralCity).Count);
        Assert.Equal(1, report.ByKind.Single(k => k.Kind == PartnershipKind.InterlocalAssociation).Count);
        Assert.Equal(1, report.ByKind.Single(k => k.Kind == PartnershipKind.ProjectAssociation).Count);
        Assert.Equal(0, report.ByKind.Single(k => k.Kind == PartnershipKind.WelfareAssociation).Count);
        Assert.Equal(6, report.ByKind.Count);
        Assert.Equal(new PartnershipSize("Midden-Limburg", 70_462), report.Smallest);
        Assert.Equal(new PartnershipSize("Gent", 263_927), report.Largest);
        Assert.Equal(263_927 + 96_315 + 70_462, report.CoveredInhabitants);
        Assert.Equal(6_629_143, report.TotalInhabitants);
        Assert.Equal(10, report.CoveredMunicipalities);
        Assert.Equal(300, report.TotalMunicipalities);
        Assert.Equal(430_704m / 6_629_143m, report.InhabitantShare);
        Assert.Equal(10m / 300m, report.MunicipalityShare);
        Assert.Same(Shipped.Snapshot.InhabitantsDataset, report.InhabitantsDataset);
    }

    [Fact]
    public void Coverage_CountsASharedMunicipalityOnce()
    {
        PartnershipFacts[] overlapping = [Shipped.Interlocal("A", "Hamme", "Hamme", "Zele"), Shipped.Interlocal("B", "Zele", "Zele", "Wichelen")];

        var report = CoverageCalculator.Compute(overlapping, Shipped.Snapshot);

        Assert.Equal(3, report.CoveredMunicipalities);
        Assert.Equal(24_946 + 21_338 + 11_649, report.CoveredInhabitants);
    }

    [Fact]
    public void Coverage_OfNoPartnerships_IsZero()
    {
        var report = CoverageCalculator.Compute([], Shipped.Snapshot);

        Assert.Equal(0, report.Partnerships);
        Assert.Null(report.Smallest);
        Assert.Null(report.Largest);
        Assert.Equal(0m, report.InhabitantShare);
        Assert.Equal(0, report.CoveredMunicipalities);
    }

    [Fact]
    public void Coverage2020_IsThePressReleaseFigures()
    {
        Assert.Equal((37, 238, 300, 0.89m), (Coverage2020.Partnerships, Coverage2020.Municipalities, Coverage2020.OfMunicipalities, Coverage2020.PopulationShare));
    }
}
