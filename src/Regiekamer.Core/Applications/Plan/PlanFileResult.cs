using Regiekamer.Core.Common;

namespace Regiekamer.Core.Applications.Plan;

public enum PlanFileFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// A plan file as read: its actions with what reading found on the way (an amount that is no amount, a row cut short,
/// an unknown column), or, when the file cannot be read as a plan at all, one error that names the file and what is
/// wrong or missing.
/// </summary>
public sealed class PlanFileResult
{
    private PlanFileResult(PlanFileFormat? format, IReadOnlyList<PlanAction> actions, IReadOnlyList<PlanFinding> findings, IReadOnlyList<PlanIgnoredAmount> ignoredAmounts, DomainError? error)
    {
        Format = format;
        Actions = actions;
        Findings = findings;
        IgnoredAmounts = ignoredAmounts;
        Error = error;
    }

    /// <summary>What the content turned out to be; null when it is neither.</summary>
    public PlanFileFormat? Format { get; }

    /// <summary>The actions in file order, each with its row; empty when the file is unreadable.</summary>
    public IReadOnlyList<PlanAction> Actions { get; }

    /// <summary>What reading found: warnings about columns (no row) and R11 violations on rows.</summary>
    public IReadOnlyList<PlanFinding> Findings { get; }

    /// <summary>
    /// Where a row has a value in the amount column of a year outside the period read: a plan reads past it (a warning
    /// on the column, <see cref="Findings"/>); a year's report (Reports/ReportImport) refuses the row.
    /// </summary>
    public IReadOnlyList<PlanIgnoredAmount> IgnoredAmounts { get; }

    /// <summary>Why the file cannot be read as a plan (code <c>unreadable-file</c>); null when it can.</summary>
    public DomainError? Error { get; }

    public bool IsReadable => Error is null;

    /// <summary>R10–R12 on the actions read, with the findings of reading included (<see cref="PlanCheck.Including"/>).</summary>
    public PlanCheck Check(PlanPeriod period) => IsReadable
        ? PlanRules.Check(Actions, period).Including(Findings)
        : throw new InvalidOperationException("An unreadable file has no actions to check; show its Error instead.");

    internal static PlanFileResult Readable(PlanFileFormat format, IReadOnlyList<PlanAction> actions, IReadOnlyList<PlanFinding> findings, IReadOnlyList<PlanIgnoredAmount> ignoredAmounts) =>
        new(format, actions, findings, ignoredAmounts, null);

    internal static PlanFileResult Unreadable(PlanFileFormat? format, DomainError error) => new(format, [], [], [], error);
}

/// <summary>A value in the amount column of a year outside the period read (column <see cref="PlanColumns.Amount"/> of <paramref name="Year"/>), at its row (the header is row 1).</summary>
public sealed record PlanIgnoredAmount(int Row, int Year)
{
    /// <summary>The column's header as BBC writes it: "Bedrag 2024".</summary>
    public string Field => PlanColumns.Amount(Year);
}
