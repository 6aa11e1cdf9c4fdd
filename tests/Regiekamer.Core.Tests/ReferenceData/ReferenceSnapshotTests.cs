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

    /// <summary>
    /// The shipped job seekers are VDAB's (no estimate as a dataset), but on the 2019-2024 set the shares of the 2025
    /// mergers and Herstappe's suppressed value are estimates.
    /// </summary>
    [Fact]
    public void FromShipped_UsesEstimates_BecauseOfTheJobSeekers()
    {
        Assert.True(Snapshot.UsesEstimates);
        Assert.True(Snapshot.JobSeekersEstimated);
        Assert.False(Snapshot.JobSeekersDataset.IsEstimate);
        Assert.Equal((FigureSeries.YearAverage, 2022, ShippedReferenceData.VdabSource), (Snapshot.JobSeekersDataset.Series, Snapshot.JobSeekersDataset.Year, Snapshot.JobSeekersDataset.Source));
        Assert.Equal(ShippedReferenceData.JobSeekerSplitMethod, Snapshot.JobSeekersMethod);
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
    public void FromShipped_JobSeekerEstimates_AreThe28MergedMunicipalitiesAndHerstappe()
    {
        var merged = Snapshot.Municipalities.Where(m => m.Merged2025).Select(m => m.NisCode).ToHashSet();

        Assert.Equal(28, merged.Count);
        Assert.Equal(merged.Append(NisCode.Parse("73028")).Order(), Snapshot.JobSeekerEstimates.Select(e => e.NisCode).Order());
        Assert.All(Snapshot.JobSeekerEstimates, e => Assert.Equal(merged.Contains(e.NisCode) ? EstimateReason.MergerShare : EstimateReason.Suppressed, e.Reason));
        Assert.Null(Snapshot.JobSeekerEstimate(NisCode.Parse("44021"))); // Gent did not merge: VDAB's own figure
        Assert.Equal(11_689, Snapshot.JobSeekers(NisCode.Parse("44021")));

        // Antwerpen + Borsbeek = Antwerpen 2025 (29,207 in 2022), split 333,354 : 6,699 → 28,632 + 575.
        Assert.Equal((28_632L, 575L), (Snapshot.JobSeekers(NisCode.Parse("11002"))!.Value, Snapshot.JobSeekers(NisCode.Parse("11007"))!.Value));
        Assert.Equal(["11002", "11007"], Snapshot.JobSeekerEstimate(NisCode.Parse("11007"))!.MergedWith!.Select(c => c.Value));
    }

    [Theory]
    [InlineData(FigureSeries.YearAverage, 2024, 208_915)]
    [InlineData(FigureSeries.December31, 2022, 173_126)]
    public void FromShipped_TakesAnotherSeriesOrYear_AndItsFlemishTotalStaysWhole(FigureSeries series, int year, long vdabTotal)
    {
        var other = ReferenceSnapshot.FromShipped(jobSeekerSeries: series, jobSeekerYear: year);
        var herstappe = NisCode.Parse("73028");

        Assert.Equal((series, year), (other.JobSeekersDataset.Series!.Value, other.JobSeekersDataset.Year!.Value));
        // The split keeps every merged figure whole; only an estimate for a suppressed value is added.
        var added = other.JobSeekerEstimate(herstappe) is null ? 0 : other.JobSeekers(herstappe)!.Value;
        Assert.Equal(vdabTotal + added, other.Municipalities.Sum(m => other.JobSeekers(m.NisCode)!.Value));
    }

    [Fact]
    public void FromShipped_YearWithoutFigures_IsAnArgumentError()
    {
        Assert.Throws<ArgumentException>(() => ReferenceSnapshot.FromShipped(jobSeekerSeries: FigureSeries.December31, jobSeekerYear: 2014));
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
