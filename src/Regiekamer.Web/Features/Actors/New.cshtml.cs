using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Actors;
using Regiekamer.Core.Common;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Actors;

/// <summary>A new actor for the partnership: whoever may edit it (its regisseur; department case work).</summary>
[PartnershipAccess(PartnershipPermission.Edit)]
public sealed class NewModel(CurrentPartnership current, ActorService actors, Core.Kbo.KboService kbo) : RegiekamerPage
{
    public int PartnershipKey => current.Id;

    public string PartnershipName => current.Existing.Name;

    [BindProperty]
    public ActorForm Input { get; set; } = new() { KindCode = "maatwerkbedrijf" };

    public IReadOnlyList<ActorKind> Kinds { get; private set; } = [];

    public IReadOnlyDictionary<NisCode, string> Municipalities { get; private set; } = new Dictionary<NisCode, string>();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var created = await actors.CreateAsync(current.Id, Input.ToInput(), ct: ct);
        if (created.IsSuccess)
        {
            return Redirect($"/Partnerships/{current.Id}/Actors/{created.Value!.Id}?done=created");
        }

        await LoadAsync(ct);
        return Fail(created.Errors);
    }

    /// <summary>What KBO said when the regisseur fetched the details (issue 10, point 2).</summary>
    public Core.Kbo.KboEnterpriseInfo? Kbo { get; private set; }

    /// <summary>Fills the form from the KBO extract in force, without saving (works without JavaScript).</summary>
    public async Task<IActionResult> OnPostKboAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.Clear();
        var filled = await ActorKbo.FillAsync(Input, kbo, Municipalities, ct);
        Kbo = filled.Value;
        return filled.IsSuccess ? Page() : Fail(filled.Errors);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Kinds = await actors.KindsAsync(ct);
        Municipalities = await actors.Municipalities2025Async(ct);
    }
}
