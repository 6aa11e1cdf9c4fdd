using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;

namespace Regiekamer.Core.Grants;

/// <summary>A call's ledger with the call and the moment it was computed (figures carry their reference moment).</summary>
public sealed record CallLedger(Call Call, Ledger Ledger, DateTime ComputedAtUtc);

/// <summary>
/// The ledger of a call from the database: the decrees in force, the payments, the stops (R16) and the reclaims, per
/// year and beneficiary, with its reconciliation (<see cref="Ledger"/>), and the exports of the ledger and of the
/// payment orders for the accounting system.
/// </summary>
public sealed class LedgerService(RegiekamerDb db, CallService calls, PaymentService payments, ReclaimService reclaims, BrusselsClock clock)
{
    public async Task<Result<CallLedger>> ForCallAsync(int? callId, CancellationToken ct = default)
    {
        var call = callId is { } id ? await calls.GetAsync(id, ct) : await calls.LatestAsync(ct);
        if (call is null)
        {
            return CallService.CallNotFound(callId ?? 0);
        }

        // Only the columns the ledger reads, and only the lines of the decrees in force: loading whole decrees with every
        // line (legal basis, KBO numbers, bank accounts, members) was a third of this method's time (docs/performance.md).
        var headers = await db.Decrees.AsNoTracking().IgnoreAutoIncludes().Where(d => d.CallId == call.Id)
            .Select(d => new { d.Id, d.Year, d.Status, d.AmendsDecreeId, d.Number, d.Budget }).ToListAsync(ct);
        var inForce = GrantRules.InForce(headers, d => (d.Id, d.Year, d.Status, d.AmendsDecreeId));
        var inForceIds = inForce.Select(d => d.Id).ToList();
        var lines = (await db.DecreeLines.AsNoTracking().Where(l => inForceIds.Contains(l.DecreeId)).OrderBy(l => l.Id)
            .Select(l => new { l.DecreeId, l.PartnershipId, l.BeneficiaryName, l.Amount }).ToListAsync(ct)).ToLookup(l => l.DecreeId);
        var ledgerDecrees = inForce.Select(d => new LedgerDecree(
            d.Year,
            d.Number,
            d.Budget,
            lines[d.Id].Select(l => new LedgerGrant(d.Year, l.PartnershipId, l.BeneficiaryName, d.Number, l.Amount)).ToList())).ToList();
        var rows = await db.Payments.AsNoTracking().Where(p => p.CallId == call.Id)
            .Select(p => new LedgerPayment(p.Id, p.Year, p.PartnershipId, p.Reference, p.Amount, p.Status)).ToListAsync(ct);
        var stopped = (await db.PaymentStops.AsNoTracking().Where(s => s.CallId == call.Id).Select(s => s.PartnershipId).ToListAsync(ct)).ToHashSet();
        var ledger = Ledger.Compute(ledgerDecrees, rows, stopped, await reclaims.LedgerAsync(call.Id, ct));
        return Result<CallLedger>.Ok(new CallLedger(call, ledger, clock.UtcNow));
    }

    public static Table LedgerTable(CallLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var table = new Table("Grootboek", [("Oproep", false), ("Jaar", false), ("Regieverband", false), ("Begunstigde", false), ("Toegekend", true), ("Betaald", true), ("In betaling", true), ("Stopgezet", true), ("Teruggevorderd", true), ("Terugbetaald", true), ("Afgeschreven", true), ("Netto", true), ("Openstaand", true)]);
        foreach (var l in ledger.Ledger.Lines)
        {
            table.Add(ledger.Call.Code, l.Year.ToString(CultureInfo.InvariantCulture), l.PartnershipId.ToString(CultureInfo.InvariantCulture), l.Beneficiary, l.Granted, l.Paid, l.InProgress, l.Stopped, l.Reclaimed, l.PaidBack, l.WrittenOff, l.Net, l.Outstanding);
        }

        var t = ledger.Ledger.Totals;
        table.Add(ledger.Call.Code, "Totaal", null, null, t.Granted, t.Paid, t.InProgress, t.Stopped, t.Reclaimed, t.PaidBack, t.WrittenOff, t.Net, t.Outstanding);
        return table;
    }

    /// <summary>The payment orders for the accounting system: the payments in the given status (default ordered), with beneficiary, KBO, IBAN and the decree.</summary>
    public async Task<Table> PaymentOrdersAsync(int? callId, PaymentStatus status, CancellationToken ct = default)
    {
        var list = await payments.ListAsync(callId, status: status, ct: ct);
        var table = new Table("Betalingsopdrachten", [("Referentie", false), ("Jaar", false), ("Soort", false), ("Begunstigde", false), ("KBO-nummer", false), ("IBAN", false), ("Bedrag", true), ("Geplande datum", false), ("Besluit", false), ("Mededeling", false), ("Status", false)]);
        foreach (var (p, line, decree) in list)
        {
            table.Add(
                p.Reference,
                p.Year.ToString(CultureInfo.InvariantCulture),
                p.Kind.Code(),
                line.BeneficiaryName,
                line.BeneficiaryKbo,
                line.Iban,
                p.Amount,
                p.PlannedDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                decree,
                $"{p.Reference} regierol sociale economie {p.Year} MB {decree}",
                p.Status.Code());
        }

        return table;
    }
}
