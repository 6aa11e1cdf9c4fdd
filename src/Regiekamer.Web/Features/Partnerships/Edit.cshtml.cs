using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Partnerships;

/// <summary>Editing a partnership: whoever may edit that partnership (a regisseur: their own).</summary>
[PartnershipAccess(PartnershipPermission.Edit)]
public sealed class EditModel(CurrentPartnership current, PartnershipService partnerships, ReferenceDataService data) : RegiekamerPage
{
    public int PartnershipId => current.Id;

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public PartnershipForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var p = current.Existing;
        Version = p.Version;
        Input = PartnershipForm.Of(p, await data.SnapshotAsync(p.MunicipalitySet, ct: ct));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await partnerships.UpdateAsync(current.Id, Input.ToInput(), Version, ct);
        return result.IsSuccess ? Redirect($"/Partnerships/{current.Id}?saved=true") : Fail(result.Errors);
    }
}
