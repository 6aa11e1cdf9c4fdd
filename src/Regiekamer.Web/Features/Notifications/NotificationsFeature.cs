using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Notifications;

/// <summary>
/// A person's own notifications: the page /Notifications and /api/v1/notifications, for everyone signed in. Nothing
/// here takes a person from the request: it is always the signed-in user's list, and another person's notification
/// is "not found".
/// </summary>
public sealed class NotificationsFeature : IWebFeature
{
    public static void Pages(PageConventionCollection pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        pages.AuthorizeFolder("/Notifications", Policies.SignedIn);
    }

    public static void Api(RouteGroupBuilder api) => NotificationsApi.Map(api);

    /// <summary>The signed-in user's account id, or null (a principal without one has no notifications).</summary>
    public static Guid? UserIdOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
    }
}
