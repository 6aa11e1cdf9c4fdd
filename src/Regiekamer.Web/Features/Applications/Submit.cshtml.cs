using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Applications;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Applications;

/// <summary>
/// Checking and submitting: every problem that blocks the submission with a link to where it is fixed; the signatory
/// (organisatieverantwoordelijke) submits the version they looked at, and gets the receipt.
/// </summary>
[PartnershipAccess(PartnershipPermission.Read)]
public sealed class SubmitModel(ApplicationService applications, SubmissionService submissions) : DossierPage(applications, submissions)
{
    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    [PartnershipAccess(PartnershipPermission.Sign)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var submitted = await Submissions.SubmitAsync(ApplicationId, Version, ct);
        return submitted.IsSuccess
            ? Redirect(DossierUrl($"/Versions/{submitted.Value!.Stored.Number}?submitted=true"))
            : await RefusedAsync(submitted.Errors, ct);
    }
}
