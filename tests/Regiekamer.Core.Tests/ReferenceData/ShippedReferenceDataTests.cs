using System.Globalization;
using Regiekamer.Core.Common;
using Regiekamer.Core.ReferenceData;
using Regiekamer.Core.Tests.TestSupport;

namespace Regiekamer.Core.Tests.ReferenceData;

/// <summary>The embedded real data against the counts and totals in shared/data/SOURCES.md.</summary>
public class ShippedReferenceDataTests
{
    private static readonly ShippedReferenceData Data = ShippedReferenceData.Current;

    private static readonly string[] CentralCities =
        ["Aalst", "Antwerpen", "Brugge", "Genk", "Gent", "Hasselt", "Kortrijk", "Leuven", "Mechelen", "Oostende", "Roeselare", "Sint-Niklaas", "Turnhout"];

    private static readonly List<Dictionary<string, string>> VdabFile = ReadCsv(Embedded("flanders_job_seekers_wzw_2014-2024_285.csv"));

    private static string Embedded(string file) => Path.Combine(Repository(), "src", "Regiekamer.Core", "ReferenceData", "Data", file);

    private static string Shared(string file) => Path.Combine(Repository(), "..", "shared", "data", file);

    private static string Repository()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Regiekamer.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Regiekamer.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A plain reading of the CSV (no quoted fields in this file), independent of the code under test.</summary>
    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return lines.Skip(1).Where(l => l.Length > 0).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal)).ToList();
    }

    private static ShippedDataset Regions(MunicipalitySet set, DateOnly version) =>
        Data.Datasets.Single(d => d.Kind == DatasetKind.ReferenceRegions && d.Set == set && d.ReferenceDate == version);

    [Fact]
    public void MunicipalitySets_Have300And285Municipalities_WithUniqueCodes()
    {
        Assert.Equal(300, Data.Municipalities2019.Count);
        Assert.Equal(285, Data.Municipalities2025.Count);
        Assert.Equal(300, Data.Municipalities2019.Select(m => m.NisCode).Distinct().Count());
        Assert.Equal(285, Data.Municipalities2025.Select(m => m.NisCode).Distinct().Count());
        Assert.All(Data.Municipalities2019, m => Assert.Equal(MunicipalitySet.Set2019, m.Set));
        Assert.All(Data.Municipalities2025, m => Assert.Equal(MunicipalitySet.Set2025, m.Set));
    }

    [Fact]
    public void CentralCities_AreTheThirteenInEachSet()
    {
        Assert.Equal(CentralCities, Data.Municipalities2019.Where(m => m.IsCentralCity).Select(m => m.Name).Order(StringComparer.Ordinal));
        Assert.Equal(CentralCities, Data.Municipalities2025.Where(m => m.IsCentralCity).Select(m => m.Name).Order(StringComparer.Ordinal));

        // Hasselt absorbed Kortessem and has a new code from 2025.
        Assert.Equal("71022", Data.Municipalities2019.Single(m => m.Name == "Hasselt").NisCode.Value);
        Assert.Equal("71072", Data.Municipalities2025.Single(m => m.Name == "Hasselt").NisCode.Value);
    }

    [Fact]
    public void ReferenceRegions_AreFifteen()
    {
        Assert.Equal(15, Data.Regions.Count);
        Assert.Equal(Enumerable.Range(1, 15).Select(i => $"REFREG{i:00}"), Data.Regions.Select(r => r.Code).Order(StringComparer.Ordinal));
        Assert.Equal(["Antwerpen", "Limburg", "Oost-Vlaanderen", "Vlaams-Brabant", "West-Vlaanderen"], Data.Regions.Select(r => r.ProvinceName).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryMunicipalityOf2019_HasASuccessorIn2025()
    {
        var codes2025 = Data.Municipalities2025.Select(m => m.NisCode).ToHashSet();

        Assert.All(Data.Municipalities2019, m => Assert.Contains(m.SuccessorNisCode!.Value, codes2025));
        Assert.Equal(codes2025.Order(), Data.Municipalities2019.Select(m => m.SuccessorNisCode!.Value).Distinct().Order());
    }

    [Fact]
    public void Mergers_300Minus28Plus13Is285()
    {
        var merged = Data.Municipalities2019.Where(m => m.Merged2025).ToList();
        var resulting = merged.Select(m => m.SuccessorNisCode!.Value).Distinct().ToList();
        var unchanged = Data.Municipalities2019.Where(m => !m.Merged2025).ToList();

        Assert.Equal(28, merged.Count);
        Assert.Equal(13, resulting.Count);
        Assert.Equal(285, Data.Municipalities2019.Count - merged.Count + resulting.Count);
        Assert.All(unchanged, m => Assert.Equal(m.NisCode, m.SuccessorNisCode));
        Assert.Equal(resulting.Order(), Data.Municipalities2025.Where(m => m.Merged2025).Select(m => m.NisCode).Order());
        Assert.DoesNotContain(resulting, r => unchanged.Any(u => u.SuccessorNisCode == r));
    }

    [Fact]
    public void Antwerpen_AbsorbsBorsbeek_KeepingItsCode()
    {
        var antwerpen = Data.Municipalities2019.Single(m => m.Name == "Antwerpen");
        var borsbeek = Data.Municipalities2019.Single(m => m.Name == "Borsbeek");

        Assert.True(antwerpen.Merged2025);
        Assert.Equal(antwerpen.NisCode, antwerpen.SuccessorNisCode);
        Assert.Equal(antwerpen.NisCode, borsbeek.SuccessorNisCode);
    }

    [Fact]
    public void Inhabitants1January2020_SumToTheFlemishTotal()
    {
        var inhabitants = Data.Datasets.Single(d => d.Kind == DatasetKind.Inhabitants);

        Assert.Equal(300, inhabitants.Figures.Count);
        Assert.Equal(6_629_143, inhabitants.Figures.Sum(f => f.Value));
        Assert.Equal(new DateOnly(2020, 1, 1), inhabitants.ReferenceDate);
        Assert.False(inhabitants.IsEstimate);
    }

    [Fact]
    public void WorkingAgePopulation2017_SumsToTheFlemishTotal()
    {
        var workingAge = Data.Datasets.Single(d => d.Kind == DatasetKind.WorkingAgePopulation);

        Assert.Equal(300, workingAge.Figures.Count);
        Assert.Equal(4_170_232, workingAge.Figures.Sum(f => f.Value));
        Assert.Equal(new DateOnly(2017, 1, 1), workingAge.ReferenceDate);
        Assert.False(workingAge.IsEstimate);
    }

    /// <summary>The 4.5% estimate still ships (stored runs refer to it), beside the VDAB figures; it is the only estimated dataset.</summary>
    [Fact]
    public void JobSeekers_AreAnEstimateCarryingItsMethod()
    {
        var jobSeekers = Data.Datasets.Single(d => d.Kind == DatasetKind.JobSeekers && d.IsEstimate);
        Assert.Single(Data.Datasets, d => d.IsEstimate);
        Assert.Equal((MunicipalitySet.Set2019, (FigureSeries?)null, (int?)null), (jobSeekers.Set, jobSeekers.Series, jobSeekers.Year));

        Assert.True(jobSeekers.IsEstimate);
        Assert.False(string.IsNullOrWhiteSpace(jobSeekers.EstimateMethod));
        Assert.Contains("4,5%", jobSeekers.EstimateMethod, StringComparison.Ordinal);
        Assert.Contains("Schatting", jobSeekers.EstimateMethod, StringComparison.Ordinal);
        Assert.Contains("estimate", jobSeekers.Provenance, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("schatting:", jobSeekers.ToEntity(DateTime.UnixEpoch).Citation.Nl, StringComparison.Ordinal);
        Assert.StartsWith("estimate:", jobSeekers.ToEntity(DateTime.UnixEpoch).Citation.En, StringComparison.Ordinal);
    }

    [Fact]
    public void JobSeekerEstimate_Is4Point5PercentOfWorkingAge_HalfToEven()
    {
        var workingAge = Data.Datasets.Single(d => d.Kind == DatasetKind.WorkingAgePopulation).Figures.ToDictionary(f => f.NisCode, f => f.Value);
        var jobSeekers = Data.Datasets.Single(d => d.Kind == DatasetKind.JobSeekers && d.IsEstimate).Figures;

        Assert.Equal(300, jobSeekers.Count);
        Assert.All(jobSeekers, f => Assert.Equal((long)Math.Round(workingAge[f.NisCode] * 0.045m, MidpointRounding.ToEven), f.Value));

        // Exact halves: 100·0.045 = 4.5 → 4, 300·0.045 = 13.5 → 14, 15,680·0.045 = 705.6 → 706.
        Assert.Equal(4, ShippedReferenceData.EstimateJobSeekers(100));
        Assert.Equal(14, ShippedReferenceData.EstimateJobSeekers(300));
        Assert.Equal(706, ShippedReferenceData.EstimateJobSeekers(15_680));
    }

    /// <summary>SOURCES.md item 10: the Flemish totals of VDAB's yearly average (the sum over the 285 municipalities).</summary>
    [Theory]
    [InlineData(2019, 204_076)]
    [InlineData(2020, 213_981)]
    [InlineData(2021, 193_148)]
    [InlineData(2022, 177_972)]
    [InlineData(2023, 196_712)]
    [InlineData(2024, 208_915)]
    public void VdabYearAverage_SumsToTheFlemishTotalOfSources(int year, long total)
    {
        var dataset = Data.JobSeekers(FigureSeries.YearAverage, year)!;

        Assert.Equal(total, dataset.Figures.Sum(f => f.Value));
        Assert.Equal(total, VdabFile.Sum(r => r[$"wzw_year_average_{year}"] is { Length: > 0 } v ? long.Parse(v, CultureInfo.InvariantCulture) : 0));
    }

    [Fact]
    public void VdabFile_Has285Rows_TheMunicipalitiesOf2025_AndIsTheSharedFile()
    {
        Assert.Equal(285, VdabFile.Count);
        Assert.Equal(Data.Municipalities2025.Select(m => (m.NisCode.Value, m.Name)).Order(), VdabFile.Select(r => (r["nis_code"], r["name_nl"])).Order());
        Assert.Equal(File.ReadAllText(Shared("flanders_job_seekers_wzw_2014-2024_285.csv")), File.ReadAllText(Embedded("flanders_job_seekers_wzw_2014-2024_285.csv")));
    }

    [Fact]
    public void VdabDatasets_OnePerSeriesAndYear_WithSourceSeriesYearAndReferenceDate()
    {
        var vdab = Data.Datasets.Where(d => d.Kind == DatasetKind.JobSeekers && d.Series is not null).ToList();

        // Year average 2014-2024; 31 December 2015-2024 (the 2014 column is empty).
        Assert.Equal(Enumerable.Range(2014, 11), vdab.Where(d => d.Series == FigureSeries.YearAverage).Select(d => d.Year!.Value).Order());
        Assert.Equal(Enumerable.Range(2015, 10), vdab.Where(d => d.Series == FigureSeries.December31).Select(d => d.Year!.Value).Order());
        Assert.Null(Data.JobSeekers(FigureSeries.December31, 2014));
        Assert.All(vdab, d =>
        {
            Assert.Equal((MunicipalitySet.Set2025, false, ShippedReferenceData.VdabSource), (d.Set, d.IsEstimate, d.Source));
            Assert.Equal(new DateOnly(d.Year!.Value, 12, 31), d.ReferenceDate);
            Assert.Equal(d.Figures.Count, d.RowCount);
            Assert.Contains(d.Year.Value.ToString(CultureInfo.InvariantCulture), d.Title, StringComparison.Ordinal);
            var column = (d.Series == FigureSeries.YearAverage ? "wzw_year_average_" : "wzw_31dec_register_") + d.Year.Value.ToString(CultureInfo.InvariantCulture);
            Assert.Contains(column, d.Provenance, StringComparison.Ordinal);
            var expected = VdabFile.Where(r => r[column].Length > 0).ToDictionary(r => r["nis_code"], r => long.Parse(r[column], CultureInfo.InvariantCulture));
            Assert.Equal(expected.OrderBy(kv => kv.Key, StringComparer.Ordinal), d.Figures.Select(f => KeyValuePair.Create(f.NisCode.Value, f.Value)).OrderBy(kv => kv.Key, StringComparer.Ordinal));
        });
        Assert.Equal("VDAB, via Provincies in Cijfers (export 21/05/2026), jaargemiddelde 2022", Data.JobSeekers(FigureSeries.YearAverage, 2022)!.ToEntity(DateTime.UnixEpoch).Citation.Nl);
        Assert.Equal("VDAB, via Provincies in Cijfers (export 21/05/2026), position on 31/12/2023", Data.JobSeekers(FigureSeries.December31, 2023)!.ToEntity(DateTime.UnixEpoch).Citation.En);
    }

    /// <summary>SOURCES.md: only Herstappe has suppressed values, in most years.</summary>
    [Fact]
    public void VdabSuppressedValues_AreHerstappesOnly()
    {
        var missing = Data.Datasets.Where(d => d.Series is not null)
            .SelectMany(d => Data.Municipalities2025.Where(m => d.Figures.All(f => f.NisCode != m.NisCode)).Select(m => m.Name))
            .Distinct();

        Assert.Equal(["Herstappe"], missing);
        Assert.Equal(285, Data.JobSeekers(FigureSeries.YearAverage, 2020)!.Figures.Count);
        Assert.Equal(284, Data.JobSeekers(FigureSeries.YearAverage, 2022)!.Figures.Count);
    }

    [Fact]
    public void RegionDatasets_2022_PutZwijndrechtInRegioAntwerpen_2024_InWaasland()
    {
        var zwijndrecht = NisCode.Parse("11056");
        var v2022 = Regions(MunicipalitySet.Set2019, new DateOnly(2022, 2, 17));
        var v2024 = Regions(MunicipalitySet.Set2019, new DateOnly(2024, 2, 8));
        var v2025 = Regions(MunicipalitySet.Set2025, new DateOnly(2026, 3, 9));

        Assert.Equal("REFREG01", v2022.Assignments.Single(a => a.NisCode == zwijndrecht).RegionCode);
        Assert.Equal("REFREG14", v2024.Assignments.Single(a => a.NisCode == zwijndrecht).RegionCode);
        Assert.Equal("REFREG14", v2025.Assignments.Single(a => a.NisCode == NisCode.Parse("46030")).RegionCode);

        // Zwijndrecht is the only difference between the 2022 and 2024 versions.
        var changed = v2022.Assignments.Join(v2024.Assignments, a => a.NisCode, b => b.NisCode, (a, b) => (a.NisCode, Old: a.RegionCode, New: b.RegionCode))
            .Where(x => x.Old != x.New).ToList();
        Assert.Equal([(zwijndrecht, "REFREG01", "REFREG14")], changed);
    }

    [Fact]
    public void RegionDatasets_CoverEveryMunicipalityOfTheirSet_WithTheCountsOfTheRegionFile()
    {
        // n_municipalities_2022_300set / _2024_300set / _2025_285set in flanders_referentieregios.csv.
        int[] counts2022 = [30, 12, 27, 33, 32, 10, 17, 13, 7, 17, 14, 14, 23, 9, 42];
        int[] counts2024 = [29, 12, 27, 33, 32, 10, 17, 13, 7, 17, 14, 14, 23, 10, 42];
        int[] counts2025 = [28, 12, 27, 31, 32, 10, 17, 13, 7, 15, 14, 14, 20, 7, 38];

        static int[] Counts(ShippedDataset d) =>
            Enumerable.Range(1, 15).Select(i => d.Assignments.Count(a => a.RegionCode == $"REFREG{i:00}")).ToArray();

        Assert.Equal(counts2022, Counts(Regions(MunicipalitySet.Set2019, new DateOnly(2022, 2, 17))));
        Assert.Equal(counts2024, Counts(Regions(MunicipalitySet.Set2019, new DateOnly(2024, 2, 8))));
        Assert.Equal(counts2025, Counts(Regions(MunicipalitySet.Set2025, new DateOnly(2026, 3, 9))));
        Assert.Equal(3, Data.Datasets.Count(d => d.Kind == DatasetKind.ReferenceRegions));
    }

    [Fact]
    public void Region09_WasRegioOostendeIn2022_AndMiddenkustLater()
    {
        var oostende = NisCode.Parse("35013");

        Assert.Equal("Regio Oostende", Regions(MunicipalitySet.Set2019, new DateOnly(2022, 2, 17)).Assignments.Single(a => a.NisCode == oostende).RegionName);
        Assert.Equal("Middenkust", Regions(MunicipalitySet.Set2019, new DateOnly(2024, 2, 8)).Assignments.Single(a => a.NisCode == oostende).RegionName);
    }

    [Fact]
    public void EveryDataset_NamesItsSourceAndProvenance()
    {
        Assert.All(Data.Datasets, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Title));
            Assert.False(string.IsNullOrWhiteSpace(d.Source));
            Assert.False(string.IsNullOrWhiteSpace(d.Provenance));
            if (!d.IsEstimate)
            {
                Assert.Contains("commit", d.Provenance, StringComparison.Ordinal);
            }

            var expectedRows = d.Kind == DatasetKind.Municipalities ? (d.Set == MunicipalitySet.Set2019 ? 300 : 285) : d.Assignments.Count + d.Figures.Count;
            Assert.Equal(expectedRows, d.RowCount);
        });
    }

    [Fact]
    public void KnownCompositions_NeverShareAMunicipality()
    {
        var members = Data.KnownCompositions.SelectMany(c => c.Members).ToList();
        var codes2019 = Data.Municipalities2019.Select(m => m.NisCode).ToHashSet();

        Assert.Equal(13, Data.KnownCompositions.Count);
        Assert.Equal(members.Count, members.Distinct().Count());
        Assert.All(members, m => Assert.Contains(m, codes2019));
    }
}
