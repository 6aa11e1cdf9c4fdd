using Regiekamer.Core.Audit;

namespace Regiekamer.Core.Catalogue;

// What the audit trail keeps of the catalogue: every event on a service ("Offering", its id) and on a category.

/// <summary>A service of the catalogue as it stands. The contact person's details are personal data (erasable).</summary>
[Audited(OfferingService.AuditEntity, "Catalogusdienst", "Catalogue service")]
public sealed record OfferingSnapshot(
    [property: Label("Actor", "Actor")] int ActorId,
    [property: Label("Titel", "Title")] string Title,
    [property: Label("Omschrijving", "Description")] string? Description,
    [property: Label("Status", "Status")] string Status,
    [property: Label("Laatst bevestigd", "Last confirmed")] string LastConfirmedOn,
    [property: Label("Categorieën", "Categories")] string Categories,
    [property: Label("CPV-codes", "CPV codes")] string CpvCodes,
    [property: Label("Werkgebied (NIS)", "Area served (NIS)")] string Municipalities,
    [property: Label("Doelgroepen", "Target groups")] string TargetGroups,
    [property: Label("Contactpersoon", "Contact person")] Personal? ContactName,
    [property: Label("E-mail contactpersoon", "Contact e-mail")] Personal? ContactEmail,
    [property: Label("Telefoon contactpersoon", "Contact phone")] Personal? ContactPhone,
    [property: Label("Toestemming om te tonen", "Consent to be shown")] bool ContactConsent) : IAuditSnapshot
{
    public static OfferingSnapshot Of(Offering o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var c = o.Content;
        var subject = Personal.ContactSubject(c.ContactEmail, c.ContactName);
        return new(
            o.ActorId, c.Title, c.Description, o.Status.ToString(), CatalogueRules.Day(o.LastConfirmedOn),
            string.Join(", ", c.Categories), string.Join(", ", c.CpvCodes), string.Join(", ", c.Municipalities), string.Join(", ", c.TargetGroups),
            Personal.Of(c.ContactName, subject), Personal.Of(c.ContactEmail, subject), Personal.Of(c.ContactPhone, subject), c.ContactConsent);
    }
}

/// <summary>An invitation sent to the supplier (to this address; the token itself is never kept).</summary>
[Audited(OfferingService.AuditEntity, "Catalogusdienst", "Catalogue service")]
public sealed record OfferingInvitationSnapshot(
    [property: Label("Uitnodiging", "Invitation")] int InvitationId,
    [property: Label("E-mail leverancier", "Supplier e-mail")] Personal? Email,
    [property: Label("Geldig tot", "Valid until")] string ExpiresAtUtc) : IAuditSnapshot;

public static class OfferingAuditActions
{
    [Label("Gepubliceerd", "Published")]
    public const string Published = "OfferingPublished";

    [Label("Uit de catalogus gehaald", "Unpublished")]
    public const string Unpublished = "OfferingUnpublished";

    [Label("Bevestigd", "Confirmed")]
    public const string Confirmed = "OfferingConfirmed";

    [Label("Wijziging van de leverancier gepubliceerd", "Supplier's update published")]
    public const string PendingPublished = "OfferingPendingPublished";

    [Label("Wijziging van de leverancier geweigerd", "Supplier's update rejected")]
    public const string PendingRejected = "OfferingPendingRejected";

    [Label("Wijziging van de leverancier ontvangen", "Supplier's update received")]
    public const string PendingReceived = "OfferingPendingReceived";

    [Label("Leverancier uitgenodigd", "Supplier invited")]
    public const string Invited = "OfferingInvited";
}

public sealed record OfferingCreated(int OfferingId, OfferingSnapshot Offering)
    : Created<OfferingSnapshot>(KeyOf(OfferingId), Offering);

public sealed record OfferingChanged(int OfferingId, string ChangeAction, OfferingSnapshot Old, OfferingSnapshot New)
    : Changed<OfferingSnapshot>(KeyOf(OfferingId), ChangeAction, Old, New);

public sealed record OfferingPendingReceived(int OfferingId, OfferingSnapshot Proposed)
    : PartChanged<OfferingSnapshot>(KeyOf(OfferingId), OfferingAuditActions.PendingReceived, null, Proposed);

public sealed record OfferingPendingRejected(int OfferingId, OfferingSnapshot Proposed)
    : PartChanged<OfferingSnapshot>(KeyOf(OfferingId), OfferingAuditActions.PendingRejected, Proposed, null);

public sealed record SupplierInvited(int OfferingId, OfferingInvitationSnapshot Invitation)
    : PartChanged<OfferingInvitationSnapshot>(KeyOf(OfferingId), OfferingAuditActions.Invited, null, Invitation);

/// <summary>A category of the catalogue as the department keeps it.</summary>
[Audited(CategoryService.AuditEntity, "Catalogus-categorie", "Catalogue category")]
public sealed record CatalogueCategorySnapshot(
    [property: Label("Code", "Code")] string Code,
    [property: Label("Naam", "Name")] string NameNl,
    [property: Label("Naam (Engels)", "Name (English)")] string NameEn,
    [property: Label("Volgorde", "Order")] int SortOrder,
    [property: Label("CPV-codes", "CPV codes")] string CpvCodes) : IAuditSnapshot
{
    public static CatalogueCategorySnapshot Of(CatalogueCategory c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Code, c.NameNl, c.NameEn, c.SortOrder, c.CpvCodes);
    }
}

public sealed record CatalogueCategoryAdded(string Code, CatalogueCategorySnapshot Category)
    : Created<CatalogueCategorySnapshot>(Code, Category);

public sealed record CatalogueCategoryChanged(string Code, CatalogueCategorySnapshot Old, CatalogueCategorySnapshot New)
    : Changed<CatalogueCategorySnapshot>(Code, AuditActions.Updated, Old, New);
