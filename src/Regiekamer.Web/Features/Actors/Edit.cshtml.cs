using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Actors;
using Regiekamer.Core.Common;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Actors;

/// <summary>Editing an actor's main fields, against the version read.</summary>
[PartnershipAccess(PartnershipPermission.Edit)]
public sealed class EditModel(CurrentPartnership current, ActorService actors, Core.Kbo.KboService kbo) : RegiekamerPage
{
    public int PartnershipKey => current.Id;

    [FromRoute]
    public int ActorId { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public ActorForm Input { get; set; } = new();

    public IReadOnlyList<ActorKind> Kinds { get; private set; } = [];

    public IReadOnlyDictionary<NisCode, string> Municipalities { get; private set; } = new Dictionary<NisCode, string>();

    /// <summary>No such actor in this partnership: the page shows only the error.</summary>
    public bool Missing { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(current.Id, ActorId, ct);
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
        var saved = await actors.UpdateAsync(current.Id, ActorId, Input.ToInput(), Version, ct);
        if (saved.IsSuccess)
        {
            return Redirect($"/Partnerships/{current.Id}/Actors/{ActorId}?done=saved");
        }

        Missing = saved.Errors.Any(e => e.Kind == ErrorKind.NotFound);
        await LoadAsync(ct);
        return Fail(saved.Errors);
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
