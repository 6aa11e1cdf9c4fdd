using System.CommandLine;
using System.Globalization;
using System.Text;
using Regiekamer.Core.Applications.Plan;
using Regiekamer.Core.Common;

namespace Regiekamer.Cli.Commands;

/// <summary>
/// <c>regiekamer plan VERB</c>: multi-year plans in BBC's action layout (docs/plan-file-format.md). <c>check</c>
/// needs no database. A new verb (import, export) is one more entry in <see cref="Create"/>, built like
/// <see cref="Check"/> from <see cref="FileArgument"/>, <see cref="PeriodOption"/> and <see cref="TryRead"/>.
/// </summary>
internal static class PlanCommand
{
    public static Command Create(CliContext cli) => new("plan", "Meerjarenplannen in het BBC-actieformaat (R10-R12).")
    {
        Check(cli),
    };

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
