using System.CommandLine;
using System.Globalization;
using System.Text;
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
        var format = new Option<string>("--format") { Description = "csv (standaard) of xlsx.", DefaultValueFactory = _ => "csv", HelpName = "FORMAT" };
        var output = new Option<string?>("--output") { Description = "Schrijf naar dit bestand in plaats van naar stdout (verplicht voor xlsx).", HelpName = "FILE" };
        var database = new DatabaseSelection();
        var command = new Command("export", "De actoren als CSV of XLSX, gefilterd zoals op /Actors; cellen die een rekenblad als formule zou lezen, worden onschadelijk gemaakt.")
        {
            partnership, kind, municipality, archived, format, output,
        };
        database.AddTo(command);
        command.SetAction((parse, ct) => ExportAsync(
            cli, cli.Culture(parse), database, parse, parse.GetValue(partnership), new ActorFilter(parse.GetValue(kind), parse.GetValue(municipality), parse.GetValue(archived)), parse.GetValue(format)!, parse.GetValue(output), ct));
        return command;
    }

    private static async Task<int> ExportAsync(CliContext cli, CultureInfo culture, DatabaseSelection selection, ParseResult parse, int? partnershipId, ActorFilter filter, string format, string? file, CancellationToken ct)
    {
        var errors = new List<DomainError>();
        var xlsx = string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase);
        if (!xlsx && !string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(DomainError.Invalid("format", $"--format: '{format}' is geen csv of xlsx.", $"--format: '{format}' is not csv or xlsx.", "--format"));
        }
        else if (xlsx && file is null)
        {
            errors.Add(DomainError.Invalid("format", "--format xlsx: geef een bestand met --output (XLSX gaat niet naar stdout).", "--format xlsx: name a file with --output (XLSX does not go to stdout).", "--output"));
        }

        if (file is not null && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder && !Directory.Exists(folder))
        {
            errors.Add(DomainError.Invalid("file", $"--output: de map {folder} bestaat niet.", $"--output: the folder {folder} does not exist.", "--output"));
        }

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
            var bytes = xlsx ? table.ToXlsx() : table.ToCsv();
            var dutch = Formats.IsDutch(culture);
            if (file is null)
            {
                cli.Output(new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF').TrimEnd());
                return Cli.Success;
            }

            var full = Path.GetFullPath(file);
            try
            {
                await File.WriteAllBytesAsync(full, bytes, ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return cli.Fail([DomainError.Invalid("file", $"--output {full}: het bestand kan niet geschreven worden ({e.Message}).", $"--output {full}: the file cannot be written ({e.Message}).", "--output")], culture);
            }

            cli.Output(dutch ? $"{items.Count} {(items.Count == 1 ? "actor" : "actoren")} geschreven naar {full}." : $"{items.Count} {(items.Count == 1 ? "actor" : "actors")} written to {full}.");
            return Cli.Success;
        });
    }
}
