using Regiekamer.Core.Common;

namespace Regiekamer.Core.Accounts;

/// <summary>The roles as users read them.</summary>
public static class RoleNames
{
    public static IReadOnlyList<Role> All { get; } = Enum.GetValues<Role>();

    /// <summary>The role's name alone ("Regisseur"), as the audit trail says who acted.</summary>
    public static Bilingual Name(Role role) => role switch
    {
        Role.Administrator => new("Beheerder", "Administrator"),
        Role.CaseHandler => new("Dossierbehandelaar", "Case handler"),
        Role.PolicyOfficer => new("Beleidsmedewerker", "Policy officer"),
        Role.Regisseur => new("Regisseur", "Regisseur"),
        Role.Signatory => new("Ondertekenaar", "Signatory"),
        Role.MemberViewer => new("Medewerker lidgemeente", "Member municipality staff"),
        _ => new(role.ToString(), role.ToString()),
    };

    /// <summary>The role's name with whom it belongs to ("Regisseur (regieverband)"), where roles are granted and listed.</summary>
    public static Bilingual Of(Role role)
    {
        var name = Name(role);
        return role.IsDepartmentRole()
            ? new($"{name.Nl} (afdeling)", $"{name.En} (department)")
            : new($"{name.Nl} (regieverband)", $"{name.En} (partnership)");
    }
}
