using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;

namespace Regiekamer.Data.Tests.Accounts;

/// <summary>Data-protection keys in the database: what one instance of the app protects (a sign-in cookie), another reads.</summary>
public sealed class DatabaseKeyRepositoryTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwoInstancesOnOneDatabase_ShareTheKeyRing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, seed: false);
        await using var first = Instance(database);
        await using var second = Instance(database);

        var cookie = first.GetDataProtector("Identity.Application").Protect("user 42");

        Assert.Equal("user 42", second.GetDataProtector("Identity.Application").Unprotect(cookie));
        await using var db = database.NewDb();
        var key = Assert.Single(db.DataProtectionKeys);
        Assert.StartsWith("<key ", key.Xml, StringComparison.Ordinal);
        Assert.StartsWith("key-", key.FriendlyName, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnotherApplicationName_CannotReadIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, seed: false);
        await using var regiekamer = Instance(database);
        await using var other = Instance(database, "Something else");

        var cookie = regiekamer.GetDataProtector("Identity.Application").Protect("user 42");

        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => other.GetDataProtector("Identity.Application").Unprotect(cookie));
    }

    /// <summary>The data protection of one web app instance, configured as AccountsSetup does.</summary>
    private static ServiceProvider Instance(TestDatabase database, string application = "Regiekamer") =>
        database.BuildServices(s =>
        {
            s.AddLogging();
            s.AddDataProtection().SetApplicationName(application);
            s.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<KeyManagementOptions>>(services =>
                new Microsoft.Extensions.Options.ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseKeyRepository(services.GetRequiredService<IServiceScopeFactory>())));
        });
}
