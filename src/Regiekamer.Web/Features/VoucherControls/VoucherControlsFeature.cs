using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.VoucherControls;

/// <summary>
/// The controls of a voucher scheme (issue 10, point 6; KC9): the reproducible control draws of its paid vouchers, each
/// drawn voucher's outcome, the reclaim after a failed control and its repayment, under
/// /Partnerships/{partnershipId}/Vouchers/{schemeId}/Controls and
/// /api/v1/partnerships/{partnershipId}/voucher-schemes/{schemeId}/controls; the partnership gate guards both (its
/// regisseur and the department's case work act, everyone of the partnership and the department reads).
/// </summary>
public sealed class VoucherControlsFeature : IWebFeature
{
    public static void Pages(PageConventionCollection pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        pages.AuthorizeFolder("/VoucherControls", Policies.SignedIn);
    }

    public static void Api(RouteGroupBuilder api) => VoucherControlsApi.Map(api);
}
