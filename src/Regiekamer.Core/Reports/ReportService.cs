using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Applications.Plan;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;

namespace Regiekamer.Core.Reports;

/// <summary>A reported action as entered: its texts and code, what became of it (carried-out, not-carried-out, unplanned), why not, and its cost.</summary>
public sealed record ReportedActionInput(string? ShortDescription, string? LongDescription, string? Comment, string? Code, string? Outcome, string? Reason, string? Cost, string? PolicyGoal = null, string? ActionPlan = null);

/// <summary>
/// The year's reports (R15), as far as issue 9's point 3 is built: a report starts from the partnership's approved plan
/// (every action that runs that year, with its planned amount), its actions are reported (updated, not carried out
/// with a reason, with their cost) and unplanned ones added, and it is checked as <see cref="ReportRules.Check"/> says.
/// The signatory submits it when nothing blocks; a case handler evaluates it (R16): accepted, clarification asked with
/// a response date, or not used for its purpose, which stops the partnership's further payments of the call. The
/// deadline and its reminders come next.
/// </summary>
public sealed class ReportService(RegiekamerDb db, AuditTrail audit, BrusselsClock clock, Grants.PaymentService payments)
{
    public const string AuditEntity = "AnnualReport";

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

    /// <summary>The signatory hands the report in: 422 with every violation (R10, R11, R12, R15) when something blocks.</summary>
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

        return await MoveAsync(report, expectedVersion, ReportAuditActions.Submitted, r => r.Submit(clock.UtcNow), ct);
    }

    /// <summary>
    /// A case handler's evaluation of a submitted report (R16): accept; clarify (manifestly unclear: an adapted report
    /// or further motivation is asked by <paramref name="responseDue"/>); or refuse (not used for its purpose), which
    /// stops every further payment of the call to the partnership. Always with a motivation.
    /// </summary>
    public async Task<Result<AnnualReport>> EvaluateAsync(int id, string? decision, string? motivation, DateOnly? responseDue, int expectedVersion, CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        ReportStep? step = decision?.Trim().ToLowerInvariant() switch
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

        var why = InputText.Clean(motivation, int.MaxValue);
        if (why is null || why.Length > 4000)
        {
            errors.Add(DomainError.Invalid("validation", "Motivering: verplicht, hoogstens 4.000 tekens (R16).", "Motivation: required, at most 4,000 characters (R16).", "motivation"));
        }

        if (step == ReportStep.RequestClarification && (responseDue is null || responseDue < clock.Today))
        {
            errors.Add(DomainError.Invalid("validation", "Antwoord tegen: een datum vanaf vandaag.", "Response due: a date from today.", "responseDue"));
        }

        if (errors.Count > 0)
        {
            return Result<AnnualReport>.Fail(errors);
        }

        var report = await db.AnnualReports.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return NotFound(id);
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
        var moved = await MoveAsync(report, expectedVersion, ReportAuditActions.Evaluated, r => r.Evaluate(to, why!, responseDue, clock.UtcNow), ct);
        if (moved.IsSuccess && to == ReportStatus.NotUsedForPurpose)
        {
            // R16: no further subsidy of the call. A stop decided before stands (its error says so); anything else is a bug.
            var stop = await payments.StopAsync(report.CallId, report.PartnershipId, clock.Today, $"Jaarverslag {report.Year}: subsidie niet aangewend voor het doel", why, ct);
            if (!stop.IsSuccess && stop.Errors.Any(e => e.Code != Rules.R16))
            {
                return Result<AnnualReport>.Fail(stop.Errors);
            }
        }

        return moved;
    }

    private async Task<Result<AnnualReport>> MoveAsync(AnnualReport report, int expectedVersion, string auditAction, Action<AnnualReport> move, CancellationToken ct)
    {
        var before = AnnualReportSnapshot.Of(report);
        db.ExpectVersion(report, expectedVersion);
        move(report);
        audit.Record(new AnnualReportMoved(report.Id, auditAction, before, AnnualReportSnapshot.Of(report)));
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

    private static DomainError Editable(AnnualReport report) => DomainError.Conflict(
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
