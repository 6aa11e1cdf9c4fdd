using Regiekamer.Core.Common;

namespace Regiekamer.Core.Grants;

/// <summary>
/// One payment of a grant: a part of what a decree line grants a beneficiary for a year. It never exceeds what is
/// granted and not yet paid (<see cref="GrantRules.Room"/>), and the person who approves it is never the one who proposed it.
/// </summary>
public sealed class Payment
{
    public int Id { get; private set; }

    public int CallId { get; private set; }

    public int Year { get; private set; }

    public int PartnershipId { get; private set; }

    /// <summary>The decree line it was planned from (its beneficiary, KBO and account).</summary>
    public int DecreeLineId { get; private set; }

    public PaymentKind Kind { get; private set; }

    public DateOnly PlannedDate { get; private set; }

    public Money Amount { get; private set; }

    public PaymentStatus Status { get; private set; }

    /// <summary>Our reference, as the payment order and the bank statement carry it ("RK-2023-0007-2023-1").</summary>
    public string Reference { get; private set; } = "";

    /// <summary>The accounting system's reference, recorded when it is paid.</summary>
    public string? BankReference { get; private set; }

    public Guid? ProposedByUserId { get; private set; }

    public DateTime? ProposedAtUtc { get; private set; }

    public Guid? ApprovedByUserId { get; private set; }

    public DateTime? ApprovedAtUtc { get; private set; }

    public DateTime? OrderedAtUtc { get; private set; }

    public DateOnly? PaidOn { get; private set; }

    public string? FailureReason { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public int Version { get; set; }

    public static Payment Plan(int callId, int year, int partnershipId, int decreeLineId, PaymentKind kind, DateOnly plannedDate, Money amount, string reference, DateTime now) => new()
    {
        CallId = callId,
        Year = year,
        PartnershipId = partnershipId,
        DecreeLineId = decreeLineId,
        Kind = kind,
        PlannedDate = plannedDate,
        Amount = amount,
        Status = PaymentStatus.Planned,
        Reference = reference,
        CreatedAtUtc = now,
        UpdatedAtUtc = now,
        Version = 1,
    };

    public void Reschedule(DateOnly plannedDate, Money amount, DateTime now)
    {
        PlannedDate = plannedDate;
        Amount = amount;
        Touch(now);
    }

    /// <summary>Moves it by <paramref name="action"/> to <paramref name="to"/> (the lifecycle decided it may), noting who and when.</summary>
    public void Apply(PaymentAction action, PaymentStatus to, Guid? by, DateTime now, DateOnly? paidOn = null, string? bankReference = null, string? failureReason = null)
    {
        switch (action)
        {
            case PaymentAction.Propose:
                ProposedByUserId = by;
                ProposedAtUtc = now;
                ApprovedByUserId = null;
                ApprovedAtUtc = null;
                FailureReason = null;
                break;
            case PaymentAction.Approve:
                ApprovedByUserId = by;
                ApprovedAtUtc = now;
                break;
            case PaymentAction.Return:
                ProposedByUserId = null;
                ProposedAtUtc = null;
                ApprovedByUserId = null;
                ApprovedAtUtc = null;
                break;
            case PaymentAction.Order:
                OrderedAtUtc = now;
                break;
            case PaymentAction.MarkPaid:
                PaidOn = paidOn;
                BankReference = bankReference;
                break;
            case PaymentAction.MarkFailed:
                FailureReason = failureReason;
                break;
        }

        Status = to;
        Touch(now);
    }

    private void Touch(DateTime now)
    {
        UpdatedAtUtc = now;
    }
}

/// <summary>
/// R16: the decision that no further subsidy of the call is paid to a partnership's beneficiary (the subsidy was not
/// used for its purpose). It blocks every later proposal, approval and order of its payments.
/// </summary>
public sealed class PaymentStop
{
    public int Id { get; private set; }

    public int CallId { get; private set; }

    public int PartnershipId { get; private set; }

    public DateOnly DecidedOn { get; private set; }

    /// <summary>The decision it rests on (its reference or the evaluation that led to it).</summary>
    public string Decision { get; private set; } = "";

    public string Motivation { get; private set; } = "";

    public Guid? DecidedByUserId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public static PaymentStop Decide(int callId, int partnershipId, DateOnly decidedOn, string decision, string motivation, Guid? by, DateTime now) => new()
    {
        CallId = callId,
        PartnershipId = partnershipId,
        DecidedOn = decidedOn,
        Decision = decision,
        Motivation = motivation,
        DecidedByUserId = by,
        CreatedAtUtc = now,
    };
}
