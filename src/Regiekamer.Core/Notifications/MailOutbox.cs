using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Mail;

namespace Regiekamer.Core.Notifications;

/// <summary>What one outbox run did.</summary>
public sealed record OutboxRun(int Sent, int Retrying, int Failed);

/// <summary>
/// Sends the mails of pending notifications through <see cref="IMailSender"/>, one row at a time. Each row is first
/// claimed with a conditional update (<see cref="Notification.ClaimedUntilUtc"/> set in the future, only if nobody holds
/// it), so two runs, on one instance or two, never both send it. A failed send is tried again after a back-off, up to
/// <see cref="NotificationSettings.MailAttempts"/> times, then marked failed.
/// </summary>
/// <remarks>
/// At most once per claim, at least once overall: a crash (or a send slower than the claim) between the mail server
/// accepting a mail and the row being marked sent leaves the row pending, and it is sent again when the claim expires.
/// That window is a few milliseconds per mail; closing it would need the mail server to take part in our transaction
/// (ADR 0009).
/// </remarks>
public sealed partial class MailOutbox(RegiekamerDb db, IMailSender mail, MailSettings mailSettings, NotificationSettings settings, BrusselsClock clock, ILogger<MailOutbox> logger)
{
    /// <summary>At most this many mails per run, so one run ends; the next run (a minute later) goes on.</summary>
    public const int MaxPerRun = 200;

    private const int Batch = 20;

    public async Task<OutboxRun> DispatchAsync(CancellationToken ct = default)
    {
        int sent = 0, retrying = 0, failed = 0, tried = 0;
        for (var round = 0; tried < MaxPerRun && round < MaxPerRun; round++)
        {
            var now = clock.UtcNow;
            var candidates = await Due(now).OrderBy(n => n.Id).Select(n => n.Id).Take(Batch).ToListAsync(ct);
            if (candidates.Count == 0)
            {
                break;
            }

            foreach (var id in candidates)
            {
                if (tried >= MaxPerRun)
                {
                    break;
                }

                if (!await ClaimAsync(id, ct))
                {
                    // Another run took it between our look and our claim.
                    continue;
                }

                tried++;
                switch (await SendAsync(id, ct))
                {
                    case MailState.Sent:
                        sent++;
                        break;
                    case MailState.Failed:
                        failed++;
                        break;
                    default:
                        retrying++;
                        break;
                }
            }
        }

        return new OutboxRun(sent, retrying, failed);
    }

    /// <summary>Pending rows nobody holds: never claimed, or their claim (or back-off) has run out.</summary>
    private IQueryable<Notification> Due(DateTime now) =>
        db.Notifications.AsNoTracking().Where(n => n.MailState == MailState.Pending && (n.ClaimedUntilUtc == null || n.ClaimedUntilUtc <= now));

    /// <summary>
    /// Takes the row for this run if nobody holds it: one UPDATE whose condition is "pending and not held". Two runs that
    /// try at once both run it; the database lets one change the row, and the other's condition no longer holds
    /// (PostgreSQL re-checks it after waiting for the first; SQLite runs one writer at a time), so it changes nothing.
    /// </summary>
    private async Task<bool> ClaimAsync(int id, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var until = now + settings.MailClaim;
        var claimed = await db.Notifications
            .Where(n => n.Id == id && n.MailState == MailState.Pending && (n.ClaimedUntilUtc == null || n.ClaimedUntilUtc <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ClaimedUntilUtc, until).SetProperty(n => n.MailAttempts, n => n.MailAttempts + 1), ct);
        return claimed == 1;
    }

    private async Task<MailState> SendAsync(int id, CancellationToken ct)
    {
        var n = await db.Notifications.AsNoTracking().FirstAsync(x => x.Id == id, ct);
        try
        {
            await mail.SendAsync(Compose(n, mailSettings.LinkBaseUrl), ct);
        }
        catch (Exception e) when (e is SmtpException or IOException or UnauthorizedAccessException or InvalidOperationException or FormatException or ArgumentException)
        {
            var now = clock.UtcNow;
            var giveUp = n.MailAttempts >= settings.MailAttempts;
            var message = e.Message.Length <= Notification.ErrorLength ? e.Message : e.Message[..Notification.ErrorLength];
            var next = giveUp ? (DateTime?)null : now + NotificationSettings.Backoff(n.MailAttempts);
            var state = giveUp ? MailState.Failed : MailState.Pending;
            await db.Notifications.Where(x => x.Id == id).ExecuteUpdateAsync(
                s => s.SetProperty(x => x.MailState, state).SetProperty(x => x.ClaimedUntilUtc, next).SetProperty(x => x.MailError, message), ct);
            LogFailed(logger, e, id, n.MailAttempts, giveUp);
            return state;
        }

        var sentAt = clock.UtcNow;
        await db.Notifications.Where(x => x.Id == id).ExecuteUpdateAsync(
            s => s.SetProperty(x => x.MailState, MailState.Sent).SetProperty(x => x.SentAtUtc, sentAt).SetProperty(x => x.ClaimedUntilUtc, (DateTime?)null).SetProperty(x => x.MailError, (string?)null), ct);
        return MailState.Sent;
    }

    /// <summary>The mail of a notification: Dutch, then English (as the account mails), with the link made absolute when <c>Mail:LinkBaseUrl</c> is set.</summary>
    public static OutgoingMail Compose(Notification n, string? linkBase)
    {
        ArgumentNullException.ThrowIfNull(n);
        var site = linkBase is { Length: > 0 } ? linkBase.TrimEnd('/') : null;
        string Where(string path) => site is null ? path : site + path;
        var link = n.Link is null ? null : Where(n.Link);
        var all = Where("/Notifications");
        var subject = OneLine($"Regiekamer: {n.SubjectNl} / {n.SubjectEn}");
        var body = $"""
            {n.TextNl}

            {(link is null ? "" : $"Bekijk het in Regiekamer: {link}\n")}Al je meldingen: {all}

            --
            {n.TextEn}

            {(link is null ? "" : $"See it in Regiekamer: {link}\n")}All your notifications: {all}
            """;
        return new OutgoingMail(n.Email!, subject, body);
    }

    private static string OneLine(string s) => s.ReplaceLineEndings(" ");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification mail {Id} could not be sent (attempt {Attempt}; giving up: {GivingUp})")]
    private static partial void LogFailed(ILogger logger, Exception e, int id, int attempt, bool givingUp);
}
