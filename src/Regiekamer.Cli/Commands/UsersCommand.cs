using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;

namespace Regiekamer.Cli.Commands;

/// <summary>
/// <c>regiekamer users add|reset-password</c>: the first administrator, and a way back in when every administrator
/// forgot their password. Through AccountService, so each action is in the audit trail (actor cli:&lt;OS account&gt;).
/// A password comes from stdin (<c>--password-stdin</c>), never from an argument that would end up in the shell's
/// history; without it one is generated and printed once.
/// </summary>
internal static class UsersCommand
{
    private const string PasswordAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public static Command Create(CliContext cli) => new("users", "Gebruikers: de eerste beheerder maken, een wachtwoord opnieuw instellen.")
    {
        Add(cli),
        ResetPassword(cli),
    };

    private static Command Add(CliContext cli)
    {
        var email = new Option<string>("--email") { Description = "E-mailadres (ook de gebruikersnaam).", HelpName = "E-MAIL", Required = true };
        var name = new Option<string>("--name") { Description = "Naam zoals anderen die zien.", HelpName = "NAME", Required = true };
        var role = new Option<string>("--role")
        {
            Description = "Administrator, CaseHandler, PolicyOfficer (afdeling) of Regisseur, Signatory, MemberViewer (regieverband, met --partnership).",
            HelpName = "ROLE",
            Required = true,
        };
        var partnership = new Option<int?>("--partnership") { Description = "Id van het regieverband, voor een rol van een regieverband.", HelpName = "ID" };
        var passwordStdin = PasswordStdinOption();
        var database = new DatabaseSelection();
        var command = new Command("add", "Maakt een gebruiker met één rol. Zonder --password-stdin wordt een wachtwoord gemaakt en één keer getoond.")
        {
            email, name, role, partnership, passwordStdin,
        };
        database.AddTo(command);
        command.SetAction((parse, ct) =>
        {
            var culture = cli.Culture(parse);
            var errors = new List<DomainError>();
            var grant = ParseRole(parse.GetValue(role)!, parse.GetValue(partnership), errors);
            var options = database.Resolve(parse, cli, errors);
            var password = ReadPassword(parse.GetValue(passwordStdin), errors);
            if (errors.Count > 0)
            {
                return Task.FromResult(cli.Fail(errors, culture));
            }

            return WithAccountsAsync(cli, culture, options!, async accounts =>
            {
                var result = await accounts.CreateAsync(parse.GetValue(email), parse.GetValue(name), [grant!], password.Value ?? "", ct);
                if (!result.IsSuccess)
                {
                    return cli.Fail(result.Errors, culture);
                }

                var user = result.Value!;
                var where = DatabaseSelection.Describe(options!);
                var lines = new List<string>
                {
                    Formats.IsDutch(culture) ? $"Gebruiker {user.Email} gemaakt met rol {grant} in {where}." : $"User {user.Email} created with role {grant} in {where}.",
                };
                if (password.Generated)
                {
                    lines.Add((Formats.IsDutch(culture) ? "Wachtwoord (wordt één keer getoond): " : "Password (shown once): ") + password.Value);
                }

                if (grant!.Role == Role.Administrator)
                {
                    lines.Add(Formats.IsDutch(culture)
                        ? "Een beheerder stelt bij de eerste aanmelding aanmelden in twee stappen in (authenticator-app)."
                        : "An administrator sets up two-factor sign-in (authenticator app) at the first sign-in.");
                }

                cli.Output(string.Join("\n", lines));
                return Cli.Success;
            }, ct);
        });
        return command;
    }

    private static Command ResetPassword(CliContext cli)
    {
        var email = new Option<string>("--email") { Description = "E-mailadres van de gebruiker.", HelpName = "E-MAIL", Required = true };
        var passwordStdin = PasswordStdinOption();
        var database = new DatabaseSelection();
        var command = new Command("reset-password", "Stelt een nieuw wachtwoord in en meldt de gebruiker overal af. Zonder --password-stdin wordt een wachtwoord gemaakt en één keer getoond.")
        {
            email, passwordStdin,
        };
        database.AddTo(command);
        command.SetAction((parse, ct) =>
        {
            var culture = cli.Culture(parse);
            var errors = new List<DomainError>();
            var options = database.Resolve(parse, cli, errors);
            var password = ReadPassword(parse.GetValue(passwordStdin), errors);
            if (errors.Count > 0)
            {
                return Task.FromResult(cli.Fail(errors, culture));
            }

            return WithAccountsAsync(cli, culture, options!, async accounts =>
            {
                var address = parse.GetValue(email)!;
                if (await accounts.FindByEmailAsync(address) is not { } user)
                {
                    return cli.Fail([DomainError.NotFound($"--email: er is geen gebruiker met het adres '{address}'.", $"--email: there is no user with the address '{address}'.")], culture);
                }

                var result = await accounts.SetPasswordAsync(user.Id, password.Value!, ct);
                if (!result.IsSuccess)
                {
                    return cli.Fail(result.Errors, culture);
                }

                var lines = new List<string>
                {
                    Formats.IsDutch(culture)
                        ? $"Nieuw wachtwoord ingesteld voor {user.Email}; de gebruiker is overal afgemeld."
                        : $"New password set for {user.Email}; the user has been signed out everywhere.",
                };
                if (password.Generated)
                {
                    lines.Add((Formats.IsDutch(culture) ? "Wachtwoord (wordt één keer getoond): " : "Password (shown once): ") + password.Value);
                }

                cli.Output(string.Join("\n", lines));
                return Cli.Success;
            }, ct);
        });
        return command;
    }

    private static Option<bool> PasswordStdinOption() => new("--password-stdin")
    {
        Description = "Leest het wachtwoord van de eerste regel van stdin (bv. uit een wachtwoordkluis gepijpt).",
    };

    private sealed record Password(string? Value, bool Generated);

    private static Password ReadPassword(bool fromStdin, List<DomainError> errors)
    {
        if (!fromStdin)
        {
            return new Password(RandomNumberGenerator.GetString(PasswordAlphabet, 20), Generated: true);
        }

        var line = Console.In.ReadLine();
        if (string.IsNullOrEmpty(line))
        {
            errors.Add(DomainError.Invalid("validation", "--password-stdin: stdin bevat geen wachtwoord.", "--password-stdin: stdin holds no password.", "password"));
            return new Password(null, Generated: false);
        }

        return new Password(line, Generated: false);
    }

    private static RoleGrant? ParseRole(string text, int? partnershipId, List<DomainError> errors)
    {
        if (!Enum.TryParse<Role>(text, ignoreCase: true, out var role) || !Enum.IsDefined(role) || int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            var known = string.Join(", ", Enum.GetNames<Role>());
            errors.Add(DomainError.Invalid("validation", $"--role: '{text}' is geen rol; kies uit {known}.", $"--role: '{text}' is not a role; choose one of {known}.", "role"));
            return null;
        }

        // The service checks the rest (a partnership role needs an existing partnership, a department role none).
        return new RoleGrant(role, partnershipId);
    }

    private static Task<int> WithAccountsAsync(CliContext cli, CultureInfo culture, DatabaseOptions options, Func<AccountService, Task<int>> work, CancellationToken ct) =>
        WithServicesAsync(cli, culture, options, services => work(services.GetRequiredService<AccountService>()), ct);

    /// <summary>The services on the chosen database (one scope), as the web app has them, with the OS account as the actor.</summary>
    internal static Task<int> WithServicesAsync(CliContext cli, CultureInfo culture, DatabaseOptions options, Func<IServiceProvider, Task<int>> work, CancellationToken ct) =>
        DbCommand.WithDatabaseAsync(cli, culture, options, async db =>
        {
            if (await DbCommand.PrepareAsync(cli, culture, db, ct) is { } refused)
            {
                return cli.Fail([refused], culture);
            }

            var services = new ServiceCollection();
            services.AddLogging();
            services.AddRegiekamerCore(options);
            services.Replace(ServiceDescriptor.Singleton(cli.Time));
            services.Replace(ServiceDescriptor.Scoped(_ => new CurrentActor { Actor = CliContext.Operator }));
            services.AddRegiekamerIdentity();
            await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
            await using var scope = provider.CreateAsyncScope();
            return await work(scope.ServiceProvider);
        });
}
