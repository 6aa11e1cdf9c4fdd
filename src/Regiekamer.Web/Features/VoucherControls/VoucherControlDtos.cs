using Regiekamer.Core.Vouchers;

namespace Regiekamer.Web.Features.VoucherControls;

/// <summary>A drawn voucher's control, with what the voucher shows of a reclaim (amounts in euros, invariant: "300.00").</summary>
public sealed record VoucherControlDto(
    int Id,
    int Version,
    int VoucherId,
    string CompanyKbo,
    string CompanyName,
    string VoucherStatus,
    string Payout,
    DateOnly? PaidOn,
    string Outcome,
    string? Reason,
    DateOnly? DecidedOn,
    string? ReclaimAmount,
    DateOnly? ReclaimedOn,
    DateOnly? RepaidOn,
    string? RepaymentReference,
    int VoucherVersion)
{
    public static VoucherControlDto Of(VoucherControl c, Voucher v)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(v);
        return new(c.Id, c.Version, v.Id, v.CompanyKbo, v.CompanyName, v.Status.ToString(), v.Amount.ToInvariantString(), v.PaidOn, c.Outcome.ToString(), c.Reason, c.DecidedOn,
            v.ReclaimAmount?.ToInvariantString(), v.ReclaimedOn, v.RepaidOn, v.RepaymentReference, v.Version);
    }
}

/// <summary>
/// A control draw: its seed, how many it drew from which vouchers (paid, not drawn before), and the drawn vouchers'
/// controls. <c>ControlSample.Draw(population, size, seed)</c> (SHA-256 of "seed:id", the first <c>size</c>) gives the
/// same vouchers again; <see cref="Reproduces"/> says the server did that and got them.
/// </summary>
public sealed record VoucherControlDrawDto(int Id, int SchemeId, string Seed, int Size, IReadOnlyList<int> Population, DateTime DrawnAtUtc, DateOnly DrawnOn, bool Reproduces, IReadOnlyList<VoucherControlDto> Controls)
{
    public static VoucherControlDrawDto Of(VoucherControlDraw d, IReadOnlyDictionary<int, Voucher> vouchers)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(vouchers);
        return new(d.Id, d.VoucherSchemeId, d.Seed, d.Size, d.PopulationIds, d.DrawnAtUtc, d.DrawnOn, d.Reproduces(),
            d.Controls.OrderBy(c => c.VoucherId).Select(c => VoucherControlDto.Of(c, vouchers[c.VoucherId])).ToList());
    }
}

/// <summary>The scheme's draws (newest first), how many paid vouchers a new draw would draw from, and its reclaims to the cent.</summary>
public sealed record VoucherControlsDto(int SchemeId, int Drawable, int Reclaims, string Reclaimed, string Repaid, string Open, IReadOnlyList<VoucherControlDrawDto> Draws);

/// <summary>A draw: a number of vouchers, or a share in percent; neither draws 10 %.</summary>
public sealed record VoucherDrawRequest(int? Size, int? Percent);

/// <summary>A control's outcome: passed, or failed with a reason and the amount to reclaim (euros, e.g. "300.00"; empty: the whole payout), with the control's version.</summary>
public sealed record VoucherControlOutcomeRequest(bool Passed, string? Reason, string? ReclaimAmount, int Version);

/// <summary>The repayment of a reclaim: date, reference, and the voucher's version.</summary>
public sealed record VoucherRepaymentRequest(DateOnly? RepaidOn, string? Reference, int Version);
