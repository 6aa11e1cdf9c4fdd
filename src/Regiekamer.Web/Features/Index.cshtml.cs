using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Regiekamer.Core.Allocation;
using Regiekamer.Core.Calls;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features;

/// <summary>The public overview: the latest call and its allocation preview on the call's judgement date.</summary>
[OutputCache(PolicyName = PageCache.Policy)]
public sealed class IndexModel(AllocationService allocation, CallService calls) : RegiekamerPage
{
    public AllocationPreview Preview { get; private set; } = null!;

    public DateOnly On { get; private set; }

    public int Municipalities => Preview.Snapshot.Municipalities.Count;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        On = await calls.JudgementDateAsync(null, null, ct);
        var preview = await allocation.PreviewAsync(null, On, ct);
        if (!preview.IsSuccess)
        {
            return Fail(preview.Errors);
        }

        Preview = preview.Value!;
        return Page();
    }
}
