using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Applications;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Applications;

/// <summary>A submitted version as it was frozen, with its receipt (ontvangstbewijs).</summary>
[PartnershipAccess(PartnershipPermission.Read)]
public sealed class VersionModel(ApplicationService applications, SubmissionService submissions, DossierDocuments documents) : DossierPage(applications, submissions)
{
    public int Number => RouteInt("number") ?? 0;

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

    /// <summary>The receipt as a PDF.</summary>
    public Task<IActionResult> OnGetReceiptAsync(CancellationToken ct) => DownloadAsync(documents.ReceiptAsync(ApplicationId, Number, ct), ct);

    /// <summary>The whole version as a PDF.</summary>
    public Task<IActionResult> OnGetDocumentAsync(CancellationToken ct) => DownloadAsync(documents.VersionAsync(ApplicationId, Number, ct), ct);

    /// <summary>The version's bundle (ZIP).</summary>
    public Task<IActionResult> OnGetBundleAsync(CancellationToken ct) => DownloadAsync(documents.BundleAsync(ApplicationId, Number, ct), ct);
}
