using Regiekamer.Core.Audit;

namespace Regiekamer.Core.Accounts;

/// <summary>What the audit trail keeps of a user: never a password, hash, key or token. E-mail and name are personal data.</summary>
[Audited(AccountService.AuditEntity, "Gebruiker", "User")]
public sealed record UserSnapshot(
    [property: Label("E-mail", "E-mail")] Personal? Email,
    [property: Label("Naam", "Name")] Personal? DisplayName,
    [property: Label("Rollen", "Roles")] IReadOnlyList<string> Roles,
    [property: Label("Geblokkeerd", "Locked")] bool Locked,
    [property: Label("Tweestapsverificatie", "Two-factor authentication")] bool TwoFactor,
    [property: Label("Wachtwoord ingesteld", "Password set")] bool HasPassword) : IAuditSnapshot
{
    public static UserSnapshot Of(RegiekamerUser user, IEnumerable<RoleAssignment> roles, bool? hasPassword = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(roles);
        var subject = Personal.UserSubject(user.Id);
        return new(
            Personal.Of(user.Email, subject),
            Personal.Of(user.DisplayName, subject),
            roles.Select(r => RoleGrant.Of(r).ToString()).Order(StringComparer.Ordinal).ToList(),
            user.LockoutEnd == AccountService.LockedByAdministrator,
            user.TwoFactorEnabled,
            hasPassword ?? user.PasswordHash is not null);
    }
}

/// <summary>What happens to an account, each with its label.</summary>
public static class UserActions
{
    [Label("Rol toegekend", "Role granted")]
    public const string RoleAdded = "RoleAdded";

    [Label("Rol ingetrokken", "Role removed")]
    public const string RoleRemoved = "RoleRemoved";

    [Label("Geblokkeerd", "Locked")]
    public const string Locked = "Locked";

    [Label("Gedeblokkeerd", "Unlocked")]
    public const string Unlocked = "Unlocked";

    [Label("Wachtwoord ingesteld", "Password set")]
    public const string PasswordSet = "PasswordSet";

    [Label("Wachtwoord gewijzigd", "Password changed")]
    public const string PasswordChanged = "PasswordChanged";

    [Label("Wachtwoord hersteld", "Password reset")]
    public const string PasswordReset = "PasswordReset";

    [Label("Overal afgemeld", "Signed out everywhere")]
    public const string SignedOutEverywhere = "SignedOutEverywhere";

    [Label("Tweestapsverificatie aangezet", "Two-factor authentication on")]
    public const string TwoFactorEnabled = "TwoFactorEnabled";

    [Label("Tweestapsverificatie uitgezet", "Two-factor authentication off")]
    public const string TwoFactorDisabled = "TwoFactorDisabled";

    [Label("Herstelcodes vernieuwd", "Recovery codes renewed")]
    public const string RecoveryCodesRenewed = "RecoveryCodesRenewed";
}

public sealed record UserCreated(Guid UserId, UserSnapshot User)
    : Created<UserSnapshot>(KeyOf(UserId), User);

/// <summary>Anything done to an account (<see cref="UserActions"/>), with its state before and after.</summary>
public sealed record UserChanged(Guid UserId, string ChangeAction, UserSnapshot Old, UserSnapshot New)
    : Changed<UserSnapshot>(KeyOf(UserId), ChangeAction, Old, New);

/// <summary>What the audit trail keeps of an API token: never the secret or its hash.</summary>
[Audited(ApiTokenService.AuditEntity, "API-token", "API token")]
public sealed record ApiTokenSnapshot(
    [property: Label("Gebruiker (id)", "User (id)")] Guid UserId,
    [property: Label("Gebruiker", "User")] Personal? User,
    [property: Label("Naam", "Name")] string Name,
    [property: Label("Begin van de token", "Token prefix")] string Prefix,
    [property: Label("Vervalt op (UTC)", "Expires at (UTC)")] DateTime? ExpiresAtUtc,
    [property: Label("Ingetrokken op (UTC)", "Revoked at (UTC)")] DateTime? RevokedAtUtc) : IAuditSnapshot
{
    public static ApiTokenSnapshot Of(ApiToken token, RegiekamerUser user)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(user);
        return new(token.UserId, Personal.Of(user.Email, Personal.UserSubject(user.Id)), token.Name, token.Prefix, token.ExpiresAtUtc, token.RevokedAtUtc);
    }
}

public static class ApiTokenActions
{
    [Label("Ingetrokken", "Revoked")]
    public const string Revoked = "Revoked";
}

public sealed record ApiTokenCreated(int TokenId, ApiTokenSnapshot Token)
    : Created<ApiTokenSnapshot>(KeyOf(TokenId), Token);

public sealed record ApiTokenRevoked(int TokenId, ApiTokenSnapshot Old, ApiTokenSnapshot New)
    : Changed<ApiTokenSnapshot>(KeyOf(TokenId), ApiTokenActions.Revoked, Old, New);
