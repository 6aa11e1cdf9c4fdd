using System.Diagnostics.CodeAnalysis;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Partnerships;

/// <summary>R1: the legal forms an applicant may take (rechtsvorm).</summary>
public enum PartnershipKind
{
    CentralCity,
    WelfareAssociation,
    InterlocalAssociation,
    ProjectAssociation,
    ServiceAssociation,
    MandatedAssociation,
}

/// <summary>R5: whether the partnership is new, an unchanged existing one, or an existing one that changed.</summary>
public enum PartnershipStatus
{
    New,
    Existing,
    Changed,
}

public static class PartnershipCodes
{
    private static readonly (PartnershipKind Kind, string Code, Bilingual Label)[] Kinds =
    [
        (PartnershipKind.CentralCity, "central-city", new("Centrumstad", "Central city")),
        (PartnershipKind.WelfareAssociation, "welfare-association", new("Welzijnsvereniging", "Welfare association")),
        (PartnershipKind.InterlocalAssociation, "interlocal-association", new("Interlokale vereniging", "Interlocal association")),
        (PartnershipKind.ProjectAssociation, "project-association", new("Projectvereniging", "Project association")),
        (PartnershipKind.ServiceAssociation, "service-association", new("Dienstverlenende vereniging", "Service association")),
        (PartnershipKind.MandatedAssociation, "mandated-association", new("Opdrachthoudende vereniging", "Mandated association")),
    ];

    private static readonly (PartnershipStatus Status, string Code, Bilingual Label)[] Statuses =
    [
        (PartnershipStatus.New, "new", new("Nieuw", "New")),
        (PartnershipStatus.Existing, "existing", new("Bestaand, ongewijzigd", "Existing, unchanged")),
        (PartnershipStatus.Changed, "changed", new("Bestaand, gewijzigd", "Existing, changed")),
    ];

    public static IEnumerable<PartnershipKind> AllKinds => Kinds.Select(k => k.Kind);

    public static IEnumerable<PartnershipStatus> AllStatuses => Statuses.Select(s => s.Status);

    public static string Code(this PartnershipKind kind) => Kinds.First(k => k.Kind == kind).Code;

    public static Bilingual Label(this PartnershipKind kind) => Kinds.First(k => k.Kind == kind).Label;

    public static string Code(this PartnershipStatus status) => Statuses.First(s => s.Status == status).Code;

    public static Bilingual Label(this PartnershipStatus status) => Statuses.First(s => s.Status == status).Label;

    public static bool TryParseKind([NotNullWhen(true)] string? code, out PartnershipKind kind)
    {
        foreach (var k in Kinds)
        {
            if (string.Equals(k.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase) || string.Equals(k.Kind.ToString(), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = k.Kind;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public static bool TryParseStatus([NotNullWhen(true)] string? code, out PartnershipStatus status)
    {
        foreach (var s in Statuses)
        {
            if (string.Equals(s.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase) || string.Equals(s.Status.ToString(), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                status = s.Status;
                return true;
            }
        }

        status = default;
        return false;
    }

    public static string KindCodeList => string.Join(", ", Kinds.Select(k => k.Code));

    public static string StatusCodeList => string.Join(", ", Statuses.Select(s => s.Code));
}
