using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Common;
using Regiekamer.Core.Grants;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Grants;

/// <summary>One decree: its header and lines; for policy officers the steps its status allows (edit or discard a draft, correct an amendment's amounts, sign, publish, amend).</summary>
public sealed class DecreeModel(DecreeService decrees, BrusselsClock clock) : RegiekamerPage
{
    [FromRoute]
    public int DecreeId { get; set; }

    public Decree? Decree { get; private set; }

    public Decree? Amends { get; private set; }

    public IReadOnlyList<Decree> AmendedBy { get; private set; } = [];

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Number { get; set; }

    [BindProperty]
    public DateOnly? DecreeDate { get; set; }

    [BindProperty]
    public string? LegalBasis { get; set; }

    [BindProperty]
    public string? AmendmentReason { get; set; }

    [BindProperty]
    public int LineId { get; set; }

    [BindProperty]
    public string? Amount { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct) ? Page() : Fail([DecreeService.NotFound(DecreeId)]);

    /// <summary>The decree as its legal document (PDF); a draft is marked ONTWERP on every page.</summary>
    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        if (!await ShowAsync(ct))
        {
            return Fail([DecreeService.NotFound(DecreeId)]);
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        return File(Core.Grants.Documents.DecreePdf.Create(Decree!, Amends?.Number, clock.UtcNow), "application/pdf", Core.Grants.Documents.DecreePdf.FileName(Decree!));
    }

    [HandlerPolicy(Policies.Decrees)]
    public Task<IActionResult> OnPostUpdateAsync(CancellationToken ct) => AfterAsync(decrees.UpdateAsync(DecreeId, new DecreeInput(Number, DecreeDate, LegalBasis, AmendmentReason), Version, ct), "updated", ct);

    [HandlerPolicy(Policies.Decrees)]
    public Task<IActionResult> OnPostAmountAsync(CancellationToken ct) => AfterAsync(decrees.SetAmountAsync(DecreeId, LineId, Amount, Version, ct), "amount", ct);

    [HandlerPolicy(Policies.Decrees)]
    public Task<IActionResult> OnPostSignAsync(CancellationToken ct) => AfterAsync(decrees.SignAsync(DecreeId, Version, ct), "signed", ct);

    [HandlerPolicy(Policies.Decrees)]
    public Task<IActionResult> OnPostPublishAsync(CancellationToken ct) => AfterAsync(decrees.PublishAsync(DecreeId, Version, ct), "published", ct);

    [HandlerPolicy(Policies.Decrees)]
    public async Task<IActionResult> OnPostAmendAsync(CancellationToken ct)
    {
        var amendment = await decrees.AmendAsync(DecreeId, new DecreeInput(Number, DecreeDate, LegalBasis, AmendmentReason), ct);
        return amendment.IsSuccess ? Redirect($"/Grants/Decrees/{amendment.Value!.Id}?done=amendment") : await RefusedAsync(amendment.Errors, ct);
    }

    [HandlerPolicy(Policies.Decrees)]
    public async Task<IActionResult> OnPostDiscardAsync(CancellationToken ct)
    {
        var discarded = await decrees.DiscardAsync(DecreeId, Version, ct);
        return discarded.IsSuccess ? Redirect("/Grants") : await RefusedAsync(discarded.Errors, ct);
    }

    private async Task<IActionResult> AfterAsync(Task<Result<Decree>> action, string done, CancellationToken ct)
    {
        var result = await action;
        return result.IsSuccess ? Redirect($"/Grants/Decrees/{DecreeId}?done={done}") : await RefusedAsync(result.Errors, ct);
    }

    private async Task<IActionResult> RefusedAsync(IReadOnlyList<DomainError> errors, CancellationToken ct)
    {
        await ShowAsync(ct, keepInput: true);
        return Fail(errors);
    }

    private async Task<bool> ShowAsync(CancellationToken ct, bool keepInput = false)
    {
        Decree = await decrees.GetAsync(DecreeId, ct);
        if (Decree is null)
        {
            return false;
        }

        Amends = Decree.AmendsDecreeId is { } a ? await decrees.GetAsync(a, ct) : null;
        AmendedBy = (await decrees.ListAsync(Decree.CallId, ct)).Where(d => d.AmendsDecreeId == Decree.Id).ToList();
        if (!keepInput)
        {
            Number = Decree.Number;
            DecreeDate = Decree.DecreeDate;
            LegalBasis = Decree.LegalBasis;
            AmendmentReason = Decree.AmendmentReason;
        }

        Version = Decree.Version;
        return true;
    }
}
