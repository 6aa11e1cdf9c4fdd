using Regiekamer.Core.Common;

namespace Regiekamer.Core.Vouchers;

/// <summary>
/// One company's introduction voucher in a scheme, from its application on the public form to payout (or refusal,
/// lapse, withdrawal). The company needs no account: it confirms by an e-mail link whose token is stored only as its
/// SHA-256. Approval reserves <see cref="Amount"/> (KC2); the findings of the controls are kept with it (KC3–KC9).
/// The company's contact is personal data and is erased by the rule of docs/privacy.md after the scheme closes.
/// </summary>
public sealed partial class Voucher
{
    public int Id { get; private set; }

    public int VoucherSchemeId { get; private set; }

    public int PartnershipId { get; private set; }

    /// <summary>Ten digits (<see cref="Common.KboNumber"/>).</summary>
    public string CompanyKbo { get; private set; } = "";

    public string CompanyName { get; private set; } = "";

    /// <summary>The registered address as the company gives it (or as KBO has it): compared with the provider's (KC4).</summary>
    public string? CompanyAddress { get; private set; }

    public string? ContactName { get; private set; }

    public string? ContactEmail { get; private set; }

    public string? ContactPhone { get; private set; }

    public int ProviderActorId { get; private set; }

    /// <summary>What the company means to buy.</summary>
    public string Service { get; private set; } = "";

    /// <summary>The company's signed declaration that it is not related to the provider (KC4).</summary>
    public bool DeclaredNotRelated { get; private set; }

    public string? IpAddress { get; private set; }

    public DateTime AppliedAtUtc { get; private set; }

    public DateOnly AppliedOn { get; private set; }

    /// <summary>
    /// Lower-case hex SHA-256 of the token in the company's link: it confirms the application with it, and later uploads
    /// its invoice; cleared with the personal data.
    /// </summary>
    public string? CompanyTokenHash { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the token in the provider's link, issued on approval, to confirm delivery.</summary>
    public string? ProviderTokenHash { get; private set; }

    public DateTime? ConfirmedAtUtc { get; private set; }

    public VoucherStatus Status { get; private set; }

    /// <summary>The value reserved on approval (the scheme's value), or paid.</summary>
    public Money Amount { get; private set; }

    /// <summary>The controls' findings at confirmation, one per line: "KC4 Refused: …".</summary>
    public string? Findings { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    public Guid? DecidedByUserId { get; private set; }

    public string? DecisionReason { get; private set; }

    /// <summary>The last day the voucher may be used (KC7): invoiced by then, or it lapses.</summary>
    public DateOnly? LastDayOfUse { get; private set; }

    public DateOnly? DeliveredOn { get; private set; }

    public string? InvoiceNumber { get; private set; }

    public DateOnly? InvoiceDate { get; private set; }

    public Money InvoiceTotal { get; private set; }

    /// <summary>What the company shows it paid itself (a co-funded voucher's own share, KC6).</summary>
    public Money PaidByCompany { get; private set; }

    public DateOnly? PaidOn { get; private set; }

    public string? PaymentReference { get; private set; }

    public bool PersonalDataErased { get; private set; }

    public int Version { get; set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public static Voucher Apply(VoucherScheme scheme, KboNumber company, string companyName, string? companyAddress, string? contactName, string? contactEmail, string? contactPhone, int providerActorId, string service, bool declaredNotRelated, string? ip, string tokenHash, DateTime now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        return new Voucher
        {
            VoucherSchemeId = scheme.Id,
            PartnershipId = scheme.PartnershipId,
            CompanyKbo = company.Value,
            CompanyName = companyName,
            CompanyAddress = companyAddress,
            ContactName = contactName,
            ContactEmail = contactEmail,
            ContactPhone = contactPhone,
            ProviderActorId = providerActorId,
            Service = service,
            DeclaredNotRelated = declaredNotRelated,
            IpAddress = ip,
            AppliedAtUtc = now,
            AppliedOn = today,
            CompanyTokenHash = tokenHash,
            Status = VoucherStatus.Unconfirmed,
            UpdatedAtUtc = now,
            Version = 1,
        };
    }

    public void Confirm(IReadOnlyList<VoucherFinding> findings, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(findings);
        Status = VoucherStatus.Applied;
        ConfirmedAtUtc = now;
        Findings = findings.Count == 0 ? null : string.Join('\n', findings.Select(f => $"{f.Rule} {f.Outcome}: {f.Reason.Nl}"));
        UpdatedAtUtc = now;
    }

    public void Approve(Money amount, DateOnly lastDayOfUse, string providerTokenHash, DateOnly on, Guid? by, string? reason, DateTime now)
    {
        Status = VoucherStatus.Approved;
        Amount = amount;
        LastDayOfUse = lastDayOfUse;
        ProviderTokenHash = providerTokenHash;
        Decide(on, by, reason, now);
    }

    public void Deliver(DateOnly on, DateTime now)
    {
        Status = VoucherStatus.Delivered;
        DeliveredOn = on;
        UpdatedAtUtc = now;
    }

    /// <summary>The invoice is in (KC6): what the voucher pays on it replaces the reserved value, releasing any rest.</summary>
    public void Invoice(string number, DateOnly date, Money total, Money paidByCompany, Money payout, string? flags, DateTime now)
    {
        Status = VoucherStatus.Invoiced;
        InvoiceNumber = number;
        InvoiceDate = date;
        InvoiceTotal = total;
        PaidByCompany = paidByCompany;
        Amount = payout;
        if (flags is not null)
        {
            Findings = Findings is null ? flags : Findings + "\n" + flags;
        }

        UpdatedAtUtc = now;
    }

    public void Pay(DateOnly on, string reference, DateTime now)
    {
        Status = VoucherStatus.Paid;
        PaidOn = on;
        PaymentReference = reference;
        UpdatedAtUtc = now;
    }

    /// <summary>Not invoiced by its last day (KC7): the reservation is released; <see cref="Amount"/> keeps what lapsed.</summary>
    public void Lapse(DateTime now)
    {
        Status = VoucherStatus.Lapsed;
        ProviderTokenHash = null;
        UpdatedAtUtc = now;
    }

    public void Refuse(DateOnly on, Guid? by, string reason, DateTime now)
    {
        Status = VoucherStatus.Refused;
        Amount = Money.Zero;
        Decide(on, by, reason, now);
    }

    private void Decide(DateOnly on, Guid? by, string? reason, DateTime now)
    {
        DecidedOn = on;
        DecidedByUserId = by;
        DecisionReason = reason;
        UpdatedAtUtc = now;
    }

    /// <summary>A new company link (its token's SHA-256), mailed on approval: the confirmation link stops opening the voucher.</summary>
    public void ReissueCompanyLink(string tokenHash, DateTime now)
    {
        CompanyTokenHash = tokenHash;
        UpdatedAtUtc = now;
    }
}

public enum VoucherFileKind
{
    Invoice,

    /// <summary>Proof that the company paid its own share (co-funded voucher, KC6).</summary>
    OwnShareProof,
}

/// <summary>A file the company uploads for its voucher: a PDF checked by content, stored with its SHA-256 (a file used before is refused, KC6).</summary>
public sealed class VoucherFile
{
    public int Id { get; set; }

    public int VoucherId { get; set; }

    public VoucherFileKind Kind { get; set; }

    public string FileName { get; set; } = "";

    public long Length { get; set; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Content"/>.</summary>
    public string Sha256 { get; set; } = "";

    public byte[] Content { get; set; } = [];

    public DateTime UploadedAtUtc { get; set; }
}
