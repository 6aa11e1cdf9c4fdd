using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Audit;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Applications;

/// <summary>Every saved change of a dossier, newest first, with its author: the history tab.</summary>
[PartnershipAccess(PartnershipPermission.Read)]
public sealed class HistoryModel(ApplicationService applications, SubmissionService submissions, AuditTrail audit) : DossierPage(applications, submissions)
{
    public IReadOnlyList<AuditView> Records { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct))
        {
            Records = await audit.HistoryAsync(ApplicationService.AuditEntity, ApplicationId.ToString(CultureInfo.InvariantCulture), ct);
        }

        return Page();
    }
}
