using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Partnerships;

/// <summary>
/// The partnerships: the list for everyone signed in (each sees the ones they may read), creating one for case work,
/// and each partnership's own pages and endpoints under /Partnerships/{partnershipId} and
/// /api/v1/partnerships/{partnershipId}, which the partnership gate guards (<see cref="PartnershipAccess"/>).
/// </summary>
public sealed class PartnershipsFeature : IWebFeature
{
    public static void Pages(PageConventionCollection pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        pages.AuthorizeFolder("/Partnerships", Policies.SignedIn);
        pages.AuthorizePage("/Partnerships/New", Policies.CaseWork);
    }

    public static void Api(RouteGroupBuilder api) => PartnershipsApi.Map(api);

    public static IEnumerable<AuditLink> AuditLinks =>
    [
        new(Core.Partnerships.PartnershipService.AuditEntity, (id, _) => $"/Partnerships/{Uri.EscapeDataString(id)}", id => $"/Partnerships/{Uri.EscapeDataString(id)}/History"),
    ];
}
