using Regiekamer.Core.Accounts;
using Regiekamer.Core.Vouchers;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Vouchers;

/// <summary>The partnership's voucher schemes, each with its budget line.</summary>
[PartnershipAccess(PartnershipPermission.Read)]
public sealed class IndexModel(CurrentPartnership current, VoucherDeskService desk, Core.Common.BrusselsClock clock) : RegiekamerPage
{
    public int PartnershipKey => current.Id;

    public string PartnershipName => current.Existing.Name;

    public bool CanEdit => User.May(current.Id, PartnershipPermission.Edit);

    public IReadOnlyList<VoucherSchemeView> Schemes { get; private set; } = [];

    public DateTime AsOfUtc { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        AsOfUtc = clock.UtcNow;
        Schemes = await desk.SchemesAsync(current.Id, ct);
    }
}
