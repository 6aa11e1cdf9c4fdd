using System.Globalization;
using Regiekamer.Core.Common;
using Regiekamer.Core.Partnerships;

namespace Regiekamer.Core.Grants;

/// <summary>The money rules of granting and paying, as pure code: who the beneficiary is, that a decree's lines add up to the year's budget, what is left to pay, and the schedule of a grant's payments.</summary>
public static class GrantRules
{
    /// <summary>The legal basis a decree cites (seed 003 §9).</summary>
    public const string DefaultLegalBasis =
        "Decreet van 17 februari 2012 betreffende de ondersteuning van het ondernemerschap op het vlak van de sociale economie en de stimulering van het maatschappelijk verantwoord ondernemen\n"
        + "Decreet van 15 juli 2011 houdende vaststelling van de algemene regels waaronder in de Vlaamse Gemeenschap en het Vlaamse Gewest periodieke plan- en rapporteringsverplichtingen aan lokale besturen kunnen worden opgelegd\n"
        + "Besluit van de Vlaamse Regering tot bepaling van de lokale regierol van de gemeenten op het vlak van sociale economie en werk";

    /// <summary>R4: an interlocal association's subsidy goes to its managing municipality, a central city alone receives it itself, the other forms receive it as the association.</summary>
    public static (BeneficiaryKind Kind, string Name) Beneficiary(PartnershipKind kind, string partnershipName, string? managingMunicipality, string? onlyMember) => kind switch
    {
        PartnershipKind.InterlocalAssociation when managingMunicipality is not null => (BeneficiaryKind.ManagingMunicipality, managingMunicipality),
        PartnershipKind.CentralCity when onlyMember is not null => (BeneficiaryKind.City, onlyMember),
        _ => (BeneficiaryKind.Association, partnershipName),
    };

    public static Bilingual Label(BeneficiaryKind kind) => kind switch
    {
        BeneficiaryKind.ManagingMunicipality => new("beherende gemeente", "managing municipality"),
        BeneficiaryKind.City => new("stad", "city"),
        _ => new("vereniging", "association"),
    };

    public static string Code(this BeneficiaryKind kind) => kind switch
    {
        BeneficiaryKind.ManagingMunicipality => "managing-municipality",
        BeneficiaryKind.City => "city",
        _ => "association",
    };

    /// <summary>R13: every line grants a positive amount, each partnership once, and the lines add up to the budget to the cent.</summary>
    public static IReadOnlyList<DomainError> CheckLines(IReadOnlyList<(int PartnershipId, string Name, Money Amount)> lines, Money budget)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var errors = new List<DomainError>();
        if (lines.Count == 0)
        {
            errors.Add(DomainError.Rule(Rules.R13, "Een besluit heeft minstens één lijn.", "A decree has at least one line.", "lines"));
        }

        foreach (var line in lines.Where(l => l.Amount.Cents <= 0))
        {
            errors.Add(DomainError.Rule(Rules.R13, $"Lijn {line.Name}: het bedrag moet groter dan nul zijn.", $"Line {line.Name}: the amount must be more than zero.", $"lines[{line.PartnershipId}].amount"));
        }

        foreach (var twice in lines.GroupBy(l => l.PartnershipId).Where(g => g.Count() > 1))
        {
            errors.Add(DomainError.Rule(Rules.R13, $"{twice.First().Name} staat meer dan eens in het besluit.", $"{twice.First().Name} is in the decree more than once.", $"lines[{twice.Key}]"));
        }

        var total = lines.Aggregate(Money.Zero, (sum, l) => sum + l.Amount);
        if (total != budget)
        {
            var difference = total - budget;
            errors.Add(DomainError.Rule(
                Rules.R13,
                $"De lijnen tellen op tot € {total.ToDisplayString(Formats.Dutch)}, niet tot het budget van het jaar (€ {budget.ToDisplayString(Formats.Dutch)}): {(difference.Cents > 0 ? "€ " + difference.ToDisplayString(Formats.Dutch) + " te veel" : "€ " + (budget - total).ToDisplayString(Formats.Dutch) + " te weinig")}.",
                $"The lines add up to EUR {total.ToInvariantString()}, not to the year's budget (EUR {budget.ToInvariantString()}): EUR {(difference.Cents > 0 ? difference : budget - total).ToInvariantString()} {(difference.Cents > 0 ? "too much" : "too little")}.",
                "lines"));
        }

        return errors;
    }

    /// <summary>What is granted and not yet committed: the grant less every payment that is not failed (paid, ordered, approved, proposed or planned).</summary>
    public static Money Room(Money granted, IEnumerable<(Money Amount, PaymentStatus Status)> payments)
    {
        ArgumentNullException.ThrowIfNull(payments);
        return payments.Where(p => PaymentLifecycle.Commits(p.Status)).Aggregate(granted, (left, p) => left - p.Amount);
    }

    /// <summary>A payment of <paramref name="amount"/> fits when it is positive and not above the room left (R13).</summary>
    public static DomainError? CheckPayment(Money amount, Money room, string field = "amount")
    {
        if (amount.Cents <= 0)
        {
            return DomainError.Invalid("validation", "Bedrag: moet groter dan nul zijn.", "Amount: must be more than zero.", field);
        }

        return amount > room
            ? DomainError.Rule(
                Rules.R13,
                $"Bedrag: € {amount.ToDisplayString(Formats.Dutch)} is meer dan wat toegekend en nog niet betaald of ingepland is (€ {Money.Max(room, Money.Zero).ToDisplayString(Formats.Dutch)}).",
                $"Amount: EUR {amount.ToInvariantString()} is more than what is granted and not yet paid or scheduled (EUR {Money.Max(room, Money.Zero).ToInvariantString()}).",
                field)
            : null;
    }

    /// <summary>
    /// The payments a grant gets, as the call's schedule says: one payment after the decree (advance 100 %), or an
    /// advance of that percentage (rounded down to the cent) after the decree and the balance after the year's report
    /// is accepted. The parts add up to the grant exactly.
    /// </summary>
    public static IReadOnlyList<(PaymentKind Kind, Money Amount)> Schedule(Money granted, int advancePercent)
    {
        if (advancePercent is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(advancePercent), advancePercent, "An advance is 1 to 100 percent.");
        }

        if (advancePercent == 100)
        {
            return [(PaymentKind.Whole, granted)];
        }

        var advance = new Money(checked(granted.Cents * advancePercent) / 100);
        return [(PaymentKind.Advance, advance), (PaymentKind.Balance, granted - advance)];
    }

    /// <summary>The dates a call's money moves in: from 1 January of its first year to 31 December of the year after its last (the last year's balance follows its report).</summary>
    public static (DateOnly From, DateOnly To) Period(int firstYear, int lastYear) => (new DateOnly(firstYear, 1, 1), new DateOnly(lastYear + 1, 12, 31));

    public static DomainError? CheckDate(DateOnly date, int firstYear, int lastYear, string field)
    {
        var (from, to) = Period(firstYear, lastYear);
        return date < from || date > to
            ? DomainError.Invalid(
                "outside-call",
                $"Datum {date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} valt buiten de oproep ({from.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}–{to.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}).",
                $"Date {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} is outside the call ({from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} to {to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}).",
                field)
            : null;
    }

    /// <summary>The decrees in force: per year, the signed decree that no signed decree amends (drafts grant nothing).</summary>
    public static IReadOnlyList<T> InForce<T>(IReadOnlyList<T> decrees, Func<T, (int Id, int Year, DecreeStatus Status, int? Amends)> describe)
    {
        ArgumentNullException.ThrowIfNull(decrees);
        ArgumentNullException.ThrowIfNull(describe);
        var signed = decrees.Where(d => describe(d).Status != DecreeStatus.Draft).ToList();
        var amended = signed.Select(d => describe(d).Amends).Where(a => a is not null).ToHashSet();
        return signed.Where(d => !amended.Contains(describe(d).Id)).OrderBy(d => describe(d).Year).ToList();
    }
}
