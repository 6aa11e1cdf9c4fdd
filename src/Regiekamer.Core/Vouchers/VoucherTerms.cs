using Regiekamer.Core.Common;

namespace Regiekamer.Core.Vouchers;

/// <summary>How a scheme's voucher is worth its value (seed 000).</summary>
public enum VoucherKind
{
    /// <summary>A fixed value (Tongeren, Bilzen, Hoeselt, Riemst, Voeren: EUR 500), never more than the invoice.</summary>
    Fixed,

    /// <summary>The value only when the company pays at least its own share itself (Genk, Opglabbeek, As, Zutendaal: EUR 250 + at least EUR 250).</summary>
    CoFunded,
}

/// <summary>
/// The terms of an introduction-voucher scheme (kennismakingscheque): its period, budget, target number of companies, the
/// voucher's rule and value, and how long an approved voucher may be used before it lapses.
/// </summary>
public sealed record VoucherTerms(VoucherKind Kind, Money Value, Money OwnShare, int UseWithinMonths, DateOnly From, DateOnly Until, Money Budget, int TargetCompanies)
{
    /// <summary>The smallest invoice (incl. what the company pays itself) for which the voucher pays its whole value: the value, plus the own share for a co-funded voucher.</summary>
    public Money FullInvoice => Kind == VoucherKind.CoFunded ? Value + OwnShare : Value;

    /// <summary>The terms' own consistency, field by field (rule <see cref="VoucherRules.Terms"/>).</summary>
    public IReadOnlyList<DomainError> Check()
    {
        var errors = new List<DomainError>();
        if (Value <= Money.Zero)
        {
            errors.Add(DomainError.Rule(VoucherRules.Terms, "De waarde van een cheque is groter dan nul.", "A voucher's value is more than zero.", "value"));
        }

        if (Kind == VoucherKind.CoFunded && OwnShare <= Money.Zero)
        {
            errors.Add(DomainError.Rule(VoucherRules.Terms, "Een cheque met eigen inbreng vraagt een eigen inbreng groter dan nul.", "A co-funded voucher needs an own share of more than zero.", "ownShare"));
        }

        if (Kind == VoucherKind.Fixed && OwnShare != Money.Zero)
        {
            errors.Add(DomainError.Rule(VoucherRules.Terms, "Een cheque met vaste waarde vraagt geen eigen inbreng.", "A fixed-value voucher has no own share.", "ownShare"));
        }

        if (UseWithinMonths is < 1 or > 36)
        {
            errors.Add(DomainError.Rule(VoucherRules.Terms, "Een cheque wordt binnen 1 tot 36 maanden gebruikt.", "A voucher is used within 1 to 36 months.", "useWithinMonths"));
        }

        if (Until < From)
        {
            errors.Add(DomainError.Rule(VoucherRules.Terms, "De periode eindigt niet vóór ze begint.", "The period does not end before it starts.", "until"));
        }

        if (TargetCompanies < 1)
        {
            errors.Add(DomainError.Rule(VoucherRules.Terms, "Het streefcijfer is minstens één bedrijf.", "The target is at least one company.", "targetCompanies"));
        }

        if (Value > Money.Zero && Budget < Value)
        {
            errors.Add(DomainError.Rule(VoucherRules.Budget, "Het budget volstaat niet voor één cheque.", "The budget does not cover one voucher.", "budget"));
        }

        return errors;
    }
}
