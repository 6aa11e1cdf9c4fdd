using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Data;
using Regiekamer.Core.Mail;
using Regiekamer.Core.Notifications;
using Regiekamer.TestCommon;

namespace Regiekamer.Data.Tests.Notifications;

/// <summary>Issue 8, point 8: the outbox sends each notification's mail once, also with two dispatchers at once, and retries a failed one with a back-off.</summary>
public sealed class MailOutboxTests
{
    private const string Site = "https://regiekamer.vlaanderen.be";

    private static ServiceProvider Services(TestDatabase database, IMailSender mail, NotificationSettings? settings = null) => Reminders.Services(database, s =>
    {
        s.AddSingleton(mail);
        s.AddSingleton(new MailSettings { LinkBaseUrl = Site });
        if (settings is not null)
        {
            s.AddSingleton(settings);
        }

        s.AddScoped<MailOutbox>();
    });

    private static async Task<OutboxRun> DispatchAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MailOutbox>().DispatchAsync();
    }

    /// <summary>Pending notifications: a deadline reminder to <paramref name="partnerships"/> partnerships, each with a contact address and a regisseur account.</summary>
    private static async Task<int> PendingAsync(IServiceProvider services, TestDatabase database, int partnerships)
    {
        for (var i = 0; i < partnerships; i++)
        {
            var p = await services.CreatePartnershipAsync(b => b.Regisseur("Contact", $"contact{i}@regie.test"));
            await services.CreateUserAsync(u => u.Regisseur(p.Id));
        }

        database.Time.At(new DateOnly(2023, 1, 8));
        return (await Reminders.RunAsync(services)).DeadlineReminders;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Dispatch_SendsEachPendingMailOnce_AndMarksItSent(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var mail = new RecordingMailSender();
        await using var services = Services(database, mail);
        Assert.Equal(4, await PendingAsync(services, database, 2));

        Assert.Equal(new OutboxRun(4, 0, 0), await DispatchAsync(services));
        Assert.Equal(new OutboxRun(0, 0, 0), await DispatchAsync(services));

        Assert.Equal(4, mail.Sent.Count);
        var stored = await Reminders.StoredAsync(database);
        Assert.All(stored, n =>
        {
            Assert.Equal(MailState.Sent, n.MailState);
            Assert.Equal(1, n.MailAttempts);
            Assert.Null(n.ClaimedUntilUtc);
            Assert.Equal(database.Time.GetUtcNow().UtcDateTime, n.SentAtUtc);
        });
        var first = mail.Sent.Single(m => m.To == "contact0@regie.test");
        Assert.StartsWith("Regiekamer: Herinnering: aanvraag 2023-2025 indienen uiterlijk 15/01/2023", first.Subject, StringComparison.Ordinal);
        Assert.Contains(" / Reminder: submit the 2023-2025 application", first.Subject, StringComparison.Ordinal);
        Assert.Contains($"Bekijk het in Regiekamer: {Site}/Partnerships/", first.Body, StringComparison.Ordinal);
        Assert.Contains($"All your notifications: {Site}/Notifications", first.Body, StringComparison.Ordinal);
        Assert.True(first.Body.IndexOf("Regieverband", StringComparison.Ordinal) < first.Body.IndexOf("Partnership", StringComparison.Ordinal), "Dutch first, then English.");
    }

    /// <summary>
    /// Two dispatchers (two instances) on one database, at the same moment, over 30 pending mails, with a slow mail
    /// server: every mail is sent exactly once, and between them they report 30.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwoDispatchersAtOnce_SendEachMailOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var mail = new RecordingMailSender { Delay = TimeSpan.FromMilliseconds(5) };
        await using var a = Services(database, mail);
        await using var b = Services(database, mail);
        Assert.Equal(30, await PendingAsync(a, database, 15));

        using var start = new Barrier(2);
        var runs = await Task.WhenAll(new[] { a, b }.Select(services => Task.Run(async () =>
        {
            start.SignalAndWait();
            return await DispatchAsync(services);
        })));

        Assert.Equal(30, runs.Sum(r => r.Sent));
        Assert.Equal(30, mail.Sent.Count);
        var stored = await Reminders.StoredAsync(database);
        Assert.Equal(stored.Select(n => n.Email).Order(StringComparer.Ordinal), mail.Sent.Select(m => m.To).Order(StringComparer.Ordinal));
        Assert.All(stored, n => Assert.Equal((MailState.Sent, 1), (n.MailState, n.MailAttempts)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AFailedSend_IsRetriedAfterABackoff_ThenGivenUp(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var mail = new RecordingMailSender();
        await using var services = Services(database, mail, new NotificationSettings { MailAttempts = 3 });
        var partnership = await services.CreatePartnershipAsync(b => b.Regisseur("Contact", "contact@regie.test"));
        database.Time.At(new DateOnly(2023, 1, 8));
        Assert.Equal(1, (await Reminders.RunAsync(services)).DeadlineReminders);

        mail.FailNext(10);
        Assert.Equal(new OutboxRun(0, 1, 0), await DispatchAsync(services));
        var waiting = Assert.Single(await Reminders.StoredAsync(database));
        Assert.Equal((MailState.Pending, 1), (waiting.MailState, waiting.MailAttempts));
        Assert.Equal(database.Time.GetUtcNow().UtcDateTime.AddMinutes(1), waiting.ClaimedUntilUtc);
        Assert.Contains("not reachable", waiting.MailError, StringComparison.Ordinal);

        // Not before the back-off has passed; then the second attempt, then the third and last.
        Assert.Equal(new OutboxRun(0, 0, 0), await DispatchAsync(services));
        database.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new OutboxRun(0, 1, 0), await DispatchAsync(services));
        database.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(new OutboxRun(0, 0, 1), await DispatchAsync(services));
        var failed = Assert.Single(await Reminders.StoredAsync(database));
        Assert.Equal((MailState.Failed, 3), (failed.MailState, failed.MailAttempts));
        database.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(new OutboxRun(0, 0, 0), await DispatchAsync(services));
        Assert.Empty(mail.Sent);
        Assert.Equal(partnership.Id, failed.PartnershipId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AFailedSend_ThatTheNextAttemptDelivers_IsSent(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var mail = new RecordingMailSender();
        await using var services = Services(database, mail);
        await services.CreatePartnershipAsync(b => b.Regisseur("Contact", "contact@regie.test"));
        database.Time.At(new DateOnly(2023, 1, 8));
        await Reminders.RunAsync(services);

        mail.FailNext(1);
        await DispatchAsync(services);
        database.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(new OutboxRun(1, 0, 0), await DispatchAsync(services));
        var sent = Assert.Single(await Reminders.StoredAsync(database));
        Assert.Equal((MailState.Sent, 2, (string?)null), (sent.MailState, sent.MailAttempts, sent.MailError));
        Assert.Single(mail.Sent);
    }

    /// <summary>
    /// A run that dies while it holds a mail (a crash mid-send) leaves the mail claimed: no other run sends it while the
    /// claim holds, and the first run after it expires does. This is the at-least-once window of ADR 0009: had the mail
    /// server taken the mail before the crash, it would go out a second time now.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ARunThatCrashesHoldingAMail_LeavesItClaimed_UntilTheClaimExpires(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var mail = new RecordingMailSender();
        await using var services = Services(database, mail);
        await services.CreatePartnershipAsync(b => b.Regisseur("Contact", "contact@regie.test"));
        database.Time.At(new DateOnly(2023, 1, 8));
        await Reminders.RunAsync(services);

        mail.CrashNext(new InstanceDied());
        await Assert.ThrowsAsync<InstanceDied>(() => DispatchAsync(services));
        var held = Assert.Single(await Reminders.StoredAsync(database));
        Assert.Equal((MailState.Pending, 1), (held.MailState, held.MailAttempts));

        database.Time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(new OutboxRun(0, 0, 0), await DispatchAsync(services));
        database.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new OutboxRun(1, 0, 0), await DispatchAsync(services));
        Assert.Single(mail.Sent);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ANotificationWithoutAnAddress_IsNotMailed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var mail = new RecordingMailSender();
        await using var services = Services(database, mail);
        await using (var scope = services.CreateAsyncScope())
        {
            var notifications = scope.ServiceProvider.GetRequiredService<NotificationService>();
            var draft = new NotificationDraft("test:1", NotificationKind.Receipt, null, null, new("Onderwerp", "Subject"), new("Tekst", "Text"), null);
            Assert.Equal(1, await notifications.CreateAsync(draft, [new Recipient(null, null)]));
        }

        Assert.Equal(new OutboxRun(0, 0, 0), await DispatchAsync(services));
        Assert.Equal(MailState.NotMailed, Assert.Single(await Reminders.StoredAsync(database)).MailState);
    }

    /// <summary>What no outbox catches: the process going away mid-send.</summary>
    private sealed class InstanceDied() : Exception("The instance dies (test).");

    [Fact]
    public void Compose_WithoutALinkBase_GivesThePathInTheApp()
    {
        var mail = MailOutbox.Compose(Notification.For(
            new NotificationDraft("k", NotificationKind.Approved, 1, 2, new("Dossier RK-2023-0002 is goedgekeurd", "Dossier RK-2023-0002 has been approved"), new("Tekst", "Text"), "/Applications/2"),
            new Recipient(null, "lies@regie.test"),
            DateTime.UtcNow), linkBase: null);
        Assert.Equal("lies@regie.test", mail.To);
        Assert.Equal("Regiekamer: Dossier RK-2023-0002 is goedgekeurd / Dossier RK-2023-0002 has been approved", mail.Subject);
        Assert.Contains("Bekijk het in Regiekamer: /Applications/2", mail.Body, StringComparison.Ordinal);
    }
}
