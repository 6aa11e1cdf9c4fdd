using System.Globalization;
using System.Security.Claims;
using Regiekamer.Core.Accounts;

namespace Regiekamer.Web.Infrastructure;

/// <summary>
/// Who may do what. Department roles are ordinary role claims; partnership roles are claims
/// <see cref="AccountClaims.PartnershipRole"/> = "Regisseur:12" (role, partnership id). Every page folder and API group names one
/// of these policies (Startup); the access test walks every endpoint as every role.
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

    public static void AddRegiekamerPolicies(this Microsoft.AspNetCore.Authorization.AuthorizationBuilder auth)
    {
        ArgumentNullException.ThrowIfNull(auth);
        auth.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        auth.AddPolicy(Department, p => p.RequireRole(nameof(Role.Administrator), nameof(Role.CaseHandler), nameof(Role.PolicyOfficer)));
        auth.AddPolicy(CaseWork, p => p.RequireRole(nameof(Role.Administrator), nameof(Role.CaseHandler)));
        auth.AddPolicy(Administrator, p => p.RequireRole(nameof(Role.Administrator)));
    }

    public static bool IsDepartment(this ClaimsPrincipal user) =>
        user.IsInRole(nameof(Role.Administrator)) || user.IsInRole(nameof(Role.CaseHandler)) || user.IsInRole(nameof(Role.PolicyOfficer));

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

    /// <summary>Department staff read every partnership; partnership roles read their own.</summary>
    public static bool CanReadPartnership(this ClaimsPrincipal user, int partnershipId) =>
        user.IsDepartment() || user.PartnershipRoles().Any(r => r.PartnershipId == partnershipId);

    /// <summary>Administrators and case handlers edit every partnership; a regisseur edits their own.</summary>
    public static bool CanEditPartnership(this ClaimsPrincipal user, int partnershipId) =>
        user.IsInRole(nameof(Role.Administrator)) || user.IsInRole(nameof(Role.CaseHandler))
        || user.PartnershipRoles().Any(r => r.PartnershipId == partnershipId && r.Role == Role.Regisseur);

    /// <summary>The partnerships whose data the user may read; null means all (department).</summary>
    public static IReadOnlySet<int>? ReadablePartnerships(this ClaimsPrincipal user) =>
        user.IsDepartment() ? null : user.PartnershipRoles().Select(r => r.PartnershipId).ToHashSet();
}
