using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Actors;
using Regiekamer.Core.Common;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Actors;

/// <summary>The partnership's actors: filters kind, municipality, archived; counts per kind.</summary>
[PartnershipAccess(PartnershipPermission.Read)]
public sealed class IndexModel(CurrentPartnership current, ActorService actors) : RegiekamerPage
{
    public int PartnershipKey => current.Id;

    public string PartnershipName => current.Existing.Name;

    public bool CanEdit => User.May(current.Id, PartnershipPermission.Edit);

    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "municipality")]
    public string? Municipality { get; set; }

    [BindProperty(SupportsGet = true, Name = "archived")]
    public bool Archived { get; set; }

    public IReadOnlyList<ActorListItem> Items { get; private set; } = [];

    public IReadOnlyList<ActorKind> Kinds { get; private set; } = [];

    public IReadOnlyDictionary<NisCode, string> Municipalities { get; private set; } = new Dictionary<NisCode, string>();

    public IReadOnlyList<(string Kind, int Count)> ByKind { get; private set; } = [];

    public string CountText { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Kinds = await actors.KindsAsync(ct);
        Municipalities = await actors.Municipalities2025Async(ct);
        Items = await actors.ListAsync(current.Id, new ActorFilter(Kind, Municipality, Archived), ct);
        var view = new ActorTableView(Items, Kinds, Municipalities, "", false);
        ByKind = Items.GroupBy(i => i.Actor.KindCode).Select(g => (view.KindName(g.Key), g.Count())).OrderByDescending(g => g.Item2).ThenBy(g => g.Item1, StringComparer.Ordinal).ToList();
        CountText = Counts(Items);
    }

    /// <summary>"12 actoren, waarvan 2 gearchiveerd en 3 demo" in the page's language.</summary>
    public static string Counts(IReadOnlyList<ActorListItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var archived = items.Count(i => i.Actor.IsArchived);
        var demo = items.Count(i => i.Actor.IsDemo);
        return Lang.IsDutch
            ? $"{Lang.Count(items.Count)} {(items.Count == 1 ? "actor" : "actoren")}, waarvan {Lang.Count(archived)} gearchiveerd en {Lang.Count(demo)} demo (fictief)."
            : $"{Lang.Count(items.Count)} {(items.Count == 1 ? "actor" : "actors")}, of which {Lang.Count(archived)} archived and {Lang.Count(demo)} demo (fictitious).";
    }
}
