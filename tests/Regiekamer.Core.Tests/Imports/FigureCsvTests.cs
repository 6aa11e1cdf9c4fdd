using Regiekamer.Core.Common;
using Regiekamer.Core.Imports;
using Regiekamer.Core.ReferenceData;
using Regiekamer.Core.Tests.TestSupport;

namespace Regiekamer.Core.Tests.Imports;

public class FigureCsvTests
{
    private const string File = "bevolking.csv";

    private static Result<FigureFile> Parse(string text, FigureFileKind kind = FigureFileKind.Population)
    {
        using var reader = new StringReader(text);
        return FigureCsv.Parse(File, reader, kind, Shipped.Snapshot);
    }

    /// <summary>The error names the file, the row (header = 1), the field and the value, in both languages.</summary>
    private static void AssertNames(DomainError error, int row, string field, string value)
    {
        Assert.Equal(field, error.Field);
        Assert.StartsWith($"{File}, rij {row}, veld {field}, waarde '{value}': ", error.Message.Nl, StringComparison.Ordinal);
        Assert.StartsWith($"{File}, row {row}, field {field}, value '{value}': ", error.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Population_WithInhabitants_GivesBothDatasets()
    {
        var result = Parse("nis_code,working_age_population,inhabitants\n44021,174053,263927\n41002,55000,87332\n");

        Assert.True(result.IsSuccess);
        var figures = result.Value!.Figures;
        Assert.Equal([(NisCode.Parse("44021"), 174_053L), (NisCode.Parse("41002"), 55_000L)], figures[DatasetKind.WorkingAgePopulation].Select(f => (f.NisCode, f.Value)));
        Assert.Equal([263_927L, 87_332L], figures[DatasetKind.Inhabitants].Select(f => f.Value));
        Assert.False(figures.ContainsKey(DatasetKind.JobSeekers));
    }

    [Fact]
    public void JobSeekers_File_GivesTheJobSeekerDataset_HeaderCaseAndSpacesIgnored()
    {
        var result = Parse(" NIS_Code , Job_Seekers \n 44021 , 9000 \n", FigureFileKind.JobSeekers);

        Assert.True(result.IsSuccess);
        var (key, list) = Assert.Single(result.Value!.Figures);
        Assert.Equal(DatasetKind.JobSeekers, key);
        Assert.Equal((NisCode.Parse("44021"), 9_000L), (list[0].NisCode, list[0].Value));
    }

    [Fact]
    public void MissingColumn_NamesTheColumnOnRow1()
    {
        var result = Parse("nis_code,inhabitants\n44021,263927\n");

        Assert.False(result.IsSuccess);
        var error = Assert.Single(result.Errors);
        AssertNames(error, 1, "working_age_population", "nis_code,inhabitants");
        Assert.Contains("ontbreekt", error.Message.Nl, StringComparison.Ordinal);
        Assert.Contains("missing", error.Message.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12a")]
    [InlineData("-5")]
    [InlineData("1.000")]
    [InlineData("1,5")]
    [InlineData("")]
    public void NonNumericFigure_NamesRowFieldAndValue(string value)
    {
        var csv = $"nis_code,working_age_population\n44021,174053\n41002,\"{value}\"\n";

        var result = Parse(csv);

        Assert.False(result.IsSuccess);
        Assert.Null(result.Value);
        AssertNames(Assert.Single(result.Errors), 3, "working_age_population", value);
    }

    [Theory]
    [InlineData("99999")]
    [InlineData("21004")] // Brussel: a real NIS code, not a Flemish municipality
    [InlineData("4402")]
    [InlineData("Gent")]
    public void UnknownNisCode_NamesRowFieldAndValue(string code)
    {
        var result = Parse($"nis_code,working_age_population\n44021,174053\n{code},100\n");

        var error = Assert.Single(result.Errors);
        AssertNames(error, 3, "nis_code", code);
        Assert.Contains("2019-2024", error.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateRow_NamesTheRowItRepeats()
    {
        var result = Parse("nis_code,working_age_population\n44021,174053\n41002,55000\n44021,174054\n");

        var error = Assert.Single(result.Errors);
        AssertNames(error, 4, "nis_code", "44021");
        Assert.EndsWith("already on row 2.", error.Message.En, StringComparison.Ordinal);
        Assert.EndsWith("staat al op rij 2.", error.Message.Nl, StringComparison.Ordinal);
    }

    [Fact]
    public void OneBadRowAmongGoodOnes_FailsTheWholeFile_AndEveryBadRowIsReported()
    {
        var good = string.Concat(Shipped.Snapshot.Municipalities.Take(50).Select(m => $"{m.NisCode},1000,2000\n"));

        var result = Parse("nis_code,working_age_population,inhabitants\n" + good + $"99999,1,1\n{Shipped.Code("Zele")},x,y\n");

        Assert.False(result.IsSuccess);
        Assert.Null(result.Value);
        Assert.Equal(3, result.Errors.Count);
        AssertNames(result.Errors[0], 52, "nis_code", "99999");
        Assert.Equal(("working_age_population", "inhabitants"), (result.Errors[1].Field, result.Errors[2].Field));
    }

    [Fact]
    public void EmptyFile_AndHeaderOnly_AreErrors()
    {
        Assert.Equal("header", Assert.Single(Parse("").Errors).Field);
        var headerOnly = Assert.Single(Parse("nis_code,working_age_population\n").Errors);
        Assert.Equal("nis_code", headerOnly.Field);
        Assert.Contains("no rows", headerOnly.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_AreValidationErrors()
    {
        Assert.All(Parse("nis_code,working_age_population\n1,2\n").Errors, e => Assert.Equal(("validation", ErrorKind.Invalid), (e.Code, e.Kind)));
    }
}
