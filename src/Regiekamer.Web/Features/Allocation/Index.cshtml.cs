using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regiekamer.Core.Allocation;
using Regiekamer.Web.Api;

namespace Regiekamer.Web.Features.Allocation;

public sealed class IndexModel(AllocationService allocation, Regiekamer.Core.Calls.CallService calls, TimeProvider time) : PageModel
{
    public AllocationPreview Preview { get; private set; } = null!;

    public IReadOnlyList<AllocationRun> Runs { get; private set; } = [];

    public async Task OnGetAsync([FromQuery(Name = "on")] DateOnly? on, CancellationToken ct)
    {
        var preview = await allocation.PreviewAsync(null, await ApiRoutes.DateAsync(on, null, calls, time, ct), ct);
        Preview = preview.Value ?? throw new InvalidOperationException(string.Join(" ", preview.Errors.Select(e => e.Message.En)));
        Runs = await allocation.ListRunsAsync(ct);
    }

    public async Task<IActionResult> OnPostRecordAsync([FromForm(Name = "on")] DateOnly? on, CancellationToken ct)
    {
        if (!(User.IsInRole("Administrator") || User.IsInRole("CaseHandler")))
        {
            return Forbid();
        }

        var run = await allocation.CreateRunAsync(null, await ApiRoutes.DateAsync(on, null, calls, time, ct), ct);
        return run.IsSuccess ? Redirect($"/Allocation/Run?id={run.Value!.Id}") : BadRequest();
    }
}
