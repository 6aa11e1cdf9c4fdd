using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Actors;
using Regiekamer.Core.Common;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Actors;

/// <summary>Editing an actor's main fields, against the version read.</summary>
[PartnershipAccess(PartnershipPermission.Edit)]
public sealed class EditModel(CurrentPartnership current, ActorService service, Core.Kbo.KboService kbo) : ActorFormPage(service, kbo)
{
    public int PartnershipKey => current.Id;

    [FromRoute]
    public int ActorId { get; set; }

    [BindProperty]
    public int Version { get; set; }

    /// <summary>No such actor in this partnership: the page shows only the error.</summary>
    public bool Missing { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await Actors.GetAsync(current.Id, ActorId, ct);
        if (actor is null)
        {
            Missing = true;
            return Fail([ActorService.NotFound(ActorId)]);
        }

        Version = actor.Version;
        Input = ActorForm.Of(actor);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var saved = await Actors.UpdateAsync(current.Id, ActorId, Input.ToInput(), Version, ct);
        if (saved.IsSuccess)
        {
            return Redirect($"/Partnerships/{current.Id}/Actors/{ActorId}?done=saved");
        }

        Missing = saved.Errors.Any(e => e.Kind == ErrorKind.NotFound);
        await LoadAsync(ct);
        return Fail(saved.Errors);
    }
}
