using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Partnerships;
using Regiekamer.TestCommon;

namespace Regiekamer.Data.Tests;

public sealed class PartnershipServiceTests
{
    // NIS codes (Statbel REFNIS) of Denderregio municipalities, arrondissement Dendermonde.
    private const string Berlare = "42003";
    private const string Hamme = "42008";
    private const string Lebbeke = "42011";
    private const string Zele = "42028";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_InterlocalAssociation_IsStoredWithMembersAndManagingMunicipality(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        // Members by name or by NIS code, as a user may type them.
        var created = await CreateAsync(database, TestData.InterlocalAssociation("Regie Durmeland", "Zele", "Hamme", "zele", Berlare));

        await using var db = database.NewDb();
        var stored = await db.Partnerships.AsNoTracking().SingleAsync(p => p.Id == created.Id);
        Assert.Equal("Regie Durmeland", stored.Name);
        Assert.Equal(PartnershipKind.InterlocalAssociation, stored.Kind);
        Assert.Equal(PartnershipStatus.New, stored.Status);
        Assert.Equal([Berlare, Hamme, Zele], Codes(stored));
        Assert.Equal(Zele, stored.ManagingNisCode?.Value);
        Assert.False(stored.IsDemo);
        Assert.Equal(database.Time.GetUtcNow().UtcDateTime, stored.CreatedAtUtc);
        Assert.Equal(DateTimeKind.Utc, stored.CreatedAtUtc.Kind);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Update_ChangesNameAndMembers_AndBumpsTheVersion(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var created = await CreateAsync(database, TestData.InterlocalAssociation("Regie Durmeland", "Zele", "Hamme", "Zele"));
        database.Time.Advance(TimeSpan.FromDays(3));

        await using (var scope = database.NewScope())
        {
            var result = await Service(scope).UpdateAsync(created.Id, TestData.InterlocalAssociation("Regie Durme en Schelde", "Zele", "Zele", "Lebbeke", "Berlare"), created.Version);
            Assert.True(result.IsSuccess, Describe(result));
        }

        await using var db = database.NewDb();
        var stored = await db.Partnerships.AsNoTracking().SingleAsync(p => p.Id == created.Id);
        Assert.Equal("Regie Durme en Schelde", stored.Name);
        Assert.Equal([Berlare, Lebbeke, Zele], Codes(stored));
        Assert.Equal(created.Version + 1, stored.Version);
        Assert.Equal(database.Time.GetUtcNow().UtcDateTime, stored.UpdatedAtUtc);
        Assert.Equal(3, await db.PartnershipMembers.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Delete_RemovesThePartnershipAndItsMembers(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var created = await CreateAsync(database, TestData.InterlocalAssociation("Regie Durmeland", "Zele", "Hamme", "Zele"));
        var kept = await CreateAsync(database, TestData.CentralCity("Gent"));

        await using (var scope = database.NewScope())
        {
            var result = await Service(scope).DeleteAsync(created.Id);
            Assert.True(result.IsSuccess, Describe(result));
            Assert.Equal(ErrorKind.NotFound, Assert.Single((await Service(scope).DeleteAsync(created.Id)).Errors).Kind);
        }

        await using var db = database.NewDb();
        Assert.Equal([kept.Id], await db.Partnerships.Select(p => p.Id).ToListAsync());
        Assert.Equal([kept.Id], await db.PartnershipMembers.Select(m => m.PartnershipId).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_WithUnknownMunicipality_FailsOnMembers_AndStoresNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var error = await CreateFailsAsync(database, TestData.InterlocalAssociation("Regie Atlantis", "Hamme", "Hamme", "Atlantis"));

        Assert.Equal("members", error.Field);
        Assert.Contains("'Atlantis'", error.Message.En, StringComparison.Ordinal);
        Assert.Contains("'Atlantis'", error.Message.Nl, StringComparison.Ordinal);
        await AssertNoPartnershipsAsync(database);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_ManagingMunicipalityNotAMember_FailsWithR4(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var error = await CreateFailsAsync(database, TestData.InterlocalAssociation("Regie Durmeland", "Gent", "Hamme", "Zele"));

        Assert.Equal("R4", error.Code);
        Assert.Contains("Gent", error.Message.En, StringComparison.Ordinal);
        await AssertNoPartnershipsAsync(database);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_UnknownKind_FailsWithR1(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var error = await CreateFailsAsync(database, TestData.InterlocalAssociation("Regie Durmeland", "Zele", "Hamme", "Zele") with { Kind = "cooperative" });

        Assert.Equal(("R1", "kind"), (error.Code, error.Field));
        Assert.Contains("'cooperative'", error.Message.En, StringComparison.Ordinal);
        await AssertNoPartnershipsAsync(database);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CreateOrRename_ToATakenName_IsAConflict(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await CreateAsync(database, TestData.CentralCity("Gent", "Regie Gent"));
        var other = await CreateAsync(database, TestData.CentralCity("Aalst", "Regie Aalst"));

        var duplicate = await CreateFailsAsync(database, TestData.CentralCity("Antwerpen", "Regie Gent"));
        await using (var scope = database.NewScope())
        {
            var renamed = await Service(scope).UpdateAsync(other.Id, TestData.CentralCity("Aalst", "Regie Gent"), other.Version);
            Assert.Equal(("duplicate-name", ErrorKind.Conflict), (Assert.Single(renamed.Errors).Code, renamed.Errors[0].Kind));
        }

        Assert.Equal(("duplicate-name", ErrorKind.Conflict), (duplicate.Code, duplicate.Kind));
        await using var db = database.NewDb();
        Assert.Equal(["Regie Aalst", "Regie Gent"], await db.Partnerships.OrderBy(p => p.Name).Select(p => p.Name).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Update_WithStaleVersion_IsAConcurrencyConflict_AndChangesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var created = await CreateAsync(database, TestData.InterlocalAssociation("Regie Durmeland", "Zele", "Hamme", "Zele"));
        await using (var scope = database.NewScope())
        {
            Assert.True((await Service(scope).UpdateAsync(created.Id, TestData.InterlocalAssociation("Regie Durmeland (1)", "Zele", "Hamme", "Zele"), created.Version)).IsSuccess);
        }

        // A second user still has the form as it was before the first saved.
        await using (var scope = database.NewScope())
        {
            var stale = await Service(scope).UpdateAsync(created.Id, TestData.InterlocalAssociation("Regie Durmeland (2)", "Zele", "Zele", "Lebbeke"), created.Version);
            var error = Assert.Single(stale.Errors);
            Assert.Equal(("concurrency", ErrorKind.Conflict), (error.Code, error.Kind));
        }

        await using var db = database.NewDb();
        var stored = await db.Partnerships.AsNoTracking().SingleAsync();
        Assert.Equal(("Regie Durmeland (1)", created.Version + 1), (stored.Name, stored.Version));
        Assert.Equal([Hamme, Zele], Codes(stored));
    }

    /// <summary>Two saves racing past the version check: the database's concurrency token stops the second.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Save_OfAnEntityChangedInBetween_IsRejectedByTheVersionToken(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var created = await CreateAsync(database, TestData.InterlocalAssociation("Regie Durmeland", "Zele", "Hamme", "Zele"));
        await using var first = database.NewDb();
        var loaded = await first.Partnerships.SingleAsync(p => p.Id == created.Id);

        await using (var scope = database.NewScope())
        {
            Assert.True((await Service(scope).UpdateAsync(created.Id, TestData.InterlocalAssociation("Regie Durmeland (ander)", "Zele", "Hamme", "Zele"), created.Version)).IsSuccess);
        }

        loaded.Name = "Regie Durmeland (eerste)";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => first.SaveChangesAsync());
        await using var db = database.NewDb();
        Assert.Equal("Regie Durmeland (ander)", (await db.Partnerships.AsNoTracking().SingleAsync()).Name);
    }

    private static PartnershipService Service(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<PartnershipService>();

    private static async Task<Partnership> CreateAsync(TestDatabase database, PartnershipInput input)
    {
        await using var scope = database.NewScope();
        var result = await Service(scope).CreateAsync(input);
        Assert.True(result.IsSuccess, Describe(result));
        return result.Value!;
    }

    private static async Task<DomainError> CreateFailsAsync(TestDatabase database, PartnershipInput input)
    {
        await using var scope = database.NewScope();
        var result = await Service(scope).CreateAsync(input);
        Assert.False(result.IsSuccess, $"{input.Name} was created");
        return Assert.Single(result.Errors);
    }

    private static async Task AssertNoPartnershipsAsync(TestDatabase database)
    {
        await using var db = database.NewDb();
        Assert.Equal(0, await db.Partnerships.CountAsync());
    }

    private static List<string> Codes(Partnership p) => p.Members.Select(m => m.NisCode.Value).Order(StringComparer.Ordinal).ToList();

    private static string Describe<T>(Result<T> result) => string.Join("; ", result.Errors.Select(e => $"{e.Code} {e.Field}: {e.Message.En}"));
}
