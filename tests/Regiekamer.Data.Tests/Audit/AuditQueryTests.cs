using Regiekamer.Core.Audit;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;

namespace Regiekamer.Data.Tests.Audit;

/// <summary>The department's filtered list: by entity, actor, action and Brussels dates, 50 a page, newest first.</summary>
public sealed class AuditQueryTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Filters_ByEntityActorAndAction(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, seed: false);
        await Audited.RecordAsync(database, Audited.CaseHandler, 3, "Partnership", "Updated");
        await Audited.RecordAsync(database, Audited.Administrator, 2, "AllocationRun", "Published");
        await Audited.RecordAsync(database, Audited.Regisseur, 1, "Partnership", "Created");
        var all = await Audited.SinceAsync(database, 0);
        await using var db = database.NewDb();

        async Task<List<long>> Ids(AuditFilter filter) => (await AuditQuery.PageAsync(db, filter, 1)).Records.Select(r => r.Id).ToList();
        List<long> Expected(Func<AuditRecord, bool> which) => all.Where(which).Select(r => r.Id).OrderDescending().ToList();

        Assert.Equal(Expected(_ => true), await Ids(AuditFilter.None));
        Assert.Equal(Expected(r => r.EntityType == "Partnership"), await Ids(new(EntityType: "Partnership")));
        Assert.Equal(Expected(r => r.EntityType == "Partnership" && r.EntityId == "1"), await Ids(new(EntityType: "Partnership", EntityId: " 1 ")));
        Assert.Equal(Expected(r => r.Action == "Published"), await Ids(new(Action: "Published")));

        // "contains", whatever the case, on both databases: the name people read (stored as a reference to a personal value)
        Assert.Equal(Expected(r => r.ActorName == Audited.CaseHandler.Name), await Ids(new(Actor: "PEETERS@")));
        Assert.Equal(Expected(r => r.ActorName == Audited.Administrator.Name), await Ids(new(Actor: "janssens, BEHEER")));
        Assert.Empty(await Ids(new(Actor: "niemand")));

        var (types, actions) = await AuditQuery.ChoicesAsync(db);
        Assert.Equal(["AllocationRun", "Partnership"], types);
        Assert.Equal(["Created", "Published", "Updated"], actions);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Filters_ByBrusselsDates_AcrossMidnightAndSummerTime(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, seed: false);

        // Summer time started on 26 March 2023: Brussels is UTC+2 at the end of March, UTC+1 in January.
        var instants = new (DateTimeOffset Utc, DateOnly BrusselsDate)[]
        {
            (new(2023, 1, 14, 22, 59, 0, TimeSpan.Zero), new(2023, 1, 14)),  // 23:59 CET
            (new(2023, 1, 14, 23, 30, 0, TimeSpan.Zero), new(2023, 1, 15)),  // 00:30 CET
            (new(2023, 3, 31, 21, 30, 0, TimeSpan.Zero), new(2023, 3, 31)),  // 23:30 CEST
            (new(2023, 3, 31, 22, 30, 0, TimeSpan.Zero), new(2023, 4, 1)),   // 00:30 CEST
            (new(2023, 4, 1, 21, 59, 59, TimeSpan.Zero), new(2023, 4, 1)),   // 23:59:59 CEST
            (new(2023, 4, 1, 22, 0, 0, TimeSpan.Zero), new(2023, 4, 2)),     // 00:00 CEST
        };
        foreach (var (utc, _) in instants)
        {
            database.Time.SetUtcNow(utc);
            await Audited.RecordAsync(database, Audited.CaseHandler, 1);
        }

        var records = await Audited.AllAsync(database);
        var dateOf = records.Zip(instants).ToDictionary(p => p.First.Id, p => p.Second.BrusselsDate);
        await using var db = database.NewDb();

        foreach (var (from, to) in new (DateOnly?, DateOnly?)[]
        {
            (new(2023, 4, 1), new(2023, 4, 1)),
            (new(2023, 1, 15), new(2023, 3, 31)),
            (null, new(2023, 1, 14)),
            (new(2023, 4, 2), null),
        })
        {
            var expected = dateOf.Where(kv => (from is null || kv.Value >= from) && (to is null || kv.Value <= to)).Select(kv => kv.Key).OrderDescending();
            var page = await AuditQuery.PageAsync(db, new AuditFilter(From: from, To: to), 1);
            Assert.Equal(expected, page.Records.Select(r => r.Id));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pages_Of50_NewestFirst(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, seed: false);
        await Audited.RecordAsync(database, Audited.CaseHandler, 120);
        var ids = (await Audited.AllAsync(database)).Select(r => r.Id).OrderDescending().ToList();
        await using var db = database.NewDb();

        var first = await AuditQuery.PageAsync(db, AuditFilter.None, 1);
        var third = await AuditQuery.PageAsync(db, AuditFilter.None, 3);
        var beyond = await AuditQuery.PageAsync(db, AuditFilter.None, 9);

        Assert.Equal((120L, 3, 1, true, false), (first.Total, first.Pages, first.Page, first.HasNext, first.HasPrevious));
        Assert.Equal(ids.Take(50), first.Records.Select(r => r.Id));
        Assert.Equal(ids.Skip(100), third.Records.Select(r => r.Id));
        Assert.False(third.HasNext);
        Assert.Equal(3, beyond.Page);
        Assert.Equal(ids.Skip(100), beyond.Records.Select(r => r.Id));
    }

    [Fact]
    public void Parse_BadDates_NameTheFieldAndValue()
    {
        var bad = AuditFilter.Parse(null, null, null, null, "14/01/2023", "2023-02-30");
        var reversed = AuditFilter.Parse(null, null, null, null, "2023-03-01", "2023-02-01");
        var good = AuditFilter.Parse(" Partnership ", "", "an", null, "2023-01-01", "2023-01-31");

        Assert.Equal(["from", "to"], bad.Errors.Select(e => e.Field));
        Assert.Contains("'14/01/2023'", bad.Errors[0].Message.En, StringComparison.Ordinal);
        Assert.Contains("'2023-02-30'", bad.Errors[1].Message.Nl, StringComparison.Ordinal);
        Assert.Equal("to", Assert.Single(reversed.Errors).Field);
        Assert.Equal(new AuditFilter("Partnership", null, "an", null, new DateOnly(2023, 1, 1), new DateOnly(2023, 1, 31)), good.Value);
    }
}
