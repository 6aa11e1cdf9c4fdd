using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Data;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Audit;

/// <summary>/Audit/Export?entity=…&amp;entityId=…&amp;actor=…&amp;action=…&amp;from=…&amp;to=…: the filtered trail as CSV, oldest first.</summary>
public sealed class ExportModel(RegiekamerDb db, TimeProvider time) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? entity, string? entityId, string? actor, string? action, string? field, string? from, string? to, CancellationToken ct)
    {
        var filter = AuditFilter.Parse(entity, entityId, actor, action, from, to, field: field);
        if (!filter.IsSuccess)
        {
            return BadRequest(string.Join("\n", filter.Errors.Select(e => Lang.Of(e.Message))));
        }

        await AuditExport.WriteAsync(Response, db, filter.Value!, time, ct);
        return new EmptyResult();
    }
}
