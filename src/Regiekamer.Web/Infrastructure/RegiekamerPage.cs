using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regiekamer.Core.Common;

namespace Regiekamer.Web.Infrastructure;

/// <summary>
/// A page that can fail the way the domain fails: its errors are shown on the page itself (the _Errors partial) with
/// the status of their kind (<see cref="Problems.StatusOf(IReadOnlyList{DomainError})"/>): 400, 404, 409, 422, never a 500.
/// </summary>
public abstract class RegiekamerPage : PageModel
{
    public IReadOnlyList<DomainError> Errors { get; private set; } = [];

    /// <summary>True once the page showed errors instead of its content.</summary>
    public bool Failed => Errors.Count > 0;

    /// <summary>Shows the errors on this page, answering with their status.</summary>
    protected PageResult Fail(IReadOnlyList<DomainError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        Errors = errors;
        Response.StatusCode = Problems.StatusOf(errors);
        return Page();
    }
}
