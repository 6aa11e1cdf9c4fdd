using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features;

/// <summary>The public overview (/) and the error page.</summary>
public sealed class HomeFeature : IWebFeature
{
    public static void Pages(PageConventionCollection pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        pages.AllowAnonymousToPage("/Index");

        // The error page: whoever ended up on an error, signed in or not.
        pages.AllowAnonymousToPage("/Error");
    }
}
