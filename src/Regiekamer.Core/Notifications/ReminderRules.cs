namespace Regiekamer.Core.Notifications;

/// <summary>When a reminder is due, as pure rules on Brussels dates (the service gives "today" from the injected clock).</summary>
public static class ReminderRules
{
    /// <summary>Whole days from <paramref name="today"/> to <paramref name="day"/> (0 on the day itself).</summary>
    public static int DaysUntil(DateOnly today, DateOnly day) => day.DayNumber - today.DayNumber;

    /// <summary>
    /// The deadline reminder due today, if any: the most urgent of the <paramref name="days"/> (30, 7, 1) that has been
    /// reached, while the last day has not passed. On the 30th day before it is 30, on the 7th 7, on the last day itself
    /// 1. A job that missed days gets only the most urgent one due (after a week of downtime from day 9 to day 3: 7,
    /// not 30 and 7), and never a less urgent one afterwards, since the answer only goes down as the days pass.
    /// </summary>
    public static int? DeadlineReminderDue(DateOnly today, DateOnly lastDay, IReadOnlyList<int> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var left = DaysUntil(today, lastDay);
        if (left < 0)
        {
            return null;
        }

        var due = days.Where(d => d >= left).ToList();
        return due.Count == 0 ? null : due.Min();
    }

    /// <summary>
    /// A request for changes is reminded from <paramref name="daysBefore"/> days before its response date up to that
    /// day, once; not when it was made inside that window (the request itself said the date a moment ago).
    /// </summary>
    public static bool ResponseReminderDue(DateOnly today, DateOnly responseDue, DateOnly requestedOn, int daysBefore)
    {
        var windowStart = responseDue.AddDays(-daysBefore);
        return today >= windowStart && today <= responseDue && requestedOn < windowStart;
    }

    /// <summary>A dossier has waited in its status longer than <paramref name="days"/> days.</summary>
    public static bool WaitingTooLong(DateTime nowUtc, DateTime statusSinceUtc, int days) => nowUtc - statusSinceUtc > TimeSpan.FromDays(days);
}
