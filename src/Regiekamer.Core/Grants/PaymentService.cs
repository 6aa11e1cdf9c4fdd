using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Applications.Plan;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.Reports;

namespace Regiekamer.Core.Grants;

/// <summary>A payment as entered: the grant it pays (a decree line in force), its date and amount.</summary>
public sealed record PaymentInput(int DecreeLineId, DateOnly? PlannedDate, string? Amount);

/// <summary>A step in a payment's life as entered: the action, the version read, and what the step needs.</summary>
public sealed record PaymentStep(string? Action, int Version, DateOnly? PaidOn = null, string? BankReference = null, string? Reason = null);

/// <summary>A payment with whom it pays: the decree line's beneficiary, KBO number and bank account, and the decree.</summary>
public sealed record PaymentView(Payment Payment, DecreeLine Line, string DecreeNumber);

/// <summary>
/// The payments of the grants: planned when a decree is signed (or by hand within what is left), then proposed,
/// approved by someone else (four eyes), ordered (the payment-order export), and paid or failed. A payment never
/// exceeds what is granted and not yet committed, and an R16 stop blocks every later step that moves money. Two people
/// acting on one grant at once cannot both pass: the grant's ledger version serialises them, the payment's version
/// refuses a stale step (409).
/// </summary>
public sealed class PaymentService(RegiekamerDb db, AuditTrail audit, BrusselsClock clock, CurrentActor actor, DecreeService decrees)
{
    public const string AuditEntity = "Payment";

    public const string StopAuditEntity = "PaymentStop";

    /// <summary>"RK-BET-2023-0007-1": the year, the partnership, the payment's number within that grant.</summary>
    public static string ReferenceOf(int year, int partnershipId, int n) => string.Create(CultureInfo.InvariantCulture, $"RK-BET-{year}-{partnershipId:D4}-{n}");

    public static DomainError NotFound(int id) => DomainError.NotFound($"Betaling {id} bestaat niet.", $"Payment {id} does not exist.");

    public async Task<List<PaymentView>> ListAsync(int? callId = null, int? partnershipId = null, PaymentStatus? status = null, int? year = null, CancellationToken ct = default)
    {
        var rows = await (from p in db.Payments.AsNoTracking()
                          join l in db.DecreeLines.AsNoTracking() on p.DecreeLineId equals l.Id
                          join d in db.Decrees.AsNoTracking().IgnoreAutoIncludes() on l.DecreeId equals d.Id
                          where (callId == null || p.CallId == callId)
                             && (partnershipId == null || p.PartnershipId == partnershipId)
                             && (status == null || p.Status == status)
                             && (year == null || p.Year == year)
                          orderby p.Year, p.PlannedDate, p.Id
                          select new { p, l, d.Number }).ToListAsync(ct);
        return rows.Select(r => new PaymentView(r.p, r.l, r.Number)).ToList();
    }

    public async Task<PaymentView?> GetAsync(int id, CancellationToken ct = default) =>
        (await ByIdsAsync([id], ct)).FirstOrDefault();

    private async Task<List<PaymentView>> ByIdsAsync(int[] ids, CancellationToken ct)
    {
        var rows = await (from p in db.Payments.AsNoTracking()
                          join l in db.DecreeLines.AsNoTracking() on p.DecreeLineId equals l.Id
                          join d in db.Decrees.AsNoTracking().IgnoreAutoIncludes() on l.DecreeId equals d.Id
                          where ids.Contains(p.Id)
                          select new { p, l, d.Number }).ToListAsync(ct);
        return rows.Select(r => new PaymentView(r.p, r.l, r.Number)).ToList();
    }

    /// <summary>The partnership a payment belongs to (the partnership gate's question), or null when it does not exist.</summary>
    public Task<int?> PartnershipOfAsync(int id, CancellationToken ct = default) =>
        db.Payments.AsNoTracking().Where(p => p.Id == id).Select(p => (int?)p.PartnershipId).FirstOrDefaultAsync(ct);

    public Task<List<PaymentStop>> StopsAsync(int? callId = null, CancellationToken ct = default) =>
        db.PaymentStops.AsNoTracking().Where(s => callId == null || s.CallId == callId).OrderBy(s => s.Id).ToListAsync(ct);

    /// <summary>Plans one more payment of a grant in force, within what is left of it (R13).</summary>
    public async Task<Result<Payment>> PlanAsync(PaymentInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        Fresh();
        var line = await db.DecreeLines.FirstOrDefaultAsync(l => l.Id == input.DecreeLineId, ct);
        if (line is null)
        {
            return DomainError.NotFound($"Besluitlijn {input.DecreeLineId} bestaat niet.", $"Decree line {input.DecreeLineId} does not exist.");
        }

        var decree = await db.Decrees.AsNoTracking().IgnoreAutoIncludes().FirstAsync(d => d.Id == line.DecreeId, ct);
        var inForce = await decrees.InForceAsync(decree.CallId, ct);
        if (!inForce.Any(d => d.Id == decree.Id))
        {
            return DomainError.Rule(Rules.R13, $"Besluit {decree.Number} is niet (meer) in werking: betalingen volgen het ondertekende besluit in werking.", $"Decree {decree.Number} is not in force: payments follow the signed decree in force.", "decreeLineId");
        }

        var call = await db.Calls.AsNoTracking().IgnoreAutoIncludes().FirstAsync(c => c.Id == decree.CallId, ct);
        var errors = new List<DomainError>();
        var amount = ParseAmount(input.Amount, errors);
        var date = CheckPlannedDate(input.PlannedDate, call.FirstYear, call.LastYear, errors);
        if (await StoppedAsync(decree.CallId, line.PartnershipId, ct) is { } stop)
        {
            errors.Add(Stopped(stop));
        }

        var existing = await db.Payments.Where(p => p.CallId == decree.CallId && p.Year == decree.Year && p.PartnershipId == line.PartnershipId).ToListAsync(ct);
        if (errors.Count == 0 && GrantRules.CheckPayment(amount, GrantRules.Room(line.Amount, existing.Select(p => (p.Amount, p.Status)))) is { } over)
        {
            errors.Add(over);
        }

        if (errors.Count > 0)
        {
            return Result<Payment>.Fail(errors);
        }

        var now = clock.UtcNow;
        var payment = Payment.Plan(decree.CallId, decree.Year, line.PartnershipId, line.Id, PaymentKind.Whole, date, amount, ReferenceOf(decree.Year, line.PartnershipId, existing.Count + 1), now);
        line.LedgerVersion++;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Payments.Add(payment);
        var saved = await SaveAsync(payment, ct);
        if (!saved.IsSuccess)
        {
            return saved;
        }

        audit.Record(new PaymentPlanned(payment.Id, PaymentSnapshot.Of(payment)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return saved;
    }

    /// <summary>Changes a planned payment's date and amount, within what is left of the grant besides it.</summary>
    public async Task<Result<Payment>> RescheduleAsync(int id, DateOnly? plannedDate, string? amountText, int expectedVersion, CancellationToken ct = default)
    {
        Fresh();
        var payment = await db.Payments.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (payment is null)
        {
            return NotFound(id);
        }

        var transition = PaymentLifecycle.Transition(payment.Status, PaymentAction.Edit);
        if (!transition.IsSuccess)
        {
            return Result<Payment>.Fail(transition.Errors);
        }

        var call = await db.Calls.AsNoTracking().IgnoreAutoIncludes().FirstAsync(c => c.Id == payment.CallId, ct);
        var errors = new List<DomainError>();
        var amount = ParseAmount(amountText, errors);
        var date = CheckPlannedDate(plannedDate, call.FirstYear, call.LastYear, errors);
        var line = await GrantLineAsync(payment, ct);
        if (errors.Count == 0 && await RoomBesidesAsync(payment, line, ct) is var room && GrantRules.CheckPayment(amount, room) is { } over)
        {
            errors.Add(over);
        }

        if (errors.Count > 0)
        {
            return Result<Payment>.Fail(errors);
        }

        var before = PaymentSnapshot.Of(payment);
        db.ExpectVersion(payment, expectedVersion);
        payment.Reschedule(date, amount, clock.UtcNow);
        line.LedgerVersion++;
        audit.Record(new PaymentChanged(id, AuditActions.Updated, before, PaymentSnapshot.Of(payment)));
        return await SaveAsync(payment, ct);
    }

    /// <summary>One step of a payment's life (propose, approve, return, order, mark-paid, mark-failed).</summary>
    public async Task<Result<Payment>> ActAsync(int id, PaymentStep step, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        Fresh();
        if (ParseAction(step.Action) is not { } action)
        {
            return DomainError.Invalid("validation", "Stap: kies propose, approve, return, order, mark-paid of mark-failed.", "Action: choose propose, approve, return, order, mark-paid or mark-failed.", "action");
        }

        var payment = await db.Payments.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (payment is null)
        {
            return NotFound(id);
        }

        var who = actor.Actor.UserId;
        if (action is PaymentAction.Propose or PaymentAction.Approve && who is null)
        {
            return DomainError.Forbidden("Vier ogen: een betaling voorstellen of goedkeuren kan enkel een aangemelde persoon.", "Four eyes: only a signed-in person can propose or approve a payment.");
        }

        if (action == PaymentAction.Approve && payment.ProposedByUserId == who)
        {
            return PaymentLifecycle.FourEyes();
        }

        var transition = PaymentLifecycle.Transition(payment.Status, action);
        if (!transition.IsSuccess)
        {
            return Result<Payment>.Fail(transition.Errors);
        }

        var errors = new List<DomainError>();
        if (PaymentLifecycle.MovesMoney(action) && await StoppedAsync(payment.CallId, payment.PartnershipId, ct) is { } stop)
        {
            errors.Add(Stopped(stop));
        }

        if (action == PaymentAction.Propose && payment.Kind == PaymentKind.Balance
            && !await db.AnnualReports.AnyAsync(r => r.CallId == payment.CallId && r.PartnershipId == payment.PartnershipId && r.Year == payment.Year && r.Status == ReportStatus.Accepted, ct))
        {
            errors.Add(DomainError.Rule(
                Rules.R16,
                $"R16: het saldo voor {payment.Year} volgt op het aanvaarde jaarverslag {payment.Year}; dat is er nog niet.",
                $"R16: the balance for {payment.Year} follows the accepted {payment.Year} annual report; there is none yet.",
                "kind"));
        }

        var line = await GrantLineAsync(payment, ct);
        if (action == PaymentAction.Propose && payment.Status == PaymentStatus.Failed && GrantRules.CheckPayment(payment.Amount, await RoomBesidesAsync(payment, line, ct)) is { } over)
        {
            errors.Add(over);
        }

        DateOnly? paidOn = null;
        if (action == PaymentAction.MarkPaid)
        {
            var call = await db.Calls.AsNoTracking().IgnoreAutoIncludes().FirstAsync(c => c.Id == payment.CallId, ct);
            if (step.PaidOn is not { } on)
            {
                errors.Add(DomainError.Invalid("validation", "Betaald op: verplicht.", "Paid on: required.", "paidOn"));
            }
            else if (GrantRules.CheckDate(on, call.FirstYear, call.LastYear, "paidOn") is { } outside)
            {
                errors.Add(outside);
            }
            else if (on > clock.Today)
            {
                errors.Add(DomainError.Invalid("validation", "Betaald op: ligt in de toekomst.", "Paid on: is in the future.", "paidOn"));
            }

            paidOn = step.PaidOn;
        }

        var reason = step.Reason?.Trim();
        if (action == PaymentAction.MarkFailed && string.IsNullOrEmpty(reason))
        {
            errors.Add(DomainError.Invalid("validation", "Reden: zeg waarom de betaling mislukte.", "Reason: say why the payment failed.", "reason"));
        }

        if (errors.Count > 0)
        {
            return Result<Payment>.Fail(errors);
        }

        var before = PaymentSnapshot.Of(payment);
        db.ExpectVersion(payment, step.Version);
        payment.Apply(action, transition.Value, who, clock.UtcNow, paidOn, InputText.Clean(step.BankReference, 100), InputText.Clean(reason, 1000));
        line.LedgerVersion++;
        audit.Record(new PaymentChanged(id, PaymentAuditActions.Of(action), before, PaymentSnapshot.Of(payment)));
        return await SaveAsync(payment, ct);
    }

    /// <summary>
    /// The year's report was accepted: the planned balance payments of that year (the call's schedule holds them back
    /// until then) are planned <paramref name="on"/>. Saved with the caller's change.
    /// </summary>
    public async Task<int> PlanBalanceAsync(int callId, int partnershipId, int year, DateOnly on, CancellationToken ct = default)
    {
        var balances = await db.Payments.Where(p => p.CallId == callId && p.PartnershipId == partnershipId && p.Year == year && p.Kind == PaymentKind.Balance && p.Status == PaymentStatus.Planned).ToListAsync(ct);
        foreach (var payment in balances)
        {
            var before = PaymentSnapshot.Of(payment);
            payment.Reschedule(on, payment.Amount, clock.UtcNow);
            audit.Record(new PaymentChanged(payment.Id, AuditActions.Updated, before, PaymentSnapshot.Of(payment)));
        }

        return balances.Count;
    }

    /// <summary>R16: no further payment of the call to this partnership; every later proposal, approval and order is refused.</summary>
    public async Task<Result<PaymentStop>> StopAsync(int callId, int partnershipId, DateOnly? decidedOn, string? decision, string? motivation, CancellationToken ct = default)
    {
        var errors = new List<DomainError>();
        if (decidedOn is null)
        {
            errors.Add(DomainError.Invalid("validation", "Beslist op: verplicht.", "Decided on: required.", "decidedOn"));
        }

        var d = InputText.Clean(decision, 200);
        if (d is null)
        {
            errors.Add(DomainError.Invalid("validation", "Beslissing: de referentie van de beslissing waarop de stopzetting steunt.", "Decision: the reference of the decision the stop rests on.", "decision"));
        }

        var m = InputText.Clean(motivation, 4000);
        if (m is null)
        {
            errors.Add(DomainError.Invalid("validation", "Motivering: verplicht (R16).", "Motivation: required (R16).", "motivation"));
        }

        if (errors.Count > 0)
        {
            return Result<PaymentStop>.Fail(errors);
        }

        if (!await db.Partnerships.AnyAsync(p => p.Id == partnershipId, ct))
        {
            return DomainError.NotFound($"Regieverband {partnershipId} bestaat niet.", $"Partnership {partnershipId} does not exist.");
        }

        if (await StoppedAsync(callId, partnershipId, ct) is { } existing)
        {
            return Stopped(existing);
        }

        var stop = PaymentStop.Decide(callId, partnershipId, decidedOn!.Value, d!, m!, actor.Actor.UserId, clock.UtcNow);
        await using var tx = await db.TransactionAsync(ct);
        db.PaymentStops.Add(stop);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await StoppedAsync(callId, partnershipId, ct) is { } first)
            {
                return Stopped(first);
            }

            throw;
        }

        audit.Record(new PaymentStopDecided(stop.Id, new PaymentStopSnapshot(callId, partnershipId, stop.DecidedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), stop.Decision, stop.Motivation)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<PaymentStop>.Ok(stop);
    }

    public static PaymentAction? ParseAction(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "propose" => PaymentAction.Propose,
        "approve" => PaymentAction.Approve,
        "return" => PaymentAction.Return,
        "order" => PaymentAction.Order,
        "mark-paid" => PaymentAction.MarkPaid,
        "mark-failed" => PaymentAction.MarkFailed,
        _ => null,
    };

    public static string Code(PaymentAction action) => action switch
    {
        PaymentAction.Propose => "propose",
        PaymentAction.Approve => "approve",
        PaymentAction.Return => "return",
        PaymentAction.Order => "order",
        PaymentAction.MarkPaid => "mark-paid",
        PaymentAction.MarkFailed => "mark-failed",
        _ => "edit",
    };

    /// <summary>
    /// Each write is a unit of work on what is stored now: the room check and the grant's ledger version must not rest
    /// on entities this context read in an earlier call (as a long-lived context in the CLI or a test would hold).
    /// </summary>
    private void Fresh() => db.ChangeTracker.Clear();

    private Task<PaymentStop?> StoppedAsync(int callId, int partnershipId, CancellationToken ct) =>
        db.PaymentStops.AsNoTracking().FirstOrDefaultAsync(s => s.CallId == callId && s.PartnershipId == partnershipId, ct);

    private static DomainError Stopped(PaymentStop stop) => DomainError.Rule(
        Rules.R16,
        $"R16: de betalingen aan dit regieverband voor deze oproep zijn stopgezet op {stop.DecidedOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} ({stop.Decision}).",
        $"R16: payments to this partnership for this call were stopped on {stop.DecidedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} ({stop.Decision}).");

    /// <summary>The grant in force a payment counts against (its own decree line, or the line that replaced it by amendment).</summary>
    private async Task<DecreeLine> GrantLineAsync(Payment payment, CancellationToken ct)
    {
        var inForce = (await decrees.InForceAsync(payment.CallId, ct)).FirstOrDefault(d => d.Year == payment.Year);
        var line = inForce is null
            ? await db.DecreeLines.FirstAsync(l => l.Id == payment.DecreeLineId, ct)
            : await db.DecreeLines.FirstOrDefaultAsync(l => l.DecreeId == inForce.Id && l.PartnershipId == payment.PartnershipId, ct)
                ?? await db.DecreeLines.FirstAsync(l => l.Id == payment.DecreeLineId, ct);
        return line;
    }

    private async Task<Money> RoomBesidesAsync(Payment payment, DecreeLine line, CancellationToken ct)
    {
        var others = await db.Payments.AsNoTracking().Where(p => p.CallId == payment.CallId && p.Year == payment.Year && p.PartnershipId == payment.PartnershipId && p.Id != payment.Id).Select(p => new { p.Amount, p.Status }).ToListAsync(ct);
        return GrantRules.Room(line.Amount, others.Select(o => (o.Amount, o.Status)));
    }

    private static Money ParseAmount(string? text, List<DomainError> errors)
    {
        if (PlanAmount.TryParse(text, out var amount) != PlanAmountProblem.None || amount.Cents <= 0)
        {
            errors.Add(DomainError.Invalid("validation", "Bedrag: een bedrag groter dan nul, bv. 35.000,00.", "Amount: an amount more than zero, e.g. 35000.00.", "amount"));
        }

        return amount;
    }

    private static DateOnly CheckPlannedDate(DateOnly? date, int firstYear, int lastYear, List<DomainError> errors)
    {
        if (date is not { } d)
        {
            errors.Add(DomainError.Invalid("validation", "Geplande datum: verplicht.", "Planned date: required.", "plannedDate"));
            return default;
        }

        if (GrantRules.CheckDate(d, firstYear, lastYear, "plannedDate") is { } outside)
        {
            errors.Add(outside);
        }

        return d;
    }

    private async Task<Result<Payment>> SaveAsync(Payment payment, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Result<Payment>.Ok(payment);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return DomainError.Conflict("concurrency", $"Betaling {payment.Reference} of de toekenning ervan werd intussen door iemand anders gewijzigd; herlaad en probeer opnieuw.", $"Payment {payment.Reference} or its grant was changed by someone else in the meantime; reload and try again.");
        }
    }
}
