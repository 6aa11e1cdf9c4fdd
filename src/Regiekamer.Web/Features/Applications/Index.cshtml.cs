using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Partnerships;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Applications;

/// <summary>
/// The dossiers the signed-in user may read: the department's queue (by status, partnership and age) or a
/// partnership's own dossiers, with a button to start one for the latest call where the user may.
/// </summary>
[OutputCache(PolicyName = PageCache.Policy)]
public sealed class IndexModel(ApplicationService applications, CallService calls, PartnershipService partnerships, Core.Common.BrusselsClock clock) : RegiekamerPage
{
    [BindProperty(SupportsGet = true, Name = "status")]
    public string? StatusFilter { get; set; }

    public IReadOnlyList<ApplicationSummary> Dossiers { get; private set; } = [];

    public Call? Call { get; private set; }

    /// <summary>Partnerships the user may prepare a dossier for and that have none for the latest call yet.</summary>
    public IReadOnlyList<Partnership> CanStart { get; private set; } = [];

    public DateTime Now => clock.UtcNow;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ApplicationStatus? status = null;
        if (!string.IsNullOrEmpty(StatusFilter))
        {
            if (!ApplicationStatuses.TryParse(StatusFilter, out var parsed))
            {
                return Fail([Core.Common.DomainError.Invalid("validation", $"Status '{StatusFilter}' bestaat niet.", $"Status '{StatusFilter}' does not exist.", "status")]);
            }

            status = parsed;
        }

        Call = await calls.LatestAsync(ct);
        Dossiers = await applications.ListAsync(User.ReadablePartnerships(), status, null, ct);
        if (Call is not null)
        {
            var mine = User.PartnershipRoles().Where(r => r.Role is Role.Regisseur or Role.Signatory).Select(r => r.PartnershipId).ToHashSet();
            var started = (await applications.ListAsync(mine, null, Call.Id, ct)).Select(d => d.PartnershipId).ToHashSet();
            CanStart = (await partnerships.ListAsync(ct)).Where(p => mine.Contains(p.Id) && !started.Contains(p.Id) && p.MunicipalitySet == Call.MunicipalitySet).ToList();
        }

        return Page();
    }

    /// <summary>How long a dossier has been in its status, in days.</summary>
    public int DaysIn(ApplicationSummary d) => (int)(Now - d.StatusSinceUtc).TotalDays;
}
