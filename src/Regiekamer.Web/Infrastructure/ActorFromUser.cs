using System.Security.Claims;
using Regiekamer.Core.Accounts;

namespace Regiekamer.Web.Infrastructure;

/// <summary>Tells the audit trail who acts in this request: the signed-in user and the roles they hold.</summary>
public sealed class ActorFromUser(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, CurrentActor actor)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(actor);
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value)
                .Concat(user.PartnershipRoles().Select(r => AccountClaims.PartnershipRoleValue(r.Role, r.PartnershipId)))
                .ToList();
            actor.Actor = new Actor(id, user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name ?? id.ToString(), Truncate(roles.Count > 0 ? string.Join(",", roles) : "none", 100));
        }

        return next(context);
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
