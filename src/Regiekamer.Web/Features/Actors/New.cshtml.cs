using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Actors;
using Regiekamer.Core.Common;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Actors;

/// <summary>A new actor for the partnership: whoever may edit it (its regisseur; department case work).</summary>
[PartnershipAccess(PartnershipPermission.Edit)]
public sealed class NewModel(CurrentPartnership current, ActorService service, Core.Kbo.KboService kbo) : ActorFormPage(service, kbo)
{
    public int PartnershipKey => current.Id;

    public string PartnershipName => current.Existing.Name;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input = new() { KindCode = "maatwerkbedrijf" };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var created = await Actors.CreateAsync(current.Id, Input.ToInput(), ct: ct);
        if (created.IsSuccess)
        {
            return Redirect($"/Partnerships/{current.Id}/Actors/{created.Value!.Id}?done=created");
        }

        await LoadAsync(ct);
        return Fail(created.Errors);
    }
}
