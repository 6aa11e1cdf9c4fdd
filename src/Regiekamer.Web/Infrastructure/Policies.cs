using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Regiekamer.Core.Accounts;

namespace Regiekamer.Web.Infrastructure;

/// <summary>
/// Who may do what, as named policies for page folders and API groups, and as questions a page may ask of the signed-in
/// user (to show a button). Department roles are ordinary role claims; partnership roles are claims
/// <see cref="AccountClaims.PartnershipRole"/> = "Regisseur:12" (role, partnership id). The rules themselves are
/// <see cref="Permissions"/>; what belongs to one partnership is guarded by <see cref="PartnershipAccess"/>.
/// </summary>
public static class Policies
{
    /// <summary>Anyone signed in, with any role.</summary>
    public const string SignedIn = "SignedIn";

    /// <summary>Administrator, CaseHandler or PolicyOfficer.</summary>
    public const string Department = "Department";

    /// <summary>Administrator or CaseHandler: department work that changes data.</summary>
    public const string CaseWork = "CaseWork";

    public const string Administrator = "Administrator";

    /// <summary>Administrator or PolicyOfficer: draft, sign, publish and amend ministerial decrees (R13).</summary>
    public const string Decrees = "Decrees";

    /// <summary>Department staff who handle payments (four eyes between two of them) and stops (R16).</summary>
    public const string Payments = "Payments";

    public static void AddRegiekamerPolicies(this AuthorizationBuilder auth)
    {
        ArgumentNullException.ThrowIfNull(auth);
        auth.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        auth.AddPolicy(Department, p => p.RequireRole(RoleNamesFor(DepartmentPermission.Read)));
        auth.AddPolicy(CaseWork, p => p.RequireRole(RoleNamesFor(DepartmentPermission.CaseWork)));
        auth.AddPolicy(Administrator, p => p.RequireRole(RoleNamesFor(DepartmentPermission.Administer)));
        auth.AddPolicy(Decrees, p => p.RequireRole(RoleNamesFor(DepartmentPermission.Decrees)));
        auth.AddPolicy(Payments, p => p.RequireRole(RoleNamesFor(DepartmentPermission.Payments)));
    }

    private static string[] RoleNamesFor(DepartmentPermission permission) => Permissions.RolesFor(permission).Select(r => r.ToString()).ToArray();

    /// <summary>The department roles the user holds.</summary>
    public static IReadOnlyCollection<Role> DepartmentRoles(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindAll(ClaimTypes.Role)
            .Select(c => Enum.TryParse<Role>(c.Value, out var role) && role.IsDepartmentRole() ? role : (Role?)null)
            .OfType<Role>()
            .ToHashSet();
    }

    /// <summary>The partnership roles the user holds, as (role, partnership id).</summary>
    public static IEnumerable<(Role Role, int PartnershipId)> PartnershipRoles(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        foreach (var claim in user.FindAll(AccountClaims.PartnershipRole))
        {
            var parts = claim.Value.Split(':');
            if (parts.Length == 2 && Enum.TryParse<Role>(parts[0], out var role) && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                yield return (role, id);
            }
        }
    }

    public static bool May(this ClaimsPrincipal user, DepartmentPermission permission) => Permissions.Allows(user.DepartmentRoles(), permission);

    public static bool May(this ClaimsPrincipal user, int partnershipId, PartnershipPermission permission) =>
        Permissions.Allows(user.DepartmentRoles(), user.PartnershipRoles(), partnershipId, permission);

    /// <summary>Department staff (any of the three department roles).</summary>
    public static bool IsDepartment(this ClaimsPrincipal user) => user.May(DepartmentPermission.Read);

    /// <summary>The partnerships whose data the user may read; null means all (department).</summary>
    public static IReadOnlySet<int>? ReadablePartnerships(this ClaimsPrincipal user) =>
        user.IsDepartment() ? null : user.PartnershipRoles().Select(r => r.PartnershipId).ToHashSet();
}
