using System.Globalization;
using System.Text;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Applications.Plan;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Reports;

/// <summary>
/// One action as an import of the annual accounts leaves it: a planned action of the report (<see cref="Planned"/>,
/// updated or marked not carried out) or an unplanned one made from a row of the file (<see cref="Planned"/> null).
/// </summary>
/// <param name="Row">The row of the file it comes from (the header is row 1); null for a planned action the file does not have.</param>
/// <param name="Cost">The file's amount for the report's year; null when the row leaves it empty (or the action was not carried out).</param>
/// <param name="Reason">Why a planned action was not carried out: only a reason the report already gave (see <see cref="ReportImport"/>).</param>
public sealed record ImportedAction(
    ReportedAction? Planned,
    int? Row,
    ReportOutcome Outcome,
    string? PolicyGoal,
    string? ActionPlan,
    string ShortDescription,
    string? LongDescription,
    string? Comment,
    string Code,
    Money? Cost,
    string? Reason);

/// <summary>What an import does to a report's actions, in the order they are reported: the planned ones by position, then the unplanned ones in file order.</summary>
public sealed record ReportImportMapping(IReadOnlyList<ImportedAction> Actions)
{
    /// <summary>Planned actions found in the file: carried out.</summary>
    public int Updated => Actions.Count(a => a.Outcome == ReportOutcome.CarriedOut);

    /// <summary>Rows of the file that match no planned action.</summary>
    public int Unplanned => Actions.Count(a => a.Outcome == ReportOutcome.Unplanned);

    /// <summary>Planned actions the file does not have.</summary>
    public int NotCarriedOut => Actions.Count(a => a.Outcome == ReportOutcome.NotCarriedOut);
}

/// <summary>
/// The actions of a partnership's annual accounts (BBC's action layout, read by <see cref="PlanFile"/> for the report's
/// one year) mapped onto its year's report (R15), as a pure function.
/// <para>
/// <b>Matching.</b> A row reports on a planned action of the report when both have the same code and the same short
/// description (Actie omschrijving), compared without regard to case and with white space trimmed and every run of it
/// (spaces, tabs, line breaks, non-breaking spaces) read as one space; any other difference (a word, punctuation, HTML
/// tags) makes it another action. When several planned actions share code and short description, the rows with that
/// code and description take them in order: the first row the planned action with the lowest position, and so on; a row
/// beyond them is unplanned.
/// </para>
/// <para>
/// <b>Outcome.</b> A matched planned action is carried out: its short and long description, comment and code become
/// the row's (policy goal and action plan too, where the row has them), and its cost the row's amount for the year
/// (none when the cell is empty). A row that matches no planned action becomes an unplanned action. A planned action
/// that no row matches is not carried out, with no cost; R15 then asks why (<see cref="ReportRules.Check"/>). A reason
/// the report already gave for an action that was not carried out before stays, so importing the file again does not
/// throw away what was written since; every other such action starts without one. Unplanned actions the report had
/// are replaced by the file's.
/// </para>
/// <para>
/// <b>Refused.</b> A file that cannot be read, a row that breaks R11 or R12 (a missing short description, a code that
/// is no WSE-LR code, an amount that is no amount, a text too long), and a row with an amount for another year than the
/// report's (R15: a report is about one year): each error names its row and column, and nothing is mapped. R10 is not
/// checked here: it is the report's, checked with every other finding before submission.
/// </para>
/// </summary>
public static class ReportImport
{
    /// <summary>Maps the file's rows onto <paramref name="actions"/>, the report's actions now; every error of the file, each naming its row and column, when it cannot be.</summary>
    public static Result<ReportImportMapping> Map(int year, IReadOnlyList<ReportedAction> actions, PlanFileResult file)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(file);
        if (file.Error is { } unreadable)
        {
            return unreadable;
        }

        var errors = Errors(year, file);
        if (errors.Count > 0)
        {
            return Result<ReportImportMapping>.Fail(errors);
        }

        if (file.Actions.Count == 0)
        {
            return DomainError.Rule(
                Rules.R15,
                $"R15: het bestand heeft geen enkele actie. Een jaarverslag {Year(year)} uit de jaarrekening heeft een rij per actie, met haar bedrag in de kolom {PlanColumns.Amount(year)}.",
                $"R15: the file has no action at all. An annual report {Year(year)} from the annual accounts has a row per action, with its amount in the column {PlanColumns.Amount(year)}.",
                "file");
        }

        var planned = actions.Where(a => a.PlannedActionId is not null).OrderBy(a => a.Position).ToList();
        var open = new Dictionary<string, Queue<ReportedAction>>(StringComparer.OrdinalIgnoreCase);
        foreach (var action in planned)
        {
            var key = Key(action.Code, action.ShortDescription);
            (open.TryGetValue(key, out var queue) ? queue : open[key] = new Queue<ReportedAction>()).Enqueue(action);
        }

        var rows = new Dictionary<ReportedAction, PlanAction>();
        var unplanned = new List<PlanAction>();
        foreach (var row in file.Actions)
        {
            if (open.TryGetValue(Key(row.Code, row.ShortDescription), out var queue) && queue.TryDequeue(out var match))
            {
                rows[match] = row;
            }
            else
            {
                unplanned.Add(row);
            }
        }

        var mapped = new List<ImportedAction>(planned.Count + unplanned.Count);
        foreach (var action in planned)
        {
            mapped.Add(rows.TryGetValue(action, out var row)
                ? From(action, row, ReportOutcome.CarriedOut, year)
                : new ImportedAction(
                    action,
                    null,
                    ReportOutcome.NotCarriedOut,
                    action.PolicyGoal,
                    action.ActionPlan,
                    action.ShortDescription,
                    action.LongDescription,
                    action.Comment,
                    action.Code,
                    null,
                    action.Outcome == ReportOutcome.NotCarriedOut ? action.NotCarriedOutReason : null));
        }

        mapped.AddRange(unplanned.Select(row => From(null, row, ReportOutcome.Unplanned, year)));
        return Result<ReportImportMapping>.Ok(new ReportImportMapping(mapped));
    }

    /// <summary>What two actions are matched on: the code (as its priority where it is one) and the short description, white space collapsed; compare keys ignoring case.</summary>
    public static string Key(string? code, string? shortDescription) =>
        (PriorityCode.TryParse(code, out var priority) ? priority.Value : Collapse(code)) + "\n" + Collapse(shortDescription);

    private static ImportedAction From(ReportedAction? planned, PlanAction row, ReportOutcome outcome, int year) => new(
        planned,
        row.Row,
        outcome,
        row.PolicyGoal ?? planned?.PolicyGoal,
        row.ActionPlan ?? planned?.ActionPlan,
        row.ShortDescription,
        row.LongDescription,
        row.Comment,
        PriorityCode.TryParse(row.Code, out var priority) ? priority.Value : row.Code.Trim().ToUpperInvariant(),
        row.Amounts.TryGetValue(year, out var amount) ? amount : null,
        null);

    /// <summary>The file's violations (R11, R12, as for a plan of the one year, without R10) and every amount of another year (R15), by row.</summary>
    private static List<DomainError> Errors(int year, PlanFileResult file)
    {
        var period = new PlanPeriod(year, year);
        var findings = file.Check(period).Findings
            .Where(f => f.Severity == FindingSeverity.Violation && f.Rule != Rules.R10)
            .Concat(file.IgnoredAmounts.Select(a => new PlanFinding(Rules.R15, FindingSeverity.Violation, a.Row, a.Field, new Bilingual(
                $"R15: een jaarverslag gaat over één jaar ({Year(year)}), maar deze rij heeft een bedrag voor {Year(a.Year)}. Laat de kolom {a.Field} leeg of laat ze weg.",
                $"R15: an annual report is about one year ({Year(year)}), but this row has an amount for {Year(a.Year)}. Leave the column {a.Field} empty or leave it out."))))
            .OrderBy(f => f.Row ?? 0); // stable: within a row, the reader's and the rules' findings first
        return findings.Select(ApplicationService.ToError).ToList();
    }

    private static string Collapse(string? text)
    {
        var collapsed = new StringBuilder(text?.Length ?? 0);
        foreach (var c in text ?? "")
        {
            if (char.IsWhiteSpace(c))
            {
                if (collapsed.Length > 0 && collapsed[^1] != ' ')
                {
                    collapsed.Append(' ');
                }
            }
            else
            {
                collapsed.Append(c);
            }
        }

        return collapsed.ToString().TrimEnd();
    }

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}
