using Regiekamer.Core.Common;

namespace Regiekamer.Core.Grants;

/// <summary>Where a ministerial decree is: a draft the policy officer prepares, signed (immutable), published (open data).</summary>
public enum DecreeStatus
{
    Draft,
#pragma warning disable CA1720 // "Signed" is the decree's state (ondertekend), not a type name
    Signed,
#pragma warning restore CA1720
    Published,
}

/// <summary>
/// A ministerial decree (ministerieel besluit) that grants one year of a call's subsidy (R13): one line per beneficiary
/// with its amount, drawn from a published allocation run over the approved applications (R13, R14). The lines add up
/// to the year's budget to the cent. Once signed it never changes; a correction is a new decree that
/// <see cref="AmendsDecreeId">amends</see> it and replaces its lines.
/// </summary>
public sealed class Decree
{
    public int Id { get; private set; }

    public int CallId { get; private set; }

    /// <summary>The year it grants (one of the call's years).</summary>
    public int Year { get; private set; }

    /// <summary>The decree's number as the cabinet gives it ("MB-2023-0412"); unique.</summary>
    public string Number { get; private set; } = "";

    public DateOnly DecreeDate { get; private set; }

    /// <summary>The legal basis the decree cites (seed 003 §9), one per line.</summary>
    public string LegalBasis { get; private set; } = "";

    /// <summary>The published allocation run its amounts come from.</summary>
    public int AllocationRunId { get; private set; }

    /// <summary>The year's budget the lines must add up to (the call version's yearly budget of the run).</summary>
    public Money Budget { get; private set; }

    /// <summary>The decree this one corrects (an amending decree), or null for the year's first.</summary>
    public int? AmendsDecreeId { get; private set; }

    /// <summary>What an amending decree changes and why.</summary>
    public string? AmendmentReason { get; private set; }

    public DecreeStatus Status { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? SignedAtUtc { get; private set; }

    public Guid? SignedByUserId { get; private set; }

    public DateTime? PublishedAtUtc { get; private set; }

    public List<DecreeLine> Lines { get; private set; } = [];

    /// <summary>Optimistic concurrency: every write raises it.</summary>
    public int Version { get; set; }

    public Money Total => Lines.Aggregate(Money.Zero, (sum, l) => sum + l.Amount);

    public bool IsSigned => Status != DecreeStatus.Draft;

    public static Decree Draft(int callId, int year, string number, DateOnly date, string legalBasis, int allocationRunId, Money budget, IEnumerable<DecreeLine> lines, DateTime now, int? amends = null, string? amendmentReason = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return new Decree
        {
            CallId = callId,
            Year = year,
            Number = number,
            DecreeDate = date,
            LegalBasis = legalBasis,
            AllocationRunId = allocationRunId,
            Budget = budget,
            AmendsDecreeId = amends,
            AmendmentReason = amendmentReason,
            Status = DecreeStatus.Draft,
            CreatedAtUtc = now,
            Lines = lines.ToList(),
            Version = 1,
        };
    }

    /// <summary>Changes the draft's header (number, date, legal basis, the reason of an amendment).</summary>
    public void Describe(string number, DateOnly date, string legalBasis, string? amendmentReason)
    {
        Number = number;
        DecreeDate = date;
        LegalBasis = legalBasis;
        AmendmentReason = AmendsDecreeId is null ? null : amendmentReason;
    }

    /// <summary>Changes the amount of one line of the draft (an amending decree's correction).</summary>
    public void SetAmount(DecreeLine line, Money amount)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!Lines.Contains(line))
        {
            throw new ArgumentException($"Line {line.Id} is not part of decree {Number}.", nameof(line));
        }

        line.Amount = amount;
    }

    public void MoveTo(DecreeStatus status, DateTime now, Guid? by)
    {
        if (status == DecreeStatus.Signed)
        {
            SignedAtUtc = now;
            SignedByUserId = by;
        }
        else if (status == DecreeStatus.Published)
        {
            PublishedAtUtc = now;
        }

        Status = status;
    }
}

/// <summary>Who receives a partnership's subsidy (R4): the managing municipality of an interlocal association, the association itself for the other forms, the city for a central city alone.</summary>
public enum BeneficiaryKind
{
    Association,
    ManagingMunicipality,
    City,
}

/// <summary>One grant of a decree: a beneficiary, for one partnership, its amount for the decree's year.</summary>
public sealed class DecreeLine
{
    public int Id { get; private set; }

    public int DecreeId { get; private set; }

    public int PartnershipId { get; init; }

    /// <summary>The partnership's name when the decree was drafted (a later rename does not change a decree).</summary>
    public string PartnershipName { get; init; } = "";

    /// <summary>The approved application the line rests on.</summary>
    public int? ApplicationId { get; init; }

    public BeneficiaryKind BeneficiaryKind { get; init; }

    public string BeneficiaryName { get; init; } = "";

    /// <summary>The beneficiary's KBO number (10 digits) from the application.</summary>
    public string? BeneficiaryKbo { get; init; }

    /// <summary>The beneficiary's bank account (IBAN) from the application.</summary>
    public string? Iban { get; init; }

    /// <summary>The member municipalities' NIS codes, ';'-separated (the grant's location).</summary>
    public string Members { get; init; } = "";

    public Money Amount { get; internal set; }

    /// <summary>
    /// Raised by every change to the payments of this grant (a concurrency token): two people planning or proposing
    /// payments of one grant at once cannot both pass the room check; the second is told to try again.
    /// </summary>
    public int LedgerVersion { get; set; }
}
