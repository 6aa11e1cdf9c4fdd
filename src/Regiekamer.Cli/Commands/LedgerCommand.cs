using System.CommandLine;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Grants;
using Regiekamer.Core.Grants.OpenData;

namespace Regiekamer.Cli.Commands;

/// <summary>
/// <c>regiekamer ledger …</c>: the grants, payments and reclaims of a call (issue 9). <c>ledger export-360giving</c>
/// writes the grants in force as a 360Giving package, the same as <c>GET /api/v1/open-data/360giving.json</c>, and
/// checks it against the standard's schema before anything is written. Each verb is one method here, added in
/// <see cref="Create"/>.
/// </summary>
internal static class LedgerCommand
{
    public static Command Create(CliContext cli) =>
        new("ledger", "De toekenningen, betalingen en terugvorderingen van de subsidie (ministeriële besluiten) en hun open data.")
        {
            Check(cli),
            ExportThreeSixtyGiving(cli),
        };

    /// <summary>
    /// <c>ledger check [--call CODE]</c>: the ledger of a call (default the latest) against its sources — the decrees in
    /// force (and each decree's budget), the paid payments, and every line's money invariants. Exit 0 when it
    /// reconciles, with the totals; 1 naming each line that does not.
    /// </summary>
    internal static Command Check(CliContext cli)
    {
        var callCode = new Option<string?>("--call") { Description = "De code van de oproep (standaard de laatste), bv. 2023-2025.", HelpName = "CODE" };
        var database = new DatabaseSelection();
        var command = new Command("check", "Controleert of het grootboek van een oproep aansluit op de besluiten in werking en de betalingen, tot op de cent; noemt elke lijn die niet aansluit.")
        {
            callCode,
        };
        database.AddTo(command);
        command.SetAction((parse, ct) => CheckAsync(cli, cli.Culture(parse), database, parse, parse.GetValue(callCode), ct));
        return command;
    }

    private static async Task<int> CheckAsync(CliContext cli, CultureInfo culture, DatabaseSelection selection, ParseResult parse, string? code, CancellationToken ct)
    {
        var errors = new List<DomainError>();
        var options = selection.ResolveExisting(parse, cli, errors);
        if (errors.Count > 0)
        {
            return cli.Fail(errors, culture);
        }

        return await DbCommand.WithDatabaseAsync(cli, culture, options!, async db =>
        {
            if (await DbCommand.NotMigratedAsync(db, ct) is { } refused)
            {
                return cli.Fail([refused], culture);
            }

            int? callId = null;
            if (code is not null)
            {
                callId = await db.Calls.Where(c => c.Code == code).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
                if (callId is null)
                {
                    return cli.Fail([DomainError.NotFound($"Oproep {code} bestaat niet.", $"Call {code} does not exist.")], culture);
                }
            }

            var services = new ServiceCollection();
            services.AddLogging();
            services.AddRegiekamerCore(options!);
            services.Replace(ServiceDescriptor.Singleton(cli.Time));
            await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
            await using var scope = provider.CreateAsyncScope();
            var ledgers = scope.ServiceProvider.GetRequiredService<LedgerService>();
            var result = await ledgers.ForCallAsync(callId, ct);
            if (!result.IsSuccess)
            {
                return cli.Fail(result.Errors, culture);
            }

            var (call, ledger, _) = result.Value!;
            var dutch = Formats.IsDutch(culture);
            var t = ledger.Totals;
            if (ledger.Reconciles)
            {
                cli.Output(dutch
                    ? $"Het grootboek van {call.Code} sluit aan, tot op de cent: {ledger.Lines.Count} lijnen; toegekend € {t.Granted.ToDisplayString(culture)}, betaald € {t.Paid.ToDisplayString(culture)}, in betaling € {t.InProgress.ToDisplayString(culture)}, stopgezet € {t.Stopped.ToDisplayString(culture)}, teruggevorderd € {t.Reclaimed.ToDisplayString(culture)}, terugbetaald € {t.PaidBack.ToDisplayString(culture)}, netto € {t.Net.ToDisplayString(culture)}."
                    : $"The ledger of {call.Code} reconciles, to the cent: {ledger.Lines.Count} lines; granted EUR {t.Granted.ToInvariantString()}, paid EUR {t.Paid.ToInvariantString()}, in payment EUR {t.InProgress.ToInvariantString()}, stopped EUR {t.Stopped.ToInvariantString()}, reclaimed EUR {t.Reclaimed.ToInvariantString()}, paid back EUR {t.PaidBack.ToInvariantString()}, net EUR {t.Net.ToInvariantString()}.");
                return Cli.Success;
            }

            cli.Error(dutch ? $"Het grootboek van {call.Code} sluit NIET aan ({ledger.Problems.Count}):" : $"The ledger of {call.Code} does NOT reconcile ({ledger.Problems.Count}):");
            foreach (var problem in ledger.Problems)
            {
                cli.Error($"  {problem.Where}: {(dutch ? problem.Message.Nl : problem.Message.En)}");
            }

            return Cli.BadInput;
        });
    }

    /// <summary>
    /// <c>ledger export-360giving [--output FILE]</c>: the lines of the published decrees in force as a 360Giving
    /// package (stdout, or FILE). Exit 0 when it is valid; 1 when nothing is published, the package does not validate
    /// (every problem on stderr, nothing written), or the database or settings are wrong.
    /// </summary>
    internal static Command ExportThreeSixtyGiving(CliContext cli)
    {
        var output = new Option<string?>("--output") { Description = "Schrijf het pakket naar dit bestand (UTF-8) in plaats van naar stdout.", HelpName = "FILE" };
        var database = new DatabaseSelection();
        var command = new Command(
            "export-360giving",
            "De toegekende subsidies die van kracht zijn (de lijnen van de gepubliceerde ministeriële besluiten die geen wijzigingsbesluit verving) als 360Giving-pakket (JSON), gecontroleerd tegen het schema van de standaard. "
            + "Uitgever en financier uit de omgevingsvariabelen OpenData__IdPrefix, OpenData__FunderId, OpenData__FunderName, OpenData__PublisherWebsite (zoals de webapp).")
        {
            output,
        };
        database.AddTo(command);
        command.SetAction((parse, ct) => ExportAsync(cli, cli.Culture(parse), database, parse, parse.GetValue(output), ct));
        return command;
    }

    private static async Task<int> ExportAsync(CliContext cli, CultureInfo culture, DatabaseSelection selection, ParseResult parse, string? file, CancellationToken ct)
    {
        var errors = new List<DomainError>();
        var options = selection.ResolveExisting(parse, cli, errors);
        OpenDataSettings? settings = null;
        try
        {
            settings = OpenDataSettings.From(key => cli.Environment(key.Replace(":", "__", StringComparison.Ordinal)));
        }
        catch (InvalidOperationException e)
        {
            errors.Add(DomainError.Invalid("settings", e.Message, e.Message));
        }

        if (file is not null && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder && !Directory.Exists(folder))
        {
            errors.Add(DomainError.Invalid("file", $"--output: de map {folder} bestaat niet.", $"--output: the folder {folder} does not exist.", "--output"));
        }

        if (errors.Count > 0)
        {
            return cli.Fail(errors, culture);
        }

        return await DbCommand.WithDatabaseAsync(cli, culture, options!, async db =>
        {
            if (await DbCommand.NotMigratedAsync(db, ct) is { } refused)
            {
                return cli.Fail([refused], culture);
            }

            var openData = new OpenDataService(db);
            var decrees = await openData.CurrentDecreesAsync(ct);
            if (decrees.Count == 0)
            {
                return cli.Fail([OpenDataService.NothingPublished], culture);
            }

            var counter = new Counter();
            using var package = new MemoryStream();
            try
            {
                await ThreeSixtyGiving.WriteAsync(package, Count(openData.GrantsAsync(decrees, ct), counter, ct), settings!.Publisher, ct);
            }
            catch (ArgumentException e)
            {
                // A decree line the standard cannot carry (an enterprise or NIS code that is no such code).
                return cli.Fail([DomainError.Invalid("360giving", $"360Giving: {e.Message}", $"360Giving: {e.Message}")], culture);
            }

            package.Position = 0;
            var problems = ThreeSixtyGiving.Validate(package);
            var dutch = Formats.IsDutch(culture);
            if (problems.Count > 0)
            {
                cli.Error(dutch
                    ? $"Het 360Giving-pakket is niet geldig volgens het schema van de standaard ({problems.Count} problemen); er werd niets geschreven:"
                    : $"The 360Giving package is not valid against the standard's schema ({problems.Count} problems); nothing was written:");
                foreach (var problem in problems)
                {
                    cli.Error("  " + problem);
                }

                return Cli.BadInput;
            }

            var bytes = package.ToArray();
            if (file is null)
            {
                cli.Output(new UTF8Encoding(false).GetString(bytes));
                return Cli.Success;
            }

            // Into a temporary file first, so a failed write never leaves half a package under the chosen name.
            var full = Path.GetFullPath(file);
            var partial = full + ".partial";
            try
            {
                await File.WriteAllBytesAsync(partial, bytes, ct);
                File.Move(partial, full, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return cli.Fail([DomainError.Invalid("file", $"--output {full}: het bestand kan niet geschreven worden ({e.Message}).", $"--output {full}: the file cannot be written ({e.Message}).", "--output")], culture);
            }
            finally
            {
                if (File.Exists(partial))
                {
                    File.Delete(partial);
                }
            }

            cli.Output(dutch
                ? $"{counter.Value} {(counter.Value == 1 ? "subsidie" : "subsidies")} van {decrees.Count} {(decrees.Count == 1 ? "besluit" : "besluiten")} als 360Giving geschreven naar {full} (geldig volgens het schema)."
                : $"{counter.Value} {(counter.Value == 1 ? "grant" : "grants")} of {decrees.Count} {(decrees.Count == 1 ? "decree" : "decrees")} written as 360Giving to {full} (valid against the schema).");
            return Cli.Success;
        });
    }

    private static async IAsyncEnumerable<GrantRecord> Count(IAsyncEnumerable<GrantRecord> grants, Counter counter, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var grant in grants.WithCancellation(ct))
        {
            counter.Value++;
            yield return grant;
        }
    }

    private sealed class Counter
    {
        public int Value { get; set; }
    }
}
