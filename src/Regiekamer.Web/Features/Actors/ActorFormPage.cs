using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Actors;
using Regiekamer.Core.Common;
using Regiekamer.Core.Kbo;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Actors;

/// <summary>
/// What the new-actor and edit-actor pages share: the form, its lists of kinds and municipalities, and the button that
/// fills the form from the KBO extract in force (issue 10, point 2) without saving and without JavaScript.
/// </summary>
public abstract class ActorFormPage(ActorService actors, KboService kbo) : RegiekamerPage
{
    protected ActorService Actors { get; } = actors;

    [BindProperty]
    public ActorForm Input { get; set; } = new();

    public IReadOnlyList<ActorKind> Kinds { get; private set; } = [];

    public IReadOnlyDictionary<NisCode, string> Municipalities { get; private set; } = new Dictionary<NisCode, string>();

    /// <summary>What KBO said when the regisseur fetched the details.</summary>
    public KboEnterpriseInfo? Kbo { get; private set; }

    public async Task<IActionResult> OnPostKboAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.Clear();
        var filled = await ActorKbo.FillAsync(Input, kbo, Municipalities, ct);
        Kbo = filled.Value;
        return filled.IsSuccess ? Page() : Fail(filled.Errors);
    }

    protected async Task LoadAsync(CancellationToken ct)
    {
        Kinds = await Actors.KindsAsync(ct);
        Municipalities = await Actors.Municipalities2025Async(ct);
    }
}
