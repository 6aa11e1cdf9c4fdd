using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Applications.Plan;

/// <summary>The years a multi-year plan covers, both included: 2023-2025 for the open call 2023 (R13, R14).</summary>
public sealed record PlanPeriod(int FirstYear, int LastYear)
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    /// <summary>The longest period a plan may cover: a local policy cycle is six years.</summary>
    public const int MaxYears = 12;

    /// <summary>The period of the open call 2023-2025 (seed 003).</summary>
    public static PlanPeriod OpenCall2023 { get; } = new(2023, 2025);

    public int FirstYear { get; } = FirstYear is >= MinYear and <= MaxYear
        ? FirstYear
        : throw new ArgumentOutOfRangeException(nameof(FirstYear), FirstYear, $"A plan year lies between {MinYear} and {MaxYear}.");

    public int LastYear { get; } = LastYear >= FirstYear && LastYear <= MaxYear && LastYear - FirstYear < MaxYears
        ? LastYear
        : throw new ArgumentOutOfRangeException(nameof(LastYear), LastYear, $"The last year follows the first ({FirstYear}) by at most {MaxYears - 1} years.");

    /// <summary>How many years the plan covers.</summary>
    public int Count => LastYear - FirstYear + 1;

    /// <summary>Every year of the period, in order.</summary>
    public IReadOnlyList<int> Years => Enumerable.Range(FirstYear, Count).ToArray();

    public bool Contains(int year) => year >= FirstYear && year <= LastYear;

    /// <summary>"2023-2025", or one year "2024".</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out PlanPeriod? period)
    {
        period = null;
        var parts = (text ?? "").Trim().Split('-');
        if (parts.Length is < 1 or > 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            || !int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            || parts.Any(p => p.Length != 4)
            || first is < MinYear or > MaxYear
            || last < first || last > MaxYear || last - first >= MaxYears)
        {
            return false;
        }

        period = new PlanPeriod(first, last);
        return true;
    }

    public override string ToString() => FirstYear == LastYear
        ? FirstYear.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{FirstYear}-{LastYear}");
}

/// <summary>
/// One action of a multi-year plan, as BBC lays it out (the annex of seed 003): under a policy goal
/// (beleidsdoelstelling) and an action plan (actieplan), a short description, a long one (which may hold the simple
/// HTML BBC produces), a comment, the priority's reporting code and an amount per year.
/// </summary>
/// <param name="Row">Where the action was read: its row in the file, the header being row 1; null when it did not come from a file.</param>
/// <param name="Code">As given: "WSE-LR1", "LSEVBP01" (R12) or anything else (R11); see <see cref="PriorityCode"/>.</param>
/// <param name="Amounts">
/// Year → planned amount. A year that is missing means the action does not run that year; zero is allowed and means
/// that it runs without its own budget (R10, R11).
/// </param>
public sealed record PlanAction(
    int? Row,
    string? PolicyGoal,
    string? ActionPlan,
    string ShortDescription,
    string? LongDescription,
    string? Comment,
    string Code,
    IReadOnlyDictionary<int, Money> Amounts)
{
    /// <summary>The priority the action's code names, or null when the code is not WSE-LR1..4.</summary>
    public PriorityCode? Priority => PriorityCode.TryParse(Code.AsSpan(), out var code) ? code : null;

    /// <summary>Equal when every field is, the amounts compared year by year (not as the same dictionary).</summary>
    public bool Equals(PlanAction? other) =>
        other is not null
        && Row == other.Row
        && PolicyGoal == other.PolicyGoal
        && ActionPlan == other.ActionPlan
        && ShortDescription == other.ShortDescription
        && LongDescription == other.LongDescription
        && Comment == other.Comment
        && Code == other.Code
        && Amounts.Count == other.Amounts.Count
        && Amounts.All(a => other.Amounts.TryGetValue(a.Key, out var amount) && amount == a.Value);

    public override int GetHashCode() => HashCode.Combine(Row, ShortDescription, Code, Amounts.Count);
}

/// <summary>The column headers of a plan file, as BBC names the fields of an action (seed 003, annex).</summary>
public static class PlanColumns
{
    public const string PolicyGoal = "Beleidsdoelstelling";
    public const string ActionPlan = "Actieplan";
    public const string ShortDescription = "Actie omschrijving";
    public const string LongDescription = "Actie lange omschrijving";
    public const string Comment = "Actie commentaar";
    public const string Code = "Code";

    /// <summary>"Bedrag 2024".</summary>
    public static string Amount(int year) => "Bedrag " + year.ToString(CultureInfo.InvariantCulture);
}

public enum FindingSeverity
{
    /// <summary>The plan breaks a rule and cannot be accepted as it is.</summary>
    Violation,

    /// <summary>Worth fixing, but the plan can be accepted.</summary>
    Warning,
}

/// <summary>
/// One thing the plan rules (R10–R12) or the file reader say about a plan.
/// </summary>
/// <param name="Rule">The rule's ID, e.g. "R11" (see <see cref="Rules"/>).</param>
/// <param name="Row">The action's row in the file (the header is row 1); null for what concerns the whole plan (R10) or a column.</param>
/// <param name="Field">The column header the finding is about, e.g. "Actie omschrijving" or "Bedrag 2024"; null for the whole row or plan.</param>
public sealed record PlanFinding(string Rule, FindingSeverity Severity, int? Row, string? Field, Bilingual Message);
