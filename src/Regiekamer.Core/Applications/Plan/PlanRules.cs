using System.Globalization;
using System.Text;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Applications.Plan;

/// <summary>
/// R10–R12 on the actions of a multi-year plan, as pure functions: no database, no clock. One pass over the actions,
/// and text is only built for what is found.
/// </summary>
public static class PlanRules
{
    /// <summary>
    /// R11: a short description longer than this is a warning, not a violation. scheme.md says BBC caps it at 100
    /// characters, but seed 003 (footnote 10) gives all three texts, short description included, at most 4,000, and
    /// two of its own annex's titles run to 112 and 113: the seed wins, so past 100 the manual's "omschrijf kort
    /// (minstens titel)" is a hint, and 4,000 is the limit.
    /// </summary>
    public const int ShortDescriptionAdvisedLength = 100;

    /// <summary>R11: BBC holds at most 4,000 characters in an action's short and long description and comment (seed 003, footnote 10).</summary>
    public const int LongTextMaxLength = 4_000;

    /// <summary>Checks the actions of a plan for <paramref name="period"/>.</summary>
    public static PlanCheck Check(IReadOnlyList<PlanAction> actions, PlanPeriod period)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(period);
        var years = period.Count;
        var counts = new int[years * 4];
        var amounts = new long[years * 4];
        var totals = new long[years];
        var findings = new List<PlanFinding>();
        for (var i = 0; i < actions.Count; i++)
        {
            var action = actions[i];
            ArgumentNullException.ThrowIfNull(action, nameof(actions));
            CheckTexts(action, findings);
            var cell = CheckCode(action, findings);
            var inPeriod = 0;
            for (var year = period.FirstYear; year <= period.LastYear; year++)
            {
                if (!action.Amounts.TryGetValue(year, out var amount))
                {
                    continue;
                }

                inPeriod++;
                if (amount.Cents < 0)
                {
                    findings.Add(Violation(action, PlanColumns.Amount(year), Negative(amount, year)));
                }

                var y = year - period.FirstYear;
                totals[y] = checked(totals[y] + amount.Cents);
                if (cell >= 0)
                {
                    counts[(y * 4) + cell]++;
                    amounts[(y * 4) + cell] = checked(amounts[(y * 4) + cell] + amount.Cents);
                }
            }

            if (action.Amounts.Count > inPeriod)
            {
                OutsidePeriod(action, period, findings);
            }
        }

        CheckCoverage(period, counts, findings);
        return new PlanCheck(period, findings, counts, amounts, totals);
    }

    // R11: the short description is required and short; the long texts have BBC's limit; the long description is asked for.
    private static void CheckTexts(PlanAction action, List<PlanFinding> findings)
    {
        TooLong(action, PlanColumns.PolicyGoal, action.PolicyGoal, LongTextMaxLength, findings);
        TooLong(action, PlanColumns.ActionPlan, action.ActionPlan, LongTextMaxLength, findings);
        if (string.IsNullOrWhiteSpace(action.ShortDescription))
        {
            findings.Add(Violation(action, PlanColumns.ShortDescription, new Bilingual(
                "R11: de korte omschrijving (Actie omschrijving) ontbreekt; geef de actie minstens een titel.",
                "R11: the short description (Actie omschrijving) is missing; give the action at least a title.")));
        }
        else
        {
            TooLong(action, PlanColumns.ShortDescription, action.ShortDescription, LongTextMaxLength, findings);
            if (action.ShortDescription.Length > ShortDescriptionAdvisedLength && CountCharacters(action.ShortDescription) is var length && length > ShortDescriptionAdvisedLength && length <= LongTextMaxLength)
            {
                findings.Add(new PlanFinding(Rules.R11, FindingSeverity.Warning, action.Row, PlanColumns.ShortDescription, new Bilingual(
                    $"R11: de korte omschrijving telt {Formats.Count(length, Formats.Dutch)} tekens. Omschrijf de actie kort (minstens een titel, liefst hoogstens {ShortDescriptionAdvisedLength} tekens) en zet de uitleg in de lange omschrijving.",
                    $"R11: the short description has {Formats.Count(length, Formats.English)} characters. Describe the action briefly (at least a title, preferably at most {ShortDescriptionAdvisedLength} characters) and put the explanation in the long description.")));
            }
        }

        if (string.IsNullOrWhiteSpace(action.LongDescription))
        {
            findings.Add(new PlanFinding(Rules.R11, FindingSeverity.Warning, action.Row, PlanColumns.LongDescription, new Bilingual(
                "R11: de lange omschrijving (Actie lange omschrijving) ontbreekt. De handleiding vraagt wat en waarom, welke rol de regisseur opneemt, hoe de actie uitgevoerd wordt en welk effect ze beoogt, bij voorkeur met een KPI.",
                "R11: the long description (Actie lange omschrijving) is missing. The manual asks what and why, the regisseur's role, how the action is carried out and the effect it aims at, ideally with a KPI.")));
        }
        else
        {
            TooLong(action, PlanColumns.LongDescription, action.LongDescription, LongTextMaxLength, findings);
        }

        TooLong(action, PlanColumns.Comment, action.Comment, LongTextMaxLength, findings);
    }

    /// <summary>R11 (a code that is no priority) and R12 (the lapsed code); the grid's column (0-3), or -1.</summary>
    private static int CheckCode(PlanAction action, List<PlanFinding> findings)
    {
        if (PriorityCode.TryParse(action.Code.AsSpan(), out var code))
        {
            return code.Number - 1;
        }

        if (PriorityCode.IsLapsed(action.Code))
        {
            findings.Add(new PlanFinding(Rules.R12, FindingSeverity.Violation, action.Row, PlanColumns.Code, new Bilingual(
                $"R12: de oude rapporteringscode {PriorityCode.Lapsed} is vanaf 2023 vervallen. Welke WSE-LR-code hoort bij deze actie? {Choices(Formats.Dutch)}.",
                $"R12: the old reporting code {PriorityCode.Lapsed} lapsed from 2023. Which WSE-LR code applies to this action? {Choices(Formats.English)}.")));
        }
        else if (string.IsNullOrWhiteSpace(action.Code))
        {
            findings.Add(Violation(action, PlanColumns.Code, new Bilingual(
                $"R11: de code ontbreekt; kies de code van de Vlaamse beleidsprioriteit van de actie: {Choices(Formats.Dutch)}.",
                $"R11: the code is missing; choose the code of the action's Flemish policy priority: {Choices(Formats.English)}.")));
        }
        else
        {
            var value = CsvShorten(action.Code.Trim());
            findings.Add(Violation(action, PlanColumns.Code, new Bilingual(
                $"R11: '{value}' is geen code van een Vlaamse beleidsprioriteit; kies {Choices(Formats.Dutch)}.",
                $"R11: '{value}' is not the code of a Flemish policy priority; choose {Choices(Formats.English)}.")));
        }

        return -1;
    }

    // R10: at least one action per priority per year of the period.
    private static void CheckCoverage(PlanPeriod period, int[] counts, List<PlanFinding> findings)
    {
        for (var year = period.FirstYear; year <= period.LastYear; year++)
        {
            foreach (var priority in PriorityCode.All)
            {
                if (counts[((year - period.FirstYear) * 4) + priority.Number - 1] > 0)
                {
                    continue;
                }

                var y = year.ToString(CultureInfo.InvariantCulture);
                findings.Add(new PlanFinding(Rules.R10, FindingSeverity.Violation, null, null, new Bilingual(
                    $"R10: geen enkele actie met code {priority.Value} ({priority.Title.Nl}) in {y}. Elke prioriteit heeft elk jaar minstens één actie nodig: een actie met een bedrag (0 mag) in de kolom {PlanColumns.Amount(year)}.",
                    $"R10: no action with code {priority.Value} ({priority.Title.En}) in {y}. Every priority needs at least one action each year: an action with an amount (0 will do) in the column {PlanColumns.Amount(year)}.")));
            }
        }
    }

    private static void OutsidePeriod(PlanAction action, PlanPeriod period, List<PlanFinding> findings)
    {
        foreach (var year in action.Amounts.Keys.Where(y => !period.Contains(y)).Order())
        {
            var y = year.ToString(CultureInfo.InvariantCulture);
            findings.Add(Violation(action, PlanColumns.Amount(year), new Bilingual(
                $"R11: een bedrag voor {y} valt buiten de periode van het plan ({period}).",
                $"R11: an amount for {y} lies outside the plan's period ({period}).")));
        }
    }

    private static Bilingual Negative(Money amount, int year)
    {
        var y = year.ToString(CultureInfo.InvariantCulture);
        return new Bilingual(
            $"R11: het bedrag voor {y} is negatief ({amount.ToDisplayString(Formats.Dutch)}); een actie plant 0 of meer.",
            $"R11: the amount for {y} is negative ({amount.ToDisplayString(Formats.English)}); an action plans 0 or more.");
    }

    private static void TooLong(PlanAction action, string field, string? text, int max, List<PlanFinding> findings)
    {
        // Characters as a person counts them: a character outside the BMP (an emoji) is one, not two UTF-16 units.
        if (text is null || text.Length <= max)
        {
            return;
        }

        var length = CountCharacters(text);
        if (length <= max)
        {
            return;
        }

        var (hintNl, hintEn) = field == PlanColumns.ShortDescription
            ? (" Houd de titel kort en zet de uitleg in de lange omschrijving.", " Keep the title short and put the explanation in the long description.")
            : ("", "");
        findings.Add(Violation(action, field, new Bilingual(
            $"R11: {field} telt {Formats.Count(length, Formats.Dutch)} tekens; BBC laat er hoogstens {Formats.Count(max, Formats.Dutch)} toe.{hintNl}",
            $"R11: {field} has {Formats.Count(length, Formats.English)} characters; BBC allows at most {Formats.Count(max, Formats.English)}.{hintEn}")));
    }

    private static int CountCharacters(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    private static string Choices(CultureInfo culture)
    {
        var text = new StringBuilder();
        foreach (var p in PriorityCode.All)
        {
            if (text.Length > 0)
            {
                text.Append(p.Number == 4 ? (Formats.IsDutch(culture) ? " of " : " or ") : ", ");
            }

            text.Append(p.Value).Append(" (").Append(p.Title.For(culture)).Append(')');
        }

        return text.ToString();
    }

    private static string CsvShorten(string value) => Imports.CsvText.Shorten(value);

    private static PlanFinding Violation(PlanAction action, string field, Bilingual message) =>
        new(Rules.R11, FindingSeverity.Violation, action.Row, field, message);
}
