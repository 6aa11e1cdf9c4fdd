using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Actors;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Actors;

/// <summary>The department's list of actor kinds, and a form to add one (department roles only: the folder's policy).</summary>
public sealed class KindsModel(ActorService actors) : RegiekamerPage
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? NameNl { get; set; }

    [BindProperty]
    public string? NameEn { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public IReadOnlyList<ActorKind> Kinds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Kinds = await actors.KindsAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var added = await actors.AddKindAsync(Code, NameNl, NameEn, ct);
        if (added.IsSuccess)
        {
            return Redirect("/Actors/Kinds?done=added");
        }

        Kinds = await actors.KindsAsync(ct);
        return Fail(added.Errors);
    }
}
