using System.Security.Claims;
using Regiekamer.Core.Accounts;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Account;

/// <summary>
/// Administrators must sign in with two factors. One who signed in with a password only, and has no authenticator
/// set up yet, is sent to set it up and reaches nothing else (but signing out) until done. API tokens are exempt:
/// only a signed-in user can make one.
/// </summary>
public sealed class AdministratorTwoFactorGate(RequestDelegate next)
{
    public const string SetupPath = "/Account/Manage/TwoFactor";

    private static readonly string[] Open = [SetupPath, "/Account/Logout", "/Account/AccessDenied", "/Account/Login", "/culture", "/health", "/Error"];

    private static bool MustSetUpTwoFactor(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.IsAuthenticated == true
            && user.May(DepartmentPermission.Administer)
            && !user.HasClaim(c => c.Type == AccountClaims.ApiTokenId)
            && user.FindFirstValue(AccountClaims.TwoFactorEnabled) != "true";
    }

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!MustSetUpTwoFactor(context.User) || Open.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            return next(context);
        }

        if (AccountProblems.IsApi(context.Request))
        {
            return AccountProblems.WriteAsync(context, StatusCodes.Status403Forbidden, AccountProblems.AdministratorNeedsTwoFactor);
        }

        context.Response.Redirect(SetupPath + "?required=true");
        return Task.CompletedTask;
    }
}
