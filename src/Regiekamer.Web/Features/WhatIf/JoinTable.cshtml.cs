using Microsoft.AspNetCore.Mvc.RazorPages;
using Regiekamer.Core.Allocation;
using Regiekamer.Web.Api;

namespace Regiekamer.Web.Features.WhatIf;

public sealed class JoinTableModel(WhatIfService whatIf, Regiekamer.Core.Calls.CallService calls, TimeProvider time) : PageModel
{
    public AllocationPreview Preview { get; private set; } = null!;

    public IReadOnlyList<JoinOption> Options { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var result = await whatIf.JoinTableAsync(null, await ApiRoutes.DateAsync((DateOnly?)null, null, calls, time, ct), ct);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Message.En)));
        }

        (Preview, Options) = result.Value!;
        var s = Preview.Snapshot;
        Options = Options.OrderBy(o => s.Find(o.Municipality)?.Name, StringComparer.Ordinal).ThenByDescending(o => o.Change).ToList();
    }
}
