using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Grants;
using Regiekamer.Core.Notifications;
using Regiekamer.Core.Reports;
using Regiekamer.Data.Tests.Notifications;
using Regiekamer.TestCommon;

namespace Regiekamer.Data.Tests.Reports;

/// <summary>
/// Issue 9, points 2–5 on both databases: the report deadline and its extension, the reminders before and after it,
/// the receipt, and what an evaluation does to the money — acceptance releases the year's balance, refusal stops the
/// payments and decides the reclaim of what was paid, all or nothing.
/// </summary>
public sealed class ReportCycleTests
{
    private static readonly Actor Officer = new(Guid.NewGuid(), "paula.beleid@test.regiekamer", "PolicyOfficer");
    private static readonly Actor Colleague = new(Guid.NewGuid(), "koen.dossier@test.regiekamer", "CaseHandler");

    private static readonly IReadOnlyList<PriorityEvaluationInput> AllSufficient =
        [new("WSE-LR1", true, "Omgevingsanalyse gedeeld."), new("WSE-LR2", true, null), new("WSE-LR3", true, null), new("WSE-LR4", true, null)];

    private static T Ok<T>(Result<T> result)
    {
        Assert.True(result.IsSuccess, ApplicationBuilders.Describe(result.Errors));
        return result.Value!;
    }

    private static AsyncServiceScope Scope(TestDatabase database, Actor actor)
    {
        var scope = database.NewScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = actor;
        return scope;
    }

    private static async Task PayAsync(TestDatabase database, Payment payment)
    {
        await using var own = Scope(database, Officer);
        var v = Ok(await own.ServiceProvider.GetRequiredService<PaymentService>().ActAsync(payment.Id, new PaymentStep("propose", payment.Version))).Version;
        await using var other = Scope(database, Colleague);
        var colleague = other.ServiceProvider.GetRequiredService<PaymentService>();
        v = Ok(await colleague.ActAsync(payment.Id, new PaymentStep("approve", v))).Version;
        v = Ok(await colleague.ActAsync(payment.Id, new PaymentStep("order", v))).Version;
        database.Time.SetUtcNow(new DateTimeOffset(2023, 6, 2, 10, 0, 0, TimeSpan.Zero));
        Ok(await colleague.ActAsync(payment.Id, new PaymentStep("mark-paid", v, new DateOnly(2023, 6, 1))));
    }

    private static async Task<AnnualReport> SubmittedAsync(ReportService reports, int partnershipId, int callId, int year)
    {
        var report = Ok(await reports.StartAsync(partnershipId, callId, year));
        foreach (var action in report.Actions.Where(a => a.Cost is null && !report.BbcRoute))
        {
            var current = (await reports.GetAsync(report.Id))!.Actions.Single(a => a.Id == action.Id);
            Ok(await reports.UpdateActionAsync(report.Id, action.Id, new ReportedActionInput(action.ShortDescription, action.LongDescription, "Gedaan.", action.Code, "carried-out", null, "1.000,00"), current.Version));
        }

        return Ok(await reports.SubmitAsync(report.Id, (await reports.GetAsync(report.Id))!.Version));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Acceptance_ReleasesTheBalance_Refusal_StopsAndReclaims_AllOrNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.Services.CreateCallVersionAsync(v => v.Advance(70));
        var gent = await database.Services.CreatePartnershipAsync(p => p.CentralCity("Gent").Named("Regie Gent"));
        var scheldeland = await database.Services.CreatePartnershipAsync(p => p.Interlocal("Hamme", "Hamme", "Berlare", "Dendermonde", "Wichelen", "Zele").Named("Scheldeland"));
        var run = await database.Services.CreateApprovedRunAsync(gent, scheldeland);
        var decree = await database.Services.CreateSignedDecreeAsync(run, 2023, actor: Officer);
        int gentBalance;
        await using (var scope = Scope(database, Officer))
        {
            var payments = scope.ServiceProvider.GetRequiredService<PaymentService>();
            foreach (var advance in (await payments.ListAsync(decree.CallId)).Where(p => p.Payment.Kind == PaymentKind.Advance).Select(p => p.Payment).ToList())
            {
                await PayAsync(database, advance);
            }

            gentBalance = (await payments.ListAsync(decree.CallId, gent.Id)).Single(p => p.Payment.Kind == PaymentKind.Balance).Payment.Id;
        }

        database.Time.SetUtcNow(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero));
        await using (var scope = Scope(database, Colleague))
        {
            var reports = scope.ServiceProvider.GetRequiredService<ReportService>();
            var payments = scope.ServiceProvider.GetRequiredService<PaymentService>();
            var gentReport = await SubmittedAsync(reports, gent.Id, decree.CallId, 2023);

            // R16: the balance follows the accepted report, not before.
            var early = await payments.ActAsync(gentBalance, new PaymentStep("propose", (await payments.GetAsync(gentBalance))!.Payment.Version));
            Assert.Equal((Rules.R16, "kind"), (Assert.Single(early.Errors).Code, early.Errors[0].Field));

            var accepted = Ok(await reports.EvaluateAsync(gentReport.Id, new ReportEvaluationInput("accept", "Voldoende: de acties en hun resultaten zijn duidelijk.", Priorities: AllSufficient), gentReport.Version));
            Assert.Equal(4, accepted.PriorityEvaluations.Count);
            var balance = (await payments.GetAsync(gentBalance))!.Payment;
            Assert.Equal(new DateOnly(2024, 3, 31), balance.PlannedDate);
            Ok(await payments.ActAsync(gentBalance, new PaymentStep("propose", balance.Version)));

            // A refusal whose reclaim cannot be decided (due after the call's period) changes nothing: no status, no stop.
            var scheldelandReport = await SubmittedAsync(reports, scheldeland.Id, decree.CallId, 2023);
            var refusal = new ReportEvaluationInput("refuse", "De prioriteiten werden onvoldoende nagestreefd.", Priorities: [.. AllSufficient.Take(3), new("WSE-LR4", false, "Geen enkele actie.")]);
            var failed = await reports.EvaluateAsync(scheldelandReport.Id, refusal with { ReclaimDue = new DateOnly(2030, 1, 1) }, scheldelandReport.Version);
            Assert.Contains(failed.Errors, e => e.Field == "dueDate");
            await using (var check = database.NewDb())
            {
                Assert.Equal(ReportStatus.Submitted, (await check.AnnualReports.SingleAsync(r => r.Id == scheldelandReport.Id)).Status);
                Assert.False(await check.PaymentStops.AnyAsync());
                Assert.False(await check.Reclaims.AnyAsync());
            }

            var refused = Ok(await reports.EvaluateAsync(scheldelandReport.Id, refusal, scheldelandReport.Version));
            Assert.Equal(ReportStatus.NotUsedForPurpose, refused.Status);
        }

        await using (var check = database.NewDb())
        {
            var stop = await check.PaymentStops.SingleAsync();
            Assert.Equal(scheldeland.Id, stop.PartnershipId);
            Assert.StartsWith($"RK-JV-2023-{scheldeland.Id:D4}-1", stop.Decision, StringComparison.Ordinal);
            var reclaim = await check.Reclaims.Include(r => r.Years).SingleAsync();
            var paid = await check.Payments.Where(p => p.PartnershipId == scheldeland.Id && p.Status == PaymentStatus.Paid).Select(p => p.Amount).ToListAsync();
            Assert.Equal(paid.Sum(a => a.Cents), reclaim.Years.Sum(y => y.Amount.Cents));
            Assert.Equal(new DateOnly(2024, 4, 30), reclaim.DueDate);

            // Each step reached the partnership: receipts (also to the department) and evaluations.
            var notes = await check.Notifications.AsNoTracking().ToListAsync();
            Assert.Contains(notes, n => n.Kind == NotificationKind.ReportReceipt && n.PartnershipId == gent.Id);
            Assert.Contains(notes, n => n.Kind == NotificationKind.ReportEvaluated && n.PartnershipId == gent.Id && n.SubjectNl.Contains("aanvaard", StringComparison.Ordinal));
            Assert.Contains(notes, n => n.Kind == NotificationKind.ReportEvaluated && n.PartnershipId == scheldeland.Id && n.TextNl.Contains("teruggevorderd", StringComparison.Ordinal));
        }

        await using (var scope = Scope(database, Colleague))
        {
            var ledger = Ok(await scope.ServiceProvider.GetRequiredService<LedgerService>().ForCallAsync(decree.CallId)).Ledger;
            Assert.True(ledger.Reconciles, string.Join("\n", ledger.Problems.Select(p => p.Message.En)));
            var line = ledger.Lines.Single(l => l.PartnershipId == scheldeland.Id);
            Assert.Equal(line.Paid, line.Reclaimed);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheDeadline_ItsExtension_AndTheReminders_BeforeAndWhileOverdue_EachOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Reminders.Services(database);
        var gent = await database.Services.CreatePartnershipAsync(p => p.CentralCity("Gent").Named("Regie Gent"));
        var run = await database.Services.CreateApprovedRunAsync(gent);
        int callId;
        await using (var db = database.NewDb())
        {
            callId = (await db.CallVersions.FirstAsync(v => v.Id == run.CallVersionId)).CallId;
        }

        async Task<List<Notification>> ReportNotesAsync() =>
            [.. await Reminders.StoredAsync(database, NotificationKind.ReportReminder), .. await Reminders.StoredAsync(database, NotificationKind.ReportOverdue)];

        // 30 days before 30/06/2024: the 2023 report is reminded, once however often the job runs; 2024 is not due yet.
        database.Time.At(new DateOnly(2024, 5, 31));
        Assert.True((await Reminders.RunAsync(services)).ReportReminders > 0);
        Assert.Equal(0, (await Reminders.RunAsync(services)).ReportReminders);
        var before = await ReportNotesAsync();
        Assert.All(before, n => Assert.Contains("2023", n.SubjectNl, StringComparison.Ordinal));
        Assert.All(before, n => Assert.Equal(NotificationKind.ReportReminder, n.Kind));

        // Overdue: a reminder the day after, none more that week, the next a week on.
        database.Time.At(new DateOnly(2024, 7, 1));
        await Reminders.RunAsync(services);
        var first = (await ReportNotesAsync()).Count(n => n.Kind == NotificationKind.ReportOverdue);
        Assert.True(first > 0);
        database.Time.At(new DateOnly(2024, 7, 5));
        await Reminders.RunAsync(services);
        Assert.Equal(first, (await ReportNotesAsync()).Count(n => n.Kind == NotificationKind.ReportOverdue));
        database.Time.At(new DateOnly(2024, 7, 8));
        await Reminders.RunAsync(services);
        Assert.Equal(2 * first, (await ReportNotesAsync()).Count(n => n.Kind == NotificationKind.ReportOverdue));

        await using var scope = Scope(database, Colleague);
        var reports = scope.ServiceProvider.GetRequiredService<ReportService>();
        var standing = Assert.Single(await reports.StandingAsync(callId));
        Assert.Equal((2023, ReportTiming.Overdue, new DateOnly(2024, 6, 30)), (standing.Year, standing.Timing, standing.LastDay));

        // An extension must lie after the call's deadline and have a reason; then the report is open again until it.
        var tooEarly = await reports.GrantExtensionAsync(callId, gent.Id, 2023, new DateOnly(2024, 6, 30), "Ziekte", default);
        Assert.Equal((Rules.R15, "until"), (Assert.Single(tooEarly.Errors).Code, tooEarly.Errors[0].Field));
        Assert.Equal("reason", Assert.Single((await reports.GrantExtensionAsync(callId, gent.Id, 2023, new DateOnly(2024, 9, 30), " ", default)).Errors).Field);
        Ok(await reports.GrantExtensionAsync(callId, gent.Id, 2023, new DateOnly(2024, 8, 31), "Jaarrekening later vastgesteld.", default));
        Ok(await reports.GrantExtensionAsync(callId, gent.Id, 2023, new DateOnly(2024, 9, 30), "Jaarrekening later vastgesteld door de gemeenteraad.", default));
        standing = Assert.Single(await reports.StandingAsync(callId));
        Assert.Equal((ReportTiming.Open, new DateOnly(2024, 9, 30), (DateOnly?)new DateOnly(2024, 9, 30)), (standing.Timing, standing.LastDay, standing.ExtendedUntil));

        // Submitted under the extension: on time, with a receipt that fingerprints what was handed in.
        database.Time.At(new DateOnly(2024, 7, 10));
        var submitted = await SubmittedAsync(reports, gent.Id, callId, 2023);
        Assert.Equal(ReportTiming.OnTime, Assert.Single(await reports.StandingAsync(callId)).Timing);
        var receipt = (await reports.ReceiptAsync(submitted.Id))!;
        Assert.Equal(ReportContent.Sha256((await reports.GetAsync(submitted.Id))!), receipt.Sha256);
        Assert.Equal((1, ReportTiming.OnTime), (receipt.Version, receipt.Timing));

        // A request for clarification is reminded 3 days before its response date, once.
        var clarify = Ok(await reports.EvaluateAsync(submitted.Id, new ReportEvaluationInput("clarify", "Welke resultaten?", new DateOnly(2024, 7, 20)), submitted.Version));
        Assert.Equal(ReportStatus.ClarificationRequested, clarify.Status);
        database.Time.At(new DateOnly(2024, 7, 17));
        var reminded = (await Reminders.RunAsync(services)).ReportReminders;
        Assert.True(reminded > 0);
        Assert.Equal(0, (await Reminders.RunAsync(services)).ReportReminders);
        Assert.Contains(await ReportNotesAsync(), n => n.SubjectNl.Contains("verduidelijking", StringComparison.Ordinal));

        await using var audit = database.NewDb();
        Assert.Equal(["Created", "Updated"], (await audit.AuditRecords.Where(r => r.EntityType == ReportService.ExtensionAuditEntity).Select(r => r.Action).ToListAsync()).Order(StringComparer.Ordinal));
    }

    /// <summary>Two instances run the job at the same moment on days before and after the last day: each report reminder is stored once, and what the runs report is what is stored.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReportReminders_OnTwoInstancesAtOnce_AreEachStoredOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var gent = await database.Services.CreatePartnershipAsync(p => p.CentralCity("Gent").Named("Regie Gent"));
        var scheldeland = await database.Services.CreatePartnershipAsync(p => p.Interlocal("Hamme", "Hamme", "Berlare", "Dendermonde", "Wichelen", "Zele").Named("Scheldeland"));
        await database.Services.CreateApprovedRunAsync(gent, scheldeland);
        await using var a = Reminders.Services(database);
        await using var b = Reminders.Services(database);
        var made = 0;
        foreach (var day in new[] { new DateOnly(2024, 5, 31), new DateOnly(2024, 6, 23), new DateOnly(2024, 7, 1), new DateOnly(2024, 7, 8) })
        {
            database.Time.At(day);
            using var start = new Barrier(2);
            var runs = await Task.WhenAll(new[] { a, b }.Select(services => Task.Run(async () =>
            {
                start.SignalAndWait();
                return await Reminders.RunAsync(services);
            })));
            made += runs.Sum(r => r.ReportReminders);
        }

        var stored = (await Reminders.StoredAsync(database, NotificationKind.ReportReminder)).Concat(await Reminders.StoredAsync(database, NotificationKind.ReportOverdue)).ToList();
        Assert.Equal(stored.Count, stored.Select(n => n.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(stored.Count, made);

        // Two partnerships, four reminders each (30 and 7 days before, overdue weeks 1 and 2), to each of their recipients.
        Assert.Equal(8, stored.Select(n => n.Key[..n.Key.LastIndexOf(':')]).Select(k => k[..k.LastIndexOf(':')]).Distinct(StringComparer.Ordinal).Count());
    }
}
