using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Catalogue;
using Regiekamer.Web.Infrastructure;
using Actor = Regiekamer.Core.Actors.Actor;

namespace Regiekamer.Web.Features.Catalogue;

/// <summary>Adds a service (a draft) for one of the partnership's actors: its regisseur, or case work.</summary>
[PartnershipAccess(PartnershipPermission.Edit)]
public sealed class NewModel(CurrentPartnership current, OfferingService offerings, CatalogueSearch search) : RegiekamerPage
{
    public int PartnershipId => current.Id;

    [BindProperty]
    public int ActorId { get; set; }

    [BindProperty]
    public OfferingForm Input { get; set; } = new();

    public IReadOnlyList<Actor> Actors { get; private set; } = [];

    public CatalogueLists Lists { get; private set; } = new([], [], [], []);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await offerings.CreateAsync(current.Id, ActorId, Input.ToInput(), ct);
        if (result.IsSuccess)
        {
            return Redirect($"/Catalogue/Manage/{current.Id}/Services/{result.Value!.Id}?saved=true");
        }

        await LoadAsync(ct);
        return Fail(result.Errors);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Actors = await offerings.ActorsAsync(current.Id, ct);
        Lists = await search.ListsAsync(ct);
    }
}
