using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Common;

namespace Regiekamer.Cli.Commands;

/// <summary>
/// <c>regiekamer tokens create --email E --name N [--expires YYYY-MM-DD]</c>: an API token for an existing user, for
/// a machine client set up from a script. Through ApiTokenService, as on <i>Mijn account → API-tokens</i>, so it is
/// audited ("ApiToken"/"Created", actor cli:&lt;OS account&gt;, never the secret). Only the secret goes to stdout, once,
/// so that a script can take it (<c>TOKEN=$(regiekamer tokens create …)</c>); what was made is said on stderr.
/// </summary>
internal static class TokensCommand
{
    public static Command Create(CliContext cli) => new("tokens", "API-tokens voor machineclients.")
    {
        CreateToken(cli),
    };

    private static Command CreateToken(CliContext cli)
    {
        var email = new Option<string>("--email") { Description = "E-mailadres van de gebruiker voor wie de token handelt.", HelpName = "E-MAIL", Required = true };
        var name = new Option<string>("--name") { Description = "Naam van de token, om hem te herkennen (bv. 'Rapportering VDAB'); hoogstens 100 tekens.", HelpName = "NAME", Required = true };
        var expires = new Option<string?>("--expires")
        {
            Description = "Laatste dag waarop de token werkt (tot het einde van die dag in Brussel), JJJJ-MM-DD. Zonder: geen vervaldatum.",
            HelpName = "YYYY-MM-DD",
        };
        var database = new DatabaseSelection();
        var command = new Command("create", "Maakt een API-token voor een bestaande gebruiker en toont hem één keer op stdout.") { email, name, expires };
        database.AddTo(command);
        command.SetAction((parse, ct) =>
        {
            var culture = cli.Culture(parse);
            var errors = new List<DomainError>();
            var options = database.Resolve(parse, cli, errors);
            var lastDay = parse.GetValue(expires) is { } text ? Inputs.Date("--expires", text, errors) : null;
            var today = new BrusselsClock(cli.Time).Today;
            if (lastDay is { } day && day < today)
            {
                errors.Add(DomainError.Invalid(
                    "validation",
                    $"--expires: {day:yyyy-MM-dd} ligt in het verleden; geef vandaag ({today:yyyy-MM-dd}) of een latere dag.",
                    $"--expires: {day:yyyy-MM-dd} is in the past; give today ({today:yyyy-MM-dd}) or a later day.",
                    "expires"));
            }

            if (errors.Count > 0)
            {
                return Task.FromResult(cli.Fail(errors, culture));
            }

            return UsersCommand.WithServicesAsync(cli, culture, options!, async services =>
            {
                var accounts = services.GetRequiredService<AccountService>();
                var address = parse.GetValue(email)!;
                if (await accounts.FindByEmailAsync(address) is not { } user)
                {
                    return cli.Fail([DomainError.NotFound($"--email: er is geen gebruiker met het adres '{address}'.", $"--email: there is no user with the address '{address}'.")], culture);
                }

                var until = lastDay is { } last ? BrusselsClock.StartOfDayUtc(last.AddDays(1)) : (DateTime?)null;
                var result = await services.GetRequiredService<ApiTokenService>().CreateAsync(user.Id, parse.GetValue(name), until, ct);
                if (!result.IsSuccess)
                {
                    return cli.Fail(result.Errors.Select(e => e.Field == "name" ? e with { Message = new Bilingual("--name: " + e.Message.Nl, "--name: " + e.Message.En) } : e), culture);
                }

                var token = result.Value!.Token;
                var validity = lastDay is { } d
                    ? new Bilingual($"geldig tot en met {Formats.ShortDate(d)} (einde van die dag in Brussel)", $"valid until the end of {Formats.ShortDate(d)} (Brussels time)")
                    : new Bilingual("zonder vervaldatum", "without expiry");
                cli.Error(Formats.IsDutch(culture)
                    ? $"API-token '{token.Name}' (#{token.Id.ToString(CultureInfo.InvariantCulture)}, {token.Prefix}…) gemaakt voor {user.Email}, {validity.Nl}. De token staat op stdout en wordt nergens bewaard: dit is de enige keer dat hij getoond wordt."
                    : $"API token '{token.Name}' (#{token.Id.ToString(CultureInfo.InvariantCulture)}, {token.Prefix}…) created for {user.Email}, {validity.En}. The token is on stdout and is kept nowhere: this is the only time it is shown.");
                cli.Output(result.Value.Secret);
                return Cli.Success;
            }, ct);
        });
        return command;
    }
}
