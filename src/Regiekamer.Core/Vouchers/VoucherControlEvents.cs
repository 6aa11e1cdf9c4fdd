using System.Globalization;
using Regiekamer.Core.Audit;

namespace Regiekamer.Core.Vouchers;

// What the audit trail keeps of the controls (KC9): each draw ("VoucherControlDraw", its id) with its seed and what it
// drew; on the voucher ("Voucher", its id) its control's outcome, the reclaim and the repayment, and the expiry of its
// applicant's personal data (recorded without those data).

[Audited(VoucherControlService.DrawAuditEntity, "Controletrekking", "Control draw")]
public sealed record VoucherControlDrawSnapshot(
    [property: Label("Regeling", "Scheme")] int SchemeId,
    [property: Label("Seed", "Seed")] string Seed,
    [property: Label("Aantal getrokken", "Number drawn")] int Size,
    [property: Label("Getrokken uit (cheques)", "Drawn from (vouchers)")] string Population,
    [property: Label("Getrokken cheques", "Vouchers drawn")] string Drawn,
    [property: Label("Getrokken op", "Drawn on")] string DrawnOn) : IAuditSnapshot
{
    public static VoucherControlDrawSnapshot Of(VoucherControlDraw d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.VoucherSchemeId, d.Seed, d.Size, d.Population, string.Join(',', d.Controls.Select(c => c.VoucherId).Order().Select(i => i.ToString(CultureInfo.InvariantCulture))), VoucherSchemeSnapshot.Iso(d.DrawnOn));
    }
}

public sealed record VoucherControlDrawn(int DrawId, VoucherControlDrawSnapshot Draw) : Created<VoucherControlDrawSnapshot>(KeyOf(DrawId), Draw);

[Audited(VoucherService.VoucherAuditEntity, "Kennismakingscheque", "Introduction voucher")]
public sealed record VoucherControlSnapshot(
    [property: Label("Controletrekking", "Control draw")] int DrawId,
    [property: Label("Uitkomst controle", "Control outcome")] string Outcome,
    [property: Label("Reden", "Reason")] string? Reason,
    [property: Label("Gecontroleerd op", "Controlled on")] string? DecidedOn) : IAuditSnapshot
{
    public static VoucherControlSnapshot Of(VoucherControl c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.VoucherControlDrawId, c.Outcome.ToString(), c.Reason, c.DecidedOn is { } d ? VoucherSchemeSnapshot.Iso(d) : null);
    }
}

public sealed record VoucherControlDecided(int VoucherId, VoucherControlSnapshot Old, VoucherControlSnapshot New)
    : PartChanged<VoucherControlSnapshot>(KeyOf(VoucherId), VoucherControlActions.Controlled, Old, New);

[Audited(VoucherService.VoucherAuditEntity, "Kennismakingscheque", "Introduction voucher")]
public sealed record VoucherReclaimSnapshot(
    [property: Label("Status", "Status")] string Status,
    [property: Label("Uitbetaald", "Paid out")] string Payout,
    [property: Label("Terug te vorderen", "To reclaim")] string? ReclaimAmount,
    [property: Label("Reden terugvordering", "Reason for the reclaim")] string? ReclaimReason,
    [property: Label("Teruggevorderd op", "Reclaimed on")] string? ReclaimedOn,
    [property: Label("Terugbetaald op", "Repaid on")] string? RepaidOn,
    [property: Label("Referentie terugbetaling", "Repayment reference")] string? RepaymentReference) : IAuditSnapshot
{
    public static VoucherReclaimSnapshot Of(Voucher v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new(v.Status.ToString(), v.Amount.ToInvariantString(), v.ReclaimAmount?.ToInvariantString(), v.ReclaimReason, v.ReclaimedOn is { } r ? VoucherSchemeSnapshot.Iso(r) : null, v.RepaidOn is { } p ? VoucherSchemeSnapshot.Iso(p) : null, v.RepaymentReference);
    }
}

public sealed record VoucherReclaimChanged(int VoucherId, string How, VoucherReclaimSnapshot Old, VoucherReclaimSnapshot New) : Changed<VoucherReclaimSnapshot>(KeyOf(VoucherId), How, Old, New);

/// <summary>Which of the applicant's fields the expiry cleared; never their values.</summary>
[Audited(VoucherService.VoucherAuditEntity, "Kennismakingscheque", "Introduction voucher")]
public sealed record VoucherPersonalDataSnapshot(
    [property: Label("Persoonsgegevens gewist", "Personal data erased")] bool Erased,
    [property: Label("Gewiste velden", "Fields erased")] string? Fields) : IAuditSnapshot;

public sealed record VoucherPersonalDataExpired(int VoucherId, VoucherPersonalDataSnapshot Old, VoucherPersonalDataSnapshot New)
    : Changed<VoucherPersonalDataSnapshot>(KeyOf(VoucherId), VoucherControlActions.PersonalDataExpired, Old, New);

public static class VoucherControlActions
{
    [Label("Gecontroleerd", "Controlled")]
    public const string Controlled = "VoucherControlled";

    [Label("Teruggevorderd", "Reclaimed")]
    public const string Reclaimed = "VoucherReclaimed";

    [Label("Terugbetaling geboekt", "Repayment recorded")]
    public const string Repaid = "VoucherRepaid";

    [Label("Persoonsgegevens vervallen", "Personal data expired")]
    public const string PersonalDataExpired = "VoucherPersonalDataExpired";

    [Label("Contactpersoon gewist", "Contact erased")]
    public const string ContactErased = "VoucherContactErased";
}
