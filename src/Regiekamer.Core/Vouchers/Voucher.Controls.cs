using Regiekamer.Core.Common;

namespace Regiekamer.Core.Vouchers;

/// <summary>What a failed control (KC9) and the expiry of personal data (docs/privacy.md) do to a voucher.</summary>
public sealed partial class Voucher
{
    /// <summary>What is reclaimed after a failed control: at most the payout (<see cref="Amount"/>).</summary>
    public Money? ReclaimAmount { get; private set; }

    public string? ReclaimReason { get; private set; }

    public DateOnly? ReclaimedOn { get; private set; }

    public DateOnly? RepaidOn { get; private set; }

    public string? RepaymentReference { get; private set; }

    /// <summary>A reclaim decided and not yet repaid.</summary>
    public bool ReclaimOpen => Status == VoucherStatus.Reclaimed && RepaidOn is null;

    /// <summary>A paid voucher whose control failed: <paramref name="amount"/> (at most the payout; the caller checks) is reclaimed.</summary>
    public void Reclaim(Money amount, string reason, DateOnly on, DateTime now)
    {
        Status = VoucherStatus.Reclaimed;
        ReclaimAmount = amount;
        ReclaimReason = reason;
        ReclaimedOn = on;
        UpdatedAtUtc = now;
    }

    /// <summary>The company repaid what was reclaimed, booked with date and reference.</summary>
    public void RecordRepayment(DateOnly on, string reference, DateTime now)
    {
        RepaidOn = on;
        RepaymentReference = reference;
        UpdatedAtUtc = now;
    }

    /// <summary>
    /// The applicant's personal data expire (docs/privacy.md): contact, IP address and both links' token hashes are
    /// cleared; the enterprise's number and name stay (not personal data; KC3 needs them).
    /// </summary>
    public void ErasePersonalData(DateTime now)
    {
        ContactName = null;
        ContactEmail = null;
        ContactPhone = null;
        IpAddress = null;
        CompanyTokenHash = null;
        ProviderTokenHash = null;
        PersonalDataErased = true;
        UpdatedAtUtc = now;
    }

    /// <summary>One person's contact details cleared on their erasure (GDPR art. 17); the rest of the voucher stays.</summary>
    public void ForgetContact(DateTime now)
    {
        ContactName = null;
        ContactEmail = null;
        ContactPhone = null;
        IpAddress = null;
        UpdatedAtUtc = now;
    }
}
