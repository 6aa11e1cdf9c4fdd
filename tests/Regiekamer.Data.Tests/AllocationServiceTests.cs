using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Allocation;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Imports;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;
using Regiekamer.TestCommon;

namespace Regiekamer.Data.Tests;

public sealed class AllocationServiceTests
{
    /// <summary>R13: EUR 3,000,000 a year for 2023-2025.</summary>
    private const long BudgetCents = 300_000_000;

    /// <summary>The amounts were set in April 2023 (R13).</summary>
    private static readonly DateOnly EligibilityDate = new(2023, 4, 1);

    private static readonly DateTimeOffset AprilMorning = new(2023, 4, 14, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Preview_SumsExactlyToBudget_AndLeavesOutTheIneligible(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await CreatePartnershipsAsync(database);

        AllocationPreview preview;
        await using (var scope = database.NewScope())
        {
            var result = await Allocation(scope).PreviewAsync(null, EligibilityDate);
            Assert.True(result.IsSuccess, string.Join("; ", result.Errors.Select(e => e.Message.En)));
            preview = result.Value!;
        }

        Assert.Equal(["Regie Antwerpen", "Regie Denderregio", "Regie Gent"], preview.Lines.Select(l => l.Name));
        Assert.Equal(BudgetCents, preview.Lines.Sum(l => l.Total.Cents));
        Assert.All(preview.Lines, l => Assert.True(l.Total.Cents > 0));
        var excluded = Assert.Single(preview.Excluded);
        Assert.Equal("Regie Laarne-Wetteren", excluded.Partnership.Name);
        Assert.Contains(excluded.Result.Findings, f => f.Rule == "R2");

        // The working-age population of a line is the sum of its members' figures in the database.
        var workingAge = await FiguresAsync(database, DatasetKind.WorkingAgePopulation);
        foreach (var line in preview.Lines)
        {
            var members = preview.PartnershipsByName[line.Name].Members.Select(m => m.NisCode);
            Assert.Equal(members.Sum(m => workingAge[m]), line.WorkingAgePopulation);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Run_RecordsTheCallVersionAndTheFourDatasets_R14(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await CreatePartnershipsAsync(database);
        database.Time.SetUtcNow(AprilMorning);

        var run = await CreateRunAsync(database);

        await using var db = database.NewDb();
        var stored = await db.AllocationRuns.AsNoTracking().Include(r => r.Lines).SingleAsync(r => r.Id == run.Id);
        var callVersion = await db.CallVersions.AsNoTracking().SingleAsync();
        var datasets = await db.Datasets.AsNoTracking().ToListAsync();
        Assert.Equal(callVersion.Id, stored.CallVersionId);
        Assert.Equal(Single(datasets, DatasetKind.Inhabitants), stored.InhabitantsDatasetId);
        Assert.Equal(Single(datasets, DatasetKind.WorkingAgePopulation), stored.WorkingAgeDatasetId);
        Assert.Equal(Single(datasets, DatasetKind.JobSeekers), stored.JobSeekersDatasetId);
        Assert.Equal(callVersion.RegionDatasetId, stored.RegionDatasetId);
        Assert.True(stored.UsesEstimates);
        Assert.Equal((BudgetCents, 40, 20, 40), (stored.Budget.Cents, stored.WeightWorkingAge, stored.WeightJobSeekers, stored.WeightEqual));
        Assert.Equal(EligibilityDate, stored.EligibilityDate);
        Assert.Equal(AprilMorning.UtcDateTime, stored.CreatedAtUtc);
        Assert.Null(stored.PublishedAtUtc);
        Assert.Equal(3, stored.Lines.Count);
        Assert.Equal(BudgetCents, stored.Lines.Sum(l => l.Total.Cents));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Publish_WhileTheJobSeekerEstimateIsUsed_IsRefusedWithR13(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await CreatePartnershipsAsync(database);
        var run = await CreateRunAsync(database);

        await using (var scope = database.NewScope())
        {
            var result = await Allocation(scope).PublishAsync(run.Id);
            Assert.Equal("R13", Assert.Single(result.Errors).Code);
        }

        await using var db = database.NewDb();
        Assert.Null((await db.AllocationRuns.AsNoTracking().SingleAsync()).PublishedAtUtc);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AfterImportingJobSeekers_ANewRunPublishes_AndThenCannotChange_R14(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await CreatePartnershipsAsync(database);
        var estimated = await CreateRunAsync(database);

        // VDAB figures for all 300 municipalities, made up but distinct per municipality.
        Dictionary<NisCode, long> jobSeekers;
        await using (var db = database.NewDb())
        {
            jobSeekers = (await db.Municipalities.AsNoTracking().Where(m => m.Set == MunicipalitySet.Set2019).ToListAsync())
                .ToDictionary(m => m.NisCode, m => 100 + (long.Parse(m.NisCode.Value, CultureInfo.InvariantCulture) % 997));
        }

        Assert.Equal(300, jobSeekers.Count);
        int importedId;
        await using (var scope = database.NewScope())
        {
            var import = await scope.ServiceProvider.GetRequiredService<ImportService>().ImportAsync(
                new ImportRequest(FigureFileKind.JobSeekers, "nwwz-2023-03.csv", new DateOnly(2023, 3, 31), "VDAB Arvastat"),
                new StringReader(TestData.JobSeekersCsv(jobSeekers.Select(kv => (kv.Key, kv.Value)))));
            Assert.True(import.IsSuccess, string.Join("; ", import.Errors.Select(e => e.Message.En)));
            importedId = Assert.Single(import.Value!).Id;
        }

        var official = await CreateRunAsync(database);
        Assert.False(official.UsesEstimates);
        Assert.Equal(importedId, official.JobSeekersDatasetId);
        await using (var db = database.NewDb())
        {
            var lines = await db.AllocationLines.AsNoTracking().Where(l => l.AllocationRunId == official.Id).ToListAsync();
            Assert.All(lines, l => Assert.Equal(l.Members.Split(';').Sum(c => jobSeekers[NisCode.Parse(c)]), l.JobSeekers));
            Assert.Equal(BudgetCents, lines.Sum(l => l.Total.Cents));
        }

        database.Time.SetUtcNow(AprilMorning);
        await using (var scope = database.NewScope())
        {
            var allocation = Allocation(scope);
            var published = await allocation.PublishAsync(official.Id);
            Assert.True(published.IsSuccess, string.Join("; ", published.Errors.Select(e => e.Message.En)));

            Assert.Equal("R14", Assert.Single((await allocation.PublishAsync(official.Id)).Errors).Code);
            Assert.Equal("R14", Assert.Single((await allocation.DeleteRunAsync(official.Id)).Errors).Code);
            Assert.True((await allocation.DeleteRunAsync(estimated.Id)).IsSuccess);
        }

        await using (var db = database.NewDb())
        {
            var remaining = await db.AllocationRuns.AsNoTracking().Include(r => r.Lines).SingleAsync();
            Assert.Equal(official.Id, remaining.Id);
            Assert.Equal(AprilMorning.UtcDateTime, remaining.PublishedAtUtc);
            Assert.Equal(3, remaining.Lines.Count);
            Assert.Equal(0, await db.AllocationLines.CountAsync(l => l.AllocationRunId == estimated.Id));
        }
    }

    /// <summary>Three eligible partnerships and one too small (R2: Laarne and Wetteren have 38,382 inhabitants).</summary>
    internal static async Task CreatePartnershipsAsync(TestDatabase database)
    {
        await using var scope = database.NewScope();
        var partnerships = scope.ServiceProvider.GetRequiredService<PartnershipService>();
        foreach (var input in new[]
        {
            TestData.CentralCity("Gent"),
            TestData.CentralCity("Antwerpen"),
            TestData.InterlocalAssociation("Regie Denderregio", "Dendermonde", "Dendermonde", "Hamme", "Zele", "Berlare", "Buggenhout", "Lebbeke", "Wichelen"),
            TestData.InterlocalAssociation("Regie Laarne-Wetteren", "Wetteren", "Laarne", "Wetteren"),
        })
        {
            var result = await partnerships.CreateAsync(input);
            Assert.True(result.IsSuccess, string.Join("; ", result.Errors.Select(e => e.Message.En)));
        }
    }

    private static async Task<AllocationRun> CreateRunAsync(TestDatabase database)
    {
        await using var scope = database.NewScope();
        var result = await Allocation(scope).CreateRunAsync(null, EligibilityDate);
        Assert.True(result.IsSuccess, string.Join("; ", result.Errors.Select(e => e.Message.En)));
        return result.Value!;
    }

    private static async Task<Dictionary<NisCode, long>> FiguresAsync(TestDatabase database, DatasetKind kind)
    {
        await using var db = database.NewDb();
        var dataset = await db.Datasets.AsNoTracking().SingleAsync(d => d.Kind == kind);
        return await db.Figures.AsNoTracking().Where(f => f.DatasetId == dataset.Id).ToDictionaryAsync(f => f.NisCode, f => f.Value);
    }

    private static int Single(List<ReferenceDataset> datasets, DatasetKind kind) => Assert.Single(datasets, d => d.Kind == kind).Id;

    private static AllocationService Allocation(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<AllocationService>();
}
