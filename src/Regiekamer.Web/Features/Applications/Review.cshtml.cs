using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Applications;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Applications;

/// <summary>
/// The department's review of a dossier: the automatic checks (R1–R6, R7 parts, R10–R12) and the human ones (R6
/// motivation, fit with the priorities, clarity of the actions), each with a verdict and a note; then a decision
/// (approve, reject naming the rules, or request changes with points and a response date), and an extension of R8.
/// Department staff read it; case handlers act.
/// </summary>
[OutputCache(PolicyName = PageCache.Policy)]
[PartnershipAccess(PartnershipPermission.Read)]
public sealed class ReviewModel(ApplicationService applications, SubmissionService submissions, ReviewService reviews) : DossierPage(applications, submissions)
{
    public IReadOnlyList<ReviewCheck> Checks { get; private set; } = [];

    public IReadOnlyList<ApplicationDecision> Decisions { get; private set; } = [];

    [BindProperty]
    public string? Check { get; set; }

    [BindProperty]
    public string? Verdict { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public DecisionForm Decision { get; set; } = new();

    [BindProperty]
    public DateOnly? Until { get; set; }

    [BindProperty]
    public string? ExtensionMotivation { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await ShowAsync(ct);
        return Page();
    }

    private async Task ShowAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct))
        {
            Checks = await reviews.ChecksAsync(ApplicationId, Dossier.SubmittedVersions, ct);
            Decisions = await reviews.DecisionsAsync(ApplicationId, ct);
        }
    }

    [PartnershipAccess(PartnershipPermission.Review)]
    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        var recorded = await reviews.RecordCheckAsync(ApplicationId, Check, Verdict, Note, ct);
        return recorded.IsSuccess ? Redirect(DossierUrl($"/Review?done=check#check-{Check}")) : await ShowRefusedAsync(recorded.Errors, ct);
    }

    [PartnershipAccess(PartnershipPermission.Review)]
    public async Task<IActionResult> OnPostDecideAsync(CancellationToken ct)
    {
        var decided = await reviews.DecideAsync(ApplicationId, new DecisionInput(Decision.Kind, Decision.Motivation, Decision.Rules, Decision.Points, Decision.ResponseDue), ct);
        return decided.IsSuccess ? Redirect(DossierUrl($"/Decisions/{decided.Value!.Id}?done=true")) : await ShowRefusedAsync(decided.Errors, ct);
    }

    [PartnershipAccess(PartnershipPermission.Review)]
    public async Task<IActionResult> OnPostExtensionAsync(CancellationToken ct)
    {
        var granted = await reviews.GrantExtensionAsync(ApplicationId, Until, ExtensionMotivation, ct);
        return granted.IsSuccess ? Redirect(DossierUrl("/Review?done=extension")) : await ShowRefusedAsync(granted.Errors, ct);
    }

    private async Task<IActionResult> ShowRefusedAsync(IReadOnlyList<Core.Common.DomainError> errors, CancellationToken ct)
    {
        await ShowAsync(ct);
        return Fail(errors);
    }

    /// <summary>The automatic result of a check, from the dossier as it stands (frozen since it was submitted).</summary>
    public (bool? Passed, IReadOnlyList<DossierProblem> Problems) Automatic(ReviewCheckDefinition check)
    {
        ArgumentNullException.ThrowIfNull(check);
        PartState? part = check.Key switch
        {
            "R1-R6" => State.Eligibility,
            "R7a" => State.Information,
            "R7b" => State.Commitment,
            "R7c" => State.PlanPart,
            _ => null,
        };
        return part is null ? (null, []) : (part.Complete, part.Problems);
    }
}

/// <summary>The decision form's fields.</summary>
public sealed class DecisionForm
{
    public string? Kind { get; set; }

    public string? Motivation { get; set; }

    public string? Rules { get; set; }

    public string? Points { get; set; }

    public DateOnly? ResponseDue { get; set; }
}
