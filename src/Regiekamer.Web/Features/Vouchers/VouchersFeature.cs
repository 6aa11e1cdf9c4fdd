using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Vouchers;

/// <summary>
/// The introduction vouchers' desk (issue 10.6): a partnership's schemes, their dashboards, vouchers and decisions under
/// /Partnerships/{partnershipId}/Vouchers and /api/v1/partnerships/{partnershipId}/voucher-schemes, which the
/// partnership gate guards (its regisseur edits, the department reads); the department's overview of every scheme
/// (/Vouchers/Schemes, /api/v1/voucher-schemes). The public forms are VoucherForms'.
/// </summary>
public sealed class VouchersFeature : IWebFeature
{
    public static void Pages(PageConventionCollection pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        pages.AuthorizeFolder("/Vouchers", Policies.SignedIn);
        pages.AuthorizePage("/Vouchers/Schemes", Policies.Department);
    }

    public static void Api(RouteGroupBuilder api) => VouchersApi.Map(api);
}
