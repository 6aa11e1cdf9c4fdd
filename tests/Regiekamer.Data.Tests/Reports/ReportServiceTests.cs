using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Applications.Plan;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Reports;
using Regiekamer.TestCommon;

namespace Regiekamer.Data.Tests.Reports;

/// <summary>Issue 9, point 3 (start) on both databases: a year's report starts from the approved plan, its actions are reported with versions, unplanned ones added, and it is checked (R10, R11, R15).</summary>
public sealed class ReportServiceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AReport_StartsFromTheApprovedPlan_IsReported_AndChecked(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var gent = await database.Services.CreatePartnershipAsync(p => p.CentralCity("Gent").Named("Regie Gent"));
        var leuven = await database.Services.CreatePartnershipAsync(p => p.CentralCity("Leuven").Named("Regie Leuven"));
        var run = await database.Services.CreateApprovedRunAsync(gent);
        int callId;
        await using (var db = database.NewDb())
        {
            callId = (await db.CallVersions.FirstAsync(v => v.Id == run.CallVersionId)).CallId;
        }

        await using var scope = database.NewScope();
        var reports = scope.ServiceProvider.GetRequiredService<ReportService>();

        Assert.Equal(Rules.R15, Assert.Single((await reports.StartAsync(leuven.Id, callId, 2023)).Errors).Code);
        Assert.Equal("outside-call", Assert.Single((await reports.StartAsync(gent.Id, callId, 2026)).Errors).Code);

        var report = (await reports.StartAsync(gent.Id, callId, 2023)).Value!;
        Assert.Equal(4, report.Actions.Count);
        Assert.All(report.Actions, a => Assert.Equal(ReportOutcome.CarriedOut, a.Outcome));
        Assert.Equal(["WSE-LR1", "WSE-LR2", "WSE-LR3", "WSE-LR4"], report.Actions.OrderBy(a => a.Position).Select(a => a.Code));
        Assert.Equal(Money.FromEuros(1_000), report.Actions.OrderBy(a => a.Position).First().PlannedAmount);
        Assert.True(report.BbcRoute);
        Assert.Equal("report-exists", Assert.Single((await reports.StartAsync(gent.Id, callId, 2023)).Errors).Code);

        // The fourth action was not carried out: without a reason the report does not pass R15 (and R10 misses WSE-LR4).
        var fourth = report.Actions.Single(a => a.Position == 4);
        var notDone = (await reports.UpdateActionAsync(report.Id, fourth.Id, new ReportedActionInput(fourth.ShortDescription, fourth.LongDescription, null, "WSE-LR4", "not-carried-out", null, null), fourth.Version)).Value!;
        var stored = (await reports.GetAsync(report.Id))!;
        var findings = ReportRules.Check(stored.Year, stored.BbcRoute, stored.Actions);
        Assert.Contains(findings, f => f.Rule == Rules.R15 && f.Field == "reason");
        Assert.Contains(findings, f => f.Rule == Rules.R10);

        // A stale version is refused and changes nothing; the lapsed code is R12.
        var stale = await reports.UpdateActionAsync(report.Id, fourth.Id, new ReportedActionInput("X", null, null, "WSE-LR4", "carried-out", null, null), fourth.Version);
        Assert.Equal("concurrency", Assert.Single(stale.Errors).Code);
        var lapsed = await reports.UpdateActionAsync(report.Id, fourth.Id, new ReportedActionInput("X", null, null, "LSEVBP01", "carried-out", null, null), notDone.Version);
        Assert.Equal(Rules.R12, Assert.Single(lapsed.Errors).Code);

        // With a reason, and an unplanned WSE-LR4 action: the report passes.
        await reports.UpdateActionAsync(report.Id, fourth.Id, new ReportedActionInput(fourth.ShortDescription, fourth.LongDescription, null, "WSE-LR4", "not-carried-out", "De partner haakte af.", null), notDone.Version);
        var current = (await reports.GetAsync(report.Id))!;
        var added = await reports.AddUnplannedAsync(report.Id, new ReportedActionInput("Netwerkmoment met VDAB", "<p>Wat en waarom.</p>", "30 deelnemers", "WSE-LR4", null, null, "750,00"), current.Version);
        Assert.True(added.IsSuccess, ApplicationBuilders.Describe(added.Errors));
        stored = (await reports.GetAsync(report.Id))!;
        Assert.DoesNotContain(ReportRules.Check(stored.Year, stored.BbcRoute, stored.Actions), f => f.Severity == FindingSeverity.Violation);
        Assert.Equal(5, stored.Actions.Count);

        // Submitted; the case handler asks for clarification (a response date is required), the partnership answers, and the
        // report is found not used for its purpose: R16 stops every further payment of the call.
        var submitted = (await reports.SubmitAsync(report.Id, stored.Version)).Value!;
        Assert.Equal((ReportStatus.Submitted, 1), (submitted.Status, submitted.SubmittedVersions));
        Assert.Equal("status", Assert.Single((await reports.UpdateActionAsync(report.Id, fourth.Id, new ReportedActionInput("X", null, null, "WSE-LR4", "carried-out", null, null), 99)).Errors).Code);
        Assert.Equal("responseDue", Assert.Single((await reports.EvaluateAsync(report.Id, new ReportEvaluationInput("clarify", "Onduidelijk welke acties liepen."), submitted.Version)).Errors).Field);
        var clarify = (await reports.EvaluateAsync(report.Id, new ReportEvaluationInput("clarify", "Onduidelijk welke acties liepen.", new DateOnly(2023, 3, 1), [new("WSE-LR2", false, "Geen resultaten beschreven.")]), submitted.Version)).Value!;
        Assert.Equal(ReportStatus.ClarificationRequested, clarify.Status);
        Assert.Equal("WSE-LR2", Assert.Single(clarify.PriorityEvaluations).Code);
        var answered = (await reports.SubmitAsync(report.Id, clarify.Version)).Value!;
        Assert.Equal(2, answered.SubmittedVersions);

        // R16: refusing judges every priority of the call, and rests on at least one pursued insufficiently.
        var allSufficient = new List<PriorityEvaluationInput> { new("WSE-LR1", true, null), new("WSE-LR2", true, null), new("WSE-LR3", true, null), new("WSE-LR4", true, null) };
        var notOne = await reports.EvaluateAsync(report.Id, new ReportEvaluationInput("refuse", "Onvoldoende.", Priorities: allSufficient), answered.Version);
        Assert.Equal((Rules.R16, "priorities"), (Assert.Single(notOne.Errors).Code, notOne.Errors[0].Field));
        var missing = await reports.EvaluateAsync(report.Id, new ReportEvaluationInput("accept", "Goed.", Priorities: allSufficient.Take(3).ToList()), answered.Version);
        Assert.Contains(missing.Errors, e => e.Code == Rules.R16 && e.Message.En.Contains("WSE-LR4", StringComparison.Ordinal));
        var unknown = await reports.EvaluateAsync(report.Id, new ReportEvaluationInput("accept", "Goed.", Priorities: [.. allSufficient, new("WSE-LR9", true, null)]), answered.Version);
        Assert.Contains(unknown.Errors, e => e.Field == "priorities[4].code");
        var refused = (await reports.EvaluateAsync(report.Id, new ReportEvaluationInput("refuse", "De prioriteiten werden onvoldoende nagestreefd (R16).", Priorities: [.. allSufficient.Take(3), new("WSE-LR4", false, "Niets van WSE-LR4 uitgevoerd.")]), answered.Version)).Value!;
        Assert.Equal(ReportStatus.NotUsedForPurpose, refused.Status);

        await using var check = database.NewDb();
        Assert.True(await check.Set<Core.Grants.PaymentStop>().AnyAsync(x => x.PartnershipId == gent.Id && x.CallId == callId));
        Assert.Equal(["Created", "ReportActionAdded", "ReportActionUpdated", "ReportActionUpdated", "ReportEvaluated", "ReportEvaluated", "ReportSubmitted", "ReportSubmitted"], (await check.AuditRecords.Where(r => r.EntityType == ReportService.AuditEntity).Select(r => r.Action).ToListAsync()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AReportWithViolations_IsNotSubmitted_AndSaysWhy(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var gent = await database.Services.CreatePartnershipAsync(p => p.CentralCity("Gent").Named("Regie Gent"));
        var run = await database.Services.CreateApprovedRunAsync(gent);
        await using var scope = database.NewScope();
        var reports = scope.ServiceProvider.GetRequiredService<ReportService>();
        int callId;
        await using (var db = database.NewDb())
        {
            callId = (await db.CallVersions.FirstAsync(v => v.Id == run.CallVersionId)).CallId;
        }

        var report = (await reports.StartAsync(gent.Id, callId, 2024)).Value!;
        var first = report.Actions.Single(a => a.Position == 1);
        var changed = (await reports.UpdateActionAsync(report.Id, first.Id, new ReportedActionInput(first.ShortDescription, first.LongDescription, null, first.Code, "not-carried-out", null, null), first.Version)).Value!;
        var current = (await reports.GetAsync(report.Id))!;
        var refused = await reports.SubmitAsync(report.Id, current.Version);
        Assert.Contains(refused.Errors, e => e.Code == Rules.R15 && e.Field == "reason");
        Assert.Contains(refused.Errors, e => e.Code == Rules.R10);
        Assert.Equal(ReportStatus.Draft, (await reports.GetAsync(report.Id))!.Status);
        Assert.True(changed.Version > first.Version);
    }
}
