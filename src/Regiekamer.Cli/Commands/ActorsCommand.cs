using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Actors;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Common;
using Regiekamer.Core.Partnerships;

namespace Regiekamer.Cli.Commands;

/// <summary>
/// <c>regiekamer actors export [--partnership ID] [--kind CODE] [--municipality NIS] [--archived] [--format csv|xlsx]
/// [--output FILE]</c>: the actor inventory (issue 10.1) as the department's download on <c>/Actors</c> has it, every
/// text cell neutralised against spreadsheet formulas. CSV goes to stdout unless a file is named; XLSX needs a file.
/// </summary>
internal static class ActorsCommand
{
    public static Command Create(CliContext cli) =>
        new("actors", "De inventaris van de actoren van de sociale economie per regieverband.")
        {
            Export(cli),
        };

    private static Command Export(CliContext cli)
    {
        var partnership = new Option<int?>("--partnership") { Description = "Alleen de actoren van dit regieverband (id).", HelpName = "ID" };
        var kind = new Option<string?>("--kind") { Description = "Alleen deze soort (code, bv. maatwerkbedrijf).", HelpName = "CODE" };
        var municipality = new Option<string?>("--municipality") { Description = "Alleen de actoren die deze gemeente bedienen (NIS-code 2025).", HelpName = "NIS" };
        var archived = new Option<bool>("--archived") { Description = "Ook de gearchiveerde actoren." };
        var output = new ExportOutput();
        var database = new DatabaseSelection();
        var command = new Command("export", "De actoren als CSV of XLSX, gefilterd zoals op /Actors; cellen die een rekenblad als formule zou lezen, worden onschadelijk gemaakt.")
        {
            partnership, kind, municipality, archived,
        };
        output.AddTo(command);
        database.AddTo(command);
        command.SetAction((parse, ct) => ExportAsync(
            cli, cli.Culture(parse), database, parse, parse.GetValue(partnership), new ActorFilter(parse.GetValue(kind), parse.GetValue(municipality), parse.GetValue(archived)), output, ct));
        return command;
    }

    private static async Task<int> ExportAsync(CliContext cli, CultureInfo culture, DatabaseSelection selection, ParseResult parse, int? partnershipId, ActorFilter filter, ExportOutput output, CancellationToken ct)
    {
        var errors = new List<DomainError>();
        var target = output.Resolve(parse, errors);
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

            var actor = new CurrentActor { Actor = CliContext.Operator };
            var actors = new ActorService(db, new AuditTrail(db, actor, cli.Time), cli.Time);
            var municipalities = await actors.Municipalities2025Async(ct);
            if (partnershipId is { } id && !await db.Partnerships.AnyAsync(p => p.Id == id, ct))
            {
                errors.Add(DomainError.NotFound($"--partnership: regieverband {id} bestaat niet.", $"--partnership: partnership {id} does not exist."));
            }

            if (filter.Municipality is { } nis && !municipalities.Keys.Any(k => k.Value == nis))
            {
                errors.Add(DomainError.Invalid("municipality", $"--municipality: {nis} is geen NIS-code van een gemeente (2025).", $"--municipality: {nis} is not the NIS code of a municipality (2025).", "--municipality"));
            }

            if (errors.Count > 0)
            {
                return cli.Fail(errors, culture);
            }

            var items = await actors.ListAsync(partnershipId, filter, ct);
            var table = ActorExport.Of(items, await actors.KindsAsync(ct), municipalities);
            return await ExportOutput.WriteAsync(cli, culture, table, target!.Value, full => new Bilingual(
                $"{items.Count} {(items.Count == 1 ? "actor" : "actoren")} geschreven naar {full}.", $"{items.Count} {(items.Count == 1 ? "actor" : "actors")} written to {full}."), ct);
        });
    }
}
