using Regiekamer.Core.Common;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Calls;

/// <summary>A subsidy call (oproep). Its terms live in versions (R14): the minister may revise them mid-cycle.</summary>
public sealed class Call
{
    public int Id { get; set; }

    /// <summary>Short code, e.g. "2023-2025".</summary>
    public string Code { get; set; } = "";

    public string Title { get; set; } = "";

    public int FirstYear { get; set; }

    public int LastYear { get; set; }

    public MunicipalitySet MunicipalitySet { get; set; }

    public List<CallVersion> Versions { get; set; } = [];

    public int Version { get; set; }

    public CallVersion CurrentVersion => Versions.OrderByDescending(v => v.Number).First();

    /// <summary>The date a call's partnerships are judged on when the user gives none (see <see cref="JudgementDate(int, int, DateOnly)"/>).</summary>
    public DateOnly DefaultJudgementDate(DateOnly today) => JudgementDate(FirstYear, LastYear, today);

    /// <summary>
    /// The one rule for the date a call is judged on when the user gives none, for the web app, the API and the CLI:
    /// today (in Brussels) while the call runs, else its first or last day. (Judging the 2023-2025 call in 2026
    /// would apply R5's 2026 deadline to a call that ended.)
    /// </summary>
    public static DateOnly JudgementDate(int firstYear, int lastYear, DateOnly today)
    {
        var first = new DateOnly(firstYear, 1, 1);
        var last = new DateOnly(lastYear, 12, 31);
        return today < first ? first : today > last ? last : today;
    }
}

public sealed class CallVersion
{
    public int Id { get; set; }

    public int CallId { get; set; }

    /// <summary>1, 2, …: a new number for every revision (R14).</summary>
    public int Number { get; set; }

    /// <summary>Yearly budget (R13: EUR 3,000,000 for 2023–2025).</summary>
    public Money YearlyBudget { get; set; }

    public int WeightWorkingAge { get; set; }

    public int WeightJobSeekers { get; set; }

    /// <summary>The payment schedule: the advance paid after a year's decree, in percent of the grant; 100 is one payment, less leaves the balance until the year's report is accepted.</summary>
    public int AdvancePercent { get; set; } = 100;

    public int WeightEqual { get; set; }

    /// <summary>R8: the application deadline.</summary>
    public DateOnly Deadline { get; set; }

    /// <summary>R15: the month of the following year by which a year's annual report is due (with <see cref="ReportDueDay"/>; default 30 June, when local governments adopt their annual accounts).</summary>
    public int ReportDueMonth { get; set; } = 6;

    public int ReportDueDay { get; set; } = 30;

    /// <summary>R9: the Flemish policy priorities, e.g. WSE-LR1;WSE-LR2;WSE-LR3;WSE-LR4.</summary>
    public string Priorities { get; set; } = "";

    /// <summary>The reference-region assignment the call checks R5 against.</summary>
    public int RegionDatasetId { get; set; }

    /// <summary>
    /// The job-seeker figures the allocation uses (R13: which series and year; see <see cref="OpenCall2023.JobSeekerSeries"/>).
    /// Official figures imported on the call's own municipalities go before shipped figures that have to be split over
    /// the 2025 mergers (<see cref="ReferenceDataService.JobSeekersInForceAsync"/>). Null only in a database migrated
    /// before the VDAB figures shipped, until the seeder fills it.
    /// </summary>
    public int? JobSeekersDatasetId { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    public string? Note { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>R15: the last day for the report on <paramref name="year"/>, in the year after it.</summary>
    public DateOnly ReportDue(int year) => new(year + 1, ReportDueMonth, ReportDueDay);

    public IReadOnlyList<string> PriorityCodes => Priorities.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
