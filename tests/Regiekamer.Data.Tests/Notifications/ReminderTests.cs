using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Data;
using Regiekamer.Core.Notifications;
using Regiekamer.TestCommon;

namespace Regiekamer.Data.Tests.Notifications;

/// <summary>
/// Issue 8, point 8: the reminder job, on an injected clock, on SQLite and PostgreSQL. The 2023-2025 call's deadline is
/// 15 January 2023 (R8); with the default 30, 7 and 1 days the reminders are due on 16 December, 8 January and 14 January.
/// </summary>
public sealed class ReminderTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DeadlineReminders_GoOutOnce_30_7_And1DaysBefore_ToThePartnership_AndNoneAfterTheDeadline(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Reminders.Services(database);
        var alone = await services.CreatePartnershipAsync(p => p.Regisseur("An Contact", "an.contact@regie.test"));
        var regisseur = await services.CreateUserAsync(u => u.Email("regisseur@regie.test").Regisseur(alone.Id));
        var signatory = await services.CreateUserAsync(u => u.Email("ondertekenaar@regie.test").Signatory(alone.Id));
        await services.CreateUserAsync(u => u.Email("lid@regie.test").MemberViewer(alone.Id));
        await services.CreateUserAsync(u => u.Email("behandelaar@departement.test").Department(Role.CaseHandler));

        // A partnership with a draft dossier is reminded too (its dossier's contacts); one that submitted is not.
        var draft = await services.CreateApplicationAsync(a => a.Complete());
        var submitted = await services.CreateApplicationAsync(a => a.Complete().Submitted());
        var emails = new Dictionary<Guid, string> { [regisseur.Id] = "regisseur@regie.test", [signatory.Id] = "ondertekenaar@regie.test" };

        var seen = new List<(DateOnly Day, Notification N)>();
        for (var day = new DateOnly(2022, 12, 1); day <= new DateOnly(2023, 1, 20); day = day.AddDays(1))
        {
            foreach (var hour in new[] { 0, 18 })
            {
                database.Time.At(day, hour);
                var before = (await Reminders.StoredAsync(database, NotificationKind.DeadlineReminder)).Select(n => n.Id).ToHashSet();
                await Reminders.RunAsync(services);
                seen.AddRange((await Reminders.StoredAsync(database, NotificationKind.DeadlineReminder)).Where(n => !before.Contains(n.Id)).Select(n => (day, n)));
            }
        }

        // The partnership on its own: its regisseur and signatory accounts and its contact, never the member's staff or the department.
        var own = seen.Where(s => s.N.PartnershipId == alone.Id).Select(s => (s.Day, Reminders.Days(s.N), Reminders.Who(s.N, emails))).ToList();
        string[] whom = ["mail:an.contact@regie.test", "ondertekenaar@regie.test", "regisseur@regie.test"];
        var expected = new[] { (new DateOnly(2022, 12, 16), 30), (new DateOnly(2023, 1, 8), 7), (new DateOnly(2023, 1, 14), 1) }
            .SelectMany(d => whom.Select(w => (d.Item1, d.Item2, w)))
            .ToList();
        Assert.Equal(expected, own.OrderBy(o => o.Day).ThenBy(o => o.Item3, StringComparer.Ordinal).ToList());

        // The draft's partnership: the same three days, to the dossier's regisseur and signatory, linking to the dossier.
        var ofDraft = seen.Where(s => s.N.PartnershipId == draft.PartnershipId).ToList();
        Assert.Equal(
            [(new DateOnly(2022, 12, 16), 30), (new DateOnly(2022, 12, 16), 30), (new DateOnly(2023, 1, 8), 7), (new DateOnly(2023, 1, 8), 7), (new DateOnly(2023, 1, 14), 1), (new DateOnly(2023, 1, 14), 1)],
            ofDraft.Select(s => (s.Day, Reminders.Days(s.N))).OrderBy(x => x.Day).ToList());
        Assert.All(ofDraft, s => Assert.Equal($"/Applications/{draft.Id}", s.N.Link));
        Assert.Equal(["mail:olivier.ondertekenaar@test.regiekamer", "mail:rita.regisseur@test.regiekamer"], ofDraft.Select(s => "mail:" + s.N.Email).Distinct().Order(StringComparer.Ordinal));
        Assert.DoesNotContain(seen, s => s.N.PartnershipId == submitted.PartnershipId);
        Assert.DoesNotContain(seen, s => s.Day > Reminders.Deadline);

        // What they say: the last day, how long is left, that the signatory submits; mailed to those with an address.
        var last = seen.Single(s => s.N.UserId == signatory.Id && Reminders.Days(s.N) == 1).N;
        Assert.Contains("15/01/2023", last.SubjectNl, StringComparison.Ordinal);
        Assert.Contains("morgen", last.SubjectNl, StringComparison.Ordinal);
        Assert.Contains("tomorrow", last.SubjectEn, StringComparison.Ordinal);
        Assert.Contains("23:59:59", last.TextNl, StringComparison.Ordinal);
        Assert.Contains(alone.Name, last.TextEn, StringComparison.Ordinal);
        Assert.Equal($"/Partnerships/{alone.Id}", last.Link);
        Assert.All(seen, s => Assert.Equal(MailState.Pending, s.N.MailState));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DeadlineReminders_AfterDowntime_SendOnlyTheMostUrgentDue_AndNeverALessUrgentOneAfterwards(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Reminders.Services(database);
        var partnership = await services.CreatePartnershipAsync(p => p.Regisseur("An Contact", "an.contact@regie.test"));

        // Up on 10 December (36 days left: nothing due), then down until 12 January (3 days left: 30 and 7 are both due).
        database.Time.At(new DateOnly(2022, 12, 10));
        Assert.Equal(0, (await Reminders.RunAsync(services)).DeadlineReminders);
        database.Time.At(new DateOnly(2023, 1, 12));
        Assert.Equal(1, (await Reminders.RunAsync(services)).DeadlineReminders);
        var late = Assert.Single(await Reminders.StoredAsync(database, NotificationKind.DeadlineReminder));
        Assert.Equal(7, Reminders.Days(late));
        Assert.Contains("over 3 dagen", late.SubjectNl, StringComparison.Ordinal);

        // The days after: the 30-day one never follows; the 1-day one comes on its day.
        foreach (var day in new[] { new DateOnly(2023, 1, 12), new DateOnly(2023, 1, 13), new DateOnly(2023, 1, 14), new DateOnly(2023, 1, 15), new DateOnly(2023, 1, 16) })
        {
            database.Time.At(day, 20);
            await Reminders.RunAsync(services);
        }

        Assert.Equal([7, 1], (await Reminders.StoredAsync(database, NotificationKind.DeadlineReminder)).Select(Reminders.Days));

        // Down over the last days as well: on the deadline day itself the 1-day reminder is still due, once; the day after, nothing.
        var other = await services.CreatePartnershipAsync(p => p.Regisseur("Bo Contact", "bo.contact@regie.test"));
        database.Time.At(Reminders.Deadline, 22);
        await Reminders.RunAsync(services);
        database.Time.At(Reminders.Deadline.AddDays(1), 0);
        await Reminders.RunAsync(services);
        var ofOther = (await Reminders.StoredAsync(database, NotificationKind.DeadlineReminder)).Where(n => n.PartnershipId == other.Id).ToList();
        Assert.Equal(1, Reminders.Days(Assert.Single(ofOther)));
        Assert.Contains("vandaag", ofOther[0].SubjectNl, StringComparison.Ordinal);
        Assert.Single(await Reminders.StoredAsync(database, NotificationKind.DeadlineReminder), n => n.PartnershipId == partnership.Id && Reminders.Days(n) == 1);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DeadlineReminders_OfADossierWithAnExtension_CountFromItsOwnLastDay(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Reminders.Services(database);
        database.Time.At(new DateOnly(2022, 12, 1));
        var dossier = await services.CreateApplicationAsync(a => a.Complete());
        await using (var scope = database.NewScope())
        {
            var granted = await scope.ServiceProvider.GetRequiredService<ReviewService>().GrantExtensionAsync(dossier.Id, new DateOnly(2023, 1, 31), "Fusie van twee leden");
            Assert.True(granted.IsSuccess);
        }

        var sent = new List<(DateOnly, int, string)>();
        for (var day = new DateOnly(2022, 12, 1); day <= new DateOnly(2023, 2, 3); day = day.AddDays(1))
        {
            database.Time.At(day);
            if ((await Reminders.RunAsync(services)).DeadlineReminders > 0)
            {
                sent.AddRange((await Reminders.StoredAsync(database, NotificationKind.DeadlineReminder)).Where(n => n.CreatedAtUtc == database.Time.GetUtcNow().UtcDateTime)
                    .Select(n => (day, Reminders.Days(n), Reminders.LastDay(n))).Distinct());
            }
        }

        Assert.Equal([(new DateOnly(2023, 1, 1), 30, "2023-01-31"), (new DateOnly(2023, 1, 24), 7, "2023-01-31"), (new DateOnly(2023, 1, 30), 1, "2023-01-31")], sent);
        var first = (await Reminders.StoredAsync(database, NotificationKind.DeadlineReminder))[0];
        Assert.Contains("31/01/2023", first.TextNl, StringComparison.Ordinal);
        Assert.Contains("uitstel", first.TextNl, StringComparison.Ordinal);
    }

    /// <summary>A restart is a new service provider (a new process) on the same database: it finds every reminder made and makes none again.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReminderRun_AfterARestart_CreatesNothingNew(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Reminders.Services(database);
        for (var i = 0; i < 3; i++)
        {
            var partnership = await services.CreatePartnershipAsync(p => p.Regisseur("Contact", $"contact{i}@regie.test"));
            await services.CreateUserAsync(u => u.Regisseur(partnership.Id));
        }

        database.Time.At(new DateOnly(2023, 1, 8));
        var first = await Reminders.RunAsync(services);
        Assert.Equal(6, first.DeadlineReminders);

        await using (var restarted = Reminders.Services(database))
        {
            database.Time.At(new DateOnly(2023, 1, 8), 23);
            Assert.Equal(new ReminderRun(0, 0, 0, 0), await Reminders.RunAsync(restarted));
        }

        Assert.Equal(6, (await Reminders.StoredAsync(database)).Count);
    }

    /// <summary>
    /// Two instances on one database run the job at the same moment, many times over: each reminder is stored once, and
    /// what the two report adds up to what is stored (a duplicate refused by the unique key is not counted).
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReminderRun_OnTwoInstancesAtOnce_CreatesEachReminderOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Reminders.Services(database);
        for (var i = 0; i < 8; i++)
        {
            var partnership = await services.CreatePartnershipAsync(p => p.Regisseur("Contact", $"contact{i}@regie.test"));
            await services.CreateUserAsync(u => u.Regisseur(partnership.Id));
            await services.CreateUserAsync(u => u.Signatory(partnership.Id));
        }

        await using var a = Reminders.Services(database);
        await using var b = Reminders.Services(database);
        var made = 0;
        foreach (var day in new[] { new DateOnly(2022, 12, 16), new DateOnly(2023, 1, 8), new DateOnly(2023, 1, 14) })
        {
            database.Time.At(day);
            using var start = new Barrier(2);
            var runs = await Task.WhenAll(new[] { a, b }.Select(services => Task.Run(async () =>
            {
                start.SignalAndWait();
                return await Reminders.RunAsync(services);
            })));
            made += runs.Sum(r => r.DeadlineReminders);
        }

        var stored = await Reminders.StoredAsync(database, NotificationKind.DeadlineReminder);
        Assert.Equal(8 * 3 * 3, stored.Count);
        Assert.Equal(stored.Count, stored.Select(n => n.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(stored.Count, made);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ChangesRequested_TellsThePartnership_ThenRemindsItOnce3DaysBeforeTheResponseDate(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Reminders.Services(database);
        var partnership = await services.CreatePartnershipAsync();
        var signatory = await services.CreateUserAsync(u => u.Signatory(partnership.Id));
        var dossier = await services.CreateApplicationAsync(a => a.For(partnership.Id).Submitted());
        database.Time.At(new DateOnly(2023, 2, 1), 10);
        await using (var scope = database.NewScope())
        {
            var decided = await scope.ServiceProvider.GetRequiredService<ReviewService>().DecideAsync(
                dossier.Id, new DecisionInput("request-changes", "De acties zijn te vaag.", Points: "Actie 2: beschrijf de rol van de regisseur\nActie 4: geef het beoogde effect", ResponseDue: new DateOnly(2023, 2, 15)));
            Assert.True(decided.IsSuccess);
        }

        var told = (await Reminders.StoredAsync(database, NotificationKind.ChangesRequested)).Single(n => n.UserId == signatory.Id);
        Assert.Contains("15/02/2023", told.SubjectNl, StringComparison.Ordinal);
        Assert.Contains("- Actie 2: beschrijf de rol van de regisseur\n- Actie 4: geef het beoogde effect", told.TextNl, StringComparison.Ordinal);
        Assert.Contains("De acties zijn te vaag.", told.TextEn, StringComparison.Ordinal);
        Assert.Equal($"/Applications/{dossier.Id}", told.Link);

        var reminded = new List<DateOnly>();
        for (var day = new DateOnly(2023, 2, 1); day <= new DateOnly(2023, 2, 20); day = day.AddDays(1))
        {
            database.Time.At(day, 12);
            if ((await Reminders.RunAsync(services)).ResponseReminders > 0)
            {
                reminded.Add(day);
            }
        }

        Assert.Equal([new DateOnly(2023, 2, 12)], reminded);
        var reminders = await Reminders.StoredAsync(database, NotificationKind.ResponseReminder);
        Assert.Equal(3, reminders.Count); // the signatory's account, and the dossier's regisseur and signatory contacts
        Assert.Contains(reminders, n => n.UserId == signatory.Id && n.SubjectNl.Contains("over 3 dagen", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ChangesRequested_WithAResponseDateInsideTheWindow_IsNotRemindedRightAfter(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Reminders.Services(database);
        var dossier = await services.CreateApplicationAsync(a => a.Submitted());
        database.Time.At(new DateOnly(2023, 2, 1), 10);
        await using (var scope = database.NewScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<ReviewService>().DecideAsync(
                dossier.Id, new DecisionInput("request-changes", "Kleine correctie.", Points: "IBAN nakijken", ResponseDue: new DateOnly(2023, 2, 3)))).IsSuccess);
        }

        for (var day = new DateOnly(2023, 2, 1); day <= new DateOnly(2023, 2, 4); day = day.AddDays(1))
        {
            database.Time.At(day, 12);
            await Reminders.RunAsync(services);
        }

        Assert.Empty(await Reminders.StoredAsync(database, NotificationKind.ResponseReminder));
        Assert.NotEmpty(await Reminders.StoredAsync(database, NotificationKind.ChangesRequested));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ApprovalAndRejection_TellThePartnership_WithTheMotivation(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Reminders.Services(database);
        var approved = await services.CreateApplicationAsync(a => a.Submitted());
        var rejected = await services.CreateApplicationAsync(a => a.Submitted());
        await using (var scope = database.NewScope())
        {
            var reviews = scope.ServiceProvider.GetRequiredService<ReviewService>();
            Assert.True((await reviews.DecideAsync(approved.Id, new DecisionInput("approve", "In orde."))).IsSuccess);
            Assert.True((await reviews.DecideAsync(rejected.Id, new DecisionInput("reject", "Versnippering om louter financiële redenen (R6).", Rules: "R6"))).IsSuccess);
        }

        var yes = await Reminders.StoredAsync(database, NotificationKind.Approved);
        Assert.Equal(2, yes.Count); // the dossier's regisseur and signatory contacts
        Assert.All(yes, n => Assert.Equal(approved.Id, n.ApplicationId));
        Assert.Contains($"{approved.DossierNumber} is goedgekeurd", yes[0].SubjectNl, StringComparison.Ordinal);
        var no = await Reminders.StoredAsync(database, NotificationKind.Rejected);
        Assert.All(no, n => Assert.Contains("Regels: R6", n.TextNl, StringComparison.Ordinal));
        Assert.All(no, n => Assert.Equal($"/Applications/{rejected.Id}", n.Link));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ADossierWaitingLongerThan14Days_IsToldToCaseHandlersOnce_PerStatus(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Reminders.Services(database, s => s.AddSingleton(new NotificationSettings { DepartmentEmail = "subsidies@departement.test" }));
        var handler = await services.CreateUserAsync(u => u.Department(Role.CaseHandler));
        await services.CreateUserAsync(u => u.Department(Role.PolicyOfficer));
        var submittedAt = database.Time.GetUtcNow();
        var dossier = await services.CreateApplicationAsync(a => a.Submitted());

        database.Time.SetUtcNow(submittedAt.AddDays(14));
        Assert.Equal(0, (await Reminders.RunAsync(services)).WaitingNotices);
        database.Time.SetUtcNow(submittedAt.AddDays(14).AddHours(1));
        Assert.Equal(2, (await Reminders.RunAsync(services)).WaitingNotices);
        database.Time.SetUtcNow(submittedAt.AddDays(20));
        Assert.Equal(0, (await Reminders.RunAsync(services)).WaitingNotices);
        var waiting = await Reminders.StoredAsync(database, NotificationKind.ReviewWaiting);
        Assert.Equal(
            new[] { $"user:{handler.Id}", "mail:subsidies@departement.test" }.Order(StringComparer.Ordinal),
            waiting.Select(n => n.UserId is { } id ? $"user:{id}" : $"mail:{n.Email}").Order(StringComparer.Ordinal));
        Assert.Contains("14 dagen", waiting[0].SubjectNl, StringComparison.Ordinal);

        // A review starts (under review): a new status, a new wait.
        await using (var scope = services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<ReviewService>().RecordCheckAsync(dossier.Id, "R7a", "sufficient", null)).IsSuccess);
        }

        database.Time.SetUtcNow(submittedAt.AddDays(30));
        Assert.Equal(0, (await Reminders.RunAsync(services)).WaitingNotices);
        database.Time.SetUtcNow(submittedAt.AddDays(35));
        Assert.Equal(2, (await Reminders.RunAsync(services)).WaitingNotices);
        Assert.Contains((await Reminders.StoredAsync(database, NotificationKind.ReviewWaiting)).Select(n => n.SubjectEn), s => s.Contains("under review", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Submission_GivesAReceipt_ToTheRegisseurTheSignatoryAndTheDepartment(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Reminders.Services(database, s => s.AddSingleton(new NotificationSettings { DepartmentEmail = "subsidies@departement.test" }));
        var partnership = await services.CreatePartnershipAsync();
        var regisseur = await services.CreateUserAsync(u => u.Regisseur(partnership.Id));

        // The signatory's account has the address the dossier names: one notification, to the account.
        var signatory = await services.CreateUserAsync(u => u.Email("olivier.ondertekenaar@test.regiekamer").Signatory(partnership.Id));
        var handler = await services.CreateUserAsync(u => u.Department(Role.CaseHandler));
        await services.CreateUserAsync(u => u.MemberViewer(partnership.Id));

        var dossier = await services.CreateApplicationAsync(a => a.For(partnership.Id).Submitted());

        var receipts = await Reminders.StoredAsync(database, NotificationKind.Receipt);
        Assert.Equal(
            new[] { $"user:{regisseur.Id}", $"user:{signatory.Id}", $"user:{handler.Id}", "mail:rita.regisseur@test.regiekamer", "mail:subsidies@departement.test" }.Order(StringComparer.Ordinal),
            receipts.Select(n => n.UserId is { } id ? $"user:{id}" : $"mail:{n.Email}").Order(StringComparer.Ordinal));
        await using var db = database.NewDb();
        var version = await db.ApplicationVersions.AsNoTracking().SingleAsync(v => v.ApplicationId == dossier.Id);
        var brussels = Core.Common.BrusselsClock.Display(version.SubmittedAtUtc);
        Assert.All(receipts, n =>
        {
            Assert.Equal($"/Applications/{dossier.Id}/Versions/1", n.Link);
            Assert.Contains(dossier.DossierNumber, n.SubjectNl, StringComparison.Ordinal);
            Assert.Contains("versie 1", n.SubjectNl, StringComparison.Ordinal);
            Assert.Contains(version.Sha256, n.TextNl, StringComparison.Ordinal);
            Assert.Contains($"{brussels} (Brussels time)", n.TextEn, StringComparison.Ordinal);
            Assert.Equal(MailState.Pending, n.MailState);
            Assert.Equal(version.SubmittedAtUtc, n.CreatedAtUtc);
        });
        Assert.Equal("olivier.ondertekenaar@test.regiekamer", receipts.Single(n => n.UserId == signatory.Id).Email);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ASubmissionThatFails_LeavesNoReceipt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Reminders.Services(database);
        var dossier = await services.CreateApplicationAsync(a => a.Complete());
        database.Time.At(Reminders.Deadline.AddDays(1)); // R8: too late
        await using (var scope = database.NewScope())
        {
            var refused = await scope.ServiceProvider.GetRequiredService<SubmissionService>().SubmitAsync(dossier.Id);
            Assert.False(refused.IsSuccess);
        }

        Assert.Empty(await Reminders.StoredAsync(database, NotificationKind.Receipt));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Notifications_AreKeptAYear_AfterTheyWereRead_OrMade(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Reminders.Services(database);
        var partnership = await services.CreatePartnershipAsync(p => p.Regisseur("Contact", "contact@regie.test"));
        var user = await services.CreateUserAsync(u => u.Regisseur(partnership.Id));
        database.Time.At(new DateOnly(2023, 1, 8));
        await Reminders.RunAsync(services);
        var mine = (await Reminders.StoredAsync(database)).Single(n => n.UserId == user.Id);
        await using (var scope = database.NewScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<NotificationService>().MarkReadAsync(user.Id, mine.Id)).IsSuccess);
        }

        // The contact's mail is still pending a year on: kept until the outbox is done with it.
        database.Time.At(new DateOnly(2024, 1, 9));
        Assert.Equal(0, (await Reminders.RunAsync(services)).Deleted);
        await using (var db = database.NewDb())
        {
            await db.Notifications.ExecuteUpdateAsync(s => s.SetProperty(n => n.MailState, MailState.Sent));
        }

        database.Time.At(new DateOnly(2024, 1, 7));
        Assert.Equal(0, (await Reminders.RunAsync(services)).Deleted);
        database.Time.At(new DateOnly(2024, 1, 9));
        Assert.Equal(2, (await Reminders.RunAsync(services)).Deleted);
        Assert.Empty(await Reminders.StoredAsync(database));
    }

    [Fact]
    public void DeadlineReminderDue_IsTheMostUrgentReached_UntilTheLastDay()
    {
        var last = new DateOnly(2023, 1, 15);
        int[] days = [30, 7, 1];
        string Due(int daysBefore) => ReminderRules.DeadlineReminderDue(last.AddDays(-daysBefore), last, days)?.ToString(CultureInfo.InvariantCulture) ?? "-";
        Assert.Equal(
            ["-", "30", "30", "30", "7", "7", "1", "1", "-"],
            new[] { 31, 30, 29, 8, 7, 2, 1, 0, -1 }.Select(Due));
    }
}
