using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Allocation;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Imports;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;
using Regiekamer.TestCommon;

namespace Regiekamer.Data.Tests.Audit;

/// <summary>Each change that matters leaves exactly one audit record: who, when, which entity, which action, before and after.</summary>
public sealed class AuditRecordingTests
{
    // Statbel REFNIS codes.
    private const string Berlare = "42003";
    private const string Hamme = "42008";
    private const string Lebbeke = "42011";
    private const string Zele = "42028";

    /// <summary>2 March 2023 09:15:30.250 UTC: whole milliseconds, so the stored time is exactly the clock's.</summary>
    private static readonly DateTimeOffset Morning = new(2023, 3, 2, 9, 15, 30, 250, TimeSpan.Zero);

    private static readonly DateOnly EligibilityDate = new(2023, 4, 1);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PartnershipCreated_LeavesOneRecord_WithTheActorAndTheValuesAfter(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        database.Time.SetUtcNow(Morning);
        var last = await Audited.LastIdAsync(database);

        var created = await Audited.AsAsync(database, Audited.CaseHandler, s => s.GetRequiredService<PartnershipService>()
            .CreateAsync(TestData.InterlocalAssociation("Regie Durmeland", "Zele", "Zele", "Hamme") with { RegisseurEmail = "lies.maes@durmeland.be" }));

        Assert.True(created.IsSuccess);
        var record = Assert.Single(await Audited.SinceAsync(database, last));
        Audited.AssertActor(Audited.CaseHandler, record);
        Assert.Equal(("Partnership", created.Value!.Id.ToString(CultureInfo.InvariantCulture), "Created"), (record.EntityType, record.EntityId, record.Action));
        Assert.Equal(Morning.UtcDateTime, record.AtUtc);
        Assert.Null(record.Before);
        var after = Audited.Json(record.After);
        Assert.Equal("Regie Durmeland", Audited.Text(after, "Name"));
        Assert.Equal("interlocal-association", Audited.Text(after, "Kind"));
        Assert.Equal("new", Audited.Text(after, "Status"));
        Assert.Equal([Hamme, Zele], Audited.Strings(after, "Members"));
        Assert.Equal(Zele, Audited.Text(after, "ManagingMunicipality"));
        Assert.Equal("lies.maes@durmeland.be", Audited.Text(after, "RegisseurEmail"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PartnershipUpdated_MembersChanged_RecordsBeforeAndAfter_AndOnlyNameAndMembersDiffer(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var created = (await Audited.AsAsync(database, Audited.CaseHandler, s => s.GetRequiredService<PartnershipService>()
            .CreateAsync(TestData.InterlocalAssociation("Regie Durmeland", "Zele", "Hamme", "Zele")))).Value!;
        database.Time.SetUtcNow(Morning);
        var last = await Audited.LastIdAsync(database);

        var updated = await Audited.AsAsync(database, Audited.Regisseur, s => s.GetRequiredService<PartnershipService>()
            .UpdateAsync(created.Id, TestData.InterlocalAssociation("Regie Durme en Schelde", "Zele", "Zele", "Lebbeke", "Berlare"), created.Version));

        Assert.True(updated.IsSuccess);
        var record = Assert.Single(await Audited.SinceAsync(database, last));
        Audited.AssertActor(Audited.Regisseur, record);
        Assert.Equal(("Partnership", created.Id.ToString(CultureInfo.InvariantCulture), "Updated"), (record.EntityType, record.EntityId, record.Action));
        Assert.Equal(Morning.UtcDateTime, record.AtUtc);
        var before = Audited.Json(record.Before);
        var after = Audited.Json(record.After);
        Assert.Equal(("Regie Durmeland", "Regie Durme en Schelde"), (Audited.Text(before, "Name"), Audited.Text(after, "Name")));
        Assert.Equal([Hamme, Zele], Audited.Strings(before, "Members"));
        Assert.Equal([Berlare, Lebbeke, Zele], Audited.Strings(after, "Members"));

        var changes = AuditDiff.Changes(record);
        Assert.Equal(["Name", "Members"], changes.Select(c => c.Field));
        Assert.Equal(new AuditChange("Members", $"{Hamme}, {Zele}", $"{Berlare}, {Lebbeke}, {Zele}"), changes[1]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PartnershipDeleted_RecordsTheValuesBefore(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var created = (await Audited.AsAsync(database, Audited.CaseHandler, s => s.GetRequiredService<PartnershipService>()
            .CreateAsync(TestData.InterlocalAssociation("Regie Durmeland", "Zele", "Hamme", "Zele")))).Value!;
        var last = await Audited.LastIdAsync(database);

        var deleted = await Audited.AsAsync(database, Audited.Administrator, s => s.GetRequiredService<PartnershipService>().DeleteAsync(created.Id));

        Assert.True(deleted.IsSuccess);
        var record = Assert.Single(await Audited.SinceAsync(database, last));
        Audited.AssertActor(Audited.Administrator, record);
        Assert.Equal(("Partnership", created.Id.ToString(CultureInfo.InvariantCulture), "Deleted"), (record.EntityType, record.EntityId, record.Action));
        Assert.Null(record.After);
        var before = Audited.Json(record.Before);
        Assert.Equal("Regie Durmeland", Audited.Text(before, "Name"));
        Assert.Equal([Hamme, Zele], Audited.Strings(before, "Members"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FailedChanges_LeaveNoRecord(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var created = (await Audited.AsAsync(database, Audited.CaseHandler, s => s.GetRequiredService<PartnershipService>()
            .CreateAsync(TestData.InterlocalAssociation("Regie Durmeland", "Zele", "Hamme", "Zele")))).Value!;
        var last = await Audited.LastIdAsync(database);

        var invalid = await Audited.AsAsync(database, Audited.CaseHandler, s => s.GetRequiredService<PartnershipService>()
            .CreateAsync(TestData.InterlocalAssociation("Regie Atlantis", "Hamme", "Hamme", "Atlantis")));
        var stale = await Audited.AsAsync(database, Audited.CaseHandler, s => s.GetRequiredService<PartnershipService>()
            .UpdateAsync(created.Id, TestData.InterlocalAssociation("Regie Durme", "Zele", "Hamme", "Zele"), created.Version + 7));
        var missing = await Audited.AsAsync(database, Audited.CaseHandler, s => s.GetRequiredService<PartnershipService>().DeleteAsync(created.Id + 1000));

        Assert.False(invalid.IsSuccess);
        Assert.Equal("concurrency", Assert.Single(stale.Errors).Code);
        Assert.Equal(ErrorKind.NotFound, Assert.Single(missing.Errors).Kind);
        Assert.Empty(await Audited.SinceAsync(database, last));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CallVersionAdded_RecordsTheTermsBeforeAndAfter_R14(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        database.Time.SetUtcNow(Morning);
        Call call;
        await using (var db = database.NewDb())
        {
            call = await db.Calls.AsNoTracking().SingleAsync();
        }

        var last = await Audited.LastIdAsync(database);
        var revision = new CallVersionInput("3250000.50", 50, 10, 40, new DateOnly(2024, 1, 15), "WSE-LR1;WSE-LR3", new DateOnly(2024, 1, 1), "Herziening");

        var added = await Audited.AsAsync(database, Audited.Administrator, s => s.GetRequiredService<CallService>().AddVersionAsync(call.Id, revision, call.Version));

        Assert.True(added.IsSuccess, string.Join("; ", added.Errors.Select(e => e.Message.En)));
        var record = Assert.Single(await Audited.SinceAsync(database, last));
        Audited.AssertActor(Audited.Administrator, record);
        Assert.Equal(("Call", call.Id.ToString(CultureInfo.InvariantCulture), "VersionAdded"), (record.EntityType, record.EntityId, record.Action));
        Assert.Equal(Morning.UtcDateTime, record.AtUtc);
        var before = Audited.Json(record.Before);
        var after = Audited.Json(record.After);

        // The 2023-2025 call as published: EUR 3,000,000 a year, weights 40/20/40 (R13).
        Assert.Equal((1, "3000000.00", "40,20,40"), (before.GetProperty("Number").GetInt32(), Audited.Text(before, "YearlyBudget"), Audited.Text(before, "Weights")));
        Assert.Equal((2, "3250000.50", "50,10,40"), (after.GetProperty("Number").GetInt32(), Audited.Text(after, "YearlyBudget"), Audited.Text(after, "Weights")));
        Assert.Equal(("2024-01-15", "2024-01-01", "Herziening"), (Audited.Text(after, "Deadline"), Audited.Text(after, "EffectiveFrom"), Audited.Text(after, "Note")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task JobSeekerImport_LeavesOneRecordForItsDataset(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        database.Time.SetUtcNow(Morning);
        var last = await Audited.LastIdAsync(database);

        var imported = await Audited.AsAsync(database, Audited.Administrator, s => ImportJobSeekersAsync(s, database));

        var record = Assert.Single(await Audited.SinceAsync(database, last));
        Audited.AssertActor(Audited.Administrator, record);
        Assert.Equal(("ReferenceDataset", imported.ToString(CultureInfo.InvariantCulture), "Imported"), (record.EntityType, record.EntityId, record.Action));
        Assert.Null(record.Before);
        var after = Audited.Json(record.After);
        Assert.Equal(("JobSeekers", "VDAB Arvastat", "2023-03-31", "nwwz-2023-03.csv"), (Audited.Text(after, "Kind"), Audited.Text(after, "Source"), Audited.Text(after, "ReferenceDate"), Audited.Text(after, "File")));
        Assert.Equal(300, after.GetProperty("RowCount").GetInt32());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PopulationImportWithInhabitants_LeavesOneRecordPerDataset(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        List<NisCode> codes;
        await using (var db = database.NewDb())
        {
            codes = await db.Municipalities.AsNoTracking().Where(m => m.Set == MunicipalitySet.Set2019).Select(m => m.NisCode).ToListAsync();
        }

        var last = await Audited.LastIdAsync(database);

        var result = await Audited.AsAsync(database, Audited.Administrator, s => s.GetRequiredService<ImportService>().ImportAsync(
            new ImportRequest(FigureFileKind.Population, "bevolking-2024.csv", new DateOnly(2024, 1, 1), "Statbel"),
            new StringReader(TestData.PopulationCsv(codes.Select((c, i) => (c, 10_000L + i, 15_000L + i))))));

        Assert.True(result.IsSuccess);
        var records = await Audited.SinceAsync(database, last);
        Assert.Equal(result.Value!.Select(d => d.Id.ToString(CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal), records.Select(r => r.EntityId).Order(StringComparer.Ordinal));
        Assert.All(records, r => Assert.Equal(("ReferenceDataset", "Imported"), (r.EntityType, r.Action)));
        Assert.Equal(["Inhabitants", "WorkingAgePopulation"], records.Select(r => Audited.Text(Audited.Json(r.After), "Kind")).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AllocationRun_CreatedPublishedAndDeleted_EachLeaveOneRecord(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await AllocationServiceTests.CreatePartnershipsAsync(database);
        var estimated = await Audited.AsAsync(database, Audited.CaseHandler, s => s.GetRequiredService<AllocationService>().CreateRunAsync(null, EligibilityDate));
        await Audited.AsAsync(database, Audited.Administrator, s => ImportJobSeekersAsync(s, database));
        int callVersionId;
        await using (var db = database.NewDb())
        {
            callVersionId = (await db.CallVersions.AsNoTracking().SingleAsync()).Id;
        }

        // Created
        database.Time.SetUtcNow(Morning);
        var last = await Audited.LastIdAsync(database);
        var created = await Audited.AsAsync(database, Audited.CaseHandler, s => s.GetRequiredService<AllocationService>().CreateRunAsync(null, EligibilityDate));
        Assert.True(created.IsSuccess, string.Join("; ", created.Errors.Select(e => e.Message.En)));
        var run = created.Value!;
        var record = Assert.Single(await Audited.SinceAsync(database, last));
        Audited.AssertActor(Audited.CaseHandler, record);
        Assert.Equal(("AllocationRun", run.Id.ToString(CultureInfo.InvariantCulture), "Created", Morning.UtcDateTime), (record.EntityType, record.EntityId, record.Action, record.AtUtc));
        Assert.Null(record.Before);
        var after = Audited.Json(record.After);
        Assert.Equal(callVersionId, after.GetProperty("CallVersionId").GetInt32());
        Assert.Equal(("3000000.00", "40,20,40", "2023-04-01"), (Audited.Text(after, "Budget"), Audited.Text(after, "Weights"), Audited.Text(after, "EligibilityDate")));
        Assert.False(after.GetProperty("UsesEstimates").GetBoolean());
        var lines = after.GetProperty("Lines").EnumerateArray().ToList();
        Assert.Equal(["Regie Antwerpen", "Regie Denderregio", "Regie Gent"], lines.Select(l => l.GetProperty("PartnershipName").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(300_000_000, lines.Sum(l => Cents(l.GetProperty("Total").GetString()!)));

        // Published
        var publishedAt = Morning.AddHours(2);
        database.Time.SetUtcNow(publishedAt);
        last = await Audited.LastIdAsync(database);
        var published = await Audited.AsAsync(database, Audited.Administrator, s => s.GetRequiredService<AllocationService>().PublishAsync(run.Id));
        Assert.True(published.IsSuccess, string.Join("; ", published.Errors.Select(e => e.Message.En)));
        record = Assert.Single(await Audited.SinceAsync(database, last));
        Audited.AssertActor(Audited.Administrator, record);
        Assert.Equal(("AllocationRun", run.Id.ToString(CultureInfo.InvariantCulture), "Published", publishedAt.UtcDateTime), (record.EntityType, record.EntityId, record.Action, record.AtUtc));
        Assert.Equal(publishedAt, DateTimeOffset.Parse(Audited.Text(Audited.Json(record.After), "PublishedAtUtc")!, CultureInfo.InvariantCulture));

        // Publishing again and deleting the published run are refused and leave nothing.
        last = await Audited.LastIdAsync(database);
        await Audited.AsAsync(database, Audited.Administrator, s => s.GetRequiredService<AllocationService>().PublishAsync(run.Id));
        await Audited.AsAsync(database, Audited.Administrator, s => s.GetRequiredService<AllocationService>().DeleteRunAsync(run.Id));
        Assert.Empty(await Audited.SinceAsync(database, last));

        // Deleted (the unpublished run on estimates)
        var deleted = await Audited.AsAsync(database, Audited.CaseHandler, s => s.GetRequiredService<AllocationService>().DeleteRunAsync(estimated.Value!.Id));
        Assert.True(deleted.IsSuccess);
        record = Assert.Single(await Audited.SinceAsync(database, last));
        Audited.AssertActor(Audited.CaseHandler, record);
        Assert.Equal(("AllocationRun", estimated.Value!.Id.ToString(CultureInfo.InvariantCulture), "Deleted"), (record.EntityType, record.EntityId, record.Action));
        Assert.Null(record.After);
        var before = Audited.Json(record.Before);
        Assert.Equal((callVersionId, "3000000.00"), (before.GetProperty("CallVersionId").GetInt32(), Audited.Text(before, "Budget")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AClockBetweenMilliseconds_IsStoredToTheMillisecond_AndTheChainStillVerifies(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, seed: false);
        var odd = Morning.AddTicks(4_321); // 0.4321 ms past Morning
        database.Time.SetUtcNow(odd);

        await Audited.RecordAsync(database, Audited.CaseHandler, 2);

        var records = await Audited.AllAsync(database);
        Assert.All(records, r => Assert.Equal(Morning.UtcDateTime, r.AtUtc));
        await using var db = database.NewDb();
        Assert.True((await AuditTrail.VerifyAsync(db)).Intact);
    }

    /// <summary>VDAB figures for all 300 municipalities, made up but distinct; returns the new dataset's id.</summary>
    private static async Task<int> ImportJobSeekersAsync(IServiceProvider services, TestDatabase database)
    {
        await using var db = database.NewDb();
        var codes = await db.Municipalities.AsNoTracking().Where(m => m.Set == MunicipalitySet.Set2019).Select(m => m.NisCode).ToListAsync();
        var result = await services.GetRequiredService<ImportService>().ImportAsync(
            new ImportRequest(FigureFileKind.JobSeekers, "nwwz-2023-03.csv", new DateOnly(2023, 3, 31), "VDAB Arvastat"),
            new StringReader(TestData.JobSeekersCsv(codes.Select(c => (c, 100 + (long.Parse(c.Value, CultureInfo.InvariantCulture) % 997))))));
        Assert.True(result.IsSuccess, string.Join("; ", result.Errors.Select(e => e.Message.En)));
        return Assert.Single(result.Value!).Id;
    }

    private static long Cents(string euros)
    {
        Assert.Matches(@"^\d+\.\d{2}$", euros);
        return long.Parse(euros.Replace(".", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
