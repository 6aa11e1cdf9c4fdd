using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.RateLimiting;
using Regiekamer.Core.Catalogue;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Catalogue;

/// <summary>
/// The social-procurement catalogue (issue 10 point 5). Public, no sign-in: the search page /Catalogue with its CSV,
/// the supplier's update form /Catalogue/Update/{token}, and /api/v1/catalogue; all rate-limited per client address.
/// A partnership's services are kept under /Catalogue/Manage/{partnershipId} (the partnership gate: read for the
/// department and the partnership, edit for the regisseur and case work); the categories by the department.
/// </summary>
public sealed class CatalogueFeature : IWebFeature
{
    public const string RateLimit = "catalogue";

    public const string RateLimitKey = "Catalogue:RequestsPerMinute";

    public static void Pages(PageConventionCollection pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        pages.AuthorizeFolder("/Catalogue", Policies.SignedIn);
        pages.AuthorizePage("/Catalogue/Categories", Policies.Department);
        foreach (var page in new[] { "/Catalogue/Index", "/Catalogue/Update" })
        {
            pages.AllowAnonymousToPage(page);
            pages.AddPageApplicationModelConvention(page, model => model.EndpointMetadata.Add(new EnableRateLimitingAttribute(RateLimit)));
        }
    }

    public static void Api(RouteGroupBuilder api) => CatalogueApi.Map(api);

    public static IEnumerable<AuditLink> AuditLinks =>
    [
        new(OfferingService.AuditEntity, (_, _) => null, id => $"/Audit?entity={OfferingService.AuditEntity}&entityId={Uri.EscapeDataString(id)}"),
        new(CategoryService.AuditEntity, (_, _) => "/Catalogue/Categories", id => $"/Audit?entity={CategoryService.AuditEntity}&entityId={Uri.EscapeDataString(id)}"),
    ];

    /// <summary>The public pages' and API's limit per client address: <c>Catalogue:RequestsPerMinute</c> (default 300), 429 beyond it.</summary>
    public static void AddRateLimit(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var perMinute = builder.Configuration.GetValue(RateLimitKey, 300);
        builder.Services.AddRateLimiter(o => o.AddPolicy(RateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
            (context.Connection.RemoteIpAddress ?? IPAddress.None).ToString(),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
    }
}
