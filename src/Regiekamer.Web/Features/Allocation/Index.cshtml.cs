using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Regiekamer.Core.Allocation;
using Regiekamer.Core.Calls;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Allocation;

[OutputCache(PolicyName = PageCache.Policy)]
public sealed class IndexModel(AllocationService allocation, CallService calls) : RegiekamerPage
{
    public AllocationPreview Preview { get; private set; } = null!;

    public IReadOnlyList<AllocationRun> Runs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "on")] DateOnly? on, CancellationToken ct)
    {
        var preview = await allocation.PreviewAsync(null, await calls.JudgementDateAsync(null, on, ct), ct);
        if (!preview.IsSuccess)
        {
            return Fail(preview.Errors);
        }

        Preview = preview.Value!;
        Runs = await allocation.ListRunsAsync(ct);
        return Page();
    }

    [HandlerPolicy(Policies.CaseWork)]
    public async Task<IActionResult> OnPostRecordAsync([FromForm(Name = "on")] DateOnly? on, CancellationToken ct)
    {
        var run = await allocation.CreateRunAsync(null, await calls.JudgementDateAsync(null, on, ct), ct);
        return run.IsSuccess ? Redirect($"/Allocation/Run?id={run.Value!.Id}") : Fail(run.Errors);
    }
}
