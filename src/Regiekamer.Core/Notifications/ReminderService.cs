using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Partnerships;

namespace Regiekamer.Core.Notifications;

/// <summary>What one reminder run made: new notifications (one per recipient) of each sort, and how many expired ones it deleted.</summary>
/// <param name="VouchersLapsed">Vouchers not used in time that lapsed (KC7).</param>
/// <param name="VoucherContactsExpired">Vouchers whose applicant's personal data expired (docs/privacy.md).</param>
public sealed record ReminderRun(int DeadlineReminders, int ResponseReminders, int WaitingNotices, int Deleted, int ReportReminders = 0, int CatalogueReminders = 0, int VouchersLapsed = 0, int VoucherContactsExpired = 0)
{
    /// <summary>Whether the run made, deleted, lapsed or erased anything (what the job logs).</summary>
    public bool DidAnything => DeadlineReminders + ResponseReminders + WaitingNotices + Deleted + ReportReminders + CatalogueReminders + VouchersLapsed + VoucherContactsExpired > 0;
}

/// <summary>
/// The reminders the scheduled job (<see cref="Jobs.ReminderJob"/>) makes, on "today" in Brussels from the injected
/// clock: (a) deadline reminders to partnerships that have not submitted, (b) reminders before the response date of a
/// request for changes, (c) case handlers told of dossiers that wait too long, (d) the annual-report reminders
/// (<see cref="Reports.ReportReminderService"/>), (e) catalogue services not confirmed for 12 months
/// (<see cref="Catalogue.CatalogueReminderService"/>); the lapse of unused vouchers (KC7) and the expiry of voucher
/// applicants' personal data (<see cref="Vouchers.VoucherControlService"/>); and the retention of old notifications.
/// Everything it makes has a unique key, so running it again, after a restart or on another instance at the same time,
/// adds nothing that is already there.
/// </summary>
public sealed class ReminderService(RegiekamerDb db, NotificationService notifications, BrusselsClock clock, NotificationSettings settings, Reports.ReportReminderService reports, Catalogue.CatalogueReminderService catalogue, Vouchers.VoucherControlService voucherControls)
{
    public async Task<ReminderRun> RunAsync(CancellationToken ct = default)
    {
        var deadline = await DeadlineRemindersAsync(ct);
        var response = await ResponseRemindersAsync(ct);
        var waiting = await WaitingNoticesAsync(ct);
        var report = await reports.RunAsync(ct);
        var stale = await catalogue.RunAsync(ct);
        var lapsed = await voucherControls.LapseAsync(ct);
        var expired = await voucherControls.ExpirePersonalDataAsync(ct);
        var deleted = await notifications.DeleteExpiredAsync(ct);
        return new ReminderRun(deadline, response, waiting, deleted, report, stale, lapsed, expired);
    }

    /// <summary>
    /// (a) For each call, its version in force (the latest, R14) gives the deadline (R8). Every partnership of the call's
    /// municipality set without a submitted dossier (none, or a draft) is reminded before its last day: the call's
    /// deadline, or its dossier's extension.
    /// </summary>
    public async Task<int> DeadlineRemindersAsync(CancellationToken ct = default)
    {
        var today = clock.Today;
        var now = clock.UtcNow;
        var made = 0;
        var calls = await db.Calls.AsNoTracking().ToListAsync(ct);
        foreach (var call in calls.Where(c => c.Versions.Count > 0))
        {
            var deadline = call.CurrentVersion.Deadline;
            var dossiers = await db.Applications.AsNoTracking().IgnoreAutoIncludes().Where(a => a.CallId == call.Id).ToDictionaryAsync(a => a.PartnershipId, ct);
            if (today > deadline && !dossiers.Values.Any(d => d.ExtendedUntil >= today))
            {
                continue;
            }

            var partnerships = await db.Partnerships.AsNoTracking().IgnoreAutoIncludes().Where(p => p.MunicipalitySet == call.MunicipalitySet)
                .OrderBy(p => p.Id).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
            foreach (var partnership in partnerships)
            {
                var dossier = dossiers.GetValueOrDefault(partnership.Id);
                if (dossier is not null && dossier.Status != ApplicationStatus.Draft)
                {
                    continue;
                }

                var state = dossier is null ? DeadlineState.Of(deadline, null, null, now) : DossierCheck.DeadlineOf(dossier, deadline, now);
                if (state.Passed || ReminderRules.DeadlineReminderDue(today, state.LastDay, settings.DeadlineDays) is not { } threshold)
                {
                    continue;
                }

                var draft = NotificationTexts.DeadlineReminder(
                    call.Id, call.Code, partnership.Id, partnership.Name, dossier, state.LastDay, threshold, ReminderRules.DaysUntil(today, state.LastDay), state.LastDay != deadline);
                var recipients = await notifications.PartnershipRecipientsAsync(partnership.Id, await notifications.ContactsAsync(partnership.Id, dossier, ct), ct);
                made += await notifications.CreateAsync(draft, recipients, ct);
            }
        }

        return made;
    }

    /// <summary>(b) A dossier sent back for changes is reminded <see cref="NotificationSettings.ResponseDays"/> days before its response date.</summary>
    public async Task<int> ResponseRemindersAsync(CancellationToken ct = default)
    {
        var today = clock.Today;
        var made = 0;
        var dossiers = await db.Applications.AsNoTracking().IgnoreAutoIncludes()
            .Where(a => a.Status == ApplicationStatus.ChangesRequested && a.ResponseDue != null && a.ResponseDue >= today)
            .OrderBy(a => a.Id).ToListAsync(ct);
        foreach (var dossier in dossiers)
        {
            var due = dossier.ResponseDue!.Value;
            var requestedOn = DateOnly.FromDateTime(BrusselsClock.InBrussels(dossier.StatusSinceUtc).DateTime);
            if (!ReminderRules.ResponseReminderDue(today, due, requestedOn, settings.ResponseDays))
            {
                continue;
            }

            var recipients = await notifications.PartnershipRecipientsAsync(dossier.PartnershipId, await notifications.ContactsAsync(dossier.PartnershipId, dossier, ct), ct);
            made += await notifications.CreateAsync(NotificationTexts.ResponseReminder(dossier, due, ReminderRules.DaysUntil(today, due)), recipients, ct);
        }

        return made;
    }

    /// <summary>(c) Case handlers hear once per dossier and status of a dossier waiting in submitted or under review longer than <see cref="NotificationSettings.ReviewWaitingDays"/> days.</summary>
    public async Task<int> WaitingNoticesAsync(CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        var since = now.AddDays(-settings.ReviewWaitingDays);
        var dossiers = await db.Applications.AsNoTracking().IgnoreAutoIncludes()
            .Where(a => (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.UnderReview) && a.StatusSinceUtc < since)
            .OrderBy(a => a.Id).ToListAsync(ct);
        if (dossiers.Count == 0)
        {
            return 0;
        }

        var ids = dossiers.Select(d => d.PartnershipId).Distinct().ToList();
        var names = await db.Partnerships.AsNoTracking().IgnoreAutoIncludes().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var department = await notifications.DepartmentRecipientsAsync(ct);
        var made = 0;
        foreach (var dossier in dossiers.Where(d => ReminderRules.WaitingTooLong(now, d.StatusSinceUtc, settings.ReviewWaitingDays)))
        {
            var days = (int)(now - dossier.StatusSinceUtc).TotalDays;
            made += await notifications.CreateAsync(NotificationTexts.ReviewWaiting(dossier, names.GetValueOrDefault(dossier.PartnershipId, ""), days), department, ct);
        }

        return made;
    }
}
