using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Allocation;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;

namespace Regiekamer.Data.Tests;

public sealed class CallServiceTests
{
    private static readonly CallVersionInput Revision = new(
        YearlyBudget: "3250000.50",
        WeightWorkingAge: 50,
        WeightJobSeekers: 10,
        WeightEqual: 40,
        Deadline: new DateOnly(2024, 1, 15),
        Priorities: "WSE-LR1;WSE-LR2;WSE-LR3;WSE-LR4",
        EffectiveFrom: new DateOnly(2024, 1, 1),
        Note: "Herziening halverwege de beleidscyclus");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AddVersion_CreatesVersion2_AndKeepsVersion1_R14(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var call = await CallAsync(database);

        await using (var scope = database.NewScope())
        {
            var result = await Calls(scope).AddVersionAsync(call.Id, Revision, call.Version);
            Assert.True(result.IsSuccess, string.Join("; ", result.Errors.Select(e => e.Message.En)));
            Assert.Equal(2, result.Value!.Number);
        }

        var stored = await CallAsync(database);
        Assert.Equal(call.Version + 1, stored.Version);
        Assert.Equal([1, 2], stored.Versions.OrderBy(v => v.Number).Select(v => v.Number));
        var first = stored.Versions.Single(v => v.Number == 1);
        Assert.Equal((300_000_000, 40, 20, 40), (first.YearlyBudget.Cents, first.WeightWorkingAge, first.WeightJobSeekers, first.WeightEqual));
        Assert.Equal(2, stored.CurrentVersion.Number);
        Assert.Equal((325_000_050, 50, 10, 40), (stored.CurrentVersion.YearlyBudget.Cents, stored.CurrentVersion.WeightWorkingAge, stored.CurrentVersion.WeightJobSeekers, stored.CurrentVersion.WeightEqual));
        Assert.Equal(first.RegionDatasetId, stored.CurrentVersion.RegionDatasetId);
        Assert.NotNull(first.JobSeekersDatasetId);
        Assert.Equal(first.JobSeekersDatasetId, stored.CurrentVersion.JobSeekersDatasetId); // not given: the job seekers stay

        // An allocation made now uses the revised terms, names version 2 and distributes its whole budget.
        await AllocationServiceTests.CreatePartnershipsAsync(database);
        await using (var scope = database.NewScope())
        {
            var run = await scope.ServiceProvider.GetRequiredService<AllocationService>().CreateRunAsync(call.Id, new DateOnly(2024, 2, 1));
            Assert.True(run.IsSuccess, string.Join("; ", run.Errors.Select(e => e.Message.En)));
            Assert.Equal(stored.CurrentVersion.Id, run.Value!.CallVersionId);
            Assert.Equal(325_000_050, run.Value.Lines.Sum(l => l.Total.Cents));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AddVersion_WeightsNotSummingTo100_IsRejectedWithR13(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var call = await CallAsync(database);

        await using (var scope = database.NewScope())
        {
            var result = await Calls(scope).AddVersionAsync(call.Id, Revision with { WeightWorkingAge = 40, WeightJobSeekers = 20, WeightEqual = 30 }, call.Version);
            var error = Assert.Single(result.Errors);
            Assert.Equal(("R13", "weights"), (error.Code, error.Field));
            Assert.Contains("100", error.Message.En, StringComparison.Ordinal);
        }

        var stored = await CallAsync(database);
        Assert.Single(stored.Versions);
        Assert.Equal(call.Version, stored.Version);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AddVersion_JobSeekersFromADatasetOfAnotherKind_IsRejectedWithR13(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var call = await CallAsync(database);
        int inhabitants;
        await using (var db = database.NewDb())
        {
            inhabitants = (await db.Datasets.AsNoTracking().SingleAsync(d => d.Kind == Core.ReferenceData.DatasetKind.Inhabitants)).Id;
        }

        await using (var scope = database.NewScope())
        {
            foreach (var id in new[] { inhabitants, 999_999 })
            {
                var result = await Calls(scope).AddVersionAsync(call.Id, Revision with { JobSeekersDatasetId = id }, call.Version);
                var error = Assert.Single(result.Errors);
                Assert.Equal(("R13", "jobSeekersDatasetId"), (error.Code, error.Field));
            }
        }

        Assert.Single((await CallAsync(database)).Versions);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AddVersion_WithStaleCallVersion_IsAConcurrencyConflict(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var call = await CallAsync(database);
        await using var scope = database.NewScope();
        Assert.True((await Calls(scope).AddVersionAsync(call.Id, Revision, call.Version)).IsSuccess);

        var stale = await Calls(scope).AddVersionAsync(call.Id, Revision with { YearlyBudget = "1000000" }, call.Version);

        var error = Assert.Single(stale.Errors);
        Assert.Equal(("concurrency", ErrorKind.Conflict), (error.Code, error.Kind));
        Assert.Equal(2, (await CallAsync(database)).Versions.Count);
    }

    private static async Task<Call> CallAsync(TestDatabase database)
    {
        await using var db = database.NewDb();
        return await db.Calls.AsNoTracking().SingleAsync(c => c.Code == "2023-2025");
    }

    private static CallService Calls(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<CallService>();
}
