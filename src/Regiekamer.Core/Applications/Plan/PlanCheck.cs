using Regiekamer.Core.Common;

namespace Regiekamer.Core.Applications.Plan;

/// <summary>One cell of the priority × year grid: how many actions of a priority run in a year, and what they plan.</summary>
public sealed record PlanCoverageCell(int Year, PriorityCode Priority, int Actions, Money Amount);

/// <summary>
/// What <see cref="PlanRules.Check"/> found: the findings, and for the priority × year grid the number of actions and
/// the planned amount per cell, and the plan's total per year.
/// </summary>
public sealed class PlanCheck
{
    private readonly int[] _counts;
    private readonly long[] _amounts;
    private readonly long[] _totals;

    internal PlanCheck(PlanPeriod period, IReadOnlyList<PlanFinding> findings, int[] counts, long[] amounts, long[] totals)
    {
        Period = period;
        Findings = findings;
        _counts = counts;
        _amounts = amounts;
        _totals = totals;
        foreach (var finding in findings)
        {
            if (finding.Severity == FindingSeverity.Violation)
            {
                Violations++;
            }
            else
            {
                Warnings++;
            }
        }
    }

    public PlanPeriod Period { get; }

    /// <summary>In the order of the actions (by row), each action's findings in the order of its columns; R10's after all rows.</summary>
    public IReadOnlyList<PlanFinding> Findings { get; }

    public int Violations { get; }

    public int Warnings { get; }

    /// <summary>True when no finding is a violation; warnings are allowed.</summary>
    public bool Valid => Violations == 0;

    /// <summary>The number of actions with the code of <paramref name="priority"/> and an amount (zero included) for <paramref name="year"/>.</summary>
    public int Actions(int year, PriorityCode priority) => _counts[Cell(year, priority)];

    /// <summary>What the actions of <paramref name="priority"/> plan for <paramref name="year"/>.</summary>
    public Money Amount(int year, PriorityCode priority) => new(_amounts[Cell(year, priority)]);

    /// <summary>
    /// What the plan's actions plan for <paramref name="year"/>, all of them: also those whose code is not WSE-LR1..4
    /// (a violation), so this may exceed the sum of the year's cells.
    /// </summary>
    public Money Total(int year) => new(_totals[YearIndex(year)]);

    /// <summary>Every cell of the grid, year by year, each year WSE-LR1 to WSE-LR4.</summary>
    public IReadOnlyList<PlanCoverageCell> Coverage =>
        [.. Period.Years.SelectMany(year => PriorityCode.All.Select(p => new PlanCoverageCell(year, p, Actions(year, p), Amount(year, p))))];

    /// <summary>
    /// This check with the findings of reading the file added: those without a row (about columns) first, then all
    /// by row (a row's reading findings before its rule findings), then R10's.
    /// </summary>
    public PlanCheck Including(IReadOnlyList<PlanFinding> reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.Count == 0)
        {
            return this;
        }

        var merged = new List<PlanFinding>(reading.Count + Findings.Count);
        merged.AddRange(reading.Where(f => f.Row is null));
        var fromFile = reading.Where(f => f.Row is not null).ToList();
        var rows = Findings.Where(f => f.Row is not null).ToList();
        merged.AddRange(fromFile.Concat(rows).OrderBy(f => f.Row!.Value)); // OrderBy is stable: reading first within a row
        merged.AddRange(Findings.Where(f => f.Row is null));
        return new PlanCheck(Period, merged, _counts, _amounts, _totals);
    }

    private int YearIndex(int year) => Period.Contains(year)
        ? year - Period.FirstYear
        : throw new ArgumentOutOfRangeException(nameof(year), year, $"Not a year of the plan's period {Period}.");

    private int Cell(int year, PriorityCode priority) => priority.Number is >= 1 and <= 4
        ? (YearIndex(year) * 4) + priority.Number - 1
        : throw new ArgumentOutOfRangeException(nameof(priority), priority, "Not a priority code.");
}
