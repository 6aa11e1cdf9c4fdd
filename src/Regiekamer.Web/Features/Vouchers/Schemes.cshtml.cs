using Regiekamer.Core.Vouchers;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Vouchers;

/// <summary>The department's overview: every partnership's voucher schemes with their dashboards' totals.</summary>
public sealed class SchemesModel(VoucherDeskService desk, Core.Common.BrusselsClock clock) : RegiekamerPage
{
    public IReadOnlyList<VoucherSchemeView> Schemes { get; private set; } = [];

    public DateTime AsOfUtc { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        AsOfUtc = clock.UtcNow;
        Schemes = await desk.SchemesAsync(null, ct);
    }
}
