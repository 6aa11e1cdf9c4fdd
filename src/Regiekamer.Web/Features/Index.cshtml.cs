using Microsoft.AspNetCore.Mvc.RazorPages;
using Regiekamer.Core.Allocation;
using Regiekamer.Web.Api;

namespace Regiekamer.Web.Features;

public sealed class IndexModel(AllocationService allocation, Regiekamer.Core.Calls.CallService calls, TimeProvider time) : PageModel
{
    public AllocationPreview Preview { get; private set; } = null!;

    public DateOnly On { get; private set; }

    public int Municipalities => Preview.Snapshot.Municipalities.Count;

    public async Task OnGetAsync(CancellationToken ct)
    {
        On = await ApiRoutes.DateAsync((DateOnly?)null, null, calls, time, ct);
        var preview = await allocation.PreviewAsync(null, On, ct);
        Preview = preview.Value ?? throw new InvalidOperationException(string.Join(" ", preview.Errors.Select(e => e.Message.En)));
    }
}
