using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.RateLimiting;

namespace Regiekamer.Web.Infrastructure;

/// <summary>
/// The policy of every page, in one place. A page that is not listed here gets the fallback policy (signed in) —
/// and the access test fails for it until it is given its intended audience.
/// </summary>
public static class PageAccess
{
    public static void Apply(PageConventionCollection pages)
    {
        ArgumentNullException.ThrowIfNull(pages);

        // Public: what the scheme publishes.
        pages.AllowAnonymousToPage("/Index");
        pages.AllowAnonymousToPage("/Coverage/Index");
        pages.AllowAnonymousToFolder("/Published");

        // The error page: whoever ended up on an error, signed in or not.
        pages.AllowAnonymousToPage("/Error");

        // Signing in (and the steps around it) is public; managing your own account is not.
        foreach (var page in new[] { "Login", "LoginWith2fa", "Logout", "ForgotPassword", "ResetPassword", "AccessDenied" })
        {
            pages.AllowAnonymousToPage("/Account/" + page);
        }

        pages.AuthorizeFolder("/Account/Manage", Policies.SignedIn);

        // The pages that take a password or send a mail are rate limited per client IP (every spelling of their address).
        foreach (var page in new[] { "Login", "LoginWith2fa", "ForgotPassword", "ResetPassword" })
        {
            pages.AddPageApplicationModelConvention("/Account/" + page, model => model.EndpointMetadata.Add(new EnableRateLimitingAttribute(Features.Account.AccountsSetup.SignInRateLimit)));
        }

        // Everyone signed in: reference data, calls, what-if, their own partnerships (pages check which).
        pages.AuthorizeFolder("/Municipalities", Policies.SignedIn);
        pages.AuthorizeFolder("/Calls", Policies.SignedIn);
        pages.AuthorizeFolder("/WhatIf", Policies.SignedIn);
        pages.AuthorizeFolder("/Partnerships", Policies.SignedIn);
        pages.AuthorizePage("/Partnerships/Edit", Policies.SignedIn);

        // Department only.
        pages.AuthorizeFolder("/Eligibility", Policies.Department);
        pages.AuthorizeFolder("/Allocation", Policies.Department);
        pages.AuthorizeFolder("/Audit", Policies.Department);

        // Administrators.
        pages.AuthorizeFolder("/Imports", Policies.Administrator);
        pages.AuthorizeFolder("/Admin", Policies.Administrator);
    }
}
