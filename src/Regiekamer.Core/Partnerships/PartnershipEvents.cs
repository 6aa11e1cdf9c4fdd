using Regiekamer.Core.Audit;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Partnerships;

/// <summary>What the audit trail keeps of a partnership: every field a person edits; the regisseur's contact details are personal data.</summary>
[Audited(PartnershipService.AuditEntity, "Regieverband", "Partnership")]
public sealed record PartnershipSnapshot(
    [property: Label("Naam", "Name")] string Name,
    [property: Label("Soort", "Kind")] string Kind,
    [property: Label("Status", "Status")] string Status,
    [property: Label("Leden (NIS)", "Members (NIS)")] IReadOnlyList<string> Members,
    [property: Label("Beherende gemeente (NIS)", "Managing municipality (NIS)")] string? ManagingMunicipality,
    [property: Label("Motivering wijziging", "Motivation for change")] string? ChangeMotivation,
    [property: Label("Naam regisseur", "Regisseur name")] Personal? RegisseurName,
    [property: Label("E-mail regisseur", "Regisseur e-mail")] Personal? RegisseurEmail,
    [property: Label("Telefoon regisseur", "Regisseur phone")] Personal? RegisseurPhone) : IAuditSnapshot
{
    public static PartnershipSnapshot Of(Partnership p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var contact = Personal.ContactSubject(p.RegisseurEmail, p.RegisseurName);
        return new(
            p.Name,
            p.Kind.Code(),
            p.Status.Code(),
            p.Members.Select(m => m.NisCode.Value).Order(StringComparer.Ordinal).ToList(),
            p.ManagingNisCode?.Value,
            p.ChangeMotivation,
            Personal.Of(p.RegisseurName, contact),
            Personal.Of(p.RegisseurEmail, contact),
            Personal.Of(p.RegisseurPhone, contact));
    }

    /// <summary>Kind and status by their label; the rest as stored.</summary>
    public static Bilingual? ValueLabel(string field, string value) => field switch
    {
        nameof(Kind) when PartnershipCodes.TryParseKind(value, out var kind) => kind.Label(),
        nameof(Status) when PartnershipCodes.TryParseStatus(value, out var status) => status.Label(),
        _ => null,
    };
}

public sealed record PartnershipCreated(int PartnershipId, PartnershipSnapshot Partnership)
    : Created<PartnershipSnapshot>(KeyOf(PartnershipId), Partnership);

public sealed record PartnershipUpdated(int PartnershipId, PartnershipSnapshot Old, PartnershipSnapshot New)
    : Changed<PartnershipSnapshot>(KeyOf(PartnershipId), AuditActions.Updated, Old, New);

public sealed record PartnershipDeleted(int PartnershipId, PartnershipSnapshot Partnership)
    : Deleted<PartnershipSnapshot>(KeyOf(PartnershipId), Partnership);
