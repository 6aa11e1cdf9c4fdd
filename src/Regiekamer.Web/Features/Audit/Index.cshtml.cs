using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;

namespace Regiekamer.Web.Features.Audit;

/// <summary>The department's view of the audit trail: filtered, 50 a page, newest first; export as CSV; verify the chain.</summary>
public sealed class IndexModel(RegiekamerDb db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "entity")]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true, Name = "entityId")]
    public string? EntityId { get; set; }

    [BindProperty(SupportsGet = true, Name = "actor")]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? ActionName { get; set; }

    [BindProperty(SupportsGet = true, Name = "field")]
    public string? Field { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    /// <summary>"p", not "page": Razor Pages keeps the route value "page" for itself.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "verify")]
    public string? Verify { get; set; }

    public AuditPage Result { get; private set; } = new([], 1, AuditQuery.PageSize, 0);

    /// <summary>The page's records as people read them (personal references resolved).</summary>
    public IReadOnlyList<AuditView> Views { get; private set; } = [];

    public IReadOnlyList<string> EntityTypes { get; private set; } = [];

    public IReadOnlyList<string> Actions { get; private set; } = [];

    public IReadOnlyList<DomainError> Errors { get; private set; } = [];

    public AuditVerification? Verification { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        (EntityTypes, Actions) = await AuditQuery.ChoicesAsync(db, ct);
        if (Verify is "1" or "true")
        {
            Verification = await AuditTrail.VerifyAsync(db, ct);
        }

        var filter = AuditFilter.Parse(EntityType, EntityId, Actor, ActionName, From, To, field: Field);
        if (!filter.IsSuccess)
        {
            Errors = filter.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Result = await AuditQuery.PageAsync(db, filter.Value!, PageNumber, ct: ct);
        Views = await AuditReader.ResolveAsync(db, Result.Records, ct);
        return Page();
    }

    /// <summary>The current filter as a query string (without page), for the CSV link and the page links.</summary>
    public string Query(int? page = null)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add(name + "=" + Uri.EscapeDataString(value.Trim()));
            }
        }

        Add("entity", EntityType);
        Add("entityId", EntityId);
        Add("actor", Actor);
        Add("action", ActionName);
        Add("field", Field);
        Add("from", From);
        Add("to", To);
        if (page is { } p && p > 1)
        {
            parts.Add("p=" + p.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}
