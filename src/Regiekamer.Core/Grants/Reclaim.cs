using Regiekamer.Core.Accounts;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Grants;

/// <summary>Where a reclaim is: decided → claimed → paid back (in one or more parts) or written off.</summary>
public enum ReclaimStatus
{
    Decided,
    Claimed,
    PaidBack,
    WrittenOff,
}

/// <summary>
/// A reclaim (terugvordering, R16): what a partnership's beneficiary must pay back of the call's subsidy, by default
/// everything paid, per year; the decision it rests on, the due date, and its progress. It never exceeds what was paid.
/// </summary>
public sealed class Reclaim
{
    public int Id { get; private set; }

    public int CallId { get; private set; }

    public int PartnershipId { get; private set; }

    /// <summary>The decision it rests on (reference).</summary>
    public string Decision { get; private set; } = "";

    public DateOnly DecidedOn { get; private set; }

    /// <summary>Why; required when less than everything paid is reclaimed.</summary>
    public string Motivation { get; private set; } = "";

    public DateOnly DueDate { get; private set; }

    public ReclaimStatus Status { get; private set; }

    public DateOnly? ClaimedOn { get; private set; }

    public Money WrittenOff { get; private set; }

    public string? WriteOffMotivation { get; private set; }

    public List<ReclaimYear> Years { get; private set; } = [];

    public List<Repayment> Repayments { get; private set; } = [];

    public Guid? DecidedByUserId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public int Version { get; set; }

    public Money Amount => Years.Aggregate(Money.Zero, (s, y) => s + y.Amount);

    public Money PaidBack => Repayments.Aggregate(Money.Zero, (s, r) => s + r.Amount);

    /// <summary>Still to recover: reclaimed less paid back less written off.</summary>
    public Money Open => Amount - PaidBack - WrittenOff;

    public static Reclaim Decide(int callId, int partnershipId, string decision, DateOnly decidedOn, string motivation, DateOnly dueDate, IEnumerable<(int Year, Money Amount)> years, Guid? by, DateTime now) => new()
    {
        CallId = callId,
        PartnershipId = partnershipId,
        Decision = decision,
        DecidedOn = decidedOn,
        Motivation = motivation,
        DueDate = dueDate,
        Status = ReclaimStatus.Decided,
        Years = years.Where(y => y.Amount.Cents > 0).Select(y => new ReclaimYear { Year = y.Year, Amount = y.Amount }).ToList(),
        DecidedByUserId = by,
        CreatedAtUtc = now,
        UpdatedAtUtc = now,
        Version = 1,
    };

    public void Claim(DateOnly on, DateTime now)
    {
        ClaimedOn = on;
        Status = ReclaimStatus.Claimed;
        Touch(now);
    }

    /// <summary>Books a part paid back; the whole paid back closes the reclaim.</summary>
    public Repayment Repay(DateOnly receivedOn, Money amount, string? reference, DateTime now)
    {
        var repayment = new Repayment { ReceivedOn = receivedOn, Amount = amount, Reference = reference, CreatedAtUtc = now };
        Repayments.Add(repayment);
        if (Open.Cents == 0)
        {
            Status = ReclaimStatus.PaidBack;
        }

        Touch(now);
        return repayment;
    }

    public void WriteOff(string motivation, DateTime now)
    {
        WrittenOff = Open;
        WriteOffMotivation = motivation;
        Status = ReclaimStatus.WrittenOff;
        Touch(now);
    }

    private void Touch(DateTime now)
    {
        UpdatedAtUtc = now;
    }
}

/// <summary>The part of a reclaim that concerns one year's grant.</summary>
public sealed class ReclaimYear
{
    public int Id { get; private set; }

    public int ReclaimId { get; private set; }

    public int Year { get; init; }

    public Money Amount { get; init; }
}

/// <summary>A part paid back.</summary>
public sealed class Repayment
{
    public int Id { get; private set; }

    public int ReclaimId { get; private set; }

    public DateOnly ReceivedOn { get; init; }

    public Money Amount { get; init; }

    public string? Reference { get; init; }

    public DateTime CreatedAtUtc { get; init; }
}

/// <summary>What someone does to a reclaim.</summary>
public enum ReclaimAction
{
    Claim,
    Repay,
    WriteOff,
}

/// <summary>The reclaim's lifecycle and money rules, pure: it never exceeds what was paid, nothing is paid back beyond what is open.</summary>
public static class ReclaimRules
{
    private static readonly Dictionary<ReclaimAction, ReclaimStatus[]> From = new()
    {
        [ReclaimAction.Claim] = [ReclaimStatus.Decided],
        [ReclaimAction.Repay] = [ReclaimStatus.Decided, ReclaimStatus.Claimed],
        [ReclaimAction.WriteOff] = [ReclaimStatus.Decided, ReclaimStatus.Claimed],
    };

    public const DepartmentPermission Permission = DepartmentPermission.Payments;

    public static bool Allows(ReclaimStatus status, ReclaimAction action) => From[action].Contains(status);

    public static DomainError? Check(ReclaimStatus status, ReclaimAction action) => Allows(status, action)
        ? null
        : DomainError.Conflict("status", $"Een terugvordering met status '{Label(status).Nl}' kan je niet {Label(action).Nl}.", $"A reclaim with status '{Label(status).En}' cannot be {Label(action).En}.");

    /// <summary>
    /// The reclaim per year: everything paid by default; a smaller amount is taken from the latest year back (the most
    /// recent grant first). Above what was paid: R16.
    /// </summary>
    public static Result<IReadOnlyList<(int Year, Money Amount)>> Split(IReadOnlyList<(int Year, Money Paid)> paid, Money? amount)
    {
        ArgumentNullException.ThrowIfNull(paid);
        var total = paid.Aggregate(Money.Zero, (s, p) => s + p.Paid);
        if (total.Cents == 0)
        {
            return DomainError.Rule(Rules.R16, "Er is nog niets betaald: er valt niets terug te vorderen.", "Nothing was paid yet: there is nothing to reclaim.", "amount");
        }

        var wanted = amount ?? total;
        if (wanted.Cents <= 0)
        {
            return DomainError.Invalid("validation", "Bedrag: groter dan nul.", "Amount: more than zero.", "amount");
        }

        if (wanted > total)
        {
            return DomainError.Rule(Rules.R16, $"Bedrag: € {wanted.ToDisplayString(Formats.Dutch)} is meer dan wat betaald werd (€ {total.ToDisplayString(Formats.Dutch)}).", $"Amount: EUR {wanted.ToInvariantString()} is more than was paid (EUR {total.ToInvariantString()}).", "amount");
        }

        var left = wanted;
        var split = new List<(int Year, Money Amount)>();
        foreach (var (year, p) in paid.OrderByDescending(p => p.Year))
        {
            var take = Money.Min(left, p);
            if (take.Cents > 0)
            {
                split.Add((year, take));
            }

            left -= take;
        }

        return Result<IReadOnlyList<(int Year, Money Amount)>>.Ok(split.OrderBy(s => s.Year).ToList());
    }

    /// <summary>What was paid back and written off, per year: the repayments fill the years in order, the write-off the rest.</summary>
    public static IReadOnlyList<LedgerReclaim> PerYear(int partnershipId, IReadOnlyList<(int Year, Money Amount)> years, Money paidBack, Money writtenOff)
    {
        ArgumentNullException.ThrowIfNull(years);
        var list = new List<LedgerReclaim>();
        var back = paidBack;
        var off = writtenOff;
        foreach (var (year, amount) in years.OrderBy(y => y.Year))
        {
            var b = Money.Min(back, amount);
            back -= b;
            var o = Money.Min(off, amount - b);
            off -= o;
            list.Add(new LedgerReclaim(year, partnershipId, amount, b, o));
        }

        return list;
    }

    public static string Code(this ReclaimStatus status) => status switch
    {
        ReclaimStatus.Decided => "decided",
        ReclaimStatus.Claimed => "claimed",
        ReclaimStatus.PaidBack => "paid-back",
        _ => "written-off",
    };

    public static Bilingual Label(ReclaimStatus status) => status switch
    {
        ReclaimStatus.Decided => new("beslist", "decided"),
        ReclaimStatus.Claimed => new("gevorderd", "claimed"),
        ReclaimStatus.PaidBack => new("terugbetaald", "paid back"),
        _ => new("afgeschreven", "written off"),
    };

    public static Bilingual Label(ReclaimAction action) => action switch
    {
        ReclaimAction.Claim => new("vorderen", "claimed"),
        ReclaimAction.Repay => new("een terugbetaling boeken", "repaid"),
        _ => new("afschrijven", "written off"),
    };
}
