using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Regiekamer.Web.Accounts;

/// <summary>
/// A page of /Account that needs a signed-in user. The /Account folder is open to anonymous users (sign-in, reset),
/// and an open folder outranks a page's own [Authorize], so these pages check for themselves.
/// </summary>
public abstract class SignedInPageModel : PageModel
{
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (User.Identity?.IsAuthenticated != true)
        {
            context.Result = Challenge();
            return;
        }

        await next();
    }
}
