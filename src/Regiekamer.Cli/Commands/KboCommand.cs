using System.CommandLine;
using System.Globalization;
using System.Text;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Kbo;

namespace Regiekamer.Cli.Commands;

/// <summary>
/// <c>regiekamer kbo import PATH</c> (a KBO Open Data ZIP or a folder of its CSV files; full or update) and
/// <c>regiekamer kbo show NUMBER</c>. The import prints its progress on stderr and a summary on stdout; a damaged file
/// is refused with its name and line (exit 1), and the extract in force stays.
/// </summary>
internal static class KboCommand
{
    public static Command Create(CliContext cli) =>
        new("kbo", "KBO Open Data: een uittreksel importeren (volledig of update) en een onderneming opzoeken.")
        {
            Import(cli),
            Show(cli),
        };

    private static Command Import(CliContext cli)
    {
        var path = new Argument<string>("PATH") { Description = "Het ZIP-bestand van KBO Open Data, of een map met zijn CSV-bestanden." };
        var quiet = new Option<bool>("--quiet") { Description = "Geen voortgang op stderr." };
        var database = new DatabaseSelection();
        var command = new Command("import", "Importeert een KBO-uittreksel (alles of niets; het geldende blijft bij een fout).") { path, quiet };
        database.AddTo(command);
        command.SetAction((parse, ct) => ImportAsync(cli, cli.Culture(parse), parse.GetValue(path)!, parse.GetValue(quiet), database, parse, ct));
        return command;
    }

    private static Command Show(CliContext cli)
    {
        var number = new Argument<string>("NUMBER") { Description = "Het ondernemingsnummer, bv. 0207.000.077 of BE0207000077." };
        var database = new DatabaseSelection();
        var command = new Command("show", "Toont wat het geldende KBO-uittreksel over een onderneming zegt.") { number };
        database.AddTo(command);
        command.SetAction((parse, ct) => ShowAsync(cli, cli.Culture(parse), parse.GetValue(number)!, database, parse, ct));
        return command;
    }

    private static async Task<int> ImportAsync(CliContext cli, CultureInfo culture, string path, bool quiet, DatabaseSelection selection, ParseResult parse, CancellationToken ct)
    {
        var errors = new List<DomainError>();
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            errors.Add(DomainError.Invalid("file", $"{path}: bestand of map niet gevonden.", $"{path}: file or folder not found.", "PATH"));
        }

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

            var actor = new CurrentActor { Actor = CliContext.Operator };
            var service = new KboImportService(db, options!, new AuditTrail(db, actor, cli.Time), actor, cli.Time);
            var result = await service.ImportAsync(path, quiet ? null : new StderrProgress(cli, culture), ct);
            if (!result.IsSuccess)
            {
                return cli.Fail(result.Errors, culture);
            }

            var s = result.Value!;
            var dutch = Formats.IsDutch(culture);
            var date = s.SnapshotDate is { } d ? Formats.Date(d) : "";
            var counts = dutch
                ? $"{Formats.Count(s.Enterprises, culture)} ondernemingen, {Formats.Count(s.Denominations, culture)} namen, {Formats.Count(s.Addresses, culture)} maatschappelijke zetels, {Formats.Count(s.Activities, culture)} hoofdactiviteiten, {Formats.Count(s.Codes, culture)} codes"
                : $"{Formats.Count(s.Enterprises, culture)} enterprises, {Formats.Count(s.Denominations, culture)} names, {Formats.Count(s.Addresses, culture)} registered offices, {Formats.Count(s.Activities, culture)} main activities, {Formats.Count(s.Codes, culture)} codes";
            cli.Output(dutch
                ? $"KBO-uittreksel {s.ExtractNumber} ({(s.ExtractType == KboExtractType.Full ? "volledig" : "update")}, toestand {date}) van kracht in {DatabaseSelection.Describe(options!)}: {counts}; {Formats.Count(s.RowsRead, culture)} rijen gelezen ({Formats.Count(s.RowsPerSecond, culture)} rijen/s)."
                : $"KBO extract {s.ExtractNumber} ({(s.ExtractType == KboExtractType.Full ? "full" : "update")}, as of {date}) in force in {DatabaseSelection.Describe(options!)}: {counts}; {Formats.Count(s.RowsRead, culture)} rows read ({Formats.Count(s.RowsPerSecond, culture)} rows/s).");
            return Cli.Success;
        });
    }

    private static async Task<int> ShowAsync(CliContext cli, CultureInfo culture, string text, DatabaseSelection selection, ParseResult parse, CancellationToken ct)
    {
        var errors = new List<DomainError>();
        if (!KboNumber.TryParse(text, out var number))
        {
            errors.Add(KboService.Invalid(text));
        }

        var options = selection.ResolveExisting(parse, cli, errors);
        if (errors.Count > 0)
        {
            return cli.Fail(errors, culture);
        }

        return await DbCommand.WithDatabaseAsync(cli, culture, options!, async db =>
        {
            var found = await new KboService(db).FindAsync(number, ct);
            if (!found.IsSuccess)
            {
                return cli.Fail(found.Errors, culture);
            }

            var e = found.Value!;
            var dutch = Formats.IsDutch(culture);
            var o = e.RegisteredOffice;
            var lines = new StringBuilder();
            lines.AppendLine(CultureInfo.InvariantCulture, $"{e.Number.ToDisplayString()}  {e.Name}");
            lines.AppendLine(dutch ? $"Status: {(e.Active ? "actief" : "niet actief")}{(e.NaturalPerson ? ", natuurlijk persoon" : ", rechtspersoon")}" : $"Status: {(e.Active ? "active" : "not active")}{(e.NaturalPerson ? ", natural person" : ", legal person")}");
            if (e.JuridicalForm is { } form)
            {
                lines.AppendLine(CultureInfo.InvariantCulture, $"{(dutch ? "Rechtsvorm" : "Legal form")}: {form.Code} {form.Label}");
            }

            if (o is not null)
            {
                lines.AppendLine(CultureInfo.InvariantCulture, $"{(dutch ? "Maatschappelijke zetel" : "Registered office")}: {o.Street} {o.HouseNumber}{(o.Box is null ? "" : " bus " + o.Box)}, {o.Zipcode} {o.Municipality}{(o.Country is null ? "" : ", " + o.Country)}");
            }

            foreach (var nace in e.Nace)
            {
                lines.AppendLine(CultureInfo.InvariantCulture, $"NACE {nace.Version}: {nace.Code} {nace.Label}");
            }

            lines.Append(dutch ? $"Bron: KBO Open Data, toestand {Formats.Date(e.SnapshotDate)}" : $"Source: KBO Open Data, as of {Formats.Date(e.SnapshotDate)}");
            cli.Output(lines.ToString());
            return Cli.Success;
        });
    }

    /// <summary>Progress lines on stderr, so stdout keeps only the result.</summary>
    private sealed class StderrProgress(CliContext cli, CultureInfo culture) : IProgress<KboImportProgress>
    {
        public void Report(KboImportProgress value) => cli.Error(Formats.IsDutch(culture)
            ? $"{value.File}: {Formats.Count(value.RowsRead, culture)} rijen, {Formats.Count(value.RowsPerSecond, culture)} rijen/s ({value.Elapsed.TotalSeconds:0.0} s)"
            : $"{value.File}: {Formats.Count(value.RowsRead, culture)} rows, {Formats.Count(value.RowsPerSecond, culture)} rows/s ({value.Elapsed.TotalSeconds:0.0} s)");
    }
}
