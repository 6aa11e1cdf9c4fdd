using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.RateLimiting;
using Regiekamer.Web.Features.Catalogue;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.VoucherForms;

/// <summary>
/// The introduction vouchers' public side (issue 10, point 6), no sign-in: the schemes open today (/Vouchers), the
/// application form (/Vouchers/{schemeId}/Apply), and the pages the mailed links open: the company's confirmation
/// (/Vouchers/Confirm/{token}), its voucher page with the invoice upload (/Vouchers/Company/{token}) and the provider's
/// delivery confirmation (/Vouchers/Provider/{token}). Rate-limited per client address with the public policy of the
/// catalogue; antiforgery on every POST. Only this folder is anonymous.
/// </summary>
public sealed class VoucherFormsFeature : IWebFeature
{
    public static void Pages(PageConventionCollection pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        pages.AllowAnonymousToFolder("/VoucherForms");
        pages.AddFolderApplicationModelConvention("/VoucherForms", model => model.EndpointMetadata.Add(new EnableRateLimitingAttribute(CatalogueFeature.RateLimit)));
    }

    public static void Api(RouteGroupBuilder api) => VoucherFormsApi.Map(api);
}
