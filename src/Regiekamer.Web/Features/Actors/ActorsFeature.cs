using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Actors;

/// <summary>
/// The actor inventory (issue 10.1): a partnership's actors under /Partnerships/{partnershipId}/Actors and
/// /api/v1/partnerships/{partnershipId}/actors, which the partnership gate guards (its regisseur edits, the department
/// reads); the department's list of all actors (/Actors, /api/v1/actors) and its list of kinds (/Actors/Kinds,
/// /api/v1/actor-kinds).
/// </summary>
public sealed class ActorsFeature : IWebFeature
{
    public static void Pages(PageConventionCollection pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        pages.AuthorizeFolder("/Actors", Policies.SignedIn);
        pages.AuthorizePage("/Actors/All", Policies.Department);
        pages.AuthorizePage("/Actors/Kinds", Policies.Department);
    }

    public static void Api(RouteGroupBuilder api) => ActorsApi.Map(api);
}
