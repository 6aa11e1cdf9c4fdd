using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Regiekamer.Core.Data;

namespace Regiekamer.Core.Accounts;

/// <summary>
/// Builds the principal of a user from their role assignments: department roles as <see cref="ClaimTypes.Role"/>,
/// partnership roles as <see cref="AccountClaims.PartnershipRole"/>. Used at sign-in, at every security-stamp check
/// (so role changes reach open sessions within the check interval) and for every API token request.
/// </summary>
public sealed class RegiekamerClaimsFactory(UserManager<RegiekamerUser> users, IOptions<IdentityOptions> options, RegiekamerDb db)
    : UserClaimsPrincipalFactory<RegiekamerUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(RegiekamerUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        if (user.DisplayName.Length > 0)
        {
            identity.AddClaim(new Claim(AccountClaims.DisplayName, user.DisplayName));
        }

        identity.AddClaim(new Claim(AccountClaims.TwoFactorEnabled, user.TwoFactorEnabled ? "true" : "false"));
        var assignments = await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == user.Id).OrderBy(r => r.Id).ToListAsync();
        foreach (var assignment in assignments)
        {
            if (assignment.Role.IsDepartmentRole() && assignment.PartnershipId is null)
            {
                identity.AddClaim(new Claim(Options.ClaimsIdentity.RoleClaimType, assignment.Role.ToString()));
            }
            else if (!assignment.Role.IsDepartmentRole() && assignment.PartnershipId is { } partnershipId)
            {
                identity.AddClaim(new Claim(AccountClaims.PartnershipRole, AccountClaims.PartnershipRoleValue(assignment.Role, partnershipId)));
            }
        }

        return identity;
    }
}
