using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Applications;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Applications;

/// <summary>A submitted version as it was frozen, with its receipt (ontvangstbewijs).</summary>
[PartnershipAccess(PartnershipPermission.Read)]
public sealed class VersionModel(ApplicationService applications, SubmissionService submissions) : DossierPage(applications, submissions)
{
    public int Number => int.Parse(Convert.ToString(RouteData.Values["number"], System.Globalization.CultureInfo.InvariantCulture)!, System.Globalization.CultureInfo.InvariantCulture);

    [BindProperty(SupportsGet = true)]
    public bool Submitted { get; set; }

    public SubmittedVersion? Version { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Page();
        }

        var version = await Submissions.VersionAsync(ApplicationId, Number, ct);
        if (!version.IsSuccess)
        {
            return Fail(version.Errors);
        }

        Version = version.Value;
        return Page();
    }
}
