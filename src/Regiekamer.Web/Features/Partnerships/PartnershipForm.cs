using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Web.Features.Partnerships;

/// <summary>The fields of the partnership form (<c>_PartnershipForm</c>), as posted by New and Edit.</summary>
public sealed class PartnershipForm
{
    public string? Name { get; set; }

    public string? Kind { get; set; } = PartnershipKind.InterlocalAssociation.Code();

    public string? Status { get; set; } = PartnershipStatus.New.Code();

    /// <summary>One municipality per line (or separated by ';' or ',').</summary>
    public string? Members { get; set; }

    public string? ManagingMunicipality { get; set; }

    public string? ChangeMotivation { get; set; }

    public string? RegisseurName { get; set; }

    public string? RegisseurEmail { get; set; }

    public string? RegisseurPhone { get; set; }

    public PartnershipInput ToInput() => new(
        Name, Kind, Status, (Members ?? "").Split(['\n', ';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        ManagingMunicipality, ChangeMotivation, RegisseurName, RegisseurEmail, RegisseurPhone);

    /// <summary>The form filled in with a partnership as it is, members and managing municipality by name.</summary>
    public static PartnershipForm Of(Partnership p, ReferenceSnapshot s)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(s);
        return new()
        {
            Name = p.Name,
            Kind = p.Kind.Code(),
            Status = p.Status.Code(),
            Members = string.Join("\n", p.Members.Select(m => s.Find(m.NisCode)?.Name ?? m.NisCode.Value).Order(StringComparer.Ordinal)),
            ManagingMunicipality = p.ManagingNisCode is { } m ? s.Find(m)?.Name : null,
            ChangeMotivation = p.ChangeMotivation,
            RegisseurName = p.RegisseurName,
            RegisseurEmail = p.RegisseurEmail,
            RegisseurPhone = p.RegisseurPhone,
        };
    }
}

/// <summary>What the form partial needs: the values, the errors, and where Cancel leads.</summary>
public sealed record PartnershipFormView(PartnershipForm Input, IReadOnlyList<Regiekamer.Core.Common.DomainError> Errors, int? Version, string CancelUrl);
