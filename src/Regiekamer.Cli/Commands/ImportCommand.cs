using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Imports;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Cli.Commands;

/// <summary>
/// <c>regiekamer import population|job-seekers FILE</c>: new datasets in the database through ImportService, all or
/// nothing. An empty database is migrated and given the shipped reference data first.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(CliContext cli) => new("import", "Importeert referentiecijfers in de databank (alles of niets).")
    {
        Verb(cli, "population", FigureFileKind.Population, "Bevolking op beroepsactieve leeftijd (en optioneel inwoners): CSV nis_code,working_age_population[,inhabitants]."),
        Verb(cli, "job-seekers", FigureFileKind.JobSeekers, "Werkzoekenden (bv. VDAB Arvastat): CSV nis_code,job_seekers."),
    };

    private sealed record Request(FigureFileKind Kind, string File, string ReferenceDate, string Source, string? Title);

    private static Command Verb(CliContext cli, string name, FigureFileKind kind, string description)
    {
        var file = new Argument<string>("FILE") { Description = "Het CSV-bestand." };
        var referenceDate = new Option<string>("--reference-date")
        {
            Description = "Referentiedatum van de cijfers, JJJJ-MM-DD (bv. 2024-01-01).",
            HelpName = "YYYY-MM-DD",
            Required = true,
        };
        var source = new Option<string>("--source") { Description = "Bron, bv. 'Statbel' of 'VDAB Arvastat'.", HelpName = "TEXT", Required = true };
        var title = new Option<string?>("--title") { Description = "Titel van de dataset (standaard afgeleid van soort en datum).", HelpName = "TEXT" };
        var database = new DatabaseSelection();
        var command = new Command(name, description) { file, referenceDate, source, title };
        database.AddTo(command);
        command.SetAction((parse, ct) => RunAsync(
            cli,
            cli.Culture(parse),
            new Request(kind, parse.GetValue(file)!, parse.GetValue(referenceDate)!, parse.GetValue(source)!, parse.GetValue(title)),
            database,
            parse,
            ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, CultureInfo culture, Request request, DatabaseSelection selection, ParseResult parse, CancellationToken ct)
    {
        var errors = new List<DomainError>();
        var date = Inputs.Date("--reference-date", request.ReferenceDate, errors);
        var text = Inputs.ReadFile(request.File, errors);
        var options = selection.Resolve(parse, cli, errors);
        if (errors.Count > 0)
        {
            return cli.Fail(errors, culture);
        }

        return await DbCommand.WithDatabaseAsync(cli, culture, options!, async db =>
        {
            if (await DbCommand.PrepareAsync(cli, culture, db, ct) is { } refused)
            {
                return cli.Fail([refused], culture);
            }

            using var derived = new DerivedCache();
            var service = new ImportService(db, new ReferenceDataService(db, new ReferenceSnapshotCache(), derived), new AuditTrail(db, new CurrentActor { Actor = CliContext.Operator }, cli.Time), cli.Time);
            using var reader = new StringReader(text!);
            var result = await service.ImportAsync(new ImportRequest(request.Kind, request.File, date!.Value, request.Source, request.Title), reader, ct);
            if (!result.IsSuccess)
            {
                return cli.Fail(result.Errors, culture);
            }

            var where = DatabaseSelection.Describe(options!);
            cli.Output(string.Join("\n", result.Value!.Select(d => Formats.IsDutch(culture)
                ? $"Geïmporteerd in {where}: dataset {d.Id} '{d.Title}' ({d.RowCount} gemeenten, bron {d.Source}, referentiedatum {Formats.ShortDate(d.ReferenceDate)})."
                : $"Imported into {where}: dataset {d.Id} '{d.Title}' ({d.RowCount} municipalities, source {d.Source}, reference date {Formats.ShortDate(d.ReferenceDate)}).")));
            return Cli.Success;
        });
    }
}
