using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regiekamer.Core.Common;
using Regiekamer.Core.Grants.Documents;
using Regiekamer.Core.Grants.OpenData;

namespace Regiekamer.Web.Features.OpenData;

/// <summary>A published decree as its PDF (<see cref="DecreePdf"/>); 404 for one that does not exist or is not published.</summary>
public sealed class DecreePdfModel(OpenDataService openData, BrusselsClock clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await openData.GetPublishedAsync(id, ct) is not { } published)
        {
            return NotFound();
        }

        var pdf = DecreePdf.Create(published.Decree, published.AmendsNumber, clock.UtcNow, published.CallCode);
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(pdf, "application/pdf", DecreePdf.FileName(published.Decree));
    }
}
