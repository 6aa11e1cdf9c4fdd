using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;

namespace Regiekamer.Cli.Commands;

/// <summary>
/// <c>regiekamer audit verify</c>: walks the hash chain of the audit trail and names the first record that was altered,
/// removed or inserted in the database (exit 1 when it is broken). <c>regiekamer audit export</c>: the trail as CSV.
/// Both only read.
/// </summary>
internal static class AuditCommand
{
    public static Command Create(CliContext cli)
    {
        var verifyDatabase = new DatabaseSelection();
        var verify = new Command("verify", "Controleert de hashketen van het auditspoor en noemt het eerste record dat in de databank gewijzigd, verwijderd of ingevoegd werd. Exitcode 1: de keten is gebroken.");
        verifyDatabase.AddTo(verify);
        verify.SetAction((parse, ct) => VerifyAsync(cli, cli.Culture(parse), verifyDatabase, parse, ct));

        var exportDatabase = new DatabaseSelection();
        var output = new Option<string?>("--out") { Description = "Schrijf de CSV naar dit bestand (UTF-8 met BOM) in plaats van naar stdout.", HelpName = "FILE" };
        var entity = new Option<string?>("--entity") { Description = "Alleen dit soort entiteit, bv. Partnership, Call, AllocationRun, ReferenceDataset.", HelpName = "TYPE" };
        var entityId = new Option<string?>("--entity-id") { Description = "Alleen de entiteit met dit id.", HelpName = "ID" };
        var actor = new Option<string?>("--actor") { Description = "Alleen records waarvan de actor deze tekst bevat (hoofdletters maken niet uit).", HelpName = "TEXT" };
        var action = new Option<string?>("--action") { Description = "Alleen deze actie, bv. Created, Updated, Deleted, Published.", HelpName = "ACTION" };
        var field = new Option<string?>("--field") { Description = "Alleen records die dit veld wijzigden, bv. RegisseurEmail (records sinds de getypeerde gebeurtenissen).", HelpName = "FIELD" };
        var from = new Option<string?>("--from") { Description = "Vanaf deze datum (Brusselse tijd), JJJJ-MM-DD.", HelpName = "YYYY-MM-DD" };
        var to = new Option<string?>("--to") { Description = "Tot en met deze datum (Brusselse tijd), JJJJ-MM-DD.", HelpName = "YYYY-MM-DD" };
        var export = new Command("export", "Het auditspoor als CSV (oudste eerst): elk veld zoals opgeslagen (id … hash, format, fields), dan actor_display, before_display, after_display zoals mensen ze lezen.")
        {
            output, entity, entityId, actor, action, field, from, to,
        };
        exportDatabase.AddTo(export);
        export.SetAction((parse, ct) =>
        {
            var parsed = AuditFilter.Parse(parse.GetValue(entity), parse.GetValue(entityId), parse.GetValue(actor), parse.GetValue(action), parse.GetValue(from), parse.GetValue(to), AuditDateNames.CommandLine, parse.GetValue(field));
            var errors = parsed.Errors.ToList();
            var filter = parsed.Value ?? AuditFilter.None;
            return ExportAsync(cli, cli.Culture(parse), exportDatabase, parse, filter, parse.GetValue(output), errors, ct);
        });

        return new Command("audit", "Het auditspoor: controle van de hashketen en export.") { verify, export };
    }

    private static async Task<int> VerifyAsync(CliContext cli, CultureInfo culture, DatabaseSelection selection, ParseResult parse, CancellationToken ct)
    {
        var errors = new List<DomainError>();
        var options = selection.ResolveExisting(parse, cli, errors);
        if (options is null)
        {
            return cli.Fail(errors, culture);
        }

        return await DbCommand.WithDatabaseAsync(cli, culture, options, async db =>
        {
            if (await DbCommand.NotMigratedAsync(db, ct) is { } refused)
            {
                return cli.Fail([refused], culture);
            }

            var result = await AuditTrail.VerifyAsync(db, ct);
            var dutch = Formats.IsDutch(culture);
            if (result.FirstBreak is { } broken)
            {
                cli.Error(dutch
                    ? $"Auditspoor gebroken bij record {broken.RecordId}: {broken.Message.Nl} ({DatabaseSelection.Describe(options)}, {result.RecordsChecked} records gecontroleerd tot de breuk.)"
                    : $"Audit trail broken at record {broken.RecordId}: {broken.Message.En} ({DatabaseSelection.Describe(options)}, {result.RecordsChecked} records checked up to the break.)");
                return Cli.BadInput;
            }

            cli.Output(dutch ? $"Auditspoor intact: {result.RecordsChecked} records gecontroleerd." : $"Audit trail intact: {result.RecordsChecked} records checked.");
            return Cli.Success;
        });
    }

    private static async Task<int> ExportAsync(CliContext cli, CultureInfo culture, DatabaseSelection selection, ParseResult parse, AuditFilter filter, string? file, List<DomainError> errors, CancellationToken ct)
    {
        var options = selection.ResolveExisting(parse, cli, errors);
        if (file is not null && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder && !Directory.Exists(folder))
        {
            errors.Add(DomainError.Invalid("file", $"--out: de map {folder} bestaat niet.", $"--out: the folder {folder} does not exist.", "--out"));
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

            if (file is null)
            {
                // stdout in one go, only when the whole export succeeded.
                using var text = new StringWriter(CultureInfo.InvariantCulture);
                await AuditCsv.WriteAsync(text, AuditReader.StreamAsync(db, filter, ct), ct);
                cli.Output(text.ToString());
                return Cli.Success;
            }

            // Into a temporary file first, so a failed export never leaves half a file under the chosen name.
            var full = Path.GetFullPath(file);
            var partial = full + ".partial";
            long count;
            try
            {
                await using (var writer = new StreamWriter(partial, false, AuditCsv.FileEncoding))
                {
                    count = await AuditCsv.WriteAsync(writer, AuditReader.StreamAsync(db, filter, ct), ct);
                }

                File.Move(partial, full, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return cli.Fail([DomainError.Invalid("file", $"--out {full}: het bestand kan niet geschreven worden ({e.Message}).", $"--out {full}: the file cannot be written ({e.Message}).", "--out")], culture);
            }
            finally
            {
                if (File.Exists(partial))
                {
                    File.Delete(partial);
                }
            }

            cli.Output(Formats.IsDutch(culture) ? $"{count} auditrecords geëxporteerd naar {full}." : $"{count} audit records exported to {full}.");
            return Cli.Success;
        });
    }
}
