using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Data;
using Regiekamer.Core.ReferenceData;
using Regiekamer.TestCommon;

namespace Regiekamer.Data.Tests;

public sealed class DatabaseSeederTests
{
    /// <summary>Statbel: the Flemish Region had 6,629,143 inhabitants on 1 January 2020.</summary>
    private const long FlemishInhabitants2020 = 6_629_143;

    private static readonly string[] Priorities = ["WSE-LR1", "WSE-LR2", "WSE-LR3", "WSE-LR4"];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SeedReferenceData_LoadsMunicipalitiesRegionsAndDatasets(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, seed: false);
        await SeedAsync(database);

        await using var db = database.NewDb();
        Assert.Equal(300, await db.Municipalities.CountAsync(m => m.Set == MunicipalitySet.Set2019));
        Assert.Equal(285, await db.Municipalities.CountAsync(m => m.Set == MunicipalitySet.Set2025));
        Assert.Equal(13, await db.Municipalities.CountAsync(m => m.Set == MunicipalitySet.Set2019 && m.IsCentralCity));
        Assert.Equal(13, await db.Municipalities.CountAsync(m => m.Set == MunicipalitySet.Set2025 && m.IsCentralCity));
        Assert.Equal(15, await db.ReferenceRegions.CountAsync());

        var datasets = await db.Datasets.AsNoTracking().ToListAsync();
        Assert.All(datasets, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Source), $"dataset '{d.Title}' has no source");
            Assert.False(string.IsNullOrWhiteSpace(d.Provenance), $"dataset '{d.Title}' has no provenance");
            Assert.True(d.ReferenceDate.Year >= 2017, $"dataset '{d.Title}' has reference date {d.ReferenceDate}");
        });

        var figureCounts = await db.Figures.GroupBy(f => f.DatasetId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var inhabitants = Assert.Single(datasets, d => d.Kind == DatasetKind.Inhabitants);
        Assert.Equal((new DateOnly(2020, 1, 1), false, 300, 300), (inhabitants.ReferenceDate, inhabitants.IsEstimate, inhabitants.RowCount, figureCounts[inhabitants.Id]));
        Assert.Equal(FlemishInhabitants2020, await db.Figures.Where(f => f.DatasetId == inhabitants.Id).SumAsync(f => f.Value));

        var workingAge = Assert.Single(datasets, d => d.Kind == DatasetKind.WorkingAgePopulation);
        Assert.Equal((new DateOnly(2017, 1, 1), false, 300, 300), (workingAge.ReferenceDate, workingAge.IsEstimate, workingAge.RowCount, figureCounts[workingAge.Id]));

        // No official job-seeker figures ship: the seeded ones are an estimate, and say how they were made.
        var jobSeekers = Assert.Single(datasets, d => d.Kind == DatasetKind.JobSeekers);
        Assert.True(jobSeekers.IsEstimate);
        Assert.False(string.IsNullOrWhiteSpace(jobSeekers.EstimateMethod));
        Assert.Equal(300, figureCounts[jobSeekers.Id]);

        var regionSets = datasets.Where(d => d.Kind == DatasetKind.ReferenceRegions).ToList();
        var assignments = await db.RegionAssignments.GroupBy(a => a.DatasetId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Assert.Equal(
            [(MunicipalitySet.Set2019, 300), (MunicipalitySet.Set2019, 300), (MunicipalitySet.Set2025, 285)],
            regionSets.OrderBy(d => d.ReferenceDate).Select(d => (d.MunicipalitySet, assignments[d.Id])));
        Assert.Equal(2, datasets.Count(d => d.Kind == DatasetKind.Municipalities));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SeedReferenceData_CreatesThe2023To2025Call(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, seed: false);
        await SeedAsync(database);

        await using var db = database.NewDb();
        var call = Assert.Single(await db.Calls.AsNoTracking().ToListAsync());
        Assert.Equal(("2023-2025", 2023, 2025, MunicipalitySet.Set2019), (call.Code, call.FirstYear, call.LastYear, call.MunicipalitySet));
        var version = Assert.Single(call.Versions);
        Assert.Equal(1, version.Number);
        Assert.Equal(300_000_000, version.YearlyBudget.Cents);
        Assert.Equal((40, 20, 40), (version.WeightWorkingAge, version.WeightJobSeekers, version.WeightEqual));
        Assert.Equal(new DateOnly(2023, 1, 15), version.Deadline);
        Assert.Equal(Priorities, version.PriorityCodes);

        // R5 is judged against the reference regions in force when the call ran.
        var regions = await db.Datasets.AsNoTracking().SingleAsync(d => d.Id == version.RegionDatasetId);
        Assert.Equal((DatasetKind.ReferenceRegions, MunicipalitySet.Set2019), (regions.Kind, regions.MunicipalitySet));
        Assert.True(regions.ReferenceDate <= version.Deadline, $"the call's regions date from {regions.ReferenceDate}, after its deadline");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SeedReferenceData_Twice_ChangesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, seed: false);
        await SeedAsync(database);
        var before = await CountsAsync(database);

        await SeedAsync(database);

        Assert.Equal(before, await CountsAsync(database));
        Assert.Equal(300 + 285, before.Municipalities);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SeedDemo_AddsTheKnownPartnershipsAndScheldeland_MarkedAsDemo(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedDemoAsync(database);

        await using var db = database.NewDb();
        var partnerships = await db.Partnerships.AsNoTracking().ToListAsync();
        var known = ShippedReferenceData.Current.KnownCompositions.Count(k => k.Members.Count > 0);
        Assert.Equal(known + 1, partnerships.Count);
        Assert.All(partnerships, p =>
        {
            Assert.True(p.IsDemo, $"{p.Name} is not marked as demo data");
            Assert.False(string.IsNullOrWhiteSpace(p.DemoSource), $"{p.Name} does not say where it comes from");
            Assert.NotEmpty(p.Members);
        });

        // Seed 004: the interlocal association of Hamme, Laarne, Wetteren, Wichelen and Zele.
        var scheldeland = Assert.Single(partnerships, p => p.Name.Contains("Scheldeland", StringComparison.Ordinal));
        Assert.Equal(["42008", "42010", "42025", "42026", "42028"], scheldeland.Members.Select(m => m.NisCode.Value).Order(StringComparer.Ordinal));
        Assert.Contains("Scheldeland", scheldeland.DemoSource, StringComparison.Ordinal);

        await SeedDemoAsync(database);
        await using var again = database.NewDb();
        Assert.Equal(partnerships.Count, await again.Partnerships.CountAsync());
    }

    private static async Task SeedAsync(TestDatabase database)
    {
        await using var scope = database.NewScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseSeeder>().SeedReferenceDataAsync();
    }

    private static async Task SeedDemoAsync(TestDatabase database)
    {
        await using var scope = database.NewScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseSeeder>().SeedDemoAsync();
    }

    private static async Task<(int Municipalities, int Regions, int Datasets, int Figures, int Assignments, int Calls, int CallVersions, int MaxDatasetId)> CountsAsync(TestDatabase database)
    {
        await using var db = database.NewDb();
        return (
            await db.Municipalities.CountAsync(),
            await db.ReferenceRegions.CountAsync(),
            await db.Datasets.CountAsync(),
            await db.Figures.CountAsync(),
            await db.RegionAssignments.CountAsync(),
            await db.Calls.CountAsync(),
            await db.CallVersions.CountAsync(),
            await db.Datasets.MaxAsync(d => d.Id));
    }
}
