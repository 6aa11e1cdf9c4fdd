using Microsoft.Extensions.Logging;
using Quartz;

namespace Regiekamer.Core.Notifications.Jobs;

/// <summary>
/// Hourly: the reminders and notices of <see cref="ReminderService"/>, and the retention of old notifications. Never two
/// runs at once, in the cluster either; what it makes has unique keys, so a run repeated after a crash or a misfire adds
/// nothing twice.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class ReminderJob(ReminderService reminders, ILogger<ReminderJob> logger) : IJob
{
    public static readonly JobKey Key = new("reminders", SchedulerSetup.Group);

    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var run = await reminders.RunAsync(cancellationToken);
        if (run.DidAnything)
        {
            LogRun(logger, run.DeadlineReminders, run.ResponseReminders, run.WaitingNotices, run.ReportReminders, run.CatalogueReminders, run.Deleted, run.VouchersLapsed, run.VoucherContactsExpired);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders: {Deadline} deadline, {Response} response, {Waiting} waiting, {Reports} annual report, {Catalogue} catalogue entries to confirm; {Deleted} expired notifications deleted; {Lapsed} vouchers lapsed, {Expired} voucher applicants' personal data expired")]
    private static partial void LogRun(ILogger logger, int deadline, int response, int waiting, int reports, int catalogue, int deleted, int lapsed, int expired);
}

/// <summary>Every minute: the pending notification mails (<see cref="MailOutbox"/>). Two runs may overlap safely (each row is claimed), but need not.</summary>
[DisallowConcurrentExecution]
public sealed partial class MailOutboxJob(MailOutbox outbox, ILogger<MailOutboxJob> logger) : IJob
{
    public static readonly JobKey Key = new("mail-outbox", SchedulerSetup.Group);

    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var run = await outbox.DispatchAsync(cancellationToken);
        if (run.Sent + run.Retrying + run.Failed > 0)
        {
            LogRun(logger, run.Sent, run.Retrying, run.Failed);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail outbox: {Sent} sent, {Retrying} to retry, {Failed} failed")]
    private static partial void LogRun(ILogger logger, int sent, int retrying, int failed);
}
