using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;

namespace Regiekamer.Cli.Commands;

/// <summary>
/// <c>regiekamer persons export|erase</c>: everything held about one person as JSON (GDPR art. 15), and erasing them
/// (art. 17), as the administrators' page does; the erasure is in the audit trail with the operator as actor.
/// </summary>
internal static class PersonsCommand
{
    public static Command Create(CliContext cli) => new("persons", "Persoonsgegevens: alles over één persoon exporteren, of die persoon wissen (AVG).")
    {
        Export(cli),
        Erase(cli),
    };

    private static (Option<string?> Email, Option<string?> Name) QueryOptions() =>
        (new Option<string?>("--email") { Description = "E-mailadres van de persoon.", HelpName = "E-MAIL" },
         new Option<string?>("--name") { Description = "Naam, voor een contactpersoon zonder e-mailadres.", HelpName = "NAME" });

    private static Command Export(CliContext cli)
    {
        var (email, name) = QueryOptions();
        var database = new DatabaseSelection();
        var command = new Command("export", "Schrijft alles wat Regiekamer over de persoon bijhoudt als JSON naar stdout.") { email, name };
        database.AddTo(command);
        command.SetAction((parse, ct) => RunAsync(cli, parse, database, async (service, culture) =>
        {
            var export = await service.ExportAsync(new PersonQuery(parse.GetValue(email), parse.GetValue(name)), ct);
            if (!export.IsSuccess)
            {
                return cli.Fail(export.Errors, culture);
            }

            cli.Output(JsonSerializer.Serialize(export.Value, Json));
            return Cli.Success;
        }, ct));
        return command;
    }

    private static Command Erase(CliContext cli)
    {
        var (email, name) = QueryOptions();
        var yes = new Option<bool>("--yes") { Description = "Bevestigt dat het wissen niet ongedaan kan worden (verplicht)." };
        var database = new DatabaseSelection();
        var command = new Command("erase", "Wist de persoon: account verwijderd, contactgegevens bij regieverbanden gewist, 'gewiste persoon' in het auditspoor.") { email, name, yes };
        database.AddTo(command);
        command.SetAction((parse, ct) =>
        {
            if (!parse.GetValue(yes))
            {
                var culture = cli.Culture(parse);
                return Task.FromResult(cli.Fail([DomainError.Invalid("validation", "--yes: bevestig dat wissen niet ongedaan gemaakt kan worden.", "--yes: confirm that erasing cannot be undone.", "--yes")], culture));
            }

            return RunAsync(cli, parse, database, async (service, culture) =>
            {
                var erased = await service.EraseAsync(new PersonQuery(parse.GetValue(email), parse.GetValue(name)), ct);
                if (!erased.IsSuccess)
                {
                    return cli.Fail(erased.Errors, culture);
                }

                var e = erased.Value!;
                cli.Output(Formats.IsDutch(culture)
                    ? $"Gewist (wissing {e.ErasureId}): {e.Values} persoonsgegevens, {e.Accounts} account(s), {e.Contacts} contactgegevens bij regieverbanden, {e.RedactedRecords} oudere auditrecords, {e.Notifications} meldingen, {e.VoucherContacts} contactgegevens bij kennismakingscheques, {e.ActorContacts} contactpersonen van actoren."
                    : $"Erased (erasure {e.ErasureId}): {e.Values} personal values, {e.Accounts} account(s), {e.Contacts} partnership contacts, {e.RedactedRecords} older audit records, {e.Notifications} notifications, {e.VoucherContacts} voucher contacts, {e.ActorContacts} actor contacts.");
                return Cli.Success;
            }, ct);
        });
        return command;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    private static Task<int> RunAsync(CliContext cli, ParseResult parse, DatabaseSelection database, Func<PersonalDataService, CultureInfo, Task<int>> work, CancellationToken ct)
    {
        var culture = cli.Culture(parse);
        var errors = new List<DomainError>();
        var options = database.Resolve(parse, cli, errors);
        if (errors.Count > 0)
        {
            return Task.FromResult(cli.Fail(errors, culture));
        }

        return DbCommand.WithDatabaseAsync(cli, culture, options!, async db =>
        {
            if (await DbCommand.PrepareAsync(cli, culture, db, ct) is { } refused)
            {
                return cli.Fail([refused], culture);
            }

            var services = new ServiceCollection();
            services.AddLogging();
            services.AddRegiekamerCore(options!);
            services.Replace(ServiceDescriptor.Singleton(cli.Time));
            services.Replace(ServiceDescriptor.Scoped(_ => new CurrentActor { Actor = CliContext.Operator }));
            services.AddRegiekamerIdentity();
            await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
            await using var scope = provider.CreateAsyncScope();
            return await work(scope.ServiceProvider.GetRequiredService<PersonalDataService>(), culture);
        });
    }
}
