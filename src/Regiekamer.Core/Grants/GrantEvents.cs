using Regiekamer.Core.Audit;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Grants;

// What the audit trail keeps of grants: a decree's events on the decree ("Decree", its id), a payment's on the
// payment ("Payment", its id), a stop on the partnership's grants ("PaymentStop", its id). No personal data: a
// beneficiary is a local government or an association.

/// <summary>A decree's header and status.</summary>
[Audited(DecreeService.AuditEntity, "Ministerieel besluit", "Ministerial decree")]
public sealed record DecreeSnapshot(
    [property: Label("Nummer", "Number")] string Number,
    [property: Label("Jaar", "Year")] int Year,
    [property: Label("Datum", "Date")] string DecreeDate,
    [property: Label("Rechtsgrond", "Legal basis")] string LegalBasis,
    [property: Label("Verdeling", "Allocation run")] int AllocationRunId,
    [property: Label("Budget (EUR)", "Budget (EUR)")] string Budget,
    [property: Label("Wijzigt besluit", "Amends decree")] int? AmendsDecreeId,
    [property: Label("Reden van de wijziging", "Reason of the amendment")] string? AmendmentReason,
    [property: Label("Status", "Status")] string Status,
    [property: Label("Lijnen", "Lines")] int Lines,
    [property: Label("Totaal (EUR)", "Total (EUR)")] string Total) : IAuditSnapshot
{
    public static DecreeSnapshot Of(Decree d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Number, d.Year, d.DecreeDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), d.LegalBasis, d.AllocationRunId, d.Budget.ToInvariantString(), d.AmendsDecreeId, d.AmendmentReason, d.Status.Code(), d.Lines.Count, d.Total.ToInvariantString());
    }

    public static Bilingual? ValueLabel(string field, string value) =>
        field == nameof(Status) ? Enum.GetValues<DecreeStatus>().Where(s => s.Code() == value).Select(DecreeLifecycle.Label).FirstOrDefault() : null;
}

/// <summary>One line of a decree: a beneficiary and its amount.</summary>
[Audited(DecreeService.AuditEntity, "Ministerieel besluit", "Ministerial decree")]
public sealed record DecreeLineSnapshot(
    [property: Label("Regieverband", "Partnership")] int PartnershipId,
    [property: Label("Begunstigde", "Beneficiary")] string Beneficiary,
    [property: Label("Bedrag (EUR)", "Amount (EUR)")] string Amount) : IAuditSnapshot
{
    public static DecreeLineSnapshot Of(DecreeLine l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return new(l.PartnershipId, l.BeneficiaryName, l.Amount.ToInvariantString());
    }
}

/// <summary>The actions of a decree besides creation.</summary>
public static class DecreeAuditActions
{
    [Label("Ondertekend", "Signed")]
    public const string SignedOff = "Signed";

    [Label("Gepubliceerd", "Published")]
    public const string Published = "Published";

    [Label("Bedrag gewijzigd", "Amount changed")]
    public const string AmountChanged = "AmountChanged";

    [Label("Ontwerp verwijderd", "Draft discarded")]
    public const string Discarded = "Discarded";
}

public sealed record DecreeDrafted(int DecreeId, DecreeSnapshot Decree)
    : Created<DecreeSnapshot>(KeyOf(DecreeId), Decree);

public sealed record DecreeUpdated(int DecreeId, DecreeSnapshot Old, DecreeSnapshot New)
    : Changed<DecreeSnapshot>(KeyOf(DecreeId), AuditActions.Updated, Old, New);

public sealed record DecreeSigned(int DecreeId, DecreeSnapshot Old, DecreeSnapshot New)
    : Changed<DecreeSnapshot>(KeyOf(DecreeId), DecreeAuditActions.SignedOff, Old, New);

public sealed record DecreePublished(int DecreeId, DecreeSnapshot Old, DecreeSnapshot New)
    : Changed<DecreeSnapshot>(KeyOf(DecreeId), DecreeAuditActions.Published, Old, New);

public sealed record DecreeDiscarded(int DecreeId, DecreeSnapshot Old, DecreeSnapshot New)
    : Changed<DecreeSnapshot>(KeyOf(DecreeId), DecreeAuditActions.Discarded, Old, New);

public sealed record DecreeAmountChanged(int DecreeId, DecreeLineSnapshot Old, DecreeLineSnapshot New)
    : PartChanged<DecreeLineSnapshot>(KeyOf(DecreeId), DecreeAuditActions.AmountChanged, Old, New);

/// <summary>A payment: what, for whom, when, and where it is.</summary>
[Audited(PaymentService.AuditEntity, "Betaling", "Payment")]
public sealed record PaymentSnapshot(
    [property: Label("Referentie", "Reference")] string Reference,
    [property: Label("Jaar", "Year")] int Year,
    [property: Label("Regieverband", "Partnership")] int PartnershipId,
    [property: Label("Soort", "Kind")] string Kind,
    [property: Label("Geplande datum", "Planned date")] string PlannedDate,
    [property: Label("Bedrag (EUR)", "Amount (EUR)")] string Amount,
    [property: Label("Status", "Status")] string Status,
    [property: Label("Betaald op", "Paid on")] string? PaidOn,
    [property: Label("Bankreferentie", "Bank reference")] string? BankReference,
    [property: Label("Reden van mislukken", "Reason of failure")] string? FailureReason) : IAuditSnapshot
{
    public static PaymentSnapshot Of(Payment p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Reference, p.Year, p.PartnershipId, p.Kind.Code(), Iso(p.PlannedDate), p.Amount.ToInvariantString(), p.Status.Code(), p.PaidOn is { } d ? Iso(d) : null, p.BankReference, p.FailureReason);
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static Bilingual? ValueLabel(string field, string value) => field switch
    {
        nameof(Status) => PaymentLifecycle.TryParse(value, out var s) ? PaymentLifecycle.Label(s) : null,
        nameof(Kind) => Enum.GetValues<PaymentKind>().Where(k => k.Code() == value).Select(PaymentLifecycle.Label).FirstOrDefault(),
        _ => null,
    };
}

public static class PaymentAuditActions
{
    [Label("Voorgesteld", "Proposed")]
    public const string Proposed = "Proposed";

    [Label("Goedgekeurd", "Approved")]
    public const string Approved = "Approved";

    [Label("Teruggestuurd", "Returned")]
    public const string Returned = "Returned";

    [Label("In betaling gegeven", "Ordered")]
    public const string Ordered = "Ordered";

    [Label("Betaald", "Paid")]
    public const string Paid = "Paid";

    [Label("Mislukt", "Failed")]
    public const string Failed = "Failed";

    public static string Of(PaymentAction action) => action switch
    {
        PaymentAction.Propose => Proposed,
        PaymentAction.Approve => Approved,
        PaymentAction.Return => Returned,
        PaymentAction.Order => Ordered,
        PaymentAction.MarkPaid => Paid,
        PaymentAction.MarkFailed => Failed,
        _ => AuditActions.Updated,
    };
}

public sealed record PaymentPlanned(int PaymentId, PaymentSnapshot Payment)
    : Created<PaymentSnapshot>(KeyOf(PaymentId), Payment);

public sealed record PaymentChanged(int PaymentId, string ChangeAction, PaymentSnapshot Old, PaymentSnapshot New)
    : Changed<PaymentSnapshot>(KeyOf(PaymentId), ChangeAction, Old, New);

/// <summary>An R16 stop of a partnership's payments for a call.</summary>
[Audited(PaymentService.StopAuditEntity, "Stopzetting van betalingen", "Payment stop")]
public sealed record PaymentStopSnapshot(
    [property: Label("Oproep", "Call")] int CallId,
    [property: Label("Regieverband", "Partnership")] int PartnershipId,
    [property: Label("Beslist op", "Decided on")] string DecidedOn,
    [property: Label("Beslissing", "Decision")] string Decision,
    [property: Label("Motivering", "Motivation")] string Motivation) : IAuditSnapshot;

public sealed record PaymentStopDecided(int StopId, PaymentStopSnapshot Stop)
    : Created<PaymentStopSnapshot>(KeyOf(StopId), Stop);

/// <summary>A reclaim (R16): how much per year, on which decision, by when, and its progress.</summary>
[Audited(ReclaimService.AuditEntity, "Terugvordering", "Reclaim")]
public sealed record ReclaimSnapshot(
    [property: Label("Regieverband", "Partnership")] int PartnershipId,
    [property: Label("Beslissing", "Decision")] string Decision,
    [property: Label("Beslist op", "Decided on")] string DecidedOn,
    [property: Label("Motivering", "Motivation")] string Motivation,
    [property: Label("Te betalen tegen", "Due date")] string DueDate,
    [property: Label("Bedrag per jaar (EUR)", "Amount per year (EUR)")] IReadOnlyDictionary<string, string> Years,
    [property: Label("Status", "Status")] string Status,
    [property: Label("Terugbetaald (EUR)", "Paid back (EUR)")] string PaidBack,
    [property: Label("Afgeschreven (EUR)", "Written off (EUR)")] string WrittenOff) : IAuditSnapshot
{
    public static ReclaimSnapshot Of(Reclaim r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var iso = System.Globalization.CultureInfo.InvariantCulture;
        return new(r.PartnershipId, r.Decision, r.DecidedOn.ToString("yyyy-MM-dd", iso), r.Motivation, r.DueDate.ToString("yyyy-MM-dd", iso), r.Years.OrderBy(y => y.Year).ToDictionary(y => y.Year.ToString(iso), y => y.Amount.ToInvariantString()), r.Status.Code(), r.PaidBack.ToInvariantString(), r.WrittenOff.ToInvariantString());
    }

    public static Bilingual? ValueLabel(string field, string value) =>
        field == nameof(Status) ? Enum.GetValues<ReclaimStatus>().Where(s => s.Code() == value).Select(ReclaimRules.Label).FirstOrDefault() : null;
}

public static class ReclaimAuditActions
{
    [Label("Gevorderd", "Claimed")]
    public const string Claimed = "Claimed";

    [Label("Terugbetaling geboekt", "Repayment booked")]
    public const string Repaid = "Repaid";

    [Label("Afgeschreven", "Written off")]
    public const string WrittenOff = "WrittenOff";
}

public sealed record ReclaimDecided(int ReclaimId, ReclaimSnapshot Reclaim)
    : Created<ReclaimSnapshot>(KeyOf(ReclaimId), Reclaim);

public sealed record ReclaimChanged(int ReclaimId, string ChangeAction, ReclaimSnapshot Old, ReclaimSnapshot New)
    : Changed<ReclaimSnapshot>(KeyOf(ReclaimId), ChangeAction, Old, New);
