using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Imports;
using Regiekamer.Core.ReferenceData;
using Regiekamer.TestCommon;

namespace Regiekamer.Data.Tests;

public sealed class ImportServiceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_FileWithOneBadRow_NamesFileRowFieldAndValue_AndImportsNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var codes = await CodesAsync(database);
        var before = await CountsAsync(database);

        // Header on row 1, so the fifth municipality is on row 6.
        var lines = codes.Select((c, i) => i == 4 ? $"{c},12a" : $"{c},{100 + i}");
        var result = await ImportAsync(database, new ImportRequest(FigureFileKind.JobSeekers, "nwwz-2023-03.csv", new DateOnly(2023, 3, 31), "VDAB Arvastat"), TestData.Csv("nis_code,job_seekers", lines));

        var error = Assert.Single(result.Errors);
        Assert.Equal("job_seekers", error.Field);
        foreach (var part in new[] { "nwwz-2023-03.csv", "row 6", "job_seekers", "'12a'" })
        {
            Assert.Contains(part, error.Message.En, StringComparison.Ordinal);
        }

        Assert.Contains("rij 6", error.Message.Nl, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(database));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_GoodPopulationFile_BecomesTheCurrentDataset(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var codes = await CodesAsync(database);
        var rows = codes.Select((c, i) => (Code: c, WorkingAge: 10_000L + i, Inhabitants: 15_000L + (3 * i))).ToList();
        var before = await CountsAsync(database);

        var result = await ImportAsync(database, new ImportRequest(FigureFileKind.Population, "bevolking-2024.csv", new DateOnly(2024, 1, 1), "Statbel"), TestData.PopulationCsv(rows));

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors.Select(e => e.Message.En)));
        Assert.Equal([DatasetKind.Inhabitants, DatasetKind.WorkingAgePopulation], result.Value!.Select(d => d.Kind).Order());
        Assert.Equal((before.Datasets + 2, before.Figures + 600), await CountsAsync(database));

        await using var scope = database.NewScope();
        var referenceData = scope.ServiceProvider.GetRequiredService<ReferenceDataService>();
        var current = await referenceData.CurrentAsync(DatasetKind.WorkingAgePopulation, MunicipalitySet.Set2019);
        Assert.NotNull(current);
        Assert.Equal(result.Value!.Single(d => d.Kind == DatasetKind.WorkingAgePopulation).Id, current.Id);
        Assert.Equal(("Statbel", new DateOnly(2024, 1, 1), false, 300), (current.Source, current.ReferenceDate, current.IsEstimate, current.RowCount));

        var snapshot = await referenceData.SnapshotAsync();
        Assert.Equal(current.Id, snapshot.WorkingAgeDataset.Id);
        Assert.All(rows, r =>
        {
            Assert.Equal(r.WorkingAge, snapshot.WorkingAge(r.Code));
            Assert.Equal(r.Inhabitants, snapshot.Inhabitants(r.Code));
        });
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WithoutSource_IsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var codes = await CodesAsync(database);
        var before = await CountsAsync(database);

        var result = await ImportAsync(database, new ImportRequest(FigureFileKind.JobSeekers, "nwwz.csv", new DateOnly(2023, 3, 31), " "), TestData.JobSeekersCsv(codes.Select(c => (c, 1L))));

        Assert.Equal("source", Assert.Single(result.Errors).Field);
        Assert.Equal(before, await CountsAsync(database));
    }

    private static async Task<Result<IReadOnlyList<ReferenceDataset>>> ImportAsync(TestDatabase database, ImportRequest request, string csv)
    {
        await using var scope = database.NewScope();
        return await scope.ServiceProvider.GetRequiredService<ImportService>().ImportAsync(request, new StringReader(csv));
    }

    private static async Task<List<NisCode>> CodesAsync(TestDatabase database)
    {
        await using var db = database.NewDb();
        var codes = (await db.Municipalities.AsNoTracking().Where(m => m.Set == MunicipalitySet.Set2019).ToListAsync())
            .Select(m => m.NisCode)
            .OrderBy(c => int.Parse(c.Value, CultureInfo.InvariantCulture))
            .ToList();
        Assert.Equal(300, codes.Count);
        return codes;
    }

    private static async Task<(int Datasets, int Figures)> CountsAsync(TestDatabase database)
    {
        await using var db = database.NewDb();
        return (await db.Datasets.CountAsync(), await db.Figures.CountAsync());
    }
}
