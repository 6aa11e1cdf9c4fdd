using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Actors;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Common;
using Regiekamer.Web.Infrastructure;
using Actor = Regiekamer.Core.Actors.Actor;

namespace Regiekamer.Web.Features.Actors;

public sealed class RecognitionForm
{
    public string? What { get; set; }

    public string? GrantedBy { get; set; }

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidUntil { get; set; }
}

public sealed class ContactForm
{
    public string? Name { get; set; }

    public string? Role { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public bool PublicationConsent { get; set; }
}

public sealed class TieForm
{
    public string? Municipality { get; set; }

    public string? Kind { get; set; }

    public string? Note { get; set; }
}

public sealed class LinkForm
{
    public int? OtherActorId { get; set; }

    public string? About { get; set; }

    public DateOnly? Since { get; set; }
}

/// <summary>
/// One actor: everything the inventory keeps of it, its ties and links, and its history. Whoever may edit the
/// partnership changes its parts here, each with a small form of its own (no JavaScript), against the actor's version.
/// </summary>
[PartnershipAccess(PartnershipPermission.Read)]
public sealed class DetailsModel(CurrentPartnership current, ActorService actors, AuditTrail audit, Core.Kbo.KboService kbo) : RegiekamerPage
{
    public int PartnershipKey => current.Id;

    public string PartnershipName => current.Existing.Name;

    [FromRoute]
    public int ActorId { get; set; }

    [BindProperty(SupportsGet = true, Name = "done")]
    public string? Done { get; set; }

    [BindProperty]
    public int Version { get; set; }

    /// <summary>The recognition, contact, tie or link a remove button names.</summary>
    [BindProperty]
    public int PartId { get; set; }

    [BindProperty]
    public RecognitionForm Recognition { get; set; } = new();

    [BindProperty]
    public ContactForm Contact { get; set; } = new();

    [BindProperty]
    public TieForm Tie { get; set; } = new();

    [BindProperty]
    public LinkForm Link { get; set; } = new();

    public Actor? Actor { get; private set; }

    public IReadOnlyList<ActorLinkView> Links { get; private set; } = [];

    public IReadOnlyList<ActorKind> Kinds { get; private set; } = [];

    public IReadOnlyDictionary<NisCode, string> Names { get; private set; } = new Dictionary<NisCode, string>();

    /// <summary>The partnership's member municipalities, by name: those a tie can name.</summary>
    public IReadOnlyList<(NisCode Nis, string Name)> Members { get; private set; } = [];

    /// <summary>Other active actors of the partnership this one can be linked with.</summary>
    public IReadOnlyList<ActorListItem> Others { get; private set; } = [];

    public IReadOnlyList<AuditView> History { get; private set; } = [];

    public bool CanEdit => User.May(current.Id, PartnershipPermission.Edit) && Actor is { IsArchived: false };

    public bool MayEdit => User.May(current.Id, PartnershipPermission.Edit);

    public string KindName(string code) => Kinds.FirstOrDefault(k => k.Code == code) is { } k ? (Lang.IsDutch ? k.NameNl : k.NameEn) : code;

    public string MunicipalityName(NisCode nis) => Names.TryGetValue(nis, out var name) ? $"{name} ({nis})" : nis.Value;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Actor is null ? Fail([ActorService.NotFound(ActorId)]) : Page();
    }

    [PartnershipAccess(PartnershipPermission.Edit)]
    public Task<IActionResult> OnPostArchiveAsync(CancellationToken ct) => AnswerAsync(actors.ArchiveAsync(current.Id, ActorId, Version, ct), "archived", ct);

    [PartnershipAccess(PartnershipPermission.Edit)]
    public Task<IActionResult> OnPostRestoreAsync(CancellationToken ct) => AnswerAsync(actors.RestoreAsync(current.Id, ActorId, Version, ct), "restored", ct);

    [PartnershipAccess(PartnershipPermission.Edit)]
    public Task<IActionResult> OnPostAddRecognitionAsync(CancellationToken ct) =>
        AnswerAsync(actors.AddRecognitionAsync(current.Id, ActorId, new RecognitionInput(Recognition.What, Recognition.GrantedBy, Recognition.ValidFrom, Recognition.ValidUntil), Version, ct), "saved", ct, "recognitions");

    [PartnershipAccess(PartnershipPermission.Edit)]
    public Task<IActionResult> OnPostRemoveRecognitionAsync(CancellationToken ct) => AnswerAsync(actors.RemoveRecognitionAsync(current.Id, ActorId, PartId, Version, ct), "saved", ct, "recognitions");

    [PartnershipAccess(PartnershipPermission.Edit)]
    public Task<IActionResult> OnPostAddContactAsync(CancellationToken ct) =>
        AnswerAsync(actors.AddContactAsync(current.Id, ActorId, new ContactInput(Contact.Name, Contact.Role, Contact.Email, Contact.Phone, Contact.PublicationConsent), Version, ct), "saved", ct, "contacts");

    [PartnershipAccess(PartnershipPermission.Edit)]
    public Task<IActionResult> OnPostRemoveContactAsync(CancellationToken ct) => AnswerAsync(actors.RemoveContactAsync(current.Id, ActorId, PartId, Version, ct), "saved", ct, "contacts");

    [PartnershipAccess(PartnershipPermission.Edit)]
    public Task<IActionResult> OnPostAddTieAsync(CancellationToken ct) =>
        AnswerAsync(actors.AddTieAsync(current.Id, ActorId, new TieInput(Tie.Municipality, Tie.Kind, Tie.Note), Version, ct), "saved", ct, "ties");

    [PartnershipAccess(PartnershipPermission.Edit)]
    public Task<IActionResult> OnPostRemoveTieAsync(CancellationToken ct) => AnswerAsync(actors.RemoveTieAsync(current.Id, ActorId, PartId, Version, ct), "saved", ct, "ties");

    [PartnershipAccess(PartnershipPermission.Edit)]
    public Task<IActionResult> OnPostAddLinkAsync(CancellationToken ct) =>
        AnswerAsync(actors.AddLinkAsync(current.Id, ActorId, new LinkInput(Link.OtherActorId, Link.About, Link.Since), Version, ct), "saved", ct, "links");

    [PartnershipAccess(PartnershipPermission.Edit)]
    public Task<IActionResult> OnPostRemoveLinkAsync(CancellationToken ct) => AnswerAsync(actors.RemoveLinkAsync(current.Id, ActorId, PartId, Version, ct), "saved", ct, "links");

    private async Task<IActionResult> AnswerAsync(Task<Result<Actor>> change, string done, CancellationToken ct, string? section = null)
    {
        var result = await change;
        if (result.IsSuccess)
        {
            return Redirect($"/Partnerships/{current.Id}/Actors/{ActorId}?done={done}" + (section is null ? "" : "#" + section));
        }

        await LoadAsync(ct);
        return Fail(result.Errors);
    }

    /// <summary>How the actor's enterprise number stands in the KBO extract in force; null without a number.</summary>
    public Core.Kbo.KboStatus? Kbo { get; private set; }

    private async Task LoadAsync(CancellationToken ct)
    {
        Actor = await actors.GetAsync(current.Id, ActorId, ct);
        if (Actor is null)
        {
            return;
        }

        // Unknown, stopped or a natural person is flagged to the regisseur, with the extract's date (issue 10, point 2).
        Kbo = Actor.KboNumber is { } number && KboNumber.TryParse(number, out var parsed) ? await kbo.StatusAsync(parsed, ct) : null;
        Links = await actors.LinksAsync(Actor.Id, ct);
        Kinds = await actors.KindsAsync(ct);
        Names = await actors.MunicipalityNamesAsync(ct);
        Members = (await actors.MembersAsync(current.Id, ct)).Select(n => (n, Names.GetValueOrDefault(n) ?? n.Value)).OrderBy(m => m.Item2, StringComparer.Ordinal).ToList();
        var linked = Links.Select(l => l.OtherActorId).ToHashSet();
        Others = (await actors.ListAsync(current.Id, new ActorFilter(), ct)).Where(i => i.Actor.Id != Actor.Id && !linked.Contains(i.Actor.Id)).ToList();
        History = await audit.HistoryAsync(ActorService.AuditEntity, Actor.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        if (!Failed)
        {
            Version = Actor.Version;
        }
    }
}
