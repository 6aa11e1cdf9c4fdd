using System.Globalization;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Vouchers;

// What the audit trail keeps of the introduction vouchers: every event on a scheme ("VoucherScheme", its id) and on a
// voucher ("Voucher", its id). The company's contact person is personal data (ADR 0008).

[Audited(VoucherService.SchemeAuditEntity, "Chequeregeling", "Voucher scheme")]
public sealed record VoucherSchemeSnapshot(
    [property: Label("Regieverband", "Partnership")] int PartnershipId,
    [property: Label("Naam", "Name")] string Name,
    [property: Label("Soort cheque", "Kind of voucher")] string Kind,
    [property: Label("Waarde", "Value")] string Value,
    [property: Label("Eigen inbreng", "Own share")] string OwnShare,
    [property: Label("Te gebruiken binnen (maanden)", "Use within (months)")] int UseWithinMonths,
    [property: Label("Van", "From")] string From,
    [property: Label("Tot en met", "Until")] string Until,
    [property: Label("Budget", "Budget")] string Budget,
    [property: Label("Streefcijfer bedrijven", "Target companies")] int TargetCompanies,
    [property: Label("Aanbieders", "Providers")] string Providers,
    [property: Label("Status", "Status")] string Status) : IAuditSnapshot
{
    public static VoucherSchemeSnapshot Of(VoucherScheme s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.PartnershipId, s.Name, s.Kind.ToString(), s.Value.ToInvariantString(), s.OwnShare.ToInvariantString(), s.UseWithinMonths, Iso(s.From), Iso(s.Until), s.Budget.ToInvariantString(), s.TargetCompanies, string.Join(", ", s.Providers.Select(p => p.ActorId).Order()), s.Status.ToString());
    }

    internal static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed record VoucherSchemeCreated(int SchemeId, VoucherSchemeSnapshot Scheme) : Created<VoucherSchemeSnapshot>(KeyOf(SchemeId), Scheme);

public sealed record VoucherSchemeChanged(int SchemeId, string How, VoucherSchemeSnapshot Old, VoucherSchemeSnapshot New) : Changed<VoucherSchemeSnapshot>(KeyOf(SchemeId), How, Old, New);

[Audited(VoucherService.VoucherAuditEntity, "Kennismakingscheque", "Introduction voucher")]
public sealed record VoucherSnapshot(
    [property: Label("Regeling", "Scheme")] int SchemeId,
    [property: Label("Ondernemingsnummer", "Enterprise number")] string CompanyKbo,
    [property: Label("Bedrijf", "Company")] string CompanyName,
    [property: Label("Contactpersoon", "Contact person")] Personal? ContactName,
    [property: Label("E-mail contactpersoon", "Contact e-mail")] Personal? ContactEmail,
    [property: Label("Telefoon contactpersoon", "Contact phone")] Personal? ContactPhone,
    [property: Label("Aanbieder", "Provider")] int ProviderActorId,
    [property: Label("Dienst", "Service")] string Service,
    [property: Label("Verklaart niet verbonden te zijn", "Declares not related")] bool DeclaredNotRelated,
    [property: Label("Status", "Status")] string Status,
    [property: Label("Bedrag", "Amount")] string Amount,
    [property: Label("Bevindingen", "Findings")] string? Findings,
    [property: Label("Reden", "Reason")] string? Reason) : IAuditSnapshot
{
    public static VoucherSnapshot Of(Voucher v)
    {
        ArgumentNullException.ThrowIfNull(v);
        var contact = Personal.ContactSubject(v.ContactEmail, v.ContactName);
        return new(v.VoucherSchemeId, v.CompanyKbo, v.CompanyName, Personal.Of(v.ContactName, contact), Personal.Of(v.ContactEmail, contact), Personal.Of(v.ContactPhone, contact), v.ProviderActorId, v.Service, v.DeclaredNotRelated, v.Status.ToString(), v.Amount.ToInvariantString(), v.Findings, v.DecisionReason);
    }
}

public sealed record VoucherApplied(int VoucherId, VoucherSnapshot Voucher) : Created<VoucherSnapshot>(KeyOf(VoucherId), Voucher);

public sealed record VoucherChanged(int VoucherId, string How, VoucherSnapshot Old, VoucherSnapshot New) : Changed<VoucherSnapshot>(KeyOf(VoucherId), How, Old, New);

public static class VoucherAuditActions
{
    [Label("Opengesteld", "Opened")]
    public const string Opened = "SchemeOpened";

    [Label("Afgesloten", "Closed")]
    public const string Closed = "SchemeClosed";

    [Label("Bevestigd", "Confirmed")]
    public const string Confirmed = "VoucherConfirmed";

    [Label("Goedgekeurd", "Approved")]
    public const string Approved = "Approved";

    [Label("Geweigerd", "Refused")]
    public const string Refused = "Refused";

    [Label("Levering bevestigd", "Delivery confirmed")]
    public const string Delivered = "VoucherDelivered";

    [Label("Factuur opgeladen", "Invoice uploaded")]
    public const string Invoiced = "VoucherInvoiced";

    [Label("Uitbetaald", "Paid out")]
    public const string Paid = "VoucherPaid";

    [Label("Vervallen", "Lapsed")]
    public const string Lapsed = "VoucherLapsed";
}
