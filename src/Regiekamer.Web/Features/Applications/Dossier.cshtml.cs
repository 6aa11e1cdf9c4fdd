using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Applications;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Applications;

/// <summary>One dossier: its status and checklist (R7 parts, eligibility, R8), the information given, its versions and decisions, and what the caller can do next.</summary>
[OutputCache(PolicyName = PageCache.Policy)]
[PartnershipAccess(PartnershipPermission.Read)]
public sealed class DossierModel(ApplicationService applications, SubmissionService submissions, ReviewService reviews) : DossierPage(applications, submissions)
{
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public IReadOnlyList<SubmittedVersion> Versions { get; private set; } = [];

    public IReadOnlyList<ApplicationDecision> Decisions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Page();
        }

        Versions = await Submissions.VersionsAsync(ApplicationId, ct);
        Decisions = await reviews.DecisionsAsync(ApplicationId, ct);
        return Page();
    }

    [PartnershipAccess(PartnershipPermission.Sign)]
    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct)
    {
        var withdrawn = await Submissions.WithdrawAsync(ApplicationId, ct);
        return withdrawn.IsSuccess ? Redirect(DossierUrl("?done=withdrawn")) : await RefusedAsync(withdrawn.Errors, ct);
    }
}
