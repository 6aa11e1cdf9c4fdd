using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Applications.Plan;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Partnerships;

namespace Regiekamer.Core.Grants;

/// <summary>A reclaim as decided: the decision, its date, the due date, a motivation, and an amount (empty: everything paid).</summary>
public sealed record ReclaimInput(int PartnershipId, string? Decision, DateOnly? DecidedOn, DateOnly? DueDate, string? Motivation, string? Amount = null);

/// <summary>
/// Reclaims (R16): decided (by default everything paid for the call, per year; less with a motivation), claimed, paid
/// back in one or more parts, or written off. A reclaim never exceeds what was paid, a repayment never what is open.
/// </summary>
public sealed class ReclaimService(RegiekamerDb db, AuditTrail audit, BrusselsClock clock, CurrentActor actor)
{
    public const string AuditEntity = "Reclaim";

    public static DomainError NotFound(int id) => DomainError.NotFound($"Terugvordering {id} bestaat niet.", $"Reclaim {id} does not exist.");

    public Task<List<Reclaim>> ListAsync(int? callId = null, int? partnershipId = null, CancellationToken ct = default) =>
        db.Reclaims.AsNoTracking().Where(r => (callId == null || r.CallId == callId) && (partnershipId == null || r.PartnershipId == partnershipId)).OrderBy(r => r.Id).ToListAsync(ct);

    public Task<Reclaim?> GetAsync(int id, CancellationToken ct = default) => db.Reclaims.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>The ledger's view of a call's reclaims: per year and partnership, reclaimed, paid back, written off.</summary>
    public async Task<IReadOnlyList<LedgerReclaim>> LedgerAsync(int callId, CancellationToken ct = default) =>
        (await ListAsync(callId, ct: ct)).SelectMany(r => ReclaimRules.PerYear(r.PartnershipId, r.Years.Select(y => (y.Year, y.Amount)).ToList(), r.PaidBack, r.WrittenOff)).ToList();

    public async Task<Result<Reclaim>> DecideAsync(int callId, ReclaimInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        db.ChangeTracker.Clear();
        var call = await db.Calls.AsNoTracking().IgnoreAutoIncludes().FirstOrDefaultAsync(c => c.Id == callId, ct);
        if (call is null)
        {
            return CallService.CallNotFound(callId);
        }

        var errors = new List<DomainError>();
        var decision = InputText.Clean(input.Decision, 200);
        if (decision is null)
        {
            errors.Add(DomainError.Invalid("validation", "Beslissing: de referentie van de beslissing (R16).", "Decision: the reference of the decision (R16).", "decision"));
        }

        var motivation = InputText.Clean(input.Motivation, 4000);
        if (motivation is null)
        {
            errors.Add(DomainError.Invalid("validation", "Motivering: verplicht (R16).", "Motivation: required (R16).", "motivation"));
        }

        CheckDate(input.DecidedOn, call, "decidedOn", errors);
        CheckDate(input.DueDate, call, "dueDate", errors);
        if (input.DecidedOn is { } d && input.DueDate is { } due && due < d)
        {
            errors.Add(DomainError.Invalid("validation", "Te betalen tegen: niet voor de beslissing.", "Due date: not before the decision.", "dueDate"));
        }

        Money? amount = null;
        if (!string.IsNullOrWhiteSpace(input.Amount))
        {
            if (PlanAmount.TryParse(input.Amount, out var a) != PlanAmountProblem.None)
            {
                errors.Add(DomainError.Invalid("validation", "Bedrag: een bedrag, bv. 12.500,00 (leeg: alles wat betaald werd).", "Amount: an amount, e.g. 12500.00 (empty: everything paid).", "amount"));
            }
            else
            {
                amount = a;
            }
        }

        if (!await db.Partnerships.AnyAsync(p => p.Id == input.PartnershipId, ct))
        {
            return DomainError.NotFound($"Regieverband {input.PartnershipId} bestaat niet.", $"Partnership {input.PartnershipId} does not exist.");
        }

        var paid = await db.Payments.AsNoTracking().Where(p => p.CallId == callId && p.PartnershipId == input.PartnershipId && p.Status == PaymentStatus.Paid)
            .Select(p => new { p.Year, p.Amount }).ToListAsync(ct);
        var reclaimed = (await ListAsync(callId, input.PartnershipId, ct)).SelectMany(r => r.Years).GroupBy(y => y.Year).ToDictionary(g => g.Key, g => g.Aggregate(Money.Zero, (s, y) => s + y.Amount));
        var left = paid.GroupBy(p => p.Year).Select(g => (g.Key, g.Aggregate(Money.Zero, (s, p) => s + p.Amount) - reclaimed.GetValueOrDefault(g.Key))).ToList();
        var split = ReclaimRules.Split(left, amount);
        if (!split.IsSuccess)
        {
            errors.AddRange(split.Errors);
        }

        if (errors.Count > 0)
        {
            return Result<Reclaim>.Fail(errors);
        }

        var reclaim = Reclaim.Decide(callId, input.PartnershipId, decision!, input.DecidedOn!.Value, motivation!, input.DueDate!.Value, split.Value!, actor.Actor.UserId, clock.UtcNow);
        await using var tx = await db.TransactionAsync(ct);
        db.Reclaims.Add(reclaim);
        await db.SaveChangesAsync(ct);
        audit.Record(new ReclaimDecided(reclaim.Id, ReclaimSnapshot.Of(reclaim)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<Reclaim>.Ok(reclaim);
    }

    public Task<Result<Reclaim>> ClaimAsync(int id, DateOnly? on, int expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(id, ReclaimAction.Claim, expectedVersion, ReclaimAuditActions.Claimed, (r, call, errors) =>
        {
            CheckDate(on, call, "claimedOn", errors);
            return () => r.Claim(on!.Value, clock.UtcNow);
        }, ct);

    public Task<Result<Reclaim>> RepayAsync(int id, DateOnly? receivedOn, string? amountText, string? reference, int expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(id, ReclaimAction.Repay, expectedVersion, ReclaimAuditActions.Repaid, (r, call, errors) =>
        {
            CheckDate(receivedOn, call, "receivedOn", errors);
            if (PlanAmount.TryParse(amountText, out var amount) != PlanAmountProblem.None || amount.Cents <= 0)
            {
                errors.Add(DomainError.Invalid("validation", "Bedrag: groter dan nul, bv. 5.000,00.", "Amount: more than zero, e.g. 5000.00.", "amount"));
            }
            else if (amount > r.Open)
            {
                errors.Add(DomainError.Rule(Rules.R16, $"Bedrag: € {amount.ToDisplayString(Formats.Dutch)} is meer dan wat nog openstaat (€ {r.Open.ToDisplayString(Formats.Dutch)}).", $"Amount: EUR {amount.ToInvariantString()} is more than is still open (EUR {r.Open.ToInvariantString()}).", "amount"));
            }

            return () => r.Repay(receivedOn!.Value, amount, InputText.Clean(reference, 100), clock.UtcNow);
        }, ct);

    public Task<Result<Reclaim>> WriteOffAsync(int id, string? motivation, int expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(id, ReclaimAction.WriteOff, expectedVersion, ReclaimAuditActions.WrittenOff, (r, _, errors) =>
        {
            var why = InputText.Clean(motivation, 4000);
            if (why is null)
            {
                errors.Add(DomainError.Invalid("validation", "Motivering: zeg waarom het openstaande bedrag wordt afgeschreven.", "Motivation: say why the open amount is written off.", "motivation"));
            }

            return () => r.WriteOff(why!, clock.UtcNow);
        }, ct);

    private async Task<Result<Reclaim>> ChangeAsync(int id, ReclaimAction action, int expectedVersion, string auditAction, Func<Reclaim, Call, List<DomainError>, Action> prepare, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var reclaim = await db.Reclaims.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (reclaim is null)
        {
            return NotFound(id);
        }

        if (ReclaimRules.Check(reclaim.Status, action) is { } notNow)
        {
            return notNow;
        }

        var call = await db.Calls.AsNoTracking().IgnoreAutoIncludes().FirstAsync(c => c.Id == reclaim.CallId, ct);
        var errors = new List<DomainError>();
        var apply = prepare(reclaim, call, errors);
        if (errors.Count > 0)
        {
            return Result<Reclaim>.Fail(errors);
        }

        var before = ReclaimSnapshot.Of(reclaim);
        db.ExpectVersion(reclaim, expectedVersion);
        apply();
        audit.Record(new ReclaimChanged(id, auditAction, before, ReclaimSnapshot.Of(reclaim)));
        try
        {
            await db.SaveChangesAsync(ct);
            return Result<Reclaim>.Ok(reclaim);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return DomainError.Conflict("concurrency", "De terugvordering werd intussen door iemand anders gewijzigd; herlaad en probeer opnieuw.", "The reclaim was changed by someone else in the meantime; reload and try again.");
        }
    }

    private static void CheckDate(DateOnly? date, Call call, string field, List<DomainError> errors)
    {
        if (date is not { } d)
        {
            errors.Add(DomainError.Invalid("validation", "Datum: verplicht.", "Date: required.", field));
        }
        else if (GrantRules.CheckDate(d, call.FirstYear, call.LastYear + 3, field) is { } outside)
        {
            errors.Add(outside);
        }
    }
}
