using Regiekamer.Core.Common;
using Regiekamer.Core.ReferenceData;
using Regiekamer.Core.Tests.TestSupport;

namespace Regiekamer.Core.Tests.ReferenceData;

public class ReferenceSnapshotTests
{
    private static ReferenceSnapshot Snapshot => Shipped.Snapshot;

    [Fact]
    public void FromShipped_Has300Municipalities_WithAllFigures()
    {
        Assert.Equal(MunicipalitySet.Set2019, Snapshot.Set);
        Assert.Equal(300, Snapshot.Municipalities.Count);
        Assert.All(Snapshot.Municipalities, m =>
        {
            Assert.NotNull(Snapshot.Inhabitants(m.NisCode));
            Assert.NotNull(Snapshot.WorkingAge(m.NisCode));
            Assert.NotNull(Snapshot.JobSeekers(m.NisCode));
            Assert.NotNull(Snapshot.Region(m.NisCode));
        });
        Assert.Equal(6_629_143, Snapshot.Municipalities.Sum(m => Snapshot.Inhabitants(m.NisCode)!.Value));
        Assert.Equal(4_170_232, Snapshot.Municipalities.Sum(m => Snapshot.WorkingAge(m.NisCode)!.Value));
        Assert.Equal(15, Snapshot.Municipalities.Select(m => Snapshot.Region(m.NisCode)!.RegionCode).Distinct().Count());
    }

    [Fact]
    public void FromShipped_UsesEstimates_BecauseOfTheJobSeekers()
    {
        Assert.True(Snapshot.UsesEstimates);
        Assert.True(Snapshot.JobSeekersDataset.IsEstimate);
        Assert.False(Snapshot.InhabitantsDataset.IsEstimate);
        Assert.Equal("Statbel, 1/1/2020", Snapshot.InhabitantsDataset.Citation.Nl);
        Assert.Equal("Statbel, 1/1/2020", Snapshot.EligibilityContext(new DateOnly(2023, 1, 15)).InhabitantsCitation.En);
    }

    [Fact]
    public void FromShipped_DefaultsToThe2022RegionVersion_AndCanTakeThe2024One()
    {
        var zwijndrecht = NisCode.Parse("11056");
        var v2024 = ReferenceSnapshot.FromShipped(regionVersion: new DateOnly(2024, 2, 8));

        Assert.Equal(("REFREG01", "Regio Antwerpen"), (Snapshot.Region(zwijndrecht)!.RegionCode, Snapshot.Region(zwijndrecht)!.RegionName));
        Assert.Equal(("REFREG14", "Waasland"), (v2024.Region(zwijndrecht)!.RegionCode, v2024.Region(zwijndrecht)!.RegionName));
        Assert.Equal(new DateOnly(2022, 2, 17), Snapshot.RegionDataset.ReferenceDate);
        Assert.Equal(new DateOnly(2024, 2, 8), v2024.RegionDataset.ReferenceDate);
    }

    [Fact]
    public void FromShipped_On2025Set_IsNotSupported()
    {
        Assert.Throws<NotSupportedException>(() => ReferenceSnapshot.FromShipped(MunicipalitySet.Set2025));
    }

    [Theory]
    [InlineData("Gent")]
    [InlineData("gent")]
    [InlineData("GENT")]
    [InlineData("Gént")]
    [InlineData("  gEnT ")]
    [InlineData("44021")]
    public void Find_ByNameIgnoresCaseAndAccents_OrTakesANisCode(string query)
    {
        Assert.Equal("44021", Snapshot.Find(query)?.NisCode.Value);
    }

    [Theory]
    [InlineData("Sînt-Niklàas", "46021")]
    [InlineData("SINT-NIKLAAS", "46021")]
    [InlineData("herk-de-stad", "71024")]
    public void Find_HyphenatedNames(string query, string expected)
    {
        Assert.Equal(expected, Snapshot.Find(query)?.NisCode.Value);
    }

    [Theory]
    [InlineData("Brussel")]
    [InlineData("Sint Niklaas")]
    [InlineData("99999")]
    [InlineData("")]
    public void Find_UnknownName_IsNull(string query)
    {
        Assert.Null(Snapshot.Find(query));
    }

    [Fact]
    public void Facts_CarryNameCentralCityRegionAndInhabitants()
    {
        var gent = Snapshot.Facts[NisCode.Parse("44021")];

        Assert.Equal(("Gent", true, "REFREG13", "Regio Gent", 263_927L), (gent.Name, gent.IsCentralCity, gent.RegionCode, gent.RegionName, gent.Inhabitants));
        Assert.Equal(300, Snapshot.Facts.Count);
        Assert.Equal(13, Snapshot.Facts.Values.Count(f => f.IsCentralCity));
    }

    [Fact]
    public void WithFigures_ReplacesOnlyTheGivenDataset()
    {
        var gent = NisCode.Parse("44021");
        var imported = new ReferenceDataset { Kind = DatasetKind.JobSeekers, Title = "VDAB", Source = "VDAB", ReferenceDate = new DateOnly(2022, 12, 31) };

        var replaced = Snapshot.WithFigures(jobSeekers: (imported, [new MunicipalityFigure { NisCode = gent, Value = 12_345 }]));

        Assert.Equal(12_345, replaced.JobSeekers(gent));
        Assert.Null(replaced.JobSeekers(NisCode.Parse("11002")));
        Assert.Equal(Snapshot.WorkingAge(gent), replaced.WorkingAge(gent));
        Assert.Equal(Snapshot.Inhabitants(gent), replaced.Inhabitants(gent));
        Assert.False(replaced.UsesEstimates);
        Assert.NotEqual(12_345, Snapshot.JobSeekers(gent));
    }
}
