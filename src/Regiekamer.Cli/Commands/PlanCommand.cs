using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Applications.Plan;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;

namespace Regiekamer.Cli.Commands;

/// <summary>
/// <c>regiekamer plan VERB</c>: multi-year plans in BBC's action layout (docs/plan-file-format.md). <c>check</c>
/// needs no database; <c>import</c> and <c>export</c> work on an application dossier in the database, through the
/// same service as the web app and the API (all or nothing, audited with the OS account as the actor).
/// </summary>
internal static class PlanCommand
{
    public static Command Create(CliContext cli) => new("plan", "Meerjarenplannen in het BBC-actieformaat (R10-R12).")
    {
        Check(cli),
        Import(cli),
        Export(cli),
    };

    private static Option<int> ApplicationOption() => new("--application")
    {
        Description = "Het aanvraagdossier (id, zoals in /Applications/ID).",
        HelpName = "ID",
        Required = true,
    };

    private static Command Import(CliContext cli)
    {
        var application = ApplicationOption();
        var file = FileArgument();
        var database = new DatabaseSelection();
        var command = new Command("import", "Vervangt het meerjarenplan van een aanvraagdossier door een bestand in het BBC-actieformaat. Met schendingen (R10-R12) wordt niets ingelezen (exitcode 1); een onleesbaar bestand: exitcode 2.")
        {
            application, file,
        };
        database.AddTo(command);
        command.SetAction((parse, ct) => RunImportAsync(cli, cli.Culture(parse), parse.GetValue(application), parse.GetValue(file)!, database, parse, ct));
        return command;
    }

    private static async Task<int> RunImportAsync(CliContext cli, CultureInfo culture, int id, string path, DatabaseSelection selection, ParseResult parse, CancellationToken ct)
    {
        var errors = new List<DomainError>();
        var options = selection.Resolve(parse, cli, errors);
        if (errors.Count > 0)
        {
            return cli.Fail(errors, culture);
        }

        if (!File.Exists(path))
        {
            cli.Error(Formats.IsDutch(culture) ? $"{path}: het bestand bestaat niet." : $"{path}: the file does not exist.");
            return Cli.UsageError;
        }

        return await UsersCommand.WithServicesAsync(cli, culture, options!, async services =>
        {
            await using var stream = File.OpenRead(path);
            var imported = await services.GetRequiredService<ApplicationService>().ImportPlanAsync(id, stream, Path.GetFileName(path), ct);
            if (!imported.IsSuccess)
            {
                cli.Fail(imported.Errors, culture);
                return imported.Errors[0].Code == "unreadable-file" ? Cli.UsageError : Cli.BadInput;
            }

            var r = imported.Value!;
            cli.Output(Formats.IsDutch(culture)
                ? $"Meerjarenplan van aanvraagdossier {id} vervangen door {r.Actions} acties uit {Path.GetFileName(path)} ({DatabaseSelection.Describe(options!)}); {r.Findings.Count} waarschuwingen."
                : $"The multi-year plan of application dossier {id} was replaced by {r.Actions} actions from {Path.GetFileName(path)} ({DatabaseSelection.Describe(options!)}); {r.Findings.Count} warnings.");
            foreach (var warning in r.Findings)
            {
                cli.Note(new Bilingual(Describe(warning, Formats.Dutch), Describe(warning, Formats.English)), culture);
            }

            return Cli.Success;
        }, ct);
    }

    private static Command Export(CliContext cli)
    {
        var application = ApplicationOption();
        var format = new Option<string>("--format")
        {
            Description = "csv of xlsx.",
            HelpName = "csv|xlsx",
            DefaultValueFactory = _ => "csv",
        }.AcceptOnlyFromAmong("csv", "xlsx");
        var output = new Option<string?>("--output") { Description = "Schrijf naar dit bestand (standaard: stdout voor csv; verplicht voor xlsx).", HelpName = "FILE" };
        var database = new DatabaseSelection();
        var command = new Command("export", "Schrijft het meerjarenplan van een aanvraagdossier in het BBC-actieformaat (CSV of XLSX); tekstcellen die een rekenblad als formule zou uitvoeren worden geneutraliseerd.")
        {
            application, format, output,
        };
        database.AddTo(command);
        command.SetAction((parse, ct) => RunExportAsync(cli, cli.Culture(parse), parse.GetValue(application), parse.GetValue(format)!, parse.GetValue(output), database, parse, ct));
        return command;
    }

    private static async Task<int> RunExportAsync(CliContext cli, CultureInfo culture, int id, string format, string? output, DatabaseSelection selection, ParseResult parse, CancellationToken ct)
    {
        var errors = new List<DomainError>();
        var options = selection.Resolve(parse, cli, errors);
        if (format == "xlsx" && string.IsNullOrEmpty(output))
        {
            errors.Add(DomainError.Invalid("validation", "--output: verplicht voor xlsx (een binair bestand hoort niet op stdout).", "--output: required for xlsx (a binary file does not belong on stdout).", "output"));
        }

        if (errors.Count > 0)
        {
            return cli.Fail(errors, culture);
        }

        return await UsersCommand.WithServicesAsync(cli, culture, options!, async services =>
        {
            var application = await services.GetRequiredService<ApplicationService>().GetAsync(id, ct);
            var call = application is null ? null : await services.GetRequiredService<CallService>().GetAsync(application.CallId, ct);
            if (application is null || call is null)
            {
                return cli.Fail([ApplicationService.NotFound(id)], culture);
            }

            var period = ApplicationService.PeriodOf(call);
            var actions = application.Actions.OrderBy(a => a.Position).Select(a => ApplicationService.ToPlanAction(a.Values, a.Position)).ToList();
            using var buffer = new MemoryStream();
            if (format == "xlsx")
            {
                PlanFile.WriteXlsx(buffer, actions, period);
            }
            else
            {
                PlanFile.WriteCsv(buffer, actions, period);
            }

            if (string.IsNullOrEmpty(output))
            {
                // stdout: the text without the byte-order mark the file carries for spreadsheets.
                cli.Output(new UTF8Encoding(false).GetString(buffer.ToArray()).TrimStart('\uFEFF').TrimEnd('\r', '\n'));
            }
            else
            {
                await File.WriteAllBytesAsync(output, buffer.ToArray(), ct);
                cli.Note(new Bilingual(
                    $"{actions.Count} acties van {application.DossierNumber} geschreven naar {output}.",
                    $"{actions.Count} actions of {application.DossierNumber} written to {output}."), culture);
            }

            return Cli.Success;
        }, ct);
    }

    /// <summary>The plan file: CSV (UTF-8; separator ; , or tab) or XLSX.</summary>
    internal static Argument<string> FileArgument() => new("FILE")
    {
        Description = "Het meerjarenplan: CSV (UTF-8, scheidingsteken ; , of tab) of XLSX, met de kolommen van het BBC-actieformaat.",
    };

    /// <summary>--period 2023-2025 (the default, the open call 2023's); read with <see cref="TryPeriod"/>.</summary>
    internal static Option<string> PeriodOption() => new("--period")
    {
        Description = "De jaren van het plan, JJJJ-JJJJ. Standaard die van de oproep 2023-2025.",
        HelpName = "YYYY-YYYY",
        DefaultValueFactory = _ => PlanPeriod.OpenCall2023.ToString(),
    };

    private static Command Check(CliContext cli)
    {
        var file = FileArgument();
        var period = PeriodOption();
        var format = new Option<string>("--format")
        {
            Description = "Uitvoer: json of text.",
            HelpName = "json|text",
            DefaultValueFactory = _ => "json",
        }.AcceptOnlyFromAmong("json", "text");
        var command = new Command(
            "check",
            "Toetst een meerjarenplan aan R10-R12 (zonder databank). Exitcode 0: in orde (waarschuwingen mogen), 1: schendingen, 2: het bestand is geen leesbaar plan.")
        {
            file, period, format,
        };
        command.SetAction(parse => RunCheck(cli, cli.Culture(parse), parse.GetValue(file)!, parse.GetValue(period)!, parse.GetValue(format)!));
        return command;
    }

    private static int RunCheck(CliContext cli, CultureInfo culture, string path, string periodText, string format)
    {
        if (TryPeriod(cli, culture, periodText) is not { } period || TryRead(cli, culture, path, period) is not { } read)
        {
            return Cli.UsageError;
        }

        var check = read.Check(period);
        cli.Output(format == "text" ? Text(path, read, check, culture) : Json(check, culture));
        return check.Valid ? Cli.Success : Cli.BadInput;
    }

    /// <summary>The period of --period, or null after an error on stderr.</summary>
    internal static PlanPeriod? TryPeriod(CliContext cli, CultureInfo culture, string text)
    {
        if (PlanPeriod.TryParse(text, out var period))
        {
            return period;
        }

        cli.Error(Formats.IsDutch(culture)
            ? $"--period: '{text}' is geen periode; schrijf JJJJ-JJJJ, bv. 2023-2025 (jaren {PlanPeriod.MinYear}-{PlanPeriod.MaxYear}, hoogstens {PlanPeriod.MaxYears} jaar)."
            : $"--period: '{text}' is not a period; write YYYY-YYYY, e.g. 2023-2025 (years {PlanPeriod.MinYear}-{PlanPeriod.MaxYear}, at most {PlanPeriod.MaxYears} years).");
        return null;
    }

    /// <summary>The plan in the file at <paramref name="path"/>, or null after an error on stderr that names the file.</summary>
    internal static PlanFileResult? TryRead(CliContext cli, CultureInfo culture, string path, PlanPeriod period)
    {
        PlanFileResult read;
        try
        {
            using var stream = File.OpenRead(path);
            read = PlanFile.Read(stream, path, period);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            cli.Error(Formats.IsDutch(culture) ? $"{path}: het bestand bestaat niet." : $"{path}: the file does not exist.");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            cli.Error(Formats.IsDutch(culture) ? $"{path}: het bestand kan niet gelezen worden ({e.Message})." : $"{path}: the file cannot be read ({e.Message}).");
            return null;
        }

        if (!read.IsReadable)
        {
            cli.Error(read.Error!.Message.For(culture));
            return null;
        }

        return read;
    }

    private static string Json(PlanCheck check, CultureInfo culture) => Output.Json(w =>
    {
        w.WriteStartObject();
        w.WriteBoolean("valid", check.Valid);
        w.WriteStartArray("findings");
        foreach (var finding in check.Findings)
        {
            w.WriteStartObject();
            w.WriteString("rule", finding.Rule);
            w.WriteString("severity", Severity(finding.Severity));
            if (finding.Row is { } row)
            {
                w.WriteNumber("row", row);
            }
            else
            {
                w.WriteNull("row");
            }

            w.WriteString("field", finding.Field);
            w.WriteString("message", finding.Message.For(culture));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("coverage");
        foreach (var year in check.Period.Years)
        {
            w.WriteStartObject(year.ToString(CultureInfo.InvariantCulture));
            foreach (var priority in PriorityCode.All)
            {
                w.WriteNumber(priority.Value, check.Actions(year, priority));
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteStartObject("totals");
        foreach (var year in check.Period.Years)
        {
            w.WriteString(year.ToString(CultureInfo.InvariantCulture), check.Total(year).ToInvariantString());
        }

        w.WriteEndObject();
        w.WriteEndObject();
    });

    /// <summary>"schending, rij 5, Bedrag 2023: R11: …": a finding on one line.</summary>
    private static string Describe(PlanFinding finding, CultureInfo culture)
    {
        var nl = Formats.IsDutch(culture);
        var where = string.Join(", ", new[]
        {
            finding.Severity == FindingSeverity.Violation ? (nl ? "schending" : "violation") : (nl ? "waarschuwing" : "warning"),
            finding.Row is { } row ? (nl ? "rij " : "row ") + row.ToString(CultureInfo.InvariantCulture) : null,
            finding.Field,
        }.Where(p => p is not null));
        return where + ": " + finding.Message.For(culture);
    }

    private static string Text(string path, PlanFileResult read, PlanCheck check, CultureInfo culture)
    {
        var nl = Formats.IsDutch(culture);
        var text = new StringBuilder();
        var actions = Count(read.Actions.Count, nl ? "actie" : "action", nl ? "acties" : "actions");
        var violations = Count(check.Violations, nl ? "schending" : "violation", nl ? "schendingen" : "violations");
        var warnings = Count(check.Warnings, nl ? "waarschuwing" : "warning", nl ? "waarschuwingen" : "warnings");
        text.Append(nl ? $"Meerjarenplan {path}, {check.Period}: {actions}." : $"Multi-year plan {path}, {check.Period}: {actions}.").Append('\n');
        text.Append(check.Valid
            ? (nl ? $"In orde: geen schendingen, {warnings}." : $"Valid: no violations, {warnings}.")
            : (nl ? $"Niet in orde: {violations}, {warnings}." : $"Not valid: {violations}, {warnings}.")).Append('\n');

        if (check.Findings.Count > 0)
        {
            text.Append('\n').Append(nl ? "Bevindingen" : "Findings").Append('\n');
            foreach (var finding in check.Findings)
            {
                var where = string.Join(", ", new[]
                {
                    finding.Severity == FindingSeverity.Violation ? (nl ? "schending" : "violation") : (nl ? "waarschuwing" : "warning"),
                    finding.Row is { } row ? (nl ? "rij " : "row ") + row.ToString(CultureInfo.InvariantCulture) : null,
                    finding.Field,
                }.Where(p => p is not null));
                text.Append("- ").Append(where).Append(": ").Append(finding.Message.For(culture)).Append('\n');
            }
        }

        var years = check.Period.Years;
        var cells = PriorityCode.All.Select(p => (Label: p.Value, Values: years.Select(y => Formats.Count(check.Actions(y, p), culture)).ToArray()))
            .Append((Label: nl ? "Totaal" : "Total", Values: years.Select(y => check.Total(y).ToDisplayString(culture)).ToArray()))
            .ToList();
        var width = Math.Max(4, cells.Max(c => c.Values.Max(v => v.Length)));
        var label = cells.Max(c => c.Label.Length);
        text.Append('\n').Append(nl ? "Acties per prioriteit en jaar, en het geplande bedrag per jaar" : "Actions per priority and year, and the amount planned per year").Append('\n');
        text.Append(new string(' ', label));
        foreach (var year in years)
        {
            text.Append("  ").Append(year.ToString(CultureInfo.InvariantCulture).PadLeft(width));
        }

        text.Append('\n');
        foreach (var (name, values) in cells)
        {
            text.Append(name.PadRight(label));
            foreach (var value in values)
            {
                text.Append("  ").Append(value.PadLeft(width));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static string Count(int count, string one, string many) => $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? one : many)}";

    internal static string Severity(FindingSeverity severity) => severity == FindingSeverity.Violation ? "violation" : "warning";
}
