using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.RateLimiting;
using Regiekamer.Web.Features.Catalogue;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.VoucherForms;

/// <summary>
/// The introduction vouchers' public side (issue 10, point 6), no sign-in: the schemes open today (/Vouchers), the
/// application form (/Vouchers/{schemeId}/Apply), and the pages the mailed links open: the company's confirmation
/// (/Vouchers/Confirm/{token}), its voucher page with the invoice upload (/Vouchers/Company/{token}) and the provider's
/// delivery confirmation (/Vouchers/Provider/{token}). Rate-limited per client address (<see cref="AddRateLimit"/>);
/// antiforgery on every POST. Only this folder is anonymous.
/// </summary>
public sealed class VoucherFormsFeature : IWebFeature
{
    public static void Pages(PageConventionCollection pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        pages.AllowAnonymousToFolder("/VoucherForms");
        pages.AddFolderApplicationModelConvention("/VoucherForms", model => model.EndpointMetadata.Add(new EnableRateLimitingAttribute(RateLimit)));
    }

    public const string RateLimit = "voucher-forms";

    public const string PostsPerHourKey = "Vouchers:PostsPerHour";

    /// <summary>
    /// Reading shares the public catalogue's limit per client address (<c>Catalogue:RequestsPerMinute</c>); every POST —
    /// an application mails whatever address it is given — has a stricter one of its own, <c>Vouchers:PostsPerHour</c>
    /// (default 30) per address across the form, the links' pages and the API, so the form cannot be used to flood
    /// mailboxes. 429 beyond either.
    /// </summary>
    public static void AddRateLimit(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var perMinute = builder.Configuration.GetValue(CatalogueFeature.RateLimitKey, 300);
        var postsPerHour = builder.Configuration.GetValue(PostsPerHourKey, 30);
        builder.Services.AddRateLimiter(o => o.AddPolicy(RateLimit, context =>
        {
            var address = (context.Connection.RemoteIpAddress ?? IPAddress.None).ToString();
            return HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(address + " post", _ => new FixedWindowRateLimiterOptions { PermitLimit = postsPerHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 })
                : RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        }));
    }

    public static void Api(RouteGroupBuilder api) => VoucherFormsApi.Map(api);
}
