using System.Globalization;
using System.Text.Json;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Partnerships;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Partnerships;

/// <summary>The history tab of one partnership: its audit records, newest first. A deleted partnership keeps its history.</summary>
[PartnershipAccess(PartnershipPermission.Read, IncludeDeleted = true)]
public sealed class HistoryModel(CurrentPartnership current, AuditTrail audit) : RegiekamerPage
{
    public int PartnershipId => current.Id;

    public string Name { get; private set; } = "";

    /// <summary>False once the partnership was deleted: there is no details page to go back to.</summary>
    public bool Exists => current.Partnership is not null;

    public IReadOnlyList<AuditView> Records { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Records = await audit.HistoryAsync(PartnershipService.AuditEntity, current.Id.ToString(CultureInfo.InvariantCulture), ct);
        Name = current.Partnership?.Name ?? Records.Select(r => LastName(r)).FirstOrDefault(n => n is not null) ?? current.Id.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The name a record last knew the partnership by (after an update or creation; before a deletion).</summary>
    private static string? LastName(AuditView record)
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
