using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Data;
using Regiekamer.Core.Imports;
using Regiekamer.Core.Partnerships;
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
            // A real reference date: the oldest shipped figures are VDAB's of 2014 (before, 2017 was the oldest), the newest the 2026 region version.
            Assert.True(d.ReferenceDate.Year is >= 2014 and <= 2026, $"dataset '{d.Title}' has reference date {d.ReferenceDate}");
        });

        var figureCounts = await db.Figures.GroupBy(f => f.DatasetId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var inhabitants = Assert.Single(datasets, d => d.Kind == DatasetKind.Inhabitants);
        Assert.Equal((new DateOnly(2020, 1, 1), false, 300, 300), (inhabitants.ReferenceDate, inhabitants.IsEstimate, inhabitants.RowCount, figureCounts[inhabitants.Id]));
        Assert.Equal(FlemishInhabitants2020, await db.Figures.Where(f => f.DatasetId == inhabitants.Id).SumAsync(f => f.Value));

        var workingAge = Assert.Single(datasets, d => d.Kind == DatasetKind.WorkingAgePopulation);
        Assert.Equal((new DateOnly(2017, 1, 1), false, 300, 300), (workingAge.ReferenceDate, workingAge.IsEstimate, workingAge.RowCount, figureCounts[workingAge.Id]));

        // The 4.5% estimate of earlier versions is still seeded (stored runs refer to it), and says how it was made.
        var jobSeekers = Assert.Single(datasets, d => d.Kind == DatasetKind.JobSeekers && d.IsEstimate);
        Assert.False(string.IsNullOrWhiteSpace(jobSeekers.EstimateMethod));
        Assert.Equal(300, figureCounts[jobSeekers.Id]);

        // VDAB's figures: one dataset per series and year on the 2025 municipalities, official, with source, series, year and reference date.
        var vdab = datasets.Where(d => d.Kind == DatasetKind.JobSeekers && !d.IsEstimate).ToList();
        Assert.Equal(11 + 10, vdab.Count);
        Assert.All(vdab, d =>
        {
            Assert.Equal((MunicipalitySet.Set2025, ShippedReferenceData.VdabSource, new DateOnly(d.Year!.Value, 12, 31)), (d.MunicipalitySet, d.Source, d.ReferenceDate));
            Assert.NotNull(d.Series);
            Assert.Equal(d.RowCount, figureCounts[d.Id]);
            Assert.InRange(d.RowCount, 284, 285); // Herstappe is suppressed in most years
        });
        var average2022 = Assert.Single(vdab, d => (d.Series, d.Year) == (FigureSeries.YearAverage, 2022));
        Assert.Equal(177_972, await db.Figures.Where(f => f.DatasetId == average2022.Id).SumAsync(f => f.Value));

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

    /// <summary>
    /// R13 names only "the number of job seekers": the seeded call uses VDAB's year average 2022 (the amounts were set
    /// in April 2023, the last full year before is 2022), Regiekamer's assumption, which the version's note says.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SeedReferenceData_TheCallUsesVdabYearAverage2022(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, seed: false);
        await SeedAsync(database);

        await using var db = database.NewDb();
        var version = Assert.Single((await db.Calls.AsNoTracking().SingleAsync()).Versions);
        var jobSeekers = await db.Datasets.AsNoTracking().SingleAsync(d => d.Id == version.JobSeekersDatasetId);
        Assert.Equal((DatasetKind.JobSeekers, FigureSeries.YearAverage, 2022, ShippedReferenceData.VdabSource), (jobSeekers.Kind, jobSeekers.Series, jobSeekers.Year, jobSeekers.Source));
        Assert.Contains("aanname", version.Note, StringComparison.Ordinal);
    }

    /// <summary>
    /// A database seeded before the VDAB figures shipped (simulated: they are removed and the call version's choice
    /// cleared) gets them from <see cref="DatabaseSeeder.AddMissingShippedDataAsync"/>, each with its audit record, and
    /// the call's version its choice, recorded on the call; a second run changes nothing.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AddMissingShippedData_BringsAnOlderDatabaseUpToDate_Once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var complete = await CountsAsync(database);
        int callVersion;
        await using (var db = database.NewDb())
        {
            callVersion = (await db.Calls.AsNoTracking().SingleAsync()).Version;
            await db.CallVersions.ExecuteUpdateAsync(s => s.SetProperty(v => v.JobSeekersDatasetId, (int?)null));
            Assert.Equal(21, await db.Datasets.Where(d => d.Series != null).ExecuteDeleteAsync());
        }

        var last = await Audit.Audited.LastIdAsync(database);
        await using (var scope = database.NewScope())
        {
            Assert.Equal(21, await scope.ServiceProvider.GetRequiredService<DatabaseSeeder>().AddMissingShippedDataAsync());
        }

        var after = await CountsAsync(database);
        Assert.Equal((complete.Datasets, complete.Figures, complete.CallVersions), (after.Datasets, after.Figures, after.CallVersions));
        await using (var db = database.NewDb())
        {
            var call = await db.Calls.AsNoTracking().SingleAsync();
            var jobSeekers = await db.Datasets.AsNoTracking().SingleAsync(d => d.Id == call.CurrentVersion.JobSeekersDatasetId);
            Assert.Equal((FigureSeries.YearAverage, 2022), (jobSeekers.Series, jobSeekers.Year));
            Assert.Equal(callVersion + 1, call.Version);

            var records = await Audit.Audited.SinceAsync(database, last);
            Assert.Equal(21, records.Count(r => (r.EntityType, r.Action) == (ImportService.AuditEntity, "Imported")));
            var assigned = Assert.Single(records, r => r.EntityType == CallService.AuditEntity);
            Assert.Equal((call.Id.ToString(CultureInfo.InvariantCulture), DatabaseSeeder.JobSeekersAssigned), (assigned.EntityId, assigned.Action));
            Assert.Equal(jobSeekers.Id, Audit.Audited.Json(assigned.After).GetProperty("JobSeekersDatasetId").GetInt32());
            Assert.Equal(22, records.Count);
            var verification = await AuditTrail.VerifyAsync(db);
            Assert.True(verification.Intact, verification.FirstBreak?.Reason);
        }

        await using (var scope = database.NewScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<DatabaseSeeder>().AddMissingShippedDataAsync());
        }

        Assert.Equal(after, await CountsAsync(database));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AddMissingShippedData_OnAFreshlySeededDatabase_AddsNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, seed: false);
        await SeedAsync(database);
        var before = await CountsAsync(database);
        var last = await Audit.Audited.LastIdAsync(database);

        await using (var scope = database.NewScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<DatabaseSeeder>().AddMissingShippedDataAsync());
        }

        Assert.Equal(before, await CountsAsync(database));
        Assert.Empty(await Audit.Audited.SinceAsync(database, last));
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

        // Dutch names on Dutch pages: the central cities that applied alone are "Centrumstad Gent", not "... (alone)".
        Assert.Equal(["Centrumstad Antwerpen", "Centrumstad Gent", "Centrumstad Leuven"], partnerships.Where(p => p.Kind == PartnershipKind.CentralCity).Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(partnerships, p => p.Name.Contains("alone", StringComparison.OrdinalIgnoreCase));

        await SeedDemoAsync(database);
        await using var again = database.NewDb();
        Assert.Equal(partnerships.Count, await again.Partnerships.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DutchDemoNamesMigration_RenamesTheOldDemoNames_AndNothingElse(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false, seed: false);
        await using (var db = database.NewDb())
        {
            await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync("20261203120000_DataVersions");
            db.Partnerships.AddRange(
                new Partnership { Name = "Centrumstad Antwerpen (alone)", Kind = PartnershipKind.CentralCity, IsDemo = true, DemoSource = "demo" },
                new Partnership { Name = "Centrumstad Leuven (alone)", Kind = PartnershipKind.CentralCity, IsDemo = true, DemoSource = "demo" },
                new Partnership { Name = "Centrumstad Gent (alone)", Kind = PartnershipKind.CentralCity, IsDemo = false },
                new Partnership { Name = "Scheldeland", Kind = PartnershipKind.InterlocalAssociation, IsDemo = true, DemoSource = "demo" });
            await db.SaveChangesAsync();
        }

        long dataVersion;
        Dictionary<string, int> versions;
        await using (var db = database.NewDb())
        {
            versions = await db.Partnerships.ToDictionaryAsync(p => p.Name, p => p.Version);
            dataVersion = await db.Set<DataVersion>().Where(v => v.Name == DataVersion.DerivedInputs).Select(v => v.Value).SingleAsync();
            await db.Database.MigrateAsync();
        }

        await using var migrated = database.NewDb();
        var after = await migrated.Partnerships.OrderBy(p => p.Id).Select(p => new { p.Name, p.Version }).ToListAsync();
        Assert.Equal(
            [("Centrumstad Antwerpen", versions["Centrumstad Antwerpen (alone)"] + 1), ("Centrumstad Leuven", versions["Centrumstad Leuven (alone)"] + 1), ("Centrumstad Gent (alone)", versions["Centrumstad Gent (alone)"]), ("Scheldeland", versions["Scheldeland"])],
            after.Select(p => (p.Name, p.Version)));
        Assert.Equal(dataVersion + 1, await migrated.Set<DataVersion>().Where(v => v.Name == DataVersion.DerivedInputs).Select(v => v.Value).SingleAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Seeding_RecordsEveryDatasetTheCallAndEachDemoPartnership_InTheAuditTrail_Once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, seed: false);
        await SeedAsync(database);
        await SeedDemoAsync(database);
        await SeedAsync(database);
        await SeedDemoAsync(database);

        await using var db = database.NewDb();
        var records = await db.AuditRecords.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        Assert.All(records, r => Audit.Audited.AssertActor(Actor.System, r));
        Assert.All(records, r => Assert.Null(r.Before));

        // One "Imported" per dataset, saying what it is and that it shipped with Regiekamer.
        var datasets = await db.Datasets.AsNoTracking().ToListAsync();
        var imported = records.Where(r => r.EntityType == ImportService.AuditEntity).ToList();
        Assert.Equal(datasets.Select(d => d.Id.ToString(CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal), imported.Select(r => r.EntityId).Order(StringComparer.Ordinal));
        Assert.All(imported, r => Assert.Equal("Imported", r.Action));
        var inhabitants = datasets.Single(d => d.Kind == DatasetKind.Inhabitants);
        var inhabitantsAfter = Audit.Audited.Json(imported.Single(r => r.EntityId == inhabitants.Id.ToString(CultureInfo.InvariantCulture)).After);
        Assert.Equal((inhabitants.Title, inhabitants.Source, "2020-01-01", 300, DatabaseSeeder.ShippedFile), (Audit.Audited.Text(inhabitantsAfter, "Title"), Audit.Audited.Text(inhabitantsAfter, "Source"), Audit.Audited.Text(inhabitantsAfter, "ReferenceDate"), inhabitantsAfter.GetProperty("RowCount").GetInt32(), Audit.Audited.Text(inhabitantsAfter, "File")));

        // The call's history starts with its creation and version 1.
        var call = await db.Calls.AsNoTracking().SingleAsync();
        var created = Assert.Single(records, r => r.EntityType == CallService.AuditEntity);
        Assert.Equal((call.Id.ToString(CultureInfo.InvariantCulture), "Created"), (created.EntityId, created.Action));
        var version = Audit.Audited.Json(created.After);
        Assert.Equal((1, "3000000.00", "40,20,40", "2023-01-15"), (version.GetProperty("Number").GetInt32(), Audit.Audited.Text(version, "YearlyBudget"), Audit.Audited.Text(version, "Weights"), Audit.Audited.Text(version, "Deadline")));

        // Each demo partnership: "Created" with its members.
        var partnerships = await db.Partnerships.AsNoTracking().Include(p => p.Members).ToListAsync();
        var partnershipRecords = records.Where(r => r.EntityType == PartnershipService.AuditEntity).ToList();
        Assert.Equal(partnerships.Count, partnershipRecords.Count);
        Assert.All(partnerships, p =>
        {
            var record = Assert.Single(partnershipRecords, r => r.EntityId == p.Id.ToString(CultureInfo.InvariantCulture));
            Assert.Equal("Created", record.Action);
            var after = Audit.Audited.Json(record.After);
            Assert.Equal(p.Name, Audit.Audited.Text(after, "Name"));
            Assert.Equal(p.Members.Select(m => m.NisCode.Value).Order(StringComparer.Ordinal), Audit.Audited.Strings(after, "Members").Order(StringComparer.Ordinal));
        });

        Assert.Equal(datasets.Count + 1 + partnerships.Count, records.Count);
        var verification = await AuditTrail.VerifyAsync(db);
        Assert.True(verification.Intact, verification.FirstBreak?.Reason);
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
