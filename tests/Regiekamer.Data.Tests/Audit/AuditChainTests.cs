using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Allocation;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Data;
using Regiekamer.Core.Partnerships;
using Regiekamer.TestCommon;

namespace Regiekamer.Data.Tests.Audit;

/// <summary>Tamper evidence: every record's hash covers its content and the hash before it, and a row changed in the database is found.</summary>
public sealed class AuditChainTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Chain_AfterManyActions_Verifies_AndEachRecordLinksToTheOneBefore(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var seeded = (await Audited.AllAsync(database)).Count;
        await AllocationServiceTests.CreatePartnershipsAsync(database);
        var durmeland = (await Audited.AsAsync(database, Audited.Regisseur, s => s.GetRequiredService<PartnershipService>()
            .CreateAsync(TestData.InterlocalAssociation("Regie Durmeland", "Zele", "Hamme", "Zele")))).Value!;
        var version = durmeland.Version;
        string[][] memberships = [["Hamme", "Zele", "Berlare"], ["Zele", "Berlare"], ["Zele", "Berlare", "Lebbeke"], ["Zele", "Lebbeke"], ["Hamme", "Zele"]];
        foreach (var members in memberships)
        {
            database.Time.Advance(TimeSpan.FromMinutes(7));
            var updated = await Audited.AsAsync(database, Audited.Regisseur, s => s.GetRequiredService<PartnershipService>()
                .UpdateAsync(durmeland.Id, TestData.InterlocalAssociation("Regie Durmeland", "Zele", members), version));
            version = updated.Value!.Version;
        }

        var call = await Audited.AsAsync(database, Audited.Administrator, s => s.GetRequiredService<CallService>().LatestAsync());
        await Audited.AsAsync(database, Audited.Administrator, s => s.GetRequiredService<CallService>()
            .AddVersionAsync(call!.Id, new CallVersionInput("3100000", 40, 20, 40, new DateOnly(2024, 1, 15), "WSE-LR1", new DateOnly(2024, 1, 1), null), call.Version));
        var run = await Audited.AsAsync(database, Audited.CaseHandler, s => s.GetRequiredService<AllocationService>().CreateRunAsync(null, new DateOnly(2024, 2, 1)));
        await Audited.AsAsync(database, Audited.CaseHandler, s => s.GetRequiredService<AllocationService>().DeleteRunAsync(run.Value!.Id));
        await Audited.AsAsync(database, Audited.Administrator, s => s.GetRequiredService<PartnershipService>().DeleteAsync(durmeland.Id));

        var records = await Audited.AllAsync(database);
        // The seed's records, then 4 + 1 partnerships created, 5 updates, 1 call version, 1 run created and deleted, 1 partnership deleted.
        Assert.Equal(seeded + 14, records.Count);
        Assert.Equal("", records[0].PreviousHash);
        for (var i = 0; i < records.Count; i++)
        {
            Assert.Equal(Sha256OfFields(records[i]), records[i].Hash);
            if (i > 0)
            {
                Assert.Equal(records[i - 1].Hash, records[i].PreviousHash);
            }
        }

        await using var db = database.NewDb();
        var verification = await AuditTrail.VerifyAsync(db);
        Assert.True(verification.Intact, verification.FirstBreak?.Reason);
        Assert.Equal(seeded + 14, verification.RecordsChecked);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Chain_WrittenByConcurrentRequests_StaysOneUnbrokenChain(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, seed: false);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                await Audited.RecordAsync(database, Audited.CaseHandler, 2);
            }
        })));

        await using var db = database.NewDb();
        var verification = await AuditTrail.VerifyAsync(db);
        Assert.True(verification.Intact, verification.FirstBreak?.Reason);
        Assert.Equal(60, verification.RecordsChecked);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Chain_OfRecordsSavedTogether_FollowsTheOrderRecorded_WhateverOrderEfCoreKeepsThemIn(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var seeded = await Audited.LastIdAsync(database);
        var codes = new[] { "42008", "42010", "42025", "42026", "42028", "44021", "11002", "41002", "42006", "42004", "42011", "46003", "46013" };

        // The seeder's pattern, which once chained 13 records in reverse: entities saved, then one record each, one save.
        List<string> recorded;
        await using (var scope = database.NewScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegiekamerDb>();
            var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();
            foreach (var code in codes)
            {
                db.Partnerships.Add(new Partnership { Name = "Regie " + code, Members = [new PartnershipMember { NisCode = Core.Common.NisCode.Parse(code) }] });
            }

            await db.SaveChangesAsync();
            recorded = db.Partnerships.Local.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Id.ToString(CultureInfo.InvariantCulture)).ToList();
            foreach (var id in recorded)
            {
                trail.Record(new TestAuditEvent(PartnershipService.AuditEntity, id, "Created", null, new { Id = id }));
            }

            await db.SaveChangesAsync();
        }

        Assert.Equal(recorded, (await Audited.SinceAsync(database, seeded)).Select(r => r.EntityId));
        var verification = await VerifyAsync(database);
        Assert.True(verification.Intact, verification.FirstBreak?.Reason);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Verify_EmptyTrail_IsIntact(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, seed: false);
        await using var db = database.NewDb();

        var verification = await AuditTrail.VerifyAsync(db);

        Assert.True(verification.Intact);
        Assert.Equal(0, verification.RecordsChecked);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Verify_RowEditedWithSql_NamesThatRecord(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await Audited.RecordAsync(database, Audited.CaseHandler, 6, after: i => new { Name = "Regie " + i });
        var target = (await Audited.AllAsync(database))[2];

        await TamperAsync(database, $"""UPDATE "AuditRecords" SET "After" = {"{\"Name\":\"Regie vervalst\"}"} WHERE "Id" = {target.Id}""");

        var verification = await VerifyAsync(database);

        Assert.False(verification.Intact);
        Assert.Equal((target.Id, AuditBreakKind.Altered), (verification.FirstBreak!.RecordId, verification.FirstBreak.Kind));
        Assert.Contains($"record {target.Id}", verification.FirstBreak.Reason, StringComparison.Ordinal);
        Assert.Contains($"record {target.Id}", verification.FirstBreak.Message.Nl, StringComparison.Ordinal);
        Assert.Equal(3, verification.RecordsChecked);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Verify_ActorOrTimeEditedWithSql_IsFound(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await Audited.RecordAsync(database, Audited.CaseHandler, 4);
        var records = await Audited.AllAsync(database);

        await TamperAsync(database, $"""UPDATE "AuditRecords" SET "ActorName" = {"iemand.anders@vlaanderen.be"} WHERE "Id" = {records[3].Id}""");

        Assert.Equal(records[3].Id, (await VerifyAsync(database)).FirstBreak?.RecordId);

        await TamperAsync(database, $"""UPDATE "AuditRecords" SET "AtUtc" = {records[1].AtUtc.AddDays(-1)} WHERE "Id" = {records[1].Id}""");

        Assert.Equal(records[1].Id, (await VerifyAsync(database)).FirstBreak?.RecordId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Verify_DeletedMiddleRow_NamesTheRecordAfterIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await Audited.RecordAsync(database, Audited.CaseHandler, 5);
        var records = await Audited.AllAsync(database);

        await TamperAsync(database, $"""DELETE FROM "AuditRecords" WHERE "Id" = {records[2].Id}""");

        var verification = await VerifyAsync(database);

        Assert.Equal((records[3].Id, AuditBreakKind.Unlinked), (verification.FirstBreak!.RecordId, verification.FirstBreak.Kind));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Verify_EditedHash_NamesThatRecord(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await Audited.RecordAsync(database, Audited.CaseHandler, 5);
        var records = await Audited.AllAsync(database);
        var forged = new string('0', 64);

        await TamperAsync(database, $"""UPDATE "AuditRecords" SET "Hash" = {forged} WHERE "Id" = {records[1].Id}""");

        var verification = await VerifyAsync(database);

        Assert.Equal((records[1].Id, AuditBreakKind.Altered), (verification.FirstBreak!.RecordId, verification.FirstBreak.Kind));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Verify_EditWithItsOwnHashRecomputed_IsFoundAtTheNextRecord(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await Audited.RecordAsync(database, Audited.CaseHandler, 4);
        var records = await Audited.AllAsync(database);

        // Someone who knows the scheme edits record 2 and gives it a matching hash: the link from record 3 breaks.
        var edited = records[1];
        edited.After = "{\"Index\":99}";
        var rehashed = Sha256OfFields(edited);
        await TamperAsync(database, $"""UPDATE "AuditRecords" SET "After" = {edited.After}, "Hash" = {rehashed} WHERE "Id" = {edited.Id}""");

        var verification = await VerifyAsync(database);

        Assert.Equal((records[2].Id, AuditBreakKind.Unlinked), (verification.FirstBreak!.RecordId, verification.FirstBreak.Kind));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AppendOnly_SavingAChangedAuditRecord_Throws_AndChangesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await Audited.RecordAsync(database, Audited.CaseHandler, 3);

        await using (var db = database.NewDb())
        {
            var record = await db.AuditRecords.OrderBy(a => a.Id).Skip(1).FirstAsync();
            record.After = "{\"Index\":42}";
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains($"record {record.Id}", error.Message, StringComparison.Ordinal);
        }

        Assert.True((await VerifyAsync(database)).Intact);
        Assert.DoesNotContain(await Audited.AllAsync(database), r => r.After == "{\"Index\":42}");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AppendOnly_DeletingAnAuditRecord_Throws_AndChangesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, seed: false);
        await Audited.RecordAsync(database, Audited.CaseHandler, 3);

        await using (var db = database.NewDb())
        {
            db.AuditRecords.Remove(await db.AuditRecords.OrderBy(a => a.Id).FirstAsync());
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        Assert.Equal(3, (await Audited.AllAsync(database)).Count);
    }

    /// <summary>An edit made straight in the database, past the application, to exactly one row.</summary>
    private static async Task TamperAsync(TestDatabase database, FormattableString sql)
    {
        await using var db = database.NewDb();
        Assert.Equal(1, await db.Database.ExecuteSqlAsync(sql));
    }

    private static async Task<AuditVerification> VerifyAsync(TestDatabase database)
    {
        await using var db = database.NewDb();
        return await AuditTrail.VerifyAsync(db);
    }

    /// <summary>
    /// The chain as designed, written out here rather than taken from the code: SHA-256 (lower-case hex) of the previous
    /// hash, the UTC time to the millisecond, the user id, name, role, entity type, entity id, action, before and after
    /// (NUL for none), joined by line feeds.
    /// </summary>
    /// <summary>
    /// The chain's hash written out here again, apart from the code: format 1 as records were hashed before typed
    /// events, format 2 with "v2" first and the changed fields last.
    /// </summary>
    private static string Sha256OfFields(Regiekamer.Core.Audit.AuditRecord r)
    {
        string[] v2 = r.Format == 1 ? [] : ["v" + r.Format.ToString(CultureInfo.InvariantCulture)];
        string[] fields = r.Format == 1 ? [] : [r.Fields ?? "\0"];
        var text = string.Join('\n', [
            .. v2,
            r.PreviousHash,
            r.AtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            r.ActorUserId?.ToString() ?? "",
            r.ActorName,
            r.ActorRole,
            r.EntityType,
            r.EntityId,
            r.Action,
            r.Before ?? "\0",
            r.After ?? "\0",
            .. fields,
        ]);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
    }
}
