using Regiekamer.Core.Common;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.VoucherForms;

/// <summary>
/// A page a mailed link opens (no account). A token that is unknown, used or no longer valid gets one neutral page (404),
/// whatever the reason; the token stays out of referrers and caches.
/// </summary>
public abstract class VoucherLinkPage : RegiekamerPage
{
    public static readonly DomainError LinkClosed = DomainError.NotFound(
        "Deze link is ongeldig of werd al gebruikt. Vraag zo nodig de regisseur van het regieverband om hulp.",
        "This link is invalid or was used already. Ask the partnership's regisseur for help if needed.");

    protected void KeepTokenPrivate()
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers.CacheControl = "no-store";
    }

    /// <summary>The neutral page, the same for every reason a link opens nothing.</summary>
    protected Microsoft.AspNetCore.Mvc.RazorPages.PageResult Closed() => Fail([LinkClosed]);

    /// <summary>A failure of the change: a link that opens nothing is the neutral page; anything else says what is wrong.</summary>
    protected Microsoft.AspNetCore.Mvc.RazorPages.PageResult FailLink(IReadOnlyList<DomainError> errors) =>
        errors.Any(e => e.Kind == ErrorKind.NotFound) ? Closed() : Fail(errors);
}
