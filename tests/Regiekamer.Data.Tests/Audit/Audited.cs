using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Audit;
using Regiekamer.TestCommon;

namespace Regiekamer.Data.Tests.Audit;

/// <summary>Acting as someone, and reading what the audit trail kept of it.</summary>
internal static class Audited
{
    public static readonly Actor CaseHandler = new(Guid.Parse("6f1c2d9e-3b7a-4c55-9a0e-1d2f3a4b5c6d"), "an.peeters@vlaanderen.be", nameof(Role.CaseHandler));

    public static readonly Actor Administrator = new(Guid.Parse("0b8e7d6c-5a4f-4e3d-8c2b-1a0f9e8d7c6b"), "Jef Janssens, beheer", nameof(Role.Administrator));

    public static readonly Actor Regisseur = new(Guid.Parse("9a8b7c6d-5e4f-4a3b-8c1d-0e9f8a7b6c5d"), "lies.maes@durmeland.be", nameof(Role.Regisseur));

    /// <summary>One unit of work (like one web request) by <paramref name="actor"/>.</summary>
    public static async Task<T> AsAsync<T>(TestDatabase database, Actor actor, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = database.NewScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = actor;
        return await action(scope.ServiceProvider);
    }

    /// <summary>Adds <paramref name="count"/> records straight through the trail, one save, as <paramref name="actor"/>.</summary>
    public static async Task RecordAsync(TestDatabase database, Actor actor, int count, string entityType = "Partnership", string action = "Updated", Func<int, object?>? after = null)
    {
        await AsAsync(database, actor, async services =>
        {
            var trail = services.GetRequiredService<AuditTrail>();
            for (var i = 0; i < count; i++)
            {
                trail.Record(new TestAuditEvent(entityType, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), action, null, after?.Invoke(i) ?? new { Index = i }));
            }

            return await services.GetRequiredService<Regiekamer.Core.Data.RegiekamerDb>().SaveChangesAsync();
        });
    }

    public static async Task<long> LastIdAsync(TestDatabase database)
    {
        await using var db = database.NewDb();
        return await db.AuditRecords.MaxAsync(a => (long?)a.Id) ?? 0;
    }

    /// <summary>The records after <paramref name="afterId"/> as people read them: actor and values with the personal references resolved.</summary>
    public static async Task<List<AuditRecord>> SinceAsync(TestDatabase database, long afterId)
    {
        await using var db = database.NewDb();
        var stored = await db.AuditRecords.AsNoTracking().Where(a => a.Id > afterId).OrderBy(a => a.Id).ToListAsync();
        return await ReadableAudit.ResolveAsync(db, stored);
    }

    /// <summary>Every record exactly as stored and hashed.</summary>
    public static async Task<List<AuditRecord>> AllAsync(TestDatabase database)
    {
        await using var db = database.NewDb();
        return await db.AuditRecords.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
    }

    public static void AssertActor(Actor expected, AuditRecord record) =>
        Assert.Equal((expected.UserId, expected.Name, expected.Role), (record.ActorUserId, record.ActorName, record.ActorRole));

    public static JsonElement Json(string? text)
    {
        Assert.NotNull(text);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static string? Text(JsonElement json, string property) => json.GetProperty(property).GetString();

    public static List<string?> Strings(JsonElement json, string property) => json.GetProperty(property).EnumerateArray().Select(e => e.GetString()).ToList();
}
