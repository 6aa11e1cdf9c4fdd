using Regiekamer.Core.Calls;

namespace Regiekamer.Core.Reports;

/// <summary>Where a partnership's report on a year stands against its deadline (R15), on a Brussels date.</summary>
public enum ReportTiming
{
    /// <summary>Not handed in; the last day has not passed.</summary>
    Open,

    /// <summary>Not handed in and the last day has passed.</summary>
    Overdue,

    /// <summary>Handed in on or before the last day.</summary>
    OnTime,

    /// <summary>Handed in after the last day.</summary>
    Late,
}

/// <summary>
/// The report deadline as pure rules: the call version in force says the day of the following year a year's report is
/// due (<see cref="CallVersion.ReportDue"/>); an extension granted to the partnership moves its last day (never earlier).
/// A report is handed in once submitted the first time (an answer to a request for clarification has its own response
/// date). Reminders go out before the last day (the days of <c>Reminders:DeadlineDays</c>) and, while the report is
/// overdue, every <c>Reminders:ReportOverdueDays</c> days after it.
/// </summary>
public static class ReportDeadlines
{
    public static DateOnly LastDay(DateOnly due, DateOnly? extendedUntil) => extendedUntil is { } until && until > due ? until : due;

    /// <summary>The report of a year can be written from 1 January of the year after (the year's work is done).</summary>
    public static bool Reportable(int year, DateOnly today) => today.Year > year;

    public static ReportTiming Timing(DateOnly today, DateOnly lastDay, DateOnly? firstSubmittedOn) => firstSubmittedOn switch
    {
        { } on when on <= lastDay => ReportTiming.OnTime,
        not null => ReportTiming.Late,
        null when today > lastDay => ReportTiming.Overdue,
        _ => ReportTiming.Open,
    };

    /// <summary>
    /// The overdue reminder due today, numbered 1, 2, … per <paramref name="everyDays"/> days after the last day: the day
    /// after it is 1, and so on. A job that missed days sends only the current number (its key keeps it once).
    /// </summary>
    public static int? OverdueReminderDue(DateOnly today, DateOnly lastDay, int everyDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(everyDays, 1);
        var late = today.DayNumber - lastDay.DayNumber;
        return late <= 0 ? null : ((late - 1) / everyDays) + 1;
    }

    public static Common.Bilingual Label(ReportTiming timing) => timing switch
    {
        ReportTiming.Open => new("open", "open"),
        ReportTiming.Overdue => new("te laat, nog niet ingediend", "overdue, not submitted"),
        ReportTiming.OnTime => new("tijdig ingediend", "submitted on time"),
        _ => new("laattijdig ingediend", "submitted late"),
    };
}

/// <summary>One partnership's report on one year of a call against its deadline: expected from every partnership with an approved application.</summary>
public sealed record ReportStanding(
    int CallId,
    string CallCode,
    int PartnershipId,
    string PartnershipName,
    int ApplicationId,
    int Year,
    DateOnly Due,
    DateOnly? ExtendedUntil,
    DateOnly LastDay,
    int? ReportId,
    ReportStatus? Status,
    DateTime? FirstSubmittedAtUtc,
    ReportTiming Timing);

/// <summary>The receipt of a report's submission (ontvangstbewijs).</summary>
public sealed record ReportReceipt(
    int ReportId,
    int PartnershipId,
    string PartnershipName,
    int ApplicationId,
    string CallCode,
    int Year,
    int Version,
    DateTime SubmittedAtUtc,
    DateOnly LastDay,
    ReportTiming Timing,
    string Sha256);
