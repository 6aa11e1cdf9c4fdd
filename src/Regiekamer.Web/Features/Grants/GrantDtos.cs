using Regiekamer.Core.Grants;

namespace Regiekamer.Web.Features.Grants;

public sealed record DecreeLineDto(int Id, int PartnershipId, string PartnershipName, string BeneficiaryKind, string Beneficiary, string? Kbo, string? Iban, string Amount)
{
    public static DecreeLineDto Of(DecreeLine l) => new(l.Id, l.PartnershipId, l.PartnershipName, l.BeneficiaryKind.Code(), l.BeneficiaryName, l.BeneficiaryKbo, l.Iban, l.Amount.ToInvariantString());
}

public sealed record DecreeDto(int Id, int CallId, int Year, string Number, DateOnly DecreeDate, string LegalBasis, int AllocationRunId, string Budget, string Total, int? AmendsDecreeId, string? AmendmentReason, string Status, int Version, DateTime? SignedAtUtc, DateTime? PublishedAtUtc, IReadOnlyList<DecreeLineDto> Lines)
{
    public static DecreeDto Of(Decree d) => new(d.Id, d.CallId, d.Year, d.Number, d.DecreeDate, d.LegalBasis, d.AllocationRunId, d.Budget.ToInvariantString(), d.Total.ToInvariantString(), d.AmendsDecreeId, d.AmendmentReason, d.Status.Code(), d.Version, d.SignedAtUtc, d.PublishedAtUtc, d.Lines.OrderBy(l => l.BeneficiaryName, StringComparer.Ordinal).Select(DecreeLineDto.Of).ToList());
}

public sealed record DecreeDraftRequest(int AllocationRunId, int Year, string? Number, DateOnly? DecreeDate, string? LegalBasis);

public sealed record DecreeRequest(string? Number, DateOnly? DecreeDate, string? LegalBasis, string? AmendmentReason, int Version);

public sealed record DecreeAmountRequest(string? Amount, int Version);

public sealed record VersionRequest(int Version);

public sealed record PaymentDto(int Id, string Reference, int CallId, int Year, int PartnershipId, string Beneficiary, string? Kbo, string? Iban, string Decree, string Kind, DateOnly PlannedDate, string Amount, string Status, int Version, Guid? ProposedBy, Guid? ApprovedBy, DateOnly? PaidOn, string? BankReference, string? FailureReason)
{
    public static PaymentDto Of(PaymentView v)
    {
        var p = v.Payment;
        return new(p.Id, p.Reference, p.CallId, p.Year, p.PartnershipId, v.Line.BeneficiaryName, v.Line.BeneficiaryKbo, v.Line.Iban, v.DecreeNumber, p.Kind.Code(), p.PlannedDate, p.Amount.ToInvariantString(), p.Status.Code(), p.Version, p.ProposedByUserId, p.ApprovedByUserId, p.PaidOn, p.BankReference, p.FailureReason);
    }
}

public sealed record PaymentRequest(int DecreeLineId, DateOnly? PlannedDate, string? Amount);

public sealed record PaymentRescheduleRequest(DateOnly? PlannedDate, string? Amount, int Version);

/// <summary>One step: action propose, approve, return, order, mark-paid (paidOn, bankReference) or mark-failed (reason).</summary>
public sealed record PaymentStepRequest(string? Action, int Version, DateOnly? PaidOn, string? BankReference, string? Reason);

public sealed record PaymentStopRequest(int? CallId, int PartnershipId, DateOnly? DecidedOn, string? Decision, string? Motivation);

public sealed record PaymentStopDto(int Id, int CallId, int PartnershipId, DateOnly DecidedOn, string Decision, string Motivation)
{
    public static PaymentStopDto Of(PaymentStop s) => new(s.Id, s.CallId, s.PartnershipId, s.DecidedOn, s.Decision, s.Motivation);
}

public sealed record LedgerLineDto(int Year, int PartnershipId, string Beneficiary, string Granted, string Paid, string InProgress, string Stopped, string Reclaimed, string PaidBack, string WrittenOff, string Net, string Outstanding)
{
    public static LedgerLineDto Of(LedgerLine l) => new(l.Year, l.PartnershipId, l.Beneficiary, l.Granted.ToInvariantString(), l.Paid.ToInvariantString(), l.InProgress.ToInvariantString(), l.Stopped.ToInvariantString(), l.Reclaimed.ToInvariantString(), l.PaidBack.ToInvariantString(), l.WrittenOff.ToInvariantString(), l.Net.ToInvariantString(), l.Outstanding.ToInvariantString());
}

public sealed record LedgerProblemDto(string Where, string Message, string MessageNl);

public sealed record LedgerDto(int CallId, string CallCode, DateTime ComputedAtUtc, bool Reconciles, IReadOnlyList<LedgerProblemDto> Problems, LedgerLineDto Totals, IReadOnlyList<LedgerLineDto> Lines)
{
    public static LedgerDto Of(CallLedger c)
    {
        var t = c.Ledger.Totals;
        var totals = new LedgerLineDto(0, 0, "", t.Granted.ToInvariantString(), t.Paid.ToInvariantString(), t.InProgress.ToInvariantString(), t.Stopped.ToInvariantString(), t.Reclaimed.ToInvariantString(), t.PaidBack.ToInvariantString(), t.WrittenOff.ToInvariantString(), t.Net.ToInvariantString(), t.Outstanding.ToInvariantString());
        return new(c.Call.Id, c.Call.Code, c.ComputedAtUtc, c.Ledger.Reconciles, c.Ledger.Problems.Select(p => new LedgerProblemDto(p.Where, p.Message.En, p.Message.Nl)).ToList(), totals, c.Ledger.Lines.Select(LedgerLineDto.Of).ToList());
    }
}

/// <summary>What a partnership sees of its grants: its lines of the decrees in force and its payments.</summary>
public sealed record PartnershipGrantsDto(int PartnershipId, IReadOnlyList<PartnershipGrantDto> Grants, IReadOnlyList<PaymentDto> Payments);

public sealed record PartnershipGrantDto(int Year, string Decree, DateOnly DecreeDate, string Status, string Beneficiary, string Amount);

public sealed record ReclaimDto(int Id, int CallId, int PartnershipId, string Decision, DateOnly DecidedOn, string Motivation, DateOnly DueDate, string Status, string Amount, string PaidBack, string WrittenOff, string Open, IReadOnlyDictionary<int, string> Years, int Version)
{
    public static ReclaimDto Of(Reclaim r) => new(r.Id, r.CallId, r.PartnershipId, r.Decision, r.DecidedOn, r.Motivation, r.DueDate, r.Status.Code(), r.Amount.ToInvariantString(), r.PaidBack.ToInvariantString(), r.WrittenOff.ToInvariantString(), r.Open.ToInvariantString(), r.Years.OrderBy(y => y.Year).ToDictionary(y => y.Year, y => y.Amount.ToInvariantString()), r.Version);
}

/// <summary>A reclaim as decided; amount empty means everything paid.</summary>
public sealed record ReclaimRequest(int? CallId, int PartnershipId, string? Decision, DateOnly? DecidedOn, DateOnly? DueDate, string? Motivation, string? Amount);

/// <summary>A step of a reclaim: claim (date), repay (date, amount, reference) or write-off (motivation), with the version read.</summary>
public sealed record ReclaimStepRequest(string? Action, int Version, DateOnly? Date, string? Amount, string? Reference, string? Motivation);

/// <summary>A year's reports on the dashboard (R15, R16): expected, received (submitted at least once), late (overdue, or handed in late), not started, under evaluation (submitted or clarification requested), accepted, refused (not used for its purpose).</summary>
public sealed record DashboardReportsDto(int Expected, int Received, int Late, int NotStarted, int UnderEvaluation, int Accepted, int Refused)
{
    public static DashboardReportsDto Of(ReportCounts c) => new(c.Expected, c.Received, c.Late, c.NotStarted, c.UnderEvaluation, c.Accepted, c.Refused);
}

/// <summary>A year of the dashboard: money from the ledger (euros with a dot, as the ledger), reports from their standing; year 0 is the call's total.</summary>
public sealed record DashboardYearDto(int Year, string Granted, string Paid, string InProgress, string Outstanding, string Reclaimed, DashboardReportsDto Reports)
{
    public static DashboardYearDto Of(int year, LedgerTotals t, ReportCounts r) =>
        new(year, t.Granted.ToInvariantString(), t.Paid.ToInvariantString(), t.InProgress.ToInvariantString(), t.Outstanding.ToInvariantString(), t.Reclaimed.ToInvariantString(), DashboardReportsDto.Of(r));
}

/// <summary>The department's dashboard of a call: per year and in total, as of computedAtUtc; reconciles says whether the ledger behind the money reconciles.</summary>
public sealed record DashboardDto(int CallId, string CallCode, DateTime ComputedAtUtc, bool Reconciles, IReadOnlyList<DashboardYearDto> Years, DashboardYearDto Totals)
{
    public static DashboardDto Of(CallDashboard d) => new(
        d.Call.Id, d.Call.Code, d.ComputedAtUtc, d.Reconciles, d.Years.Select(y => DashboardYearDto.Of(y.Year, y.Money, y.Reports)).ToList(), DashboardYearDto.Of(0, d.Totals, d.ReportTotals));
}
