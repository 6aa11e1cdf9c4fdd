using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Allocation;
using Regiekamer.Core.Calls;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.WhatIf;

public sealed class JoinTableModel(WhatIfService whatIf, CallService calls) : RegiekamerPage
{
    public AllocationPreview Preview { get; private set; } = null!;

    public IReadOnlyList<JoinOption> Options { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await whatIf.JoinTableAsync(null, await calls.JudgementDateAsync(null, null, ct), ct);
        if (!result.IsSuccess)
        {
            return Fail(result.Errors);
        }

        (Preview, Options) = result.Value!;
        var s = Preview.Snapshot;
        Options = Options.OrderBy(o => s.Find(o.Municipality)?.Name, StringComparer.Ordinal).ThenByDescending(o => o.Change).ToList();
        return Page();
    }
}
