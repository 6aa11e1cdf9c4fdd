using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Allocation;
using Regiekamer.Core.Calls;
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
        // The job seekers the call version chose (VDAB year average 2022); Antwerpen without Borsbeek has only a share of its 2025 figure.
        Assert.Equal(callVersion.JobSeekersDatasetId, stored.JobSeekersDatasetId);
        Assert.Equal((FigureSeries.YearAverage, 2022), Assert.Single(datasets, d => d.Id == stored.JobSeekersDatasetId) is var js ? (js.Series, js.Year) : default);
        Assert.Equal(callVersion.RegionDatasetId, stored.RegionDatasetId);
        Assert.True(stored.UsesEstimates);
        Assert.Equal("11002=MergerShare", stored.Lines.Single(l => l.PartnershipName == "Regie Antwerpen").JobSeekerEstimates);
        Assert.All(stored.Lines.Where(l => l.PartnershipName != "Regie Antwerpen"), l => Assert.Null(l.JobSeekerEstimates));
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

    /// <summary>
    /// The seeded call version uses VDAB's year average 2022. Antwerpen and Borsbeek merged in 2025 and VDAB has only
    /// their sum (29,207): a partnership with both has it exactly, so its allocation rests on no estimate and publishes;
    /// Antwerpen alone has a share (28,632 of 29,207 by working age), which is flagged, and publishing names it.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Allocation_OverWholeMergers_UsesNoEstimate_OverPartOfOne_IsFlagged_AndPublishingNamesIt(DatabaseProvider provider)
    {
        await using var whole = await TestDatabase.CreateAsync(provider);
        await using var part = await TestDatabase.CreateAsync(provider);
        ReferenceDataset chosen;
        await using (var db = whole.NewDb())
        {
            var version = (await db.Calls.AsNoTracking().SingleAsync()).CurrentVersion;
            chosen = await db.Datasets.AsNoTracking().SingleAsync(d => d.Id == version.JobSeekersDatasetId);
        }

        Assert.Equal((DatasetKind.JobSeekers, FigureSeries.YearAverage, 2022, MunicipalitySet.Set2025, false), (chosen.Kind, chosen.Series, chosen.Year, chosen.MunicipalitySet, chosen.IsEstimate));
        await CreateAsync(whole, TestData.InterlocalAssociation("Regie Antwerpen-Borsbeek", "Antwerpen", "Antwerpen", "Borsbeek"), TestData.CentralCity("Gent"));
        await CreateAsync(part, TestData.CentralCity("Antwerpen"), TestData.CentralCity("Gent"));

        await using (var scope = whole.NewScope())
        {
            var preview = (await Allocation(scope).PreviewAsync(null, EligibilityDate)).Value!;
            Assert.Equal(chosen.Id, preview.Snapshot.JobSeekersDataset.Id);
            Assert.False(preview.UsesEstimates);
            Assert.Equal([("Regie Antwerpen-Borsbeek", 29_207L, false), ("Regie Gent", 11_689L, false)], preview.Lines.Select(l => (l.Name, l.JobSeekers, l.JobSeekersEstimated)));
            var run = (await Allocation(scope).CreateRunAsync(null, EligibilityDate)).Value!;
            Assert.False(run.UsesEstimates);
            Assert.True((await Allocation(scope).PublishAsync(run.Id)).IsSuccess);
        }

        await using (var scope = part.NewScope())
        {
            var preview = (await Allocation(scope).PreviewAsync(null, EligibilityDate)).Value!;
            Assert.True(preview.UsesEstimates);
            var antwerpen = preview.Lines.Single(l => l.Name == "Regie Antwerpen");
            Assert.Equal((28_632L, true), (antwerpen.JobSeekers, antwerpen.JobSeekersEstimated));
            var estimate = Assert.Single(antwerpen.JobSeekerEstimates!);
            Assert.Equal(("11002", EstimateReason.MergerShare, "11002"), (estimate.NisCode.Value, estimate.Reason, estimate.Merged2025!.Value.Value));
            Assert.False(preview.Lines.Single(l => l.Name == "Regie Gent").JobSeekersEstimated);

            var run = (await Allocation(scope).CreateRunAsync(null, EligibilityDate)).Value!;
            Assert.True(run.UsesEstimates);
            var refused = Assert.Single((await Allocation(scope).PublishAsync(run.Id)).Errors);
            Assert.Equal(("R13", ErrorKind.Conflict), (refused.Code, refused.Kind));
            Assert.Contains("Regie Antwerpen: Antwerpen (11002): deel van Antwerpen (11002, fusie 2025)", refused.Message.Nl, StringComparison.Ordinal);
            Assert.Contains("/Imports", refused.Message.Nl, StringComparison.Ordinal);
            Assert.Contains("regiekamer import job-seekers", refused.Message.Nl, StringComparison.Ordinal);
            Assert.Contains("for Antwerpen (11002)", refused.Message.En, StringComparison.Ordinal);
            Assert.DoesNotContain("Regie Gent", refused.Message.En, StringComparison.Ordinal);
        }
    }

    /// <summary>A call version chooses its job-seeker figures (R14): another series and year gives other figures, named by the run.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CallVersionChoosingThe31December2023Figures_AllocatesOnThem(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await CreateAsync(database, TestData.CentralCity("Gent"), TestData.CentralCity("Leuven"));
        Call call;
        ReferenceDataset december2023;
        await using (var db = database.NewDb())
        {
            call = await db.Calls.AsNoTracking().SingleAsync();
            december2023 = await db.Datasets.AsNoTracking().SingleAsync(d => d.Series == FigureSeries.December31 && d.Year == 2023);
        }

        await using (var scope = database.NewScope())
        {
            var v1 = call.CurrentVersion;
            var added = await scope.ServiceProvider.GetRequiredService<CallService>().AddVersionAsync(
                call.Id,
                new CallVersionInput(v1.YearlyBudget.ToInvariantString(), 40, 20, 40, v1.Deadline, v1.Priorities, new DateOnly(2024, 1, 1), "VDAB 31/12/2023", JobSeekersDatasetId: december2023.Id),
                call.Version);
            Assert.True(added.IsSuccess, string.Join("; ", added.Errors.Select(e => e.Message.En)));
            Assert.Equal(december2023.Id, added.Value!.JobSeekersDatasetId);
        }

        Dictionary<NisCode, long> vdab;
        await using (var db = database.NewDb())
        {
            vdab = await db.Figures.AsNoTracking().Where(f => f.DatasetId == december2023.Id).ToDictionaryAsync(f => f.NisCode, f => f.Value);
        }

        await using (var scope = database.NewScope())
        {
            var run = (await Allocation(scope).CreateRunAsync(null, new DateOnly(2024, 2, 1))).Value!;
            Assert.Equal(december2023.Id, run.JobSeekersDatasetId);
            Assert.Equal([vdab[NisCode.Parse("44021")], vdab[NisCode.Parse("24062")]], run.Lines.OrderBy(l => l.PartnershipName).Select(l => l.JobSeekers));
            Assert.False(run.UsesEstimates);
        }
    }

    private static async Task CreateAsync(TestDatabase database, params PartnershipInput[] inputs)
    {
        await using var scope = database.NewScope();
        foreach (var input in inputs)
        {
            var result = await scope.ServiceProvider.GetRequiredService<PartnershipService>().CreateAsync(input);
            Assert.True(result.IsSuccess, string.Join("; ", result.Errors.Select(e => e.Message.En)));
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
