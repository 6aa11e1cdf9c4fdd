namespace Regiekamer.Core.Accounts;

/// <summary>What a caller may do with the data of one partnership (or of anything that belongs to one).</summary>
public enum PartnershipPermission
{
    /// <summary>See it: department staff, and every partnership role of that partnership.</summary>
    Read,

    /// <summary>Change it: administrators and case handlers, and the partnership's regisseur.</summary>
    Edit,

    /// <summary>Create or delete it: department case work (administrators and case handlers) only.</summary>
    Manage,

    /// <summary>Prepare its application dossier while it is a draft: the partnership's regisseur and its signatory (not the department).</summary>
    Apply,

    /// <summary>Sign for it (submit or withdraw its dossier): the partnership's signatory, the organisatieverantwoordelijke, only.</summary>
    Sign,

    /// <summary>Review its dossier and decide on it, grant an extension: department case work (administrators and case handlers).</summary>
    Review,
}

/// <summary>What department staff may do, whatever the partnership.</summary>
public enum DepartmentPermission
{
    /// <summary>Read everything of the department: Administrator, CaseHandler, PolicyOfficer.</summary>
    Read,

    /// <summary>Department work that changes data: Administrator, CaseHandler.</summary>
    CaseWork,

    /// <summary>Calls, users, reference data, publishing: Administrator.</summary>
    Administer,

    /// <summary>Ministerial decrees: draft, sign, publish, amend (R13): Administrator, PolicyOfficer.</summary>
    Decrees,

    /// <summary>Payments: plan, propose, approve (never one's own proposal), order, record paid or failed; stops and reclaims: Administrator, CaseHandler, PolicyOfficer.</summary>
    Payments,
}

/// <summary>
/// Who may do what, as pure rules over the roles a person holds. The web app's named policies, its partnership
/// access convention and the menus all ask these; nothing else decides access.
/// </summary>
public static class Permissions
{
    /// <summary>The department roles that give a department permission.</summary>
    public static IReadOnlyList<Role> RolesFor(DepartmentPermission permission) => permission switch
    {
        DepartmentPermission.Read => [Role.Administrator, Role.CaseHandler, Role.PolicyOfficer],
        DepartmentPermission.CaseWork => [Role.Administrator, Role.CaseHandler],
        DepartmentPermission.Administer => [Role.Administrator],
        DepartmentPermission.Decrees => [Role.Administrator, Role.PolicyOfficer],
        DepartmentPermission.Payments => [Role.Administrator, Role.CaseHandler, Role.PolicyOfficer],
        _ => throw new ArgumentOutOfRangeException(nameof(permission), permission, null),
    };

    public static bool Allows(IReadOnlyCollection<Role> departmentRoles, DepartmentPermission permission)
    {
        ArgumentNullException.ThrowIfNull(departmentRoles);
        return RolesFor(permission).Any(departmentRoles.Contains);
    }

    /// <param name="departmentRoles">The department roles held (Administrator, CaseHandler, PolicyOfficer).</param>
    /// <param name="partnershipRoles">The partnership roles held, each for one partnership.</param>
    public static bool Allows(IReadOnlyCollection<Role> departmentRoles, IEnumerable<(Role Role, int PartnershipId)> partnershipRoles, int partnershipId, PartnershipPermission permission)
    {
        ArgumentNullException.ThrowIfNull(departmentRoles);
        ArgumentNullException.ThrowIfNull(partnershipRoles);
        return permission switch
        {
            PartnershipPermission.Read => Allows(departmentRoles, DepartmentPermission.Read) || partnershipRoles.Any(r => r.PartnershipId == partnershipId),
            PartnershipPermission.Edit => Allows(departmentRoles, DepartmentPermission.CaseWork) || partnershipRoles.Any(r => r.PartnershipId == partnershipId && r.Role == Role.Regisseur),
            PartnershipPermission.Manage or PartnershipPermission.Review => Allows(departmentRoles, DepartmentPermission.CaseWork),
            PartnershipPermission.Apply => partnershipRoles.Any(r => r.PartnershipId == partnershipId && r.Role is Role.Regisseur or Role.Signatory),
            PartnershipPermission.Sign => partnershipRoles.Any(r => r.PartnershipId == partnershipId && r.Role == Role.Signatory),
            _ => throw new ArgumentOutOfRangeException(nameof(permission), permission, null),
        };
    }
}
