using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;

namespace Regiekamer.Data.Tests.Audit;

/// <summary>Issue 7, point 3: a trail written before typed events still verifies, and typed events continue it.</summary>
public sealed class LegacyTrailTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ExistingTrail_StillVerifies_AndTypedEventsContinueTheChain(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, seed: false);
        var legacy = await LegacyTrail.LoadAsync(database);

        // The stored trail is the fixture's, hash for hash: format 1 is hashed exactly as before.
        var stored = await Audited.AllAsync(database);
        Assert.Equal(legacy.Select(r => (r.Id, r.PreviousHash, r.Hash)), stored.Select(r => (r.Id, r.PreviousHash, r.Hash)));
        await using (var db = database.NewDb())
        {
            var verification = await AuditTrail.VerifyAsync(db);
            Assert.True(verification.Intact, verification.FirstBreak?.Reason);
            Assert.Equal(legacy.Count, verification.RecordsChecked);
        }

        // New changes are typed events (format 2), chained onto the old records.
        var created = await Audited.AsAsync(database, Audited.CaseHandler, async s =>
        {
            await new DatabaseSeeder(s.GetRequiredService<RegiekamerDb>(), database.Time).SeedReferenceDataAsync();
            return await s.GetRequiredService<PartnershipService>().CreateAsync(TestData.CentralCity("Gent") with { RegisseurName = "Jan Peeters", RegisseurEmail = "jan.peeters@gent.be" });
        });
        Assert.True(created.IsSuccess);
        var all = await Audited.AllAsync(database);
        var next = all[legacy.Count];
        Assert.Equal((AuditTrail.CurrentFormat, legacy[^1].Hash), (next.Format, next.PreviousHash));
        Assert.All(all.Skip(legacy.Count), r => Assert.Equal(AuditTrail.CurrentFormat, r.Format));
        var mine = all[^1];
        Assert.DoesNotContain("jan.peeters", mine.After, StringComparison.Ordinal);
        Assert.DoesNotContain(Audited.CaseHandler.Name, mine.ActorName, StringComparison.Ordinal);

        await using (var db = database.NewDb())
        {
            var verification = await AuditTrail.VerifyAsync(db);
            Assert.True(verification.Intact, verification.FirstBreak?.Reason);
            Assert.Equal(all.Count, verification.RecordsChecked);

            // Old and new read alike: the legacy update of partnership 14 shows its changed phone, the new record its contact.
            var views = await AuditReader.ResolveAsync(db, await db.AuditRecords.AsNoTracking().OrderBy(a => a.Id).ToListAsync());
            var update = views.Single(v => v.Record.EntityType == "Partnership" && v.Record.EntityId == "14" && v.Record.Action == "Updated");
            Assert.Contains(update.Changes, c => c.Field == "RegisseurPhone" && c.Before == "+32 52 11 22 33" && c.After == "+32 52 99 88 77");
            Assert.Equal("lies.maes@durmeland.be", update.ActorName);
            var latest = views[^1];
            Assert.Equal(Audited.CaseHandler.Name, latest.ActorName);
            Assert.Contains(latest.Changes, c => c.Field == "RegisseurEmail" && c.After == "jan.peeters@gent.be");
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LegacyRecordEdited_IsStillFound(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, seed: false);
        var legacy = await LegacyTrail.LoadAsync(database);
        var target = legacy.Single(r => r.EntityType == "Partnership" && r.EntityId == "14" && r.Action == "Updated");
        await using (var db = database.NewDb())
        {
            var changed = await db.AuditRecords.Where(a => a.Id == target.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.ActorName, "iemand.anders@example.org"));
            Assert.Equal(1, changed);
        }

        await using var check = database.NewDb();
        var verification = await AuditTrail.VerifyAsync(check);
        Assert.Equal((target.Id, AuditBreakKind.Altered), (verification.FirstBreak!.RecordId, verification.FirstBreak.Kind));
    }
}
