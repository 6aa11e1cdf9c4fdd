using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regiekamer.Core.Applications;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Applications;

/// <summary>
/// Application dossiers (R7): the list for everyone signed in (each sees the dossiers they may read), the department's
/// overview, and each dossier's pages and endpoints under /Applications/{applicationId} and
/// /api/v1/applications/{applicationId}, which the partnership gate guards for the dossier's partnership.
/// </summary>
public sealed class ApplicationsFeature : IWebFeature
{
    public const string RouteParameter = "applicationId";

    public static void Pages(PageConventionCollection pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        pages.AuthorizeFolder("/Applications", Policies.SignedIn);
        pages.AuthorizePage("/Applications/Overview", Policies.Department);
        pages.AuthorizePage("/Applications/Review", Policies.Department);
    }

    public static void Api(RouteGroupBuilder api) => ApplicationsApi.Map(api);

    public static IEnumerable<AuditLink> AuditLinks =>
    [
        new(ApplicationService.AuditEntity, (id, _) => $"/Applications/{Uri.EscapeDataString(id)}", id => $"/Applications/{Uri.EscapeDataString(id)}/History"),
    ];

    public static IEnumerable<OwnedRoute> OwnedRoutes =>
    [
        new(RouteParameter, (services, id, ct) => services.GetRequiredService<ApplicationService>().PartnershipOfAsync(id, ct)),
    ];
}
