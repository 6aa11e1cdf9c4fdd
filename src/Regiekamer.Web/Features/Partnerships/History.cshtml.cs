using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Partnerships;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Partnerships;

/// <summary>The history tab of one partnership: its audit records, newest first. A deleted partnership keeps its history.</summary>
public sealed class HistoryModel(PartnershipService partnerships, AuditTrail audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    public string Name { get; private set; } = "";

    /// <summary>False once the partnership was deleted: there is no details page to go back to.</summary>
    public bool Exists { get; private set; }

    public IReadOnlyList<AuditRecord> Records { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // access: people who may read this partnership (department, or a role in it).
        if (!User.CanReadPartnership(Id))
        {
            return Forbid();
        }

        var partnership = await partnerships.GetAsync(Id, ct);
        Records = await audit.HistoryAsync(PartnershipService.AuditEntity, Id.ToString(CultureInfo.InvariantCulture), ct);
        if (partnership is null && Records.Count == 0)
        {
            return NotFound();
        }

        Exists = partnership is not null;
        Name = partnership?.Name ?? Records.Select(r => LastName(r)).FirstOrDefault(n => n is not null) ?? Id.ToString(CultureInfo.InvariantCulture);
        return Page();
    }

    /// <summary>The name a record last knew the partnership by (after an update or creation; before a deletion).</summary>
    private static string? LastName(AuditRecord record)
    {
        foreach (var json in new[] { record.After, record.Before })
        {
            if (json is null)
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(json);
                if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(nameof(Partnership.Name), out var name) && name.ValueKind == JsonValueKind.String)
                {
                    return name.GetString();
                }
            }
            catch (JsonException)
            {
                // A record edited in the database; the chain check reports it, the title just skips it.
            }
        }

        return null;
    }
}
