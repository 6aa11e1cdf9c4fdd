using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Applications.Plan;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Grants;
using Regiekamer.Core.Notifications;
using Regiekamer.Core.Partnerships;

namespace Regiekamer.Core.Reports;

/// <summary>A reported action as entered: its texts and code, what became of it (carried-out, not-carried-out, unplanned), why not, and its cost.</summary>
public sealed record ReportedActionInput(string? ShortDescription, string? LongDescription, string? Comment, string? Code, string? Outcome, string? Reason, string? Cost, string? PolicyGoal = null, string? ActionPlan = null);

/// <summary>A case handler's evaluation as entered (R16): the decision (accept, clarify, refuse), its motivation, the response date of a clarification, the judgement per priority, and when a reclaim that follows a refusal is due.</summary>
public sealed record ReportEvaluationInput(string? Decision, string? Motivation, DateOnly? ResponseDue = null, IReadOnlyList<PriorityEvaluationInput>? Priorities = null, DateOnly? ReclaimDue = null);

/// <summary>
/// The year's reports (R15, R16). A report starts from the partnership's approved plan (every action that runs that
/// year, with its planned amount); its actions are reported (updated, not carried out with a reason, with their cost)
/// and unplanned ones added; it is checked as <see cref="ReportRules.Check"/> says. The signatory submits it when
/// nothing blocks, and gets a receipt with the SHA-256 of what was handed in; the deadline is the call version's
/// (<see cref="Calls.CallVersion.ReportDue"/>) or the partnership's extension. A case handler evaluates it per priority
/// and overall: accepted (the year's balance is planned), clarification asked with a response date, or not used for
/// its purpose — which in the same transaction stops every further payment of the call and decides a reclaim of what
/// was paid. Every step is audited and notified (mailed by the outbox) to the partnership.
/// </summary>
public sealed class ReportService(RegiekamerDb db, AuditTrail audit, BrusselsClock clock, CurrentActor actor, Grants.PaymentService payments, Grants.ReclaimService reclaims, NotificationService notifications)
{
    public const string AuditEntity = "AnnualReport";

    public const string ExtensionAuditEntity = "ReportExtension";

    /// <summary>Days after an acceptance that the year's balance is planned, and after a refusal that the reclaim is due by default.</summary>
    public const int BalanceAfterDays = 30;

    public const int ReclaimDueAfterDays = 60;

    public static DomainError NotFound(int id) => DomainError.NotFound($"Jaarverslag {id} bestaat niet.", $"Annual report {id} does not exist.");

    public Task<AnnualReport?> GetAsync(int id, CancellationToken ct = default) =>
        db.AnnualReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);

    public Task<int?> PartnershipOfAsync(int id, CancellationToken ct = default) =>
        db.AnnualReports.AsNoTracking().Where(r => r.Id == id).Select(r => (int?)r.PartnershipId).FirstOrDefaultAsync(ct);

    /// <summary>Starts the partnership's report of a year of the call from its approved plan; 409 when it has one, 422 R15 without an approved application.</summary>
    public async Task<Result<AnnualReport>> StartAsync(int partnershipId, int callId, int year, CancellationToken ct = default)
    {
        var call = await db.Calls.AsNoTracking().IgnoreAutoIncludes().FirstOrDefaultAsync(c => c.Id == callId, ct);
        if (call is null)
        {
            return CallService.CallNotFound(callId);
        }

        if (year < call.FirstYear || year > call.LastYear)
        {
            return DomainError.Invalid("outside-call", $"Jaar: {year} valt buiten de oproep {call.Code}.", $"Year: {year} is outside call {call.Code}.", "year");
        }

        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.CallId == callId && a.PartnershipId == partnershipId && a.Status == ApplicationStatus.Approved, ct);
        if (application is null)
        {
            return DomainError.Rule(Rules.R15, "R15: een jaarverslag vertrekt van een goedgekeurde aanvraag; dit regieverband heeft er geen voor deze oproep.", "R15: an annual report starts from an approved application; this partnership has none for this call.", "partnershipId");
        }

        if (await db.AnnualReports.AnyAsync(r => r.CallId == callId && r.PartnershipId == partnershipId && r.Year == year, ct))
        {
            return DomainError.Conflict("report-exists", $"Er is al een jaarverslag {year} voor dit regieverband.", $"This partnership has a {year} report already.", "year");
        }

        var position = 0;
        var actions = application.Actions.OrderBy(a => a.Position)
            .Where(a => a.Amounts.ContainsKey(year))
            .Select(a => new ReportedAction
            {
                PlannedActionId = a.Id,
                Position = ++position,
                PolicyGoal = a.PolicyGoal,
                ActionPlan = a.ActionPlan,
                ShortDescription = a.ShortDescription,
                LongDescription = a.LongDescription,
                Comment = a.Comment,
                Code = a.Code,
                PlannedAmount = a.Amounts[year],
                Outcome = ReportOutcome.CarriedOut,
                Version = 1,
            });
        var report = AnnualReport.Start(callId, partnershipId, application.Id, year, application.BbcUser == true, actions, clock.UtcNow);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.AnnualReports.Add(report);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return DomainError.Conflict("report-exists", $"Er is intussen al een jaarverslag {year} voor dit regieverband.", $"This partnership has a {year} report already.", "year");
        }

        audit.Record(new AnnualReportStarted(report.Id, AnnualReportSnapshot.Of(report)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<AnnualReport>.Ok(report);
    }

    /// <summary>Reports on one action, with the version of the action read (409 when someone saved it since, or the report can no longer change).</summary>
    public async Task<Result<ReportedAction>> UpdateActionAsync(int reportId, int actionId, ReportedActionInput input, int expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        db.ChangeTracker.Clear();
        var report = await db.AnnualReports.FirstOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null)
        {
            return NotFound(reportId);
        }

        if (!ReportRules.Allows(report.Status, ReportStep.Edit))
        {
            return Editable(report);
        }

        var action = report.Actions.FirstOrDefault(a => a.Id == actionId);
        if (action is null)
        {
            return DomainError.NotFound($"Actie {actionId} hoort niet bij dit jaarverslag.", $"Action {actionId} is not part of this report.");
        }

        var errors = new List<DomainError>();
        var (outcome, cost) = Parse(input, errors);
        if (outcome == ReportOutcome.Unplanned && action.PlannedActionId is not null)
        {
            errors.Add(DomainError.Invalid("validation", "Uitgevoerd: een geplande actie is uitgevoerd of niet uitgevoerd.", "Outcome: a planned action is carried out or not carried out.", "outcome"));
        }

        if (errors.Count > 0)
        {
            return Result<ReportedAction>.Fail(errors);
        }

        var before = ReportedActionSnapshot.Of(action);
        db.ExpectVersion(action, expectedVersion);
        Apply(action, input, outcome, cost);
        report.Touch(clock.UtcNow);
        audit.Record(new ReportedActionUpdated(reportId, before, ReportedActionSnapshot.Of(action)));
        try
        {
            await db.SaveChangesAsync(ct);
            return Result<ReportedAction>.Ok(action);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return DomainError.Conflict("concurrency", "Iemand anders bewaarde deze actie of dit verslag intussen; herlaad en probeer opnieuw.", "Someone else saved this action or report in the meantime; reload and try again.");
        }
    }

    /// <summary>Adds an action carried out without being in the plan.</summary>
    public async Task<Result<ReportedAction>> AddUnplannedAsync(int reportId, ReportedActionInput input, int expectedReportVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        db.ChangeTracker.Clear();
        var report = await db.AnnualReports.FirstOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null)
        {
            return NotFound(reportId);
        }

        if (!ReportRules.Allows(report.Status, ReportStep.Edit))
        {
            return Editable(report);
        }

        var errors = new List<DomainError>();
        var (_, cost) = Parse(input with { Outcome = "unplanned" }, errors);
        if (errors.Count > 0)
        {
            return Result<ReportedAction>.Fail(errors);
        }

        var action = new ReportedAction { Position = report.Actions.Count == 0 ? 1 : report.Actions.Max(a => a.Position) + 1, Version = 1 };
        Apply(action, input, ReportOutcome.Unplanned, cost);
        report.Actions.Add(action);
        db.ExpectVersion(report, expectedReportVersion);
        report.Touch(clock.UtcNow);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return DomainError.Conflict("concurrency", "Iemand anders bewaarde dit verslag intussen; herlaad en probeer opnieuw.", "Someone else saved this report in the meantime; reload and try again.");
        }

        audit.Record(new ReportedActionAdded(reportId, ReportedActionSnapshot.Of(action)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<ReportedAction>.Ok(action);
    }

    /// <summary>The signatory hands the report in: 422 with every violation (R10, R11, R12, R15) when something blocks; a receipt to the partnership and the department.</summary>
    public async Task<Result<AnnualReport>> SubmitAsync(int id, int expectedVersion, CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        var report = await db.AnnualReports.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return NotFound(id);
        }

        if (!ReportRules.Allows(report.Status, ReportStep.Submit))
        {
            return Conflict(report, ReportStep.Submit);
        }

        var blocking = ReportRules.Check(report.Year, report.BbcRoute, report.Actions).Where(f => f.Severity == FindingSeverity.Violation).ToList();
        if (blocking.Count > 0)
        {
            return Result<AnnualReport>.Fail(blocking.Select(f => DomainError.Rule(f.Rule, f.Message.Nl, f.Message.En, f.Field)).ToList());
        }

        return await MoveAsync(report, expectedVersion, ReportAuditActions.Submitted, r => r.Submit(clock.UtcNow), ct, async r =>
        {
            var receipt = (await ReceiptOfAsync(r, ct))!;
            var recipients = (await RecipientsAsync(r, ct)).Concat(await notifications.DepartmentRecipientsAsync(ct));
            await notifications.StageAsync(ReportNotifications.Receipt(receipt), recipients, ct);
        });
    }

    /// <summary>The receipt of the report's last submission; null while it was never submitted.</summary>
    public async Task<ReportReceipt?> ReceiptAsync(int id, CancellationToken ct = default) =>
        await GetAsync(id, ct) is { } report ? await ReceiptOfAsync(report, ct) : null;

    private async Task<ReportReceipt?> ReceiptOfAsync(AnnualReport report, CancellationToken ct)
    {
        if (report.SubmittedAtUtc is not { } at || report.SubmittedSha256 is not { } sha)
        {
            return null;
        }

        var standing = await StandingOfAsync(report, ct);
        return new ReportReceipt(report.Id, report.PartnershipId, standing.PartnershipName, report.ApplicationId, standing.CallCode, report.Year, report.SubmittedVersions, at, standing.LastDay, standing.Timing, sha);
    }

    /// <summary>The report against its deadline: the call version in force and the partnership's extension.</summary>
    public async Task<ReportStanding> StandingOfAsync(AnnualReport report, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        return (await StandingAsync(report.CallId, report.PartnershipId, ct)).FirstOrDefault(s => s.Year == report.Year && s.ReportId == report.Id)
            ?? throw new InvalidOperationException($"Report {report.Id} has no standing: its application is not approved.");
    }

    /// <summary>
    /// Every report the call expects (R15): from each partnership with an approved application, one per year of the call
    /// that has ended (and any started earlier), with its last day (the call version in force, or the partnership's
    /// extension) and where it stands. For one partnership when <paramref name="partnershipId"/> is given.
    /// </summary>
    public async Task<IReadOnlyList<ReportStanding>> StandingAsync(int callId, int? partnershipId = null, CancellationToken ct = default)
    {
        var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, ct);
        if (call is null || call.Versions.Count == 0)
        {
            return [];
        }

        var version = call.CurrentVersion;
        var today = clock.Today;
        var approved = await db.Applications.AsNoTracking().IgnoreAutoIncludes()
            .Where(a => a.CallId == callId && a.Status == ApplicationStatus.Approved && (partnershipId == null || a.PartnershipId == partnershipId))
            .Select(a => new { a.Id, a.PartnershipId }).ToListAsync(ct);
        var ids = approved.Select(a => a.PartnershipId).ToList();
        var names = await db.Partnerships.AsNoTracking().IgnoreAutoIncludes().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var reports = await db.AnnualReports.AsNoTracking().IgnoreAutoIncludes().Where(r => r.CallId == callId && ids.Contains(r.PartnershipId))
            .Select(r => new { r.Id, r.PartnershipId, r.Year, r.Status, r.FirstSubmittedAtUtc }).ToListAsync(ct);
        var extensions = await db.ReportExtensions.AsNoTracking().Where(e => e.CallId == callId && ids.Contains(e.PartnershipId)).ToListAsync(ct);
        var list = new List<ReportStanding>();
        for (var year = call.FirstYear; year <= call.LastYear; year++)
        {
            foreach (var application in approved.OrderBy(a => names.GetValueOrDefault(a.PartnershipId), StringComparer.Ordinal))
            {
                var report = reports.FirstOrDefault(r => r.PartnershipId == application.PartnershipId && r.Year == year);
                if (report is null && !ReportDeadlines.Reportable(year, today))
                {
                    continue;
                }

                var due = version.ReportDue(year);
                var extension = extensions.FirstOrDefault(e => e.PartnershipId == application.PartnershipId && e.Year == year)?.Until;
                var lastDay = ReportDeadlines.LastDay(due, extension);
                DateOnly? submittedOn = report?.FirstSubmittedAtUtc is { } at ? DateOnly.FromDateTime(BrusselsClock.InBrussels(at).DateTime) : null;
                list.Add(new ReportStanding(
                    callId, call.Code, application.PartnershipId, names.GetValueOrDefault(application.PartnershipId, ""), application.Id, year, due, extension, lastDay,
                    report?.Id, report?.Status, report?.FirstSubmittedAtUtc, ReportDeadlines.Timing(today, lastDay, submittedOn)));
            }
        }

        return list;
    }

    /// <summary>
    /// The department gives a partnership more time for its report on a year (R15): a later last day than the call's,
    /// with a reason. Granting again moves it. 404 for an unknown call or partnership, 400 naming the field otherwise.
    /// </summary>
    public async Task<Result<ReportExtension>> GrantExtensionAsync(int callId, int partnershipId, int year, DateOnly? until, string? reason, CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, ct);
        if (call is null)
        {
            return CallService.CallNotFound(callId);
        }

        if (!await db.Partnerships.AnyAsync(p => p.Id == partnershipId, ct))
        {
            return DomainError.NotFound($"Regieverband {partnershipId} bestaat niet.", $"Partnership {partnershipId} does not exist.");
        }

        var errors = new List<DomainError>();
        if (year < call.FirstYear || year > call.LastYear)
        {
            errors.Add(DomainError.Invalid("outside-call", $"Jaar: {year} valt buiten de oproep {call.Code}.", $"Year: {year} is outside call {call.Code}.", "year"));
        }

        var due = call.CurrentVersion.ReportDue(Math.Clamp(year, call.FirstYear, call.LastYear));
        if (until is not { } u || u <= due)
        {
            errors.Add(DomainError.Rule(Rules.R15, $"R15: uitstel tot: een datum na de termijn van de oproep ({Formats.Date(due)}).", $"R15: extended until: a date after the call's deadline ({Formats.Date(due)}).", "until"));
        }

        var why = InputText.Clean(reason, int.MaxValue);
        if (why is null || why.Length > 1000)
        {
            errors.Add(DomainError.Invalid("validation", "Reden: verplicht, hoogstens 1.000 tekens.", "Reason: required, at most 1,000 characters.", "reason"));
        }

        if (errors.Count > 0)
        {
            return Result<ReportExtension>.Fail(errors);
        }

        await using var tx = await db.TransactionAsync(ct);
        var extension = await db.ReportExtensions.FirstOrDefaultAsync(e => e.CallId == callId && e.PartnershipId == partnershipId && e.Year == year, ct);
        if (extension is null)
        {
            extension = ReportExtension.Grant(callId, partnershipId, year, until!.Value, why!, actor.Actor.UserId, clock.UtcNow);
            db.ReportExtensions.Add(extension);
            await db.SaveChangesAsync(ct);
            audit.Record(new ReportExtensionGranted(extension.Id, ReportExtensionSnapshot.Of(extension)));
        }
        else
        {
            var before = ReportExtensionSnapshot.Of(extension);
            extension.Move(until!.Value, why!, actor.Actor.UserId, clock.UtcNow);
            audit.Record(new ReportExtensionMoved(extension.Id, before, ReportExtensionSnapshot.Of(extension)));
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<ReportExtension>.Ok(extension);
    }

    /// <summary>
    /// A case handler's evaluation of a submitted report (R16), per priority and overall: accept (the year's planned
    /// balance payments are planned <see cref="BalanceAfterDays"/> days on); clarify (manifestly unclear: an adapted
    /// report or further motivation is asked by the response date); or refuse (not used for its purpose: at least one
    /// priority pursued insufficiently), which stops every further payment of the call to the partnership and decides a
    /// reclaim of everything paid, due <see cref="ReclaimDueAfterDays"/> days on unless given. One transaction: all or
    /// nothing. Always with a motivation; the partnership is notified.
    /// </summary>
    public async Task<Result<AnnualReport>> EvaluateAsync(int id, ReportEvaluationInput input, int expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        db.ChangeTracker.Clear();
        ReportStep? step = input.Decision?.Trim().ToLowerInvariant() switch
        {
            "accept" => ReportStep.Accept,
            "clarify" => ReportStep.RequestClarification,
            "refuse" => ReportStep.Refuse,
            _ => null,
        };
        var errors = new List<DomainError>();
        if (step is null)
        {
            errors.Add(DomainError.Invalid("validation", "Beoordeling: accept, clarify of refuse.", "Decision: accept, clarify or refuse.", "decision"));
        }

        var why = InputText.Clean(input.Motivation, int.MaxValue);
        if (why is null || why.Length > 4000)
        {
            errors.Add(DomainError.Invalid("validation", "Motivering: verplicht, hoogstens 4.000 tekens (R16).", "Motivation: required, at most 4,000 characters (R16).", "motivation"));
        }

        if (step == ReportStep.RequestClarification && (input.ResponseDue is null || input.ResponseDue < clock.Today))
        {
            errors.Add(DomainError.Invalid("validation", "Antwoord tegen: een datum vanaf vandaag.", "Response due: a date from today.", "responseDue"));
        }

        if (step == ReportStep.Refuse && input.ReclaimDue is { } reclaimDue && reclaimDue < clock.Today)
        {
            errors.Add(DomainError.Invalid("validation", "Terug te betalen tegen: een datum vanaf vandaag.", "Reclaim due: a date from today.", "reclaimDue"));
        }

        var report = await db.AnnualReports.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return NotFound(id);
        }

        var call = await db.Calls.AsNoTracking().FirstAsync(c => c.Id == report.CallId, ct);
        var judged = step is null ? null : ReportRules.CheckEvaluation(step.Value, call.CurrentVersion.PriorityCodes, input.Priorities);
        if (judged is { IsSuccess: false })
        {
            errors.AddRange(judged.Errors);
        }

        if (errors.Count > 0)
        {
            return Result<AnnualReport>.Fail(errors);
        }

        if (!ReportRules.Allows(report.Status, step!.Value))
        {
            return Conflict(report, step.Value);
        }

        var to = step switch
        {
            ReportStep.Accept => ReportStatus.Accepted,
            ReportStep.RequestClarification => ReportStatus.ClarificationRequested,
            _ => ReportStatus.NotUsedForPurpose,
        };
        await using var tx = await db.TransactionAsync(ct);
        var moved = await MoveAsync(report, expectedVersion, ReportAuditActions.Evaluated, r => r.Evaluate(to, why!, input.ResponseDue, judged!.Value!, clock.UtcNow), ct, async r =>
        {
            var name = await db.Partnerships.AsNoTracking().Where(p => p.Id == r.PartnershipId).Select(p => p.Name).FirstAsync(ct);
            await notifications.StageAsync(ReportNotifications.Evaluated(r, name), await RecipientsAsync(r, ct), ct);
        });
        if (!moved.IsSuccess)
        {
            return moved;
        }

        var today = clock.Today;
        var (_, periodEnd) = Grants.GrantRules.Period(call.FirstYear, call.LastYear);
        if (to == ReportStatus.Accepted)
        {
            await payments.PlanBalanceAsync(report.CallId, report.PartnershipId, report.Year, Min(today.AddDays(BalanceAfterDays), periodEnd), ct);
            await db.SaveChangesAsync(ct);
        }
        else if (to == ReportStatus.NotUsedForPurpose)
        {
            var reference = ReportRules.DecisionReference(report);
            var decision = $"{reference}: jaarverslag {report.Year}, subsidie niet aangewend voor het doel";

            // R16: no further subsidy of the call. A stop decided before stands (its error says so).
            var stop = await payments.StopAsync(report.CallId, report.PartnershipId, today, decision, why, ct);
            if (!stop.IsSuccess && stop.Errors.Any(e => e.Code != Rules.R16))
            {
                return Result<AnnualReport>.Fail(stop.Errors);
            }

            // R16: and what was paid is reclaimed (nothing when nothing was paid, or all was reclaimed before).
            var paid = await db.Payments.AnyAsync(p => p.CallId == report.CallId && p.PartnershipId == report.PartnershipId && p.Status == Grants.PaymentStatus.Paid, ct);
            if (paid)
            {
                var due = input.ReclaimDue ?? Min(today.AddDays(ReclaimDueAfterDays), periodEnd);
                var reclaim = await reclaims.DecideAsync(report.CallId, new Grants.ReclaimInput(report.PartnershipId, decision, today, due, why), ct);
                if (!reclaim.IsSuccess && !(reclaim.Errors.All(e => e.Code == Rules.R16 && e.Field == "amount") && await AllReclaimedAsync(report, ct)))
                {
                    return Result<AnnualReport>.Fail(reclaim.Errors);
                }
            }

            report = await db.AnnualReports.AsNoTracking().FirstAsync(r => r.Id == id, ct);
        }

        await tx.CommitAsync(ct);
        return Result<AnnualReport>.Ok(report);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private async Task<bool> AllReclaimedAsync(AnnualReport report, CancellationToken ct)
    {
        var paid = await db.Payments.AsNoTracking().Where(p => p.CallId == report.CallId && p.PartnershipId == report.PartnershipId && p.Status == Grants.PaymentStatus.Paid).Select(p => p.Amount).ToListAsync(ct);
        var reclaimed = (await reclaims.ListAsync(report.CallId, report.PartnershipId, ct)).SelectMany(r => r.Years).Select(y => y.Amount).ToList();
        return paid.Aggregate(Money.Zero, (s, a) => s + a) <= reclaimed.Aggregate(Money.Zero, (s, a) => s + a);
    }

    /// <summary>Who hears of a report on the partnership's side: its accounts, and the application's regisseur and signatory.</summary>
    private async Task<IReadOnlyList<Recipient>> RecipientsAsync(AnnualReport report, CancellationToken ct)
    {
        var application = await db.Applications.AsNoTracking().IgnoreAutoIncludes().FirstAsync(a => a.Id == report.ApplicationId, ct);
        return await notifications.DossierRecipientsAsync(application, ct);
    }

    private async Task<Result<AnnualReport>> MoveAsync(AnnualReport report, int expectedVersion, string auditAction, Action<AnnualReport> move, CancellationToken ct, Func<AnnualReport, Task>? notify = null)
    {
        var before = AnnualReportSnapshot.Of(report);
        db.ExpectVersion(report, expectedVersion);
        move(report);
        audit.Record(new AnnualReportMoved(report.Id, auditAction, before, AnnualReportSnapshot.Of(report)));
        if (notify is not null)
        {
            await notify(report);
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return Result<AnnualReport>.Ok(report);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return DomainError.Conflict("concurrency", "Iemand anders wijzigde dit jaarverslag intussen; herlaad en probeer opnieuw.", "Someone else changed this annual report in the meantime; reload and try again.");
        }
    }

    private static DomainError Conflict(AnnualReport report, ReportStep step) => DomainError.Conflict(
        "status",
        $"Een jaarverslag met status '{ReportRules.Label(report.Status).Nl}' kan je niet {ReportRules.Label(step).Nl}.",
        $"An annual report with status '{ReportRules.Label(report.Status).En}' cannot be {ReportRules.Label(step).En}.");

    /// <summary>409: the report's status does not let the partnership change it.</summary>
    internal static DomainError Editable(AnnualReport report) => DomainError.Conflict(
        "status",
        $"Een jaarverslag met status '{ReportRules.Label(report.Status).Nl}' kan je niet wijzigen.",
        $"An annual report with status '{ReportRules.Label(report.Status).En}' cannot be changed.");

    private static (ReportOutcome Outcome, Money? Cost) Parse(ReportedActionInput input, List<DomainError> errors)
    {
        ReportOutcome? outcome = input.Outcome?.Trim().ToLowerInvariant() switch
        {
            "carried-out" => ReportOutcome.CarriedOut,
            "not-carried-out" => ReportOutcome.NotCarriedOut,
            "unplanned" => ReportOutcome.Unplanned,
            _ => null,
        };
        if (outcome is null)
        {
            errors.Add(DomainError.Invalid("validation", "Uitgevoerd: carried-out, not-carried-out of unplanned.", "Outcome: carried-out, not-carried-out or unplanned.", "outcome"));
        }

        if (string.IsNullOrWhiteSpace(input.ShortDescription))
        {
            errors.Add(DomainError.Rule(Rules.R11, "R11: de korte omschrijving ontbreekt.", "R11: the short description is missing.", "shortDescription"));
        }

        foreach (var (field, text) in new[] { ("shortDescription", input.ShortDescription), ("longDescription", input.LongDescription), ("comment", input.Comment), ("reason", input.Reason) })
        {
            if (text?.Length > PlanRules.LongTextMaxLength)
            {
                errors.Add(DomainError.Rule(Rules.R11, $"R11: hoogstens {Formats.Count(PlanRules.LongTextMaxLength, Formats.Dutch)} tekens.", $"R11: at most {PlanRules.LongTextMaxLength:N0} characters.", field));
            }
        }

        if (!PriorityCode.TryParse(input.Code.AsSpan(), out _))
        {
            errors.Add(PriorityCode.IsLapsed(input.Code ?? "")
                ? DomainError.Rule(Rules.R12, $"R12: de code {PriorityCode.Lapsed} is vanaf 2023 vervallen; kies een WSE-LR-code.", $"R12: the code {PriorityCode.Lapsed} lapsed in 2023; choose a WSE-LR code.", "code")
                : DomainError.Rule(Rules.R11, "R11: code: WSE-LR1, WSE-LR2, WSE-LR3 of WSE-LR4.", "R11: code: WSE-LR1, WSE-LR2, WSE-LR3 or WSE-LR4.", "code"));
        }

        Money? cost = null;
        if (!string.IsNullOrWhiteSpace(input.Cost))
        {
            if (PlanAmount.TryParse(input.Cost, out var c) != PlanAmountProblem.None)
            {
                errors.Add(DomainError.Rule(Rules.R15, "R15: kosten: een bedrag van nul of meer, bv. 12.500,00.", "R15: cost: an amount of zero or more, e.g. 12500.00.", "cost"));
            }
            else
            {
                cost = c;
            }
        }

        return (outcome ?? ReportOutcome.CarriedOut, cost);
    }

    private static void Apply(ReportedAction action, ReportedActionInput input, ReportOutcome outcome, Money? cost)
    {
        action.ShortDescription = input.ShortDescription!.Trim();
        action.LongDescription = InputText.Clean(input.LongDescription, PlanRules.LongTextMaxLength);
        action.Comment = InputText.Clean(input.Comment, PlanRules.LongTextMaxLength);
        action.Code = input.Code!.Trim().ToUpperInvariant();
        action.PolicyGoal = InputText.Clean(input.PolicyGoal, PlanRules.LongTextMaxLength) ?? action.PolicyGoal;
        action.ActionPlan = InputText.Clean(input.ActionPlan, PlanRules.LongTextMaxLength) ?? action.ActionPlan;
        action.Outcome = outcome;
        action.NotCarriedOutReason = outcome == ReportOutcome.NotCarriedOut ? InputText.Clean(input.Reason, PlanRules.LongTextMaxLength) : null;
        action.Cost = outcome == ReportOutcome.NotCarriedOut ? null : cost;
    }
}
