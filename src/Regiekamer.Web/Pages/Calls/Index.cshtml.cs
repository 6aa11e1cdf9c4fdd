using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;

namespace Regiekamer.Web.Pages.Calls;

public sealed class IndexModel(CallService calls) : PageModel
{
    public IReadOnlyList<Call> Calls { get; private set; } = [];

    [BindProperty]
    public int CallId { get; set; }

    [BindProperty]
    public int CallVersion { get; set; }

    [BindProperty]
    public string? Budget { get; set; }

    [BindProperty]
    public int WeightWorkingAge { get; set; }

    [BindProperty]
    public int WeightJobSeekers { get; set; }

    [BindProperty]
    public int WeightEqual { get; set; }

    [BindProperty]
    public DateOnly Deadline { get; set; }

    [BindProperty]
    public DateOnly EffectiveFrom { get; set; }

    [BindProperty]
    public string? Priorities { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    private IReadOnlyList<DomainError> _errors = [];

    public IReadOnlyList<DomainError> ErrorsFor(int callId) => callId == CallId ? _errors : [];

    public async Task OnGetAsync(CancellationToken ct) => Calls = await calls.ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!User.IsInRole("Administrator"))
        {
            return Forbid();
        }

        var result = await calls.AddVersionAsync(CallId, new CallVersionInput(Budget, WeightWorkingAge, WeightJobSeekers, WeightEqual, Deadline, Priorities, EffectiveFrom, Note), CallVersion, ct);
        if (result.IsSuccess)
        {
            return Redirect("/Calls");
        }

        _errors = result.Errors;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        Calls = await calls.ListAsync(ct);
        return Page();
    }
}
