using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Common;
using Regiekamer.Core.ReferenceData;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Applications;

/// <summary>
/// The commitment statement (R7b), for new and changed partnerships: the statement the members sign (printable, and as
/// PDF), and per member its signed copy (a PDF) with the date of its council decision. Every member must be covered.
/// </summary>
[PartnershipAccess(PartnershipPermission.Read)]
public sealed class CommitmentModel(ApplicationService applications, SubmissionService submissions, ReferenceDataService data) : DossierPage(applications, submissions)
{
    public ReferenceSnapshot Snapshot { get; private set; } = null!;

    public IReadOnlyDictionary<int, ApplicationAttachment> Files { get; private set; } = new Dictionary<int, ApplicationAttachment>();

    [BindProperty]
    public string? Member { get; set; }

    [BindProperty]
    public DateOnly? CouncilDecisionDate { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Uploaded { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await ShowAsync(ct);
        return Page();
    }

    private async Task ShowAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct))
        {
            Snapshot = await data.SnapshotAsync(State.Partnership.MunicipalitySet, ct: ct);
            Files = (await Applications.AttachmentsAsync(ApplicationId, ct)).ToDictionary(x => x.Id);
        }
    }

    [PartnershipAccess(PartnershipPermission.Apply)]
    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            await ShowAsync(ct);
            return Fail([DomainError.Invalid("file-empty", "Kies het ondertekende PDF-bestand.", "Choose the signed PDF file.", "file-" + Member)]);
        }

        await using var stream = Upload.OpenReadStream();
        var added = await Applications.AddAttachmentAsync(ApplicationId, AttachmentKind.CommitmentStatement, Upload.FileName, stream, Member, CouncilDecisionDate, ct);
        if (!added.IsSuccess)
        {
            await ShowAsync(ct);
            return Fail(added.Errors);
        }

        return Redirect(DossierUrl($"/Commitment?uploaded={Uri.EscapeDataString(Member ?? "")}#member-{Uri.EscapeDataString(Member ?? "")}"));
    }
}
