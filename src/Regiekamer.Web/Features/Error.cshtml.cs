using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Regiekamer.Web.Features;

/// <summary>
/// The error page for people: a page or file that answered 4xx/5xx without a body (re-executed by the status-code
/// pages in Startup) and an unhandled exception outside Development. The API keeps its ProblemDetails. The request may
/// have been any method (a POST with a stale antiforgery token ends up here), so nothing depends on a handler running
/// and the token is not checked again.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ErrorModel : PageModel
{
    /// <summary>
    /// The code in the path (/Error/413), read from the route and not bound: binding would also read the form, which
    /// after a 413 is the body that was too large.
    /// </summary>
    public int? Code => int.TryParse(RouteData.Values["code"] as string, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : null;

    /// <summary>The status shown and answered: 500 after an exception; else the code in the path when it is an error code, else 404 (there is no such error).</summary>
    public int Status => FromException ? StatusCodes.Status500InternalServerError : Code is >= 400 and <= 599 ? Code.Value : StatusCodes.Status404NotFound;

    /// <summary>True when an exception brought the request here (the message then says the fault is ours).</summary>
    public bool FromException { get; private set; }

    /// <summary>The endpoint whose request failed (its own body limit is the one a 413 names).</summary>
    public Endpoint? FailedEndpoint => HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.Endpoint;

    /// <summary>The address that failed (path and query), for the sign-in link; the error page's own address when it was asked for directly.</summary>
    public string OriginalUrl => Original(HttpContext);

    /// <summary>
    /// The address the visitor asked for: after a re-execution <c>Request.Path</c> is /Error/404, but links on the page
    /// (the language switch, sign in) should lead back to where the visitor was.
    /// </summary>
    public static string Original(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is { } reExecuted)
        {
            return reExecuted.OriginalPathBase + reExecuted.OriginalPath + reExecuted.OriginalQueryString;
        }

        if (context.Features.Get<IExceptionHandlerPathFeature>() is { } failed)
        {
            return context.Request.PathBase + failed.Path + context.Request.QueryString;
        }

        return context.Request.PathBase + context.Request.Path + context.Request.QueryString;
    }

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        FromException = HttpContext.Features.Get<IExceptionHandlerFeature>() is not null;
        Response.StatusCode = Status;
    }
}
