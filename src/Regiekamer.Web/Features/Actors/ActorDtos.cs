using Regiekamer.Core.Actors;
using Regiekamer.Core.Common;

namespace Regiekamer.Web.Features.Actors;

/// <summary>An actor as sent: kind and target groups as codes, municipalities as NIS codes of the 2025 set; version for an update.</summary>
public sealed record ActorRequest(
    string? Name, string? KboNumber, string? Kind, string? Street, string? HouseNumber, string? Zipcode, string? MunicipalityNisCode,
    string? Website, string? Email, string? Phone, string? Activities, string? Vision, IReadOnlyList<string>? TargetGroups, IReadOnlyList<string>? ServedMunicipalities, int Version = 0)
{
    public ActorInput ToInput() => new(Name, KboNumber, Kind, Street, HouseNumber, Zipcode, MunicipalityNisCode, Website, Email, Phone, Activities, Vision, TargetGroups, ServedMunicipalities);
}

public sealed record ActorVersionRequest(int Version);

public sealed record RecognitionRequest(string? What, string? GrantedBy, DateOnly? ValidFrom, DateOnly? ValidUntil, int Version);

public sealed record ContactRequest(string? Name, string? Role, string? Email, string? Phone, bool PublicationConsent, int Version);

/// <summary>A tie with a member municipality of the partnership: eigen-actor, klantrelatie, samenwerkingsovereenkomst, bestuurszetel-institutioneel or bestuurszetel-persoonlijk.</summary>
public sealed record TieRequest(string? MunicipalityNisCode, string? Kind, string? Note, int Version);

public sealed record LinkRequest(int? OtherActorId, string? About, DateOnly? Since, int Version);

public sealed record ActorKindRequest(string? Code, string? NameNl, string? NameEn);

public sealed record ActorKindDto(string Code, string NameNl, string NameEn, bool BuiltIn)
{
    public static ActorKindDto Of(ActorKind k) => new(k.Code, k.NameNl, k.NameEn, k.IsBuiltIn);
}

public sealed record RecognitionDto(int Id, string What, string GrantedBy, DateOnly ValidFrom, DateOnly? ValidUntil);

public sealed record ContactDto(int Id, string Name, string? Role, string? Email, string? Phone, bool PublicationConsent);

public sealed record TieDto(int Id, string MunicipalityNisCode, string Kind, string? Note);

public sealed record LinkDto(int Id, int OtherActorId, string OtherActorName, string About, DateOnly? Since);

/// <summary>One line of a list: the actor's identity, kind, municipality, partnership and whether archived or demo.</summary>
public sealed record ActorSummaryDto(int Id, int PartnershipId, string PartnershipName, string Name, string? KboNumber, string Kind, string? MunicipalityNisCode, bool Archived, bool Demo, int Version)
{
    public static ActorSummaryDto Of(ActorListItem i)
    {
        ArgumentNullException.ThrowIfNull(i);
        var a = i.Actor;
        return new(a.Id, a.PartnershipId, i.PartnershipName, a.Name, a.KboNumber, a.KindCode, a.MunicipalityNisCode?.Value, a.IsArchived, a.IsDemo, a.Version);
    }
}

public sealed record ActorDto(
    int Id, int PartnershipId, string Name, string? KboNumber, string Kind, string? Street, string? HouseNumber, string? Zipcode, string? MunicipalityNisCode,
    string? Website, string? Email, string? Phone, string? Activities, string? Vision, IReadOnlyList<string> TargetGroups, IReadOnlyList<string> ServedMunicipalities,
    IReadOnlyList<RecognitionDto> Recognitions, IReadOnlyList<ContactDto> Contacts, IReadOnlyList<TieDto> Ties, IReadOnlyList<LinkDto> Links,
    bool Archived, DateTime? ArchivedAtUtc, bool Demo, int Version, DateTime UpdatedAtUtc)
{
    public static ActorDto Of(Actor a, IReadOnlyList<ActorLinkView> links)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(links);
        return new(
            a.Id, a.PartnershipId, a.Name, a.KboNumber, a.KindCode, a.Street, a.HouseNumber, a.Zipcode, a.MunicipalityNisCode?.Value, a.Website, a.Email, a.Phone, a.Activities, a.Vision,
            a.TargetGroups.Select(t => t.Code).Order(StringComparer.Ordinal).ToList(),
            a.ServedMunicipalities.Select(m => m.NisCode.Value).Order(StringComparer.Ordinal).ToList(),
            a.Recognitions.OrderBy(r => r.ValidFrom).ThenBy(r => r.Id).Select(r => new RecognitionDto(r.Id, r.What, r.GrantedBy, r.ValidFrom, r.ValidUntil)).ToList(),
            a.Contacts.OrderBy(c => c.Id).Select(c => new ContactDto(c.Id, c.Name, c.Role, c.Email, c.Phone, c.PublicationConsent)).ToList(),
            a.Ties.OrderBy(t => t.MunicipalityNisCode).ThenBy(t => t.Kind, StringComparer.Ordinal).Select(t => new TieDto(t.Id, t.MunicipalityNisCode.Value, t.Kind, t.Note)).ToList(),
            links.Select(l => new LinkDto(l.Link.Id, l.OtherActorId, l.OtherActorName, l.Link.About, l.Link.Since)).ToList(),
            a.IsArchived, a.ArchivedAtUtc, a.IsDemo, a.Version, a.UpdatedAtUtc);
    }
}
