using Regiekamer.Core.Common;

namespace Regiekamer.Core.Accounts;

/// <summary>The roles as users read them.</summary>
public static class RoleNames
{
    public static IReadOnlyList<Role> All { get; } = Enum.GetValues<Role>();

    public static Bilingual Of(Role role) => role switch
    {
        Role.Administrator => new("Beheerder (afdeling)", "Administrator (department)"),
        Role.CaseHandler => new("Dossierbehandelaar (afdeling)", "Case handler (department)"),
        Role.PolicyOfficer => new("Beleidsmedewerker (afdeling)", "Policy officer (department)"),
        Role.Regisseur => new("Regisseur (regieverband)", "Regisseur (partnership)"),
        Role.Signatory => new("Ondertekenaar (regieverband)", "Signatory (partnership)"),
        Role.MemberViewer => new("Lidgemeente, lezen (regieverband)", "Member municipality, read (partnership)"),
        _ => new(role.ToString(), role.ToString()),
    };
}
