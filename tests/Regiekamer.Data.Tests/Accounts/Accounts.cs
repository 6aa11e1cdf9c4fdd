using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Partnerships;
using Regiekamer.TestCommon;

namespace Regiekamer.Data.Tests.Accounts;

/// <summary>The account services on a test database, as the web app registers them (Identity, sign-in, reset tokens), and helpers to read what they wrote.</summary>
internal sealed class Accounts : IAsyncDisposable
{
    public static readonly Actor Administrator = new(Guid.Parse("3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a"), "jef.janssens@vlaanderen.be", nameof(Role.Administrator));

    private Accounts(TestDatabase database, ServiceProvider services)
    {
        Database = database;
        Services = services;
    }

    public TestDatabase Database { get; }

    public ServiceProvider Services { get; }

    /// <param name="seed">False: a migrated database with nothing in it (to load another trail first).</param>
    public static async Task<Accounts> CreateAsync(DatabaseProvider provider, bool demo = false, bool seed = true)
    {
        var database = await TestDatabase.CreateAsync(provider, seed: seed, demo: demo);
        var services = database.BuildServices(s =>
        {
            s.AddLogging();
            s.AddDataProtection().UseEphemeralDataProtectionProvider();
            s.AddAuthentication();
            s.AddRegiekamerIdentity()
                .AddSignInManager()
                .AddTokenProvider<DataProtectorTokenProvider<RegiekamerUser>>(TokenOptions.DefaultProvider);
        });
        return new Accounts(database, services);
    }

    /// <summary>One unit of work (like one web request) by <paramref name="actor"/>.</summary>
    public async Task<T> AsAsync<T>(Actor actor, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = actor;
        return await work(scope.ServiceProvider);
    }

    public Task<T> AsAdministratorAsync<T>(Func<AccountService, Task<T>> work) => AsAsync(Administrator, s => work(s.GetRequiredService<AccountService>()));

    /// <summary>Creates a user as the administrator and fails the test if that does not work.</summary>
    public async Task<RegiekamerUser> UserAsync(string email, string? password = null, params RoleGrant[] roles)
    {
        var created = await AsAdministratorAsync(a => a.CreateAsync(email, "Test " + email, roles, password));
        Assert.True(created.IsSuccess, Describe(created.Errors));
        return created.Value!;
    }

    /// <summary>A partnership of two Ghent-region municipalities, for partnership roles.</summary>
    public async Task<int> PartnershipAsync(string name)
    {
        var created = await AsAsync(Actor.System, s => s.GetRequiredService<PartnershipService>().CreateAsync(TestData.InterlocalAssociation(name, "Lochristi", "Lochristi", "Wachtebeke")));
        Assert.True(created.IsSuccess, Describe(created.Errors));
        return created.Value!.Id;
    }

    public Task<long> LastAuditIdAsync() => Audit.Audited.LastIdAsync(Database);

    public Task<List<AuditRecord>> AuditSinceAsync(long afterId) => Audit.Audited.SinceAsync(Database, afterId);

    public async Task<RegiekamerUser> ReloadAsync(Guid id)
    {
        await using var db = Database.NewDb();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Id == id);
    }

    public async Task<List<string>> StoredRolesAsync(Guid userId)
    {
        await using var db = Database.NewDb();
        var roles = await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == userId).ToListAsync();
        return roles.Select(r => r.PartnershipId is { } p ? $"{r.Role}:{p}" : r.Role.ToString()).Order(StringComparer.Ordinal).ToList();
    }

    public static JsonElement Json(string? text)
    {
        Assert.NotNull(text);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static List<string> Strings(JsonElement element, string property) =>
        element.GetProperty(property).EnumerateArray().Select(e => e.GetString()!).ToList();

    public static string Describe(IReadOnlyList<DomainError> errors) => string.Join(" | ", errors.Select(e => $"{e.Code} {e.Field}: {e.Message.En}"));

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
