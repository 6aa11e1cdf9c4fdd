using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Notifications;
using Regiekamer.Core.Partnerships;

namespace Regiekamer.Core.Reports;

/// <summary>
/// The annual-report reminders the hourly reminder job makes (R15, R16), on "today" in Brussels from the injected clock:
/// before a report's last day (the days of <c>Reminders:DeadlineDays</c>), every <c>Reminders:ReportOverdueDays</c>
/// days while it is overdue, and before the response date of a request for clarification. Each has a unique key, so a
/// run repeated after a restart, or on another instance at the same moment, adds nothing twice.
/// </summary>
public sealed class ReportReminderService(RegiekamerDb db, ReportService reports, NotificationService notifications, BrusselsClock clock, NotificationSettings settings)
{
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var today = clock.Today;
        var made = 0;
        var calls = await db.Calls.AsNoTracking().IgnoreAutoIncludes().Where(c => c.LastYear + 3 >= today.Year).Select(c => c.Id).ToListAsync(ct);
        foreach (var callId in calls)
        {
            foreach (var standing in await reports.StandingAsync(callId, null, ct))
            {
                if (standing.Status is not (null or ReportStatus.Draft))
                {
                    continue;
                }

                NotificationDraft? draft = null;
                if (standing.Timing == ReportTiming.Open && ReminderRulesDue(today, standing.LastDay) is { } threshold)
                {
                    draft = ReportNotifications.Reminder(standing, threshold, ReminderRules.DaysUntil(today, standing.LastDay));
                }
                else if (standing.Timing == ReportTiming.Overdue && ReportDeadlines.OverdueReminderDue(today, standing.LastDay, settings.ReportOverdueDays) is { } number)
                {
                    draft = ReportNotifications.Overdue(standing, number, -ReminderRules.DaysUntil(today, standing.LastDay));
                }

                if (draft is not null)
                {
                    var recipients = await notifications.PartnershipRecipientsAsync(standing.PartnershipId, await ContactsAsync(standing.ApplicationId, ct), ct);
                    made += await notifications.CreateAsync(draft, recipients, ct);
                }
            }
        }

        return made + await ResponseRemindersAsync(today, ct);
    }

    private int? ReminderRulesDue(DateOnly today, DateOnly lastDay) => ReminderRules.DeadlineReminderDue(today, lastDay, settings.DeadlineDays);

    /// <summary>A report sent back for clarification is reminded <see cref="NotificationSettings.ResponseDays"/> days before its response date.</summary>
    private async Task<int> ResponseRemindersAsync(DateOnly today, CancellationToken ct)
    {
        var made = 0;
        var waiting = await db.AnnualReports.AsNoTracking().IgnoreAutoIncludes()
            .Where(r => r.Status == ReportStatus.ClarificationRequested && r.ResponseDue != null && r.ResponseDue >= today)
            .OrderBy(r => r.Id).ToListAsync(ct);
        foreach (var report in waiting)
        {
            var due = report.ResponseDue!.Value;
            var requestedOn = DateOnly.FromDateTime(BrusselsClock.InBrussels(report.EvaluatedAtUtc ?? report.UpdatedAtUtc).DateTime);
            if (!ReminderRules.ResponseReminderDue(today, due, requestedOn, settings.ResponseDays))
            {
                continue;
            }

            var name = await db.Partnerships.AsNoTracking().IgnoreAutoIncludes().Where(p => p.Id == report.PartnershipId).Select(p => p.Name).FirstAsync(ct);
            var recipients = await notifications.PartnershipRecipientsAsync(report.PartnershipId, await ContactsAsync(report.ApplicationId, ct), ct);
            made += await notifications.CreateAsync(ReportNotifications.ResponseReminder(report, name, due, ReminderRules.DaysUntil(today, due)), recipients, ct);
        }

        return made;
    }

    private async Task<IReadOnlyList<string?>> ContactsAsync(int applicationId, CancellationToken ct) =>
        await db.Applications.AsNoTracking().IgnoreAutoIncludes().Where(a => a.Id == applicationId).Select(a => new[] { a.RegisseurEmail, a.SignatoryEmail }).FirstAsync(ct);
}
