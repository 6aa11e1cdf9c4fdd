using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Applications;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Applications;

/// <summary>The decision letter: printable, for the partnership and the department.</summary>
[PartnershipAccess(PartnershipPermission.Read)]
public sealed class DecisionModel(ApplicationService applications, SubmissionService submissions, ReviewService reviews, DossierDocuments documents) : DossierPage(applications, submissions)
{
    public int DecisionId => RouteInt("decisionId") ?? 0;

    [BindProperty(SupportsGet = true)]
    public bool Done { get; set; }

    public ApplicationDecision? Decision { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Page();
        }

        Decision = (await reviews.DecisionsAsync(ApplicationId, ct)).FirstOrDefault(d => d.Id == DecisionId);
        return Decision is null
            ? Fail([Core.Common.DomainError.NotFound($"Beslissing {DecisionId} bestaat niet in dit dossier.", $"Decision {DecisionId} does not exist in this dossier.")])
            : Page();
    }

    /// <summary>The decision letter as a PDF.</summary>
    public Task<IActionResult> OnGetPdfAsync(CancellationToken ct) => DownloadAsync(documents.DecisionLetterAsync(ApplicationId, DecisionId, ct), ct);
}
