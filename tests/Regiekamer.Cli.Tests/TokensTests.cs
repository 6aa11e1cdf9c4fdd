using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;

namespace Regiekamer.Cli.Tests;

/// <summary><c>tokens create</c>: an API token for an existing user, printed once, audited like one made on the web.</summary>
public sealed class TokensTests
{
    private const string Email = "rapportering@vlaanderen.be";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_PrintsOnlyTheSecret_ThatAuthenticates_AuditedWithTheOperator(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await AddUserAsync(database);

        var outcome = await Run.Cli(Args(database, "tokens", "create", "--email", Email.ToUpperInvariant(), "--name", "Rapportering VDAB"));

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        var secret = outcome.Stdout.TrimEnd('\n');
        Assert.Equal(outcome.Stdout, secret + "\n");
        Assert.Matches(@"^rk_[A-Za-z0-9_-]{43}$", secret);
        Assert.Contains($"API-token 'Rapportering VDAB'", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("zonder vervaldatum", outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, outcome.Stderr, StringComparison.Ordinal);

        await using var services = Services(database);
        await using var scope = services.CreateAsyncScope();
        var check = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().AuthenticateAsync(secret);
        Assert.True(check.IsValid, check.Failure?.Message.En);
        Assert.Equal((Email, "Rapportering VDAB", (DateTime?)null), (check.User!.Email, check.Token!.Name, check.Token.ExpiresAtUtc));
        var db = scope.ServiceProvider.GetRequiredService<RegiekamerDb>();
        var record = Assert.Single(await ReadableAudit.ResolveAsync(db, await db.AuditRecords.Where(a => a.EntityType == ApiTokenService.AuditEntity).ToListAsync()));
        Assert.Equal(("Created", "cli:" + Environment.UserName, "Operator", check.Token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (record.Action, record.ActorName, record.ActorRole, record.EntityId));
        Assert.DoesNotContain(secret, record.After!, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[ApiTokenService.PrefixLength..], record.After!, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Expires_WorksUntilTheEndOfThatDayInBrussels(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await AddUserAsync(database);

        var outcome = await Run.Cli(Args(database, "tokens", "create", "--email", Email, "--name", "Tot eind juni", "--expires", "2025-06-30", "--language", "en"));

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        Assert.Contains("valid until the end of 30/6/2025 (Brussels time)", outcome.Stderr, StringComparison.Ordinal);
        var secret = outcome.Stdout.Trim();
        await using var services = Services(database);
        var tokens = () => services.CreateAsyncScope();

        // Midnight at the end of 30 June in Brussels (summer time, UTC+2) is 22:00 UTC.
        database.Time.SetUtcNow(new DateTimeOffset(2025, 6, 30, 21, 59, 59, TimeSpan.Zero));
        await using (var scope = tokens())
        {
            var check = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().AuthenticateAsync(secret);
            Assert.True(check.IsValid, check.Failure?.Message.En);
            Assert.Equal(BrusselsClock.StartOfDayUtc(new DateOnly(2025, 7, 1)), check.Token!.ExpiresAtUtc);
            Assert.Equal(new DateTime(2025, 6, 30, 22, 0, 0), check.Token.ExpiresAtUtc);
        }

        database.Time.SetUtcNow(new DateTimeOffset(2025, 6, 30, 22, 0, 0, TimeSpan.Zero));
        await using (var scope = tokens())
        {
            var check = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().AuthenticateAsync(secret);
            Assert.Equal("token-expired", check.Failure?.Code);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BadInput_Exits1OnStderr_AndCreatesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await AddUserAsync(database);

        var cases = new (string[] Args, string Expected)[]
        {
            (["--email", "niemand@vlaanderen.be", "--name", "X"], "er is geen gebruiker met het adres 'niemand@vlaanderen.be'"),
            (["--email", Email, "--name", "X", "--expires", "30/06/2025"], "--expires: '30/06/2025' is geen datum"),
            (["--email", Email, "--name", "X", "--expires", "2025-02-30"], "--expires: '2025-02-30' is geen datum"),
            (["--email", Email, "--name", "X", "--expires", "2025-05-31"], "--expires: 2025-05-31 ligt in het verleden"),
            (["--email", Email, "--name", new string('n', 101)], "--name: Naam van de token: verplicht, hoogstens 100 tekens."),
            (["--email", Email, "--name", "   "], "--name: Naam van de token: verplicht"),
        };

        foreach (var (args, expected) in cases)
        {
            var outcome = await Run.Cli(Args(database, ["tokens", "create", .. args]));

            Assert.True(outcome.ExitCode == 1, $"{string.Join(' ', args)}: exit {outcome.ExitCode}\n{outcome.Stderr}");
            Assert.Equal("", outcome.Stdout);
            Assert.Contains(expected, outcome.Stderr, StringComparison.Ordinal);
        }

        var missingName = await Run.Cli(Args(database, "tokens", "create", "--email", Email));
        Assert.Equal((2, ""), (missingName.ExitCode, missingName.Stdout));

        await using var db = database.NewDb();
        Assert.Equal(0, await db.ApiTokens.CountAsync());
        Assert.Equal(0, await db.AuditRecords.CountAsync(a => a.EntityType == ApiTokenService.AuditEntity));
    }

    private static async Task AddUserAsync(TestDatabase database)
    {
        var added = await Run.Cli(Args(database, "users", "add", "--email", Email, "--name", "Rapportering", "--role", "PolicyOfficer"));
        Assert.True(added.ExitCode == 0, added.Stderr);
    }

    private static string[] Args(TestDatabase database, params string[] args) =>
        [.. args, "--database", database.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgresql", "--connection", database.ConnectionString];

    private static ServiceProvider Services(TestDatabase database) => database.BuildServices(services =>
    {
        services.AddLogging();
        services.AddRegiekamerIdentity();
    });
}
