using Regiekamer.Core.Vouchers;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.VoucherForms;

/// <summary>The introduction-voucher schemes open to applications today: name, partnership, period, rule, value and providers.</summary>
public sealed class IndexModel(VoucherPublicViews views, Regiekamer.Core.Common.BrusselsClock clock) : RegiekamerPage
{
    public IReadOnlyList<OpenVoucherScheme> Schemes { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = clock.Today;
        Schemes = await views.OpenSchemesAsync(ct);
    }
}
