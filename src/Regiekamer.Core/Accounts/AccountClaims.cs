using System.Globalization;

namespace Regiekamer.Core.Accounts;

/// <summary>
/// The claims a signed-in principal carries besides the standard ones (name identifier, name = e-mail, e-mail,
/// security stamp, <c>ClaimTypes.Role</c> for the department roles). The same principal comes from the sign-in
/// cookie and from an API token.
/// </summary>
public static class AccountClaims
{
    /// <summary>One claim per partnership role, value "Regisseur:12" (role, partnership id).</summary>
    public const string PartnershipRole = "regiekamer:partnership-role";

    public const string DisplayName = "regiekamer:display-name";

    /// <summary>"true" when the user has authenticator-app two-factor sign-in on; administrators must.</summary>
    public const string TwoFactorEnabled = "regiekamer:two-factor";

    /// <summary>On principals from an API token: the token's id.</summary>
    public const string ApiTokenId = "regiekamer:api-token";

    public static string PartnershipRoleValue(Role role, int partnershipId) => $"{role}:{partnershipId.ToString(CultureInfo.InvariantCulture)}";
}
