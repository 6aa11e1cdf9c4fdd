using System.CommandLine;
using System.Globalization;
using Regiekamer.Core.Common;
using Regiekamer.Core.Eligibility;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Cli.Commands;

/// <summary><c>regiekamer eligibility</c>: R1–R6 for the partnerships of a file, on the shipped reference data.</summary>
internal static class EligibilityCommand
{
    public static Command Create(CliContext cli)
    {
        var partnerships = PartnershipsOption();
        var on = OnOption();
        var format = new Option<string>("--format")
        {
            Description = "Uitvoer: json of csv.",
            HelpName = "json|csv",
            DefaultValueFactory = _ => "json",
        }.AcceptOnlyFromAmong("json", "csv");

        var command = new Command("eligibility", "Toetst de regieverbanden uit een bestand aan de subsidiabiliteitsregels R1-R6 (zonder databank).")
        {
            partnerships, on, format,
        };
        command.SetAction(parse => Run(cli, cli.Culture(parse), parse.GetValue(partnerships)!, parse.GetValue(on), parse.GetValue(format)!));
        return command;
    }

    internal static Option<string> PartnershipsOption() => new("--partnerships")
    {
        Description = "CSV met kolommen name,kind,members,managing_municipality,status (zie docs/cli.md).",
        HelpName = "FILE",
        Required = true,
    };

    internal static Option<string?> OnOption() => new("--on")
    {
        Description = "Datum waarop de regels getoetst worden (R5-termijnen), JJJJ-MM-DD. Standaard: vandaag.",
        HelpName = "YYYY-MM-DD",
    };

    private static int Run(CliContext cli, CultureInfo culture, string partnershipsPath, string? onText, string format)
    {
        var errors = new List<DomainError>();
        var on = onText is null ? cli.Today : Inputs.Date("--on", onText, errors);
        var snapshot = ReferenceSnapshot.FromShipped();
        var partnerships = Inputs.Partnerships(partnershipsPath, snapshot, errors);
        if (errors.Count > 0)
        {
            return cli.Fail(errors, culture);
        }

        var results = EligibilityRules.Evaluate(partnerships!.Select(p => p.ToFacts()).ToList(), snapshot.EligibilityContext(on!.Value));
        cli.Output(format == "csv" ? Csv(results, culture) : Json(results, culture));
        return Cli.Success;
    }

    private static string Json(IReadOnlyList<EligibilityResult> results, CultureInfo culture) => Output.Json(w =>
    {
        w.WriteStartArray();
        foreach (var result in results)
        {
            w.WriteStartObject();
            w.WriteString("partnership", result.Partnership);
            w.WriteBoolean("eligible", result.Eligible);
            w.WriteStartArray("findings");
            foreach (var finding in result.Findings)
            {
                w.WriteStartObject();
                w.WriteString("rule", finding.Rule);
                w.WriteString("severity", SeverityCode(finding.Severity));
                w.WriteString("message", finding.Message.For(culture));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    private static string Csv(IReadOnlyList<EligibilityResult> results, CultureInfo culture) => Output.Csv(
        ["partnership", "eligible", "rule", "severity", "message"],
        results.SelectMany(r => r.Findings.Count == 0
            ? [[r.Partnership, Output.Bool(r.Eligible), "", "", ""]]
            : r.Findings.Select(f => (IReadOnlyList<string>)[r.Partnership, Output.Bool(r.Eligible), f.Rule, SeverityCode(f.Severity), f.Message.For(culture)])));

    internal static string SeverityCode(Severity severity) => severity == Severity.Violation ? "violation" : "warning";
}
