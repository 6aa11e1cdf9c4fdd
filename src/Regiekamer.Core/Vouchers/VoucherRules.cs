using Regiekamer.Core.Common;

namespace Regiekamer.Core.Vouchers;

/// <summary>Where a voucher stands. Approved reserves its value; paid spends it; refused, lapsed and withdrawn hold nothing.</summary>
public enum VoucherStatus
{
    /// <summary>Applied on the public form; the e-mail link not yet followed.</summary>
    Unconfirmed,

    /// <summary>Confirmed by the company's e-mail link: waits for the regisseur.</summary>
    Applied,

    Approved,

    Refused,

    /// <summary>The provider confirmed it delivered.</summary>
    Delivered,

    /// <summary>The company uploaded the invoice (and, co-funded, the proof of its own share): waits for the regisseur's check.</summary>
    Invoiced,

    Paid,

    /// <summary>Not used within the scheme's months after approval: its reservation is released.</summary>
    Lapsed,

    Withdrawn,

    /// <summary>Paid, then a control failed (KC9): part or all of the payout is reclaimed; its payout still counts as paid (docs/adr/0015, addendum).</summary>
    Reclaimed,
}

/// <summary>
/// The introduction voucher's rules (kennismakingscheque, seed 000; controls after the KMO-portefeuille's), as pure
/// functions. scheme.md has no rule IDs for local instruments, so these carry their own: KC1…KC9 (docs/adr/0015).
/// </summary>
public static class VoucherRules
{
    /// <summary>KC1 The scheme's terms: value, own share, months, period, target.</summary>
    public const string Terms = "KC1";

    /// <summary>KC2 The budget is never overcommitted: approving reserves the value exactly, and only what is left.</summary>
    public const string Budget = "KC2";

    /// <summary>KC3 One voucher per company (enterprise number) per scheme; apply within the period and before buying.</summary>
    public const string OnePerCompany = "KC3";

    /// <summary>KC4 The company is a regular company: not a social-economy actor, not the provider, not related to it; active in KBO.</summary>
    public const string RegularCompany = "KC4";

    /// <summary>KC5 The provider is one of the scheme's eligible providers.</summary>
    public const string Provider = "KC5";

    /// <summary>KC6 The invoice: after the application, a new number and file, at least the company's required share.</summary>
    public const string Invoice = "KC6";

    /// <summary>KC7 Used within the scheme's months after approval, else it lapses.</summary>
    public const string Lapse = "KC7";

    /// <summary>KC8 No voucher in a neighbouring partnership's scheme in the same period.</summary>
    public const string Neighbour = "KC8";

    /// <summary>KC9 Risk flags and the control sample of paid vouchers; a failed control leads to a reclaim.</summary>
    public const string Control = "KC9";

    /// <summary>The statuses that hold budget: reserved (approved and on the way) or spent (paid).</summary>
    public static bool HoldsBudget(VoucherStatus s) => s is VoucherStatus.Approved or VoucherStatus.Delivered or VoucherStatus.Invoiced or VoucherStatus.Paid or VoucherStatus.Reclaimed;

    /// <summary>
    /// What the voucher pays on an invoice of <paramref name="invoiceTotal"/> of which the company paid
    /// <paramref name="paidByCompany"/> itself (KC6): a fixed voucher its value, never more than the invoice; a co-funded
    /// one its value only when the invoice reaches value + own share and the company paid at least its own share.
    /// </summary>
    public static Result<Money> Payout(VoucherTerms terms, Money invoiceTotal, Money paidByCompany)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (invoiceTotal <= Money.Zero)
        {
            return DomainError.Rule(Invoice, "Het factuurbedrag is groter dan nul.", "The invoice amount is more than zero.", "invoiceTotal");
        }

        if (terms.Kind == VoucherKind.Fixed)
        {
            return Result<Money>.Ok(Money.Min(terms.Value, invoiceTotal));
        }

        if (invoiceTotal < terms.FullInvoice)
        {
            return DomainError.Rule(
                Invoice,
                $"De factuur ({invoiceTotal.ToInvariantString()} euro) is lager dan de cheque plus de vereiste eigen inbreng ({terms.FullInvoice.ToInvariantString()} euro).",
                $"The invoice (EUR {invoiceTotal.ToInvariantString()}) is below the voucher plus the required own share (EUR {terms.FullInvoice.ToInvariantString()}).",
                "invoiceTotal");
        }

        if (paidByCompany < terms.OwnShare)
        {
            return DomainError.Rule(
                Invoice,
                $"Het bewijs van eigen inbreng ({paidByCompany.ToInvariantString()} euro) haalt de vereiste {terms.OwnShare.ToInvariantString()} euro niet.",
                $"The proof of own share (EUR {paidByCompany.ToInvariantString()}) does not reach the required EUR {terms.OwnShare.ToInvariantString()}.",
                "paidByCompany");
        }

        return Result<Money>.Ok(terms.Value);
    }

    /// <summary>The last day an approved voucher may be used (KC7): the same day <paramref name="months"/> months after approval.</summary>
    public static DateOnly LastDayOfUse(DateOnly approvedOn, int months) => approvedOn.AddMonths(months);

    /// <summary>Whether an approved or delivered voucher has lapsed on <paramref name="today"/> (KC7): no invoice by its last day.</summary>
    public static bool HasLapsed(VoucherStatus status, DateOnly approvedOn, int months, DateOnly today) =>
        status is VoucherStatus.Approved or VoucherStatus.Delivered && today > LastDayOfUse(approvedOn, months);

    /// <summary>
    /// Reserving <paramref name="amount"/> against <paramref name="position"/> (KC2): allowed only when it fits in what is
    /// left, to the cent.
    /// </summary>
    public static Result<VoucherBudget> Reserve(VoucherBudget position, Money amount)
    {
        ArgumentNullException.ThrowIfNull(position);
        if (amount <= Money.Zero)
        {
            return DomainError.Rule(Budget, "Een reservering is groter dan nul.", "A reservation is more than zero.", "amount");
        }

        if (amount > position.Left)
        {
            return DomainError.Rule(
                Budget,
                $"Het budget van de regeling is op: er blijft {position.Left.ToInvariantString()} euro over, de cheque vraagt {amount.ToInvariantString()} euro.",
                $"The scheme's budget is used up: EUR {position.Left.ToInvariantString()} is left, the voucher needs EUR {amount.ToInvariantString()}.",
                "budget");
        }

        return Result<VoucherBudget>.Ok(position with { Reserved = position.Reserved + amount, Approved = position.Approved + 1 });
    }
}

/// <summary>
/// A scheme's budget to the cent (KC2): reserved (approved, not yet paid), paid, and left = budget − reserved − paid;
/// with the counts the dashboard shows next to the target.
/// </summary>
public sealed record VoucherBudget(Money Budget, int Target, int Approved, Money Reserved, int PaidCount, Money Paid, int Lapsed, Money LapsedValue)
{
    public Money Left => Budget - Reserved - Paid;

    /// <summary>The position from each voucher's status and amount (reserved value, or what was paid).</summary>
    public static VoucherBudget Of(Money budget, int target, IEnumerable<(VoucherStatus Status, Money Amount)> vouchers)
    {
        ArgumentNullException.ThrowIfNull(vouchers);
        var approved = 0;
        var paidCount = 0;
        var lapsed = 0;
        var reserved = Money.Zero;
        var paid = Money.Zero;
        var lapsedValue = Money.Zero;
        foreach (var (status, amount) in vouchers)
        {
            switch (status)
            {
                case VoucherStatus.Approved or VoucherStatus.Delivered or VoucherStatus.Invoiced:
                    approved++;
                    reserved += amount;
                    break;
                case VoucherStatus.Paid or VoucherStatus.Reclaimed:
                    approved++;
                    paidCount++;
                    paid += amount;
                    break;
                case VoucherStatus.Lapsed:
                    lapsed++;
                    lapsedValue += amount;
                    break;
            }
        }

        return new VoucherBudget(budget, target, approved, reserved, paidCount, paid, lapsed, lapsedValue);
    }
}
