using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Catalogue;
using Regiekamer.Core.Common;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Catalogue;

/// <summary>
/// One service of the partnership: change it, publish it or take it off, confirm it, invite the supplier by mail, and
/// publish or reject the supplier's update shown beside what is in force. Only the partnership's own services: another's
/// id answers 404.
/// </summary>
[PartnershipAccess(PartnershipPermission.Edit)]
public sealed class ServiceModel(CurrentPartnership current, OfferingService offerings, CatalogueSearch search) : RegiekamerPage
{
    public int PartnershipId => current.Id;

    [BindProperty(SupportsGet = true)]
    public int OfferingId { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public OfferingForm Input { get; set; } = new();

    [BindProperty]
    public string? SupplierEmail { get; set; }

    public OfferingRow? Row { get; private set; }

    public PendingComparison? Pending { get; private set; }

    public CatalogueLists Lists { get; private set; } = new([], [], [], []);

    /// <summary>What the last action did, for the banner.</summary>
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Fail([OfferingService.NotFound(OfferingId)]);
        }

        Input = OfferingForm.Of(Row!.Offering.Content);
        Version = Row.Offering.Version;
        Done = done;
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => ActAsync(() => offerings.UpdateAsync(current.Id, OfferingId, Input.ToInput(), Version, ct), "saved", ct);

    public Task<IActionResult> OnPostPublishAsync(CancellationToken ct) => ActAsync(() => offerings.PublishAsync(current.Id, OfferingId, Version, ct), "published", ct);

    public Task<IActionResult> OnPostUnpublishAsync(CancellationToken ct) => ActAsync(() => offerings.UnpublishAsync(current.Id, OfferingId, Version, ct), "unpublished", ct);

    public Task<IActionResult> OnPostConfirmAsync(CancellationToken ct) => ActAsync(() => offerings.ConfirmAsync(current.Id, OfferingId, Version, ct), "confirmed", ct);

    public Task<IActionResult> OnPostPublishPendingAsync(CancellationToken ct) => ActAsync(() => offerings.PublishPendingAsync(current.Id, OfferingId, Version, ct), "pending-published", ct);

    public Task<IActionResult> OnPostRejectPendingAsync(CancellationToken ct) => ActAsync(() => offerings.RejectPendingAsync(current.Id, OfferingId, ct), "pending-rejected", ct);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        var result = await offerings.InviteAsync(current.Id, OfferingId, SupplierEmail, ct);
        return result.IsSuccess ? Redirect(Here("invited")) : await FailAsync(result.Errors, ct);
    }

    private string Here(string done) => $"/Catalogue/Manage/{current.Id}/Services/{OfferingId}?done={done}";

    private async Task<IActionResult> ActAsync(Func<Task<Result<Offering>>> action, string done, CancellationToken ct)
    {
        var result = await action();
        return result.IsSuccess ? Redirect(Here(done)) : await FailAsync(result.Errors, ct);
    }

    private async Task<IActionResult> FailAsync(IReadOnlyList<DomainError> errors, CancellationToken ct)
    {
        var posted = Input;
        if (await LoadAsync(ct))
        {
            Input = posted.Title is null ? OfferingForm.Of(Row!.Offering.Content) : posted;
            Version = Row!.Offering.Version;
        }

        return Fail(errors);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Row = await offerings.GetAsync(current.Id, OfferingId, ct);
        if (Row is null)
        {
            return false;
        }

        Pending = Row.HasPendingCopy ? await offerings.PendingAsync(current.Id, OfferingId, ct) : null;
        Lists = await search.ListsAsync(ct);
        return true;
    }
}
