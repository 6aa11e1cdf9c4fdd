using Regiekamer.Core.Common;

namespace Regiekamer.Core.Grants;

/// <summary>A grant in force: one line of a signed decree that no signed decree amends.</summary>
public sealed record LedgerGrant(int Year, int PartnershipId, string Beneficiary, string DecreeNumber, Money Amount);

/// <summary>A decree in force with its declared budget and its lines, for the reconciliation.</summary>
public sealed record LedgerDecree(int Year, string Number, Money Budget, IReadOnlyList<LedgerGrant> Lines);

public sealed record LedgerPayment(int Id, int Year, int PartnershipId, string Reference, Money Amount, PaymentStatus Status);

/// <summary>What is reclaimed of a year's grant (R16), what came back of it, and what was written off.</summary>
public sealed record LedgerReclaim(int Year, int PartnershipId, Money Reclaimed, Money PaidBack, Money WrittenOff);

/// <summary>
/// One row of the ledger: a beneficiary's year. Granted by decree; paid; stopped (granted but never to be paid after
/// an R16 stop); reclaimed and paid back; net = paid − paid back; outstanding = granted − paid − stopped.
/// </summary>
public sealed record LedgerLine(int Year, int PartnershipId, string Beneficiary, Money Granted, Money Paid, Money InProgress, Money Stopped, Money Reclaimed, Money PaidBack, Money WrittenOff)
{
    public Money Net => Paid - PaidBack;

    public Money Outstanding => Granted - Paid - Stopped;

    /// <summary>Reclaimed and neither paid back nor written off yet.</summary>
    public Money StillToRecover => Reclaimed - PaidBack - WrittenOff;
}

/// <summary>A line that does not reconcile, named: its year and beneficiary (or decree or payment) and what is wrong.</summary>
public sealed record LedgerProblem(string Where, Bilingual Message);

public sealed record LedgerTotals(Money Granted, Money Paid, Money InProgress, Money Stopped, Money Reclaimed, Money PaidBack, Money WrittenOff)
{
    public Money Net => Paid - PaidBack;

    public Money Outstanding => Granted - Paid - Stopped;
}

/// <summary>
/// The ledger of a call, per year and beneficiary, and its reconciliation, as pure code: the granted column must equal
/// the decrees in force to the cent (and each decree its budget), the paid column the paid payments, and every line
/// keeps the money invariants (paid ≤ granted, reclaimed ≤ paid, paid back + written off ≤ reclaimed).
/// </summary>
public sealed class Ledger
{
    private Ledger(IReadOnlyList<LedgerLine> lines, LedgerTotals totals, IReadOnlyList<LedgerProblem> problems)
    {
        Lines = lines;
        Totals = totals;
        Problems = problems;
    }

    public IReadOnlyList<LedgerLine> Lines { get; }

    public LedgerTotals Totals { get; }

    /// <summary>Empty when the ledger reconciles.</summary>
    public IReadOnlyList<LedgerProblem> Problems { get; }

    public bool Reconciles => Problems.Count == 0;

    public IReadOnlyList<int> Years => Lines.Select(l => l.Year).Distinct().Order().ToList();

    public LedgerTotals TotalsOf(int year) => Sum(Lines.Where(l => l.Year == year));

    public static Ledger Compute(IReadOnlyList<LedgerDecree> decrees, IReadOnlyList<LedgerPayment> payments, IReadOnlySet<int> stopped, IReadOnlyList<LedgerReclaim> reclaims)
    {
        ArgumentNullException.ThrowIfNull(decrees);
        ArgumentNullException.ThrowIfNull(payments);
        ArgumentNullException.ThrowIfNull(stopped);
        ArgumentNullException.ThrowIfNull(reclaims);
        var problems = new List<LedgerProblem>();

        var grants = new Dictionary<(int Year, int PartnershipId), LedgerGrant>();
        foreach (var decree in decrees)
        {
            var lineTotal = decree.Lines.Aggregate(Money.Zero, (s, l) => s + l.Amount);
            if (lineTotal != decree.Budget)
            {
                problems.Add(new($"besluit {decree.Number}", new(
                    $"De lijnen van besluit {decree.Number} ({decree.Year}) tellen op tot € {Dutch(lineTotal)}, het budget is € {Dutch(decree.Budget)} (R13).",
                    $"The lines of decree {decree.Number} ({decree.Year}) add up to EUR {lineTotal.ToInvariantString()}, its budget is EUR {decree.Budget.ToInvariantString()} (R13).")));
            }

            foreach (var line in decree.Lines)
            {
                if (!grants.TryAdd((line.Year, line.PartnershipId), line))
                {
                    problems.Add(new($"{line.Year} {line.Beneficiary}", new(
                        $"{line.Beneficiary} heeft voor {line.Year} meer dan één toekenning in werking.",
                        $"{line.Beneficiary} has more than one grant in force for {line.Year}.")));
                }
            }
        }

        var paidByKey = new Dictionary<(int, int), Money>();
        var inProgressByKey = new Dictionary<(int, int), Money>();
        foreach (var p in payments)
        {
            var key = (p.Year, p.PartnershipId);
            if (!grants.ContainsKey(key) && PaymentLifecycle.Commits(p.Status))
            {
                problems.Add(new($"betaling {p.Reference}", new(
                    $"Betaling {p.Reference} ({p.Year}) hoort bij geen toekenning in werking.",
                    $"Payment {p.Reference} ({p.Year}) belongs to no grant in force.")));
                continue;
            }

            if (p.Status == PaymentStatus.Paid)
            {
                paidByKey[key] = paidByKey.GetValueOrDefault(key) + p.Amount;
            }
            else if (p.Status is PaymentStatus.Proposed or PaymentStatus.Approved or PaymentStatus.Ordered)
            {
                inProgressByKey[key] = inProgressByKey.GetValueOrDefault(key) + p.Amount;
            }
        }

        var reclaimByKey = reclaims.GroupBy(r => (r.Year, r.PartnershipId)).ToDictionary(
            g => g.Key,
            g => (Reclaimed: Sum(g, r => r.Reclaimed), PaidBack: Sum(g, r => r.PaidBack), WrittenOff: Sum(g, r => r.WrittenOff)));
        foreach (var key in reclaimByKey.Keys.Where(k => !grants.ContainsKey(k)))
        {
            problems.Add(new($"{key.Year} {key.PartnershipId}", new(
                $"Een terugvordering voor {key.Year} hoort bij geen toekenning in werking (regieverband {key.PartnershipId}).",
                $"A reclaim for {key.Year} belongs to no grant in force (partnership {key.PartnershipId}).")));
        }

        var lines = new List<LedgerLine>();
        foreach (var ((year, partnershipId), grant) in grants.OrderBy(g => g.Key.Year).ThenBy(g => g.Value.Beneficiary, StringComparer.Ordinal))
        {
            var paid = paidByKey.GetValueOrDefault((year, partnershipId));
            var inProgress = inProgressByKey.GetValueOrDefault((year, partnershipId));
            var (reclaimed, paidBack, writtenOff) = reclaimByKey.GetValueOrDefault((year, partnershipId));
            var stop = stopped.Contains(partnershipId) ? Money.Max(grant.Amount - paid - inProgress, Money.Zero) : Money.Zero;
            var line = new LedgerLine(year, partnershipId, grant.Beneficiary, grant.Amount, paid, inProgress, stop, reclaimed, paidBack, writtenOff);
            lines.Add(line);

            var where = $"{year} {grant.Beneficiary}";
            if (paid + inProgress > grant.Amount)
            {
                problems.Add(new(where, new(
                    $"{where}: betaald en in betaling (€ {Dutch(paid + inProgress)}) is meer dan toegekend (€ {Dutch(grant.Amount)}).",
                    $"{where}: paid and in payment (EUR {(paid + inProgress).ToInvariantString()}) is more than granted (EUR {grant.Amount.ToInvariantString()}).")));
            }

            if (reclaimed > paid)
            {
                problems.Add(new(where, new(
                    $"{where}: teruggevorderd (€ {Dutch(reclaimed)}) is meer dan betaald (€ {Dutch(paid)}) (R16).",
                    $"{where}: reclaimed (EUR {reclaimed.ToInvariantString()}) is more than paid (EUR {paid.ToInvariantString()}) (R16).")));
            }

            if (paidBack + writtenOff > reclaimed)
            {
                problems.Add(new(where, new(
                    $"{where}: terugbetaald en afgeschreven (€ {Dutch(paidBack + writtenOff)}) is meer dan teruggevorderd (€ {Dutch(reclaimed)}).",
                    $"{where}: paid back and written off (EUR {(paidBack + writtenOff).ToInvariantString()}) is more than reclaimed (EUR {reclaimed.ToInvariantString()}).")));
            }
        }

        var totals = Sum(lines);

        // The columns against their sources, summed independently of the lines.
        var decreed = decrees.Aggregate(Money.Zero, (s, d) => s + d.Lines.Aggregate(Money.Zero, (t, l) => t + l.Amount));
        if (totals.Granted != decreed)
        {
            problems.Add(new("toegekend", new(
                $"Toegekend in het grootboek (€ {Dutch(totals.Granted)}) is niet wat de besluiten in werking toekennen (€ {Dutch(decreed)}).",
                $"Granted in the ledger (EUR {totals.Granted.ToInvariantString()}) is not what the decrees in force grant (EUR {decreed.ToInvariantString()}).")));
        }

        var paidPayments = payments.Where(p => p.Status == PaymentStatus.Paid).Aggregate(Money.Zero, (s, p) => s + p.Amount);
        if (totals.Paid != paidPayments)
        {
            problems.Add(new("betaald", new(
                $"Betaald in het grootboek (€ {Dutch(totals.Paid)}) is niet de som van de betaalde betalingen (€ {Dutch(paidPayments)}).",
                $"Paid in the ledger (EUR {totals.Paid.ToInvariantString()}) is not the sum of the paid payments (EUR {paidPayments.ToInvariantString()}).")));
        }

        return new Ledger(lines, totals, problems);
    }

    private static LedgerTotals Sum(IEnumerable<LedgerLine> lines)
    {
        var all = lines.ToList();
        return new(Sum(all, l => l.Granted), Sum(all, l => l.Paid), Sum(all, l => l.InProgress), Sum(all, l => l.Stopped), Sum(all, l => l.Reclaimed), Sum(all, l => l.PaidBack), Sum(all, l => l.WrittenOff));
    }

    private static Money Sum<T>(IEnumerable<T> items, Func<T, Money> of) => items.Aggregate(Money.Zero, (s, x) => s + of(x));

    private static string Dutch(Money m) => m.ToDisplayString(Formats.Dutch);
}
