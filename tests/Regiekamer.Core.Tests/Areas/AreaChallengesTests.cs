using System.Globalization;
using CsCheck;
using Regiekamer.Core.Areas;
using Regiekamer.Core.Common;
using Regiekamer.Core.ReferenceData;
using Regiekamer.Core.Tests.TestSupport;

namespace Regiekamer.Core.Tests.Areas;

/// <summary>Issue 10, point 3: an area's figures next to Flanders', from the shipped files (values read from the CSVs).</summary>
public class AreaChallengesTests
{
    private static readonly AgeGroupFigures Ages2019 = AgeGroupFigures.Shipped(MunicipalitySet.Set2019);

    private static AreaChallengesReport Of(params string[] names) => AreaChallenges.Compute(names.Select(Shipped.Code), Shipped.Snapshot, Ages2019);

    [Fact]
    public void Gent_HasItsOwnFigures_WithSourcesAndDates()
    {
        var gent = Of("Gent");

        var inhabitants = gent.Of(AreaFigureKind.Inhabitants);
        Assert.Equal(Shipped.Inhabitants("Gent"), inhabitants.Value);
        Assert.Equal(6_629_143, inhabitants.FlemishValue);
        Assert.Equal(new DateOnly(2020, 1, 1), inhabitants.ReferenceDate);
        Assert.Equal("Statbel, 1/1/2020", inhabitants.Citation.Nl);

        // flanders_population_2017-01-01_agegroups_300.csv: Gent 15-64 174,053, 65+ 42,761, total 259,083.
        var workingAge = gent.Of(AreaFigureKind.WorkingAge);
        Assert.Equal(174_053, workingAge.Value);
        Assert.Equal(new Share(174_053, 259_083), workingAge.Share);
        Assert.Equal(new Share(4_170_232, 6_516_011), workingAge.FlemishShare);
        var aged65 = gent.Of(AreaFigureKind.Aged65Plus);
        Assert.Equal((42_761L, 1_287_035L), (aged65.Value, aged65.FlemishValue));
        Assert.Equal(new Share(42_761, 259_083), aged65.Share);
        Assert.Equal("16,5%", aged65.Share!.Value.Percent(Formats.Dutch));
        Assert.Equal("19.8%", aged65.FlemishShare!.Value.Percent(Formats.English));
        Assert.Equal(new DateOnly(2017, 1, 1), aged65.ReferenceDate);

        // Gent did not merge in 2025: VDAB's year average 2022 (flanders_job_seekers_wzw_2014-2024_285.csv) is its own.
        var jobSeekers = gent.Of(AreaFigureKind.JobSeekers);
        Assert.Equal(11_689, jobSeekers.Value);
        Assert.False(jobSeekers.IsEstimate);
        Assert.Empty(jobSeekers.Estimates);
        Assert.Equal(new Share(11_689, 174_053), jobSeekers.Share);
        Assert.Contains("jaargemiddelde 2022", jobSeekers.Citation.Nl, StringComparison.Ordinal);
    }

    /// <summary>Antwerpen absorbed Borsbeek in 2025: alone its job seekers are a share of the merged figure, an estimate; with Borsbeek they are VDAB's exactly.</summary>
    [Fact]
    public void PartOfA2025Merger_IsAnEstimate_TheWholeMergerIsExact()
    {
        var alone = Of("Antwerpen").Of(AreaFigureKind.JobSeekers);
        Assert.True(alone.IsEstimate);
        var estimate = Assert.Single(alone.Estimates);
        Assert.Equal((EstimateReason.MergerShare, NisCode.Parse("11002")), (estimate.Reason, estimate.Merged2025));

        var borsbeek = Of("Borsbeek").Of(AreaFigureKind.JobSeekers);
        var whole = Of("Antwerpen", "Borsbeek").Of(AreaFigureKind.JobSeekers);
        Assert.False(whole.IsEstimate);
        Assert.Empty(whole.Estimates);
        Assert.Equal(29_207, whole.Value);
        Assert.Equal(whole.Value, alone.Value + borsbeek.Value);

        // Split by working-age population (333,354 and 6,699), largest remainder: Antwerpen's part is the floor or one more.
        var floor = 29_207L * 333_354 / (333_354 + 6_699);
        Assert.InRange(alone.Value, floor, floor + 1);
    }

    /// <summary>Flanders' job seekers on the 2019-2024 set: every merger whole, so only Herstappe's suppressed 2022 value is estimated.</summary>
    [Fact]
    public void FlemishJobSeekers_AreVdabsTotal_PlusHerstappesEstimate()
    {
        var figure = Of("Gent").Of(AreaFigureKind.JobSeekers);
        var herstappe = Assert.Single(figure.FlemishEstimates);
        Assert.Equal((EstimateReason.Suppressed, "Herstappe"), (herstappe.Reason, herstappe.Name));
        Assert.Equal(177_972 + Shipped.Snapshot.JobSeekers(Shipped.Code("Herstappe"))!.Value, figure.FlemishValue);
        Assert.Equal(ShippedReferenceData.JobSeekerSplitMethod, Of("Gent").JobSeekersMethod);
    }

    [Fact]
    public void AgeGroupsOn2025_AreTheSumsOfThePredecessors()
    {
        var ages = AgeGroupFigures.Shipped(MunicipalitySet.Set2025);
        Assert.Equal(285, ages.Counts.Count);
        var merelbekeMelle = ages.Counts[NisCode.Parse("44088")];
        Assert.Equal(new AgeGroupCounts(612 + 1_206, 1_317 + 2_683, 7_165 + 15_842, 2_227 + 4_812, 11_321 + 24_543), merelbekeMelle);
        Assert.Equal(1_287_035, ages.Counts.Values.Sum(a => a.Age65Plus));
        Assert.Throws<ArgumentException>(() => AreaChallenges.Compute([], Shipped.Snapshot, ages));
    }

    /// <summary>Any area and the rest of Flanders add up to Flanders, figure by figure, in whole numbers.</summary>
    [Fact]
    public void AreaAndTheRest_AddUpToFlanders()
    {
        var codes = Shipped.Snapshot.Municipalities.Select(m => m.NisCode).ToArray();
        Gen.Int[0, codes.Length - 1].HashSet[1, 40].Sample(picked =>
        {
            var area = picked.Select(i => codes[i]).ToList();
            var rest = codes.Except(area).ToList();
            var a = AreaChallenges.Compute(area, Shipped.Snapshot, Ages2019);
            var r = AreaChallenges.Compute(rest, Shipped.Snapshot, Ages2019);
            Assert.Equal(area.Count, a.Municipalities);
            foreach (var kind in Enum.GetValues<AreaFigureKind>())
            {
                Assert.Equal(a.Of(kind).FlemishValue, a.Of(kind).Value + r.Of(kind).Value);
                Assert.Empty(a.Of(kind).Missing);
            }

            Assert.Equal(6_516_011, a.Of(AreaFigureKind.Aged65Plus).Share!.Value.Whole + r.Of(AreaFigureKind.Aged65Plus).Share!.Value.Whole);
        });
    }

    [Theory]
    [InlineData(1, 8, 125, "12,5%")]
    [InlineData(1, 3, 333, "33,3%")]
    [InlineData(1, 2000, 0, "0,0%")] // 0.5 per mille: half to even
    [InlineData(3, 2000, 2, "0,2%")] // 1.5 per mille
    [InlineData(5, 0, null, "–")]
    public void Share_IsRoundedOnlyForDisplay_HalfToEven(long part, long whole, int? perMille, string shown)
    {
        var share = new Share(part, whole);
        Assert.Equal(perMille, share.PerMille);
        Assert.Equal(shown, share.Percent(CultureInfo.GetCultureInfo("nl-BE")));
    }
}
