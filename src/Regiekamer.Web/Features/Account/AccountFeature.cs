using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.RateLimiting;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Account;

/// <summary>Signing in and managing one's own account.</summary>
public sealed class AccountFeature : IWebFeature
{
    public static void Pages(PageConventionCollection pages)
    {
        ArgumentNullException.ThrowIfNull(pages);

        // Signing in (and the steps around it) is public; managing your own account is not.
        foreach (var page in new[] { "Login", "LoginWith2fa", "Logout", "ForgotPassword", "ResetPassword", "AccessDenied" })
        {
            pages.AllowAnonymousToPage("/Account/" + page);
        }

        pages.AuthorizeFolder("/Account/Manage", Policies.SignedIn);

        // The pages that take a password or send a mail are rate limited per client IP (every spelling of their address).
        foreach (var page in new[] { "Login", "LoginWith2fa", "ForgotPassword", "ResetPassword" })
        {
            pages.AddPageApplicationModelConvention("/Account/" + page, model => model.EndpointMetadata.Add(new EnableRateLimitingAttribute(AccountsSetup.SignInRateLimit)));
        }
    }
}
