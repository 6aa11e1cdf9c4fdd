using Regiekamer.Core.Audit;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Actors;

// What the audit trail keeps of an actor: every event on it ("Actor", its id), its parts included. A contact's name,
// e-mail and phone are personal data (ADR 8): stored by reference, erasable.

/// <summary>The actor's own fields.</summary>
[Audited(ActorService.AuditEntity, "Actor", "Actor")]
public sealed record ActorSnapshot(
    [property: Label("Regieverband", "Partnership")] int PartnershipId,
    [property: Label("Naam", "Name")] string Name,
    [property: Label("KBO-nummer", "KBO number")] string? KboNumber,
    [property: Label("Soort", "Kind")] string Kind,
    [property: Label("Straat", "Street")] string? Street,
    [property: Label("Huisnummer", "House number")] string? HouseNumber,
    [property: Label("Postcode", "Zipcode")] string? Zipcode,
    [property: Label("Gemeente (NIS)", "Municipality (NIS)")] string? Municipality,
    [property: Label("Website", "Website")] string? Website,
    [property: Label("E-mail", "E-mail")] string? Email,
    [property: Label("Telefoon", "Phone")] string? Phone,
    [property: Label("Activiteiten en diensten", "Activities and services")] string? Activities,
    [property: Label("Visie", "Vision")] string? Vision,
    [property: Label("Doelgroepen", "Target groups")] IReadOnlyList<string> TargetGroups,
    [property: Label("Bediende gemeenten (NIS)", "Municipalities served (NIS)")] IReadOnlyList<string> ServedMunicipalities,
    [property: Label("Gearchiveerd", "Archived")] bool Archived) : IAuditSnapshot
{
    public static ActorSnapshot Of(Actor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(
            a.PartnershipId, a.Name, a.KboNumber, a.KindCode, a.Street, a.HouseNumber, a.Zipcode, a.MunicipalityNisCode?.Value, a.Website, a.Email, a.Phone,
            a.Activities, a.Vision,
            a.TargetGroups.Select(t => t.Code).Order(StringComparer.Ordinal).ToList(),
            a.ServedMunicipalities.Select(m => m.NisCode.Value).Order(StringComparer.Ordinal).ToList(),
            a.IsArchived);
    }
}

[Audited(ActorService.AuditEntity, "Actor", "Actor")]
public sealed record ActorRecognitionSnapshot(
    [property: Label("Erkenning", "Recognition")] int RecognitionId,
    [property: Label("Erkenning: wat", "Recognition: what")] string What,
    [property: Label("Erkend door", "Granted by")] string GrantedBy,
    [property: Label("Erkend vanaf", "Recognised from")] string ValidFrom,
    [property: Label("Erkend tot en met", "Recognised until")] string? ValidUntil) : IAuditSnapshot
{
    public static ActorRecognitionSnapshot Of(ActorRecognition r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Id, r.What, r.GrantedBy, ActorRules.Iso(r.ValidFrom)!, ActorRules.Iso(r.ValidUntil));
    }
}

[Audited(ActorService.AuditEntity, "Actor", "Actor")]
public sealed record ActorContactSnapshot(
    [property: Label("Contactpersoon", "Contact")] int ContactId,
    [property: Label("Naam contactpersoon", "Contact's name")] Personal? ContactName,
    [property: Label("Functie contactpersoon", "Contact's role")] string? ContactRole,
    [property: Label("E-mail contactpersoon", "Contact's e-mail")] Personal? ContactEmail,
    [property: Label("Telefoon contactpersoon", "Contact's phone")] Personal? ContactPhone,
    [property: Label("Toestemming tot publicatie", "Consent to publication")] bool PublicationConsent) : IAuditSnapshot
{
    public static ActorContactSnapshot Of(ActorContact c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var subject = Personal.ContactSubject(c.Email, c.Name);
        return new(c.Id, Personal.Of(c.Name, subject), c.Role, Personal.Of(c.Email, subject), Personal.Of(c.Phone, subject), c.PublicationConsent);
    }
}

[Audited(ActorService.AuditEntity, "Actor", "Actor")]
public sealed record ActorTieSnapshot(
    [property: Label("Band", "Tie")] int TieId,
    [property: Label("Band met gemeente (NIS)", "Tie with municipality (NIS)")] string TieMunicipality,
    [property: Label("Soort band", "Kind of tie")] string TieKind,
    [property: Label("Toelichting band", "Note on the tie")] string? TieNote) : IAuditSnapshot
{
    public static ActorTieSnapshot Of(ActorTie t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new(t.Id, t.MunicipalityNisCode.Value, t.Kind, t.Note);
    }

    public static Bilingual? ValueLabel(string field, string value) => field == nameof(TieKind) ? ActorCodes.TieKindLabel(value) : null;
}

[Audited(ActorService.AuditEntity, "Actor", "Actor")]
public sealed record ActorLinkSnapshot(
    [property: Label("Samenwerking", "Cooperation")] int LinkId,
    [property: Label("Samenwerking van actor", "Cooperation of actor")] int FromActorId,
    [property: Label("Samenwerking met actor", "Cooperation with actor")] int ToActorId,
    [property: Label("Samenwerking: waarover", "Cooperation: on what")] string About,
    [property: Label("Samenwerking sinds", "Cooperation since")] string? Since) : IAuditSnapshot
{
    public static ActorLinkSnapshot Of(ActorLink l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return new(l.Id, l.FromActorId, l.ToActorId, l.About, ActorRules.Iso(l.Since));
    }
}

[Audited(ActorService.KindAuditEntity, "Soort actor", "Kind of actor")]
public sealed record ActorKindSnapshot(
    [property: Label("Code", "Code")] string Code,
    [property: Label("Naam (Nederlands)", "Name (Dutch)")] string NameNl,
    [property: Label("Naam (Engels)", "Name (English)")] string NameEn) : IAuditSnapshot;

public static class ActorAuditActions
{
    [Label("Gearchiveerd", "Archived")]
    public const string Archived = "ActorArchived";

    [Label("Hersteld uit het archief", "Restored from the archive")]
    public const string Restored = "ActorRestored";

    [Label("Erkenning toegevoegd", "Recognition added")]
    public const string RecognitionAdded = "ActorRecognitionAdded";

    [Label("Erkenning verwijderd", "Recognition removed")]
    public const string RecognitionRemoved = "ActorRecognitionRemoved";

    [Label("Contactpersoon toegevoegd", "Contact added")]
    public const string ContactAdded = "ActorContactAdded";

    [Label("Contactpersoon verwijderd", "Contact removed")]
    public const string ContactRemoved = "ActorContactRemoved";

    [Label("Band met lokaal bestuur toegevoegd", "Tie with a local government added")]
    public const string TieAdded = "ActorTieAdded";

    [Label("Band met lokaal bestuur verwijderd", "Tie with a local government removed")]
    public const string TieRemoved = "ActorTieRemoved";

    [Label("Samenwerking toegevoegd", "Cooperation added")]
    public const string LinkAdded = "ActorLinkAdded";

    [Label("Samenwerking verwijderd", "Cooperation removed")]
    public const string LinkRemoved = "ActorLinkRemoved";
}

public sealed record ActorCreated(int ActorId, ActorSnapshot Actor)
    : Created<ActorSnapshot>(KeyOf(ActorId), Actor);

public sealed record ActorUpdated(int ActorId, ActorSnapshot Old, ActorSnapshot New)
    : Changed<ActorSnapshot>(KeyOf(ActorId), AuditActions.Updated, Old, New);

public sealed record ActorArchived(int ActorId, ActorSnapshot Old, ActorSnapshot New)
    : Changed<ActorSnapshot>(KeyOf(ActorId), ActorAuditActions.Archived, Old, New);

public sealed record ActorRestored(int ActorId, ActorSnapshot Old, ActorSnapshot New)
    : Changed<ActorSnapshot>(KeyOf(ActorId), ActorAuditActions.Restored, Old, New);

public sealed record ActorRecognitionAdded(int ActorId, ActorRecognitionSnapshot Added)
    : PartChanged<ActorRecognitionSnapshot>(KeyOf(ActorId), ActorAuditActions.RecognitionAdded, null, Added);

public sealed record ActorRecognitionRemoved(int ActorId, ActorRecognitionSnapshot Removed)
    : PartChanged<ActorRecognitionSnapshot>(KeyOf(ActorId), ActorAuditActions.RecognitionRemoved, Removed, null);

public sealed record ActorContactAdded(int ActorId, ActorContactSnapshot Added)
    : PartChanged<ActorContactSnapshot>(KeyOf(ActorId), ActorAuditActions.ContactAdded, null, Added);

public sealed record ActorContactRemoved(int ActorId, ActorContactSnapshot Removed)
    : PartChanged<ActorContactSnapshot>(KeyOf(ActorId), ActorAuditActions.ContactRemoved, Removed, null);

public sealed record ActorTieAdded(int ActorId, ActorTieSnapshot Added)
    : PartChanged<ActorTieSnapshot>(KeyOf(ActorId), ActorAuditActions.TieAdded, null, Added);

public sealed record ActorTieRemoved(int ActorId, ActorTieSnapshot Removed)
    : PartChanged<ActorTieSnapshot>(KeyOf(ActorId), ActorAuditActions.TieRemoved, Removed, null);

/// <summary>Recorded on both actors of the link.</summary>
public sealed record ActorLinkAdded(int ActorId, ActorLinkSnapshot Added)
    : PartChanged<ActorLinkSnapshot>(KeyOf(ActorId), ActorAuditActions.LinkAdded, null, Added);

public sealed record ActorLinkRemoved(int ActorId, ActorLinkSnapshot Removed)
    : PartChanged<ActorLinkSnapshot>(KeyOf(ActorId), ActorAuditActions.LinkRemoved, Removed, null);

public sealed record ActorKindAdded(string Code, ActorKindSnapshot Kind)
    : Created<ActorKindSnapshot>(Code, Kind);
