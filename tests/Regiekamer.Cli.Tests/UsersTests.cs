using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;

namespace Regiekamer.Cli.Tests;

/// <summary><c>users add</c> and <c>users reset-password</c>: the first administrator, and a way back in.</summary>
public sealed partial class UsersTests : IDisposable
{
    private readonly TempFolder _files = new();

    public void Dispose() => _files.Dispose();

    // No pooling: the test opens the file right after the CLI closed it, and the folder is deleted afterwards.
    private string Connection => $"Data Source={Path.Combine(_files.Path, "regiekamer.db")};Pooling=False";

    [Fact]
    public async Task AddAdministrator_OnAnEmptyDatabase_PrintsAGeneratedPasswordOnce_ThatSignsIn()
    {
        var outcome = await Run.Cli("users", "add", "--email", "jef.janssens@vlaanderen.be", "--name", "Jef Janssens", "--role", "administrator", "--connection", Connection);

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        var password = GeneratedPassword().Match(outcome.Stdout).Groups[1].Value;
        Assert.Equal(20, password.Length);
        Assert.Contains("Gebruiker jef.janssens@vlaanderen.be gemaakt met rol Administrator", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("twee stappen", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("leeg", outcome.Stderr, StringComparison.Ordinal);

        await using var services = Services();
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RegiekamerUser>>();
        var user = await users.FindByEmailAsync("jef.janssens@vlaanderen.be");
        Assert.NotNull(user);
        Assert.True(await users.CheckPasswordAsync(user, password));
        var db = scope.ServiceProvider.GetRequiredService<RegiekamerDb>();
        Assert.Equal([Role.Administrator], await db.RoleAssignments.Where(r => r.UserId == user.Id).Select(r => r.Role).ToListAsync());
        var record = Assert.Single(await ReadableAudit.ResolveAsync(db, await db.AuditRecords.Where(a => a.EntityType == "User").ToListAsync()));
        Assert.Equal(("Created", "cli:" + Environment.UserName, "Operator", user.Id.ToString("D")), (record.Action, record.ActorName, record.ActorRole, record.EntityId));
        Assert.DoesNotContain(password, record.After!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddWithBadInput_Exits1WithTheReason_AndUsageErrorsExit2()
    {
        var unknownRole = await Run.Cli("users", "add", "--email", "a@example.be", "--name", "A", "--role", "Director", "--connection", Connection);
        var noPartnership = await Run.Cli("users", "add", "--email", "b@example.be", "--name", "B", "--role", "Regisseur", "--connection", Connection);
        var missingEmail = await Run.Cli("users", "add", "--name", "C", "--role", "CaseHandler", "--connection", Connection);
        var first = await Run.Cli("users", "add", "--email", "dirk@vlaanderen.be", "--name", "Dirk", "--role", "CaseHandler", "--connection", Connection, "--language", "en");
        var duplicate = await Run.Cli("users", "add", "--email", "DIRK@vlaanderen.be", "--name", "Dirk 2", "--role", "PolicyOfficer", "--connection", Connection, "--language", "en");

        Assert.Equal((1, ""), (unknownRole.ExitCode, unknownRole.Stdout));
        Assert.Contains("'Director' is geen rol", unknownRole.Stderr, StringComparison.Ordinal);
        Assert.Contains("MemberViewer", unknownRole.Stderr, StringComparison.Ordinal);
        Assert.Equal((1, ""), (noPartnership.ExitCode, noPartnership.Stdout));
        Assert.Contains("kies het regieverband", noPartnership.Stderr, StringComparison.Ordinal);
        Assert.Equal((2, ""), (missingEmail.ExitCode, missingEmail.Stdout));
        Assert.Equal(0, first.ExitCode);
        Assert.Equal((1, ""), (duplicate.ExitCode, duplicate.Stdout));
        Assert.Contains("a user with this address already exists", duplicate.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetPassword_GivesANewPassword_TheOldOneStopsWorking()
    {
        var added = await Run.Cli("users", "add", "--email", "bert@vlaanderen.be", "--name", "Bert", "--role", "PolicyOfficer", "--connection", Connection);
        var old = GeneratedPassword().Match(added.Stdout).Groups[1].Value;

        var unknown = await Run.Cli("users", "reset-password", "--email", "niemand@vlaanderen.be", "--connection", Connection);
        var reset = await Run.Cli("users", "reset-password", "--email", "bert@vlaanderen.be", "--connection", Connection);

        Assert.Equal((1, ""), (unknown.ExitCode, unknown.Stdout));
        Assert.Contains("geen gebruiker met het adres 'niemand@vlaanderen.be'", unknown.Stderr, StringComparison.Ordinal);
        Assert.True(reset.ExitCode == 0, reset.Stderr);
        var fresh = GeneratedPassword().Match(reset.Stdout).Groups[1].Value;
        Assert.NotEqual(old, fresh);
        await using var services = Services();
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RegiekamerUser>>();
        var user = (await users.FindByEmailAsync("bert@vlaanderen.be"))!;
        Assert.True(await users.CheckPasswordAsync(user, fresh));
        Assert.False(await users.CheckPasswordAsync(user, old));
        var actions = await scope.ServiceProvider.GetRequiredService<RegiekamerDb>().AuditRecords.Where(a => a.EntityType == "User").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["Created", "PasswordSet"], actions);
    }

    [Fact]
    public async Task PasswordFromStdin_IsUsed_AndNeverPrinted()
    {
        var added = await RunProcessAsync("een wachtwoord uit de kluis\n", "users", "add", "--email", "an@vlaanderen.be", "--name", "An", "--role", "CaseHandler", "--password-stdin", "--connection", Connection);
        var tooShort = await RunProcessAsync("kort\n", "users", "reset-password", "--email", "an@vlaanderen.be", "--password-stdin", "--connection", Connection);
        var empty = await RunProcessAsync("", "users", "reset-password", "--email", "an@vlaanderen.be", "--password-stdin", "--connection", Connection);

        Assert.True(added.ExitCode == 0, added.Stderr);
        Assert.DoesNotContain("een wachtwoord uit de kluis", added.Stdout + added.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Wachtwoord", added.Stdout, StringComparison.Ordinal);
        Assert.Equal((1, ""), (tooShort.ExitCode, tooShort.Stdout));
        Assert.Contains("minstens 12 tekens", tooShort.Stderr, StringComparison.Ordinal);
        Assert.Equal((1, ""), (empty.ExitCode, empty.Stdout));
        Assert.Contains("stdin bevat geen wachtwoord", empty.Stderr, StringComparison.Ordinal);
        await using var services = Services();
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RegiekamerUser>>();
        Assert.True(await users.CheckPasswordAsync((await users.FindByEmailAsync("an@vlaanderen.be"))!, "een wachtwoord uit de kluis"));
    }

    private ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRegiekamerCore(new DatabaseOptions(DatabaseProvider.Sqlite, Connection));
        services.AddRegiekamerIdentity();
        return services.BuildServiceProvider();
    }

    /// <summary>The built CLI as a process, with <paramref name="stdin"/> piped in.</summary>
    private static async Task<CliOutcome> RunProcessAsync(string stdin, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "regiekamer.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new CliOutcome(process.ExitCode, await stdout, await stderr);
    }

    [GeneratedRegex(@"Wachtwoord \(wordt één keer getoond\): (\S+)")]
    private static partial Regex GeneratedPassword();
}
