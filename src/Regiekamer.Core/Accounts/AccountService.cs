using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Partnerships;

namespace Regiekamer.Core.Accounts;

/// <summary>One role of a user as it is granted: a department role alone, a partnership role with its partnership.</summary>
public sealed record RoleGrant(Role Role, int? PartnershipId = null)
{
    public static RoleGrant Of(RoleAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return new(assignment.Role, assignment.PartnershipId);
    }

    /// <summary>"Administrator" or "Regisseur:12", as in the claims and the audit trail.</summary>
    public override string ToString() => PartnershipId is { } id ? AccountClaims.PartnershipRoleValue(Role, id) : Role.ToString();
}

public sealed record UserSummary(RegiekamerUser User, IReadOnlyList<RoleAssignment> Roles);

/// <summary>
/// Users and their roles: creating, granting and withdrawing roles, locking, passwords and two-factor sign-in.
/// Every action writes exactly one audit record ("User", user id) with the user's state before and after — never a
/// password, hash, key or token. Identity saves the user; the audit record is added first so it is written in the
/// same SaveChanges, and taken back when Identity refuses.
/// </summary>
public sealed class AccountService(RegiekamerDb db, UserManager<RegiekamerUser> users, AuditTrail audit, ApiTokenCache tokens, TimeProvider time)
{
    public const string AuditEntity = "User";

    public const int RecoveryCodeCount = 10;

    /// <summary>An administrator's lock lasts until an administrator lifts it; a lockout after failed sign-ins ends by itself.</summary>
    public static readonly DateTimeOffset LockedByAdministrator = DateTimeOffset.MaxValue;

    public async Task<List<UserSummary>> ListAsync(CancellationToken ct = default)
    {
        var all = await db.Users.AsNoTracking().ToListAsync(ct);
        var roles = (await db.RoleAssignments.AsNoTracking().ToListAsync(ct)).ToLookup(r => r.UserId);
        return all
            .OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase)
            .Select(u => new UserSummary(u, Ordered(roles[u.Id])))
            .ToList();
    }

    public Task<RegiekamerUser?> FindAsync(Guid id, CancellationToken ct = default) => db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);

    public async Task<RegiekamerUser?> FindByEmailAsync(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());

    public async Task<IReadOnlyList<RoleAssignment>> RolesAsync(Guid userId, CancellationToken ct = default) =>
        Ordered(await db.RoleAssignments.Where(r => r.UserId == userId).ToListAsync(ct));

    /// <param name="password">Null creates a user without a password: they set one through a reset mail.</param>
    public async Task<Result<RegiekamerUser>> CreateAsync(string? email, string? displayName, IReadOnlyCollection<RoleGrant> roles, string? password = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var errors = new List<DomainError>();
        var address = email?.Trim() ?? "";
        if (address.Length == 0)
        {
            errors.Add(Invalid("E-mail: verplicht.", "E-mail: required.", "email"));
        }
        else if (address.Length > 256)
        {
            errors.Add(Invalid("E-mail: hoogstens 256 tekens.", "E-mail: at most 256 characters.", "email"));
        }

        var name = displayName?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.Add(Invalid("Naam: verplicht.", "Name: required.", "displayName"));
        }
        else if (name.Length > 200)
        {
            errors.Add(Invalid("Naam: hoogstens 200 tekens.", "Name: at most 200 characters.", "displayName"));
        }

        var grants = roles.Distinct().ToList();
        foreach (var grant in grants)
        {
            errors.AddRange(await CheckGrantAsync(grant, ct));
        }

        var now = time.GetUtcNow().UtcDateTime;
        var user = new RegiekamerUser { Id = Guid.NewGuid(), UserName = address, Email = address, DisplayName = name, CreatedAtUtc = now };
        if (password is not null)
        {
            errors.AddRange(await CheckPasswordAsync(user, password, "password"));
        }

        if (errors.Count > 0)
        {
            return Result<RegiekamerUser>.Fail(errors);
        }

        if (password is not null)
        {
            user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        }

        var assignments = grants.Select(g => new RoleAssignment { UserId = user.Id, Role = g.Role, PartnershipId = g.PartnershipId, CreatedAtUtc = now }).ToList();
        db.RoleAssignments.AddRange(assignments);
        var record = audit.Record(new UserCreated(user.Id, UserSnapshot.Of(user, assignments)));
        var result = await users.CreateAsync(user);
        if (!result.Succeeded)
        {
            audit.Withdraw(record);
            foreach (var assignment in assignments)
            {
                Detach(assignment);
            }

            return Failed<RegiekamerUser>(result);
        }

        return Result<RegiekamerUser>.Ok(user);
    }

    public async Task<Result<RoleAssignment>> AddRoleAsync(Guid userId, RoleGrant grant, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(grant);
        if (await FindAsync(userId, ct) is not { } user)
        {
            return UserNotFound(userId);
        }

        var errors = await CheckGrantAsync(grant, ct);
        if (errors.Count > 0)
        {
            return Result<RoleAssignment>.Fail(errors);
        }

        var current = await RolesAsync(userId, ct);
        if (current.Any(r => RoleGrant.Of(r) == grant))
        {
            return new DomainError("duplicate-role", new Bilingual($"{user.Email} heeft de rol {Describe(grant).Nl} al.", $"{user.Email} already has the role {Describe(grant).En}."), "role", ErrorKind.Conflict);
        }

        var assignment = new RoleAssignment { UserId = userId, Role = grant.Role, PartnershipId = grant.PartnershipId, CreatedAtUtc = time.GetUtcNow().UtcDateTime };
        audit.Record(new UserChanged(user.Id, UserActions.RoleAdded, UserSnapshot.Of(user, current), UserSnapshot.Of(user, [.. current, assignment])));
        db.RoleAssignments.Add(assignment);
        await db.SaveChangesAsync(ct);
        tokens.EvictUser(user.Id);
        return Result<RoleAssignment>.Ok(assignment);
    }

    public async Task<Result<RoleGrant>> RemoveRoleAsync(Guid userId, RoleGrant grant, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(grant);
        if (await FindAsync(userId, ct) is not { } user)
        {
            return UserNotFound(userId);
        }

        var current = await RolesAsync(userId, ct);
        if (current.FirstOrDefault(r => RoleGrant.Of(r) == grant) is not { } assignment)
        {
            return DomainError.NotFound($"{user.Email} heeft de rol {Describe(grant).Nl} niet.", $"{user.Email} does not have the role {Describe(grant).En}.");
        }

        if (grant.Role == Role.Administrator && !await AnotherActiveAdministratorAsync(userId, ct))
        {
            return LastAdministrator(user);
        }

        audit.Record(new UserChanged(user.Id, UserActions.RoleRemoved, UserSnapshot.Of(user, current), UserSnapshot.Of(user, current.Where(r => r != assignment).ToList())));
        db.RoleAssignments.Remove(assignment);
        await db.SaveChangesAsync(ct);
        tokens.EvictUser(user.Id);
        return Result<RoleGrant>.Ok(grant);
    }

    /// <summary>Locks the user out until unlocked and ends their sessions (a new security stamp).</summary>
    public async Task<Result<RegiekamerUser>> LockAsync(Guid userId, CancellationToken ct = default)
    {
        if (await FindAsync(userId, ct) is not { } user)
        {
            return UserNotFound(userId);
        }

        if (user.LockoutEnd == LockedByAdministrator)
        {
            return DomainError.Conflict("already-locked", $"{user.Email} is al geblokkeerd.", $"{user.Email} is already locked.");
        }

        var roles = await RolesAsync(userId, ct);
        if (roles.Any(r => r.Role == Role.Administrator) && !await AnotherActiveAdministratorAsync(userId, ct))
        {
            return LastAdministrator(user);
        }

        var before = UserSnapshot.Of(user, roles);
        user.LockoutEnabled = true;
        user.LockoutEnd = LockedByAdministrator;
        return await SaveAsync(user, UserActions.Locked, before, UserSnapshot.Of(user, roles), () => users.UpdateSecurityStampAsync(user));
    }

    /// <summary>Lifts an administrator's lock or a lockout after failed sign-ins.</summary>
    public async Task<Result<RegiekamerUser>> UnlockAsync(Guid userId, CancellationToken ct = default)
    {
        if (await FindAsync(userId, ct) is not { } user)
        {
            return UserNotFound(userId);
        }

        if (user.LockoutEnd is null && user.AccessFailedCount == 0)
        {
            return DomainError.Conflict("not-locked", $"{user.Email} is niet geblokkeerd.", $"{user.Email} is not locked.");
        }

        var roles = await RolesAsync(userId, ct);
        var before = UserSnapshot.Of(user, roles);
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        return await SaveAsync(user, UserActions.Unlocked, before, UserSnapshot.Of(user, roles), () => users.UpdateAsync(user));
    }

    /// <summary>Sets a new password without the old one (an administrator, the CLI). Ends the user's sessions and lifts a lockout after failed sign-ins.</summary>
    public async Task<Result<RegiekamerUser>> SetPasswordAsync(Guid userId, string password, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (await FindAsync(userId, ct) is not { } user)
        {
            return UserNotFound(userId);
        }

        if (await CheckPasswordAsync(user, password, "password") is { Count: > 0 } errors)
        {
            return Result<RegiekamerUser>.Fail(errors);
        }

        var roles = await RolesAsync(userId, ct);
        var before = UserSnapshot.Of(user, roles);
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        LiftFailedSignInLockout(user);
        return await SaveAsync(user, UserActions.PasswordSet, before, UserSnapshot.Of(user, roles), () => users.UpdateSecurityStampAsync(user));
    }

    /// <summary>The user changes their own password; their other sessions end.</summary>
    public async Task<Result<RegiekamerUser>> ChangePasswordAsync(RegiekamerUser user, string? currentPassword, string? newPassword, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(currentPassword) || string.IsNullOrEmpty(newPassword))
        {
            var missing = new List<DomainError>();
            if (string.IsNullOrEmpty(currentPassword))
            {
                missing.Add(Invalid("Huidig wachtwoord: verplicht.", "Current password: required.", "currentPassword"));
            }

            if (string.IsNullOrEmpty(newPassword))
            {
                missing.Add(Invalid("Nieuw wachtwoord: verplicht.", "New password: required.", "newPassword"));
            }

            return Result<RegiekamerUser>.Fail(missing);
        }

        var roles = await RolesAsync(user.Id, ct);
        var before = UserSnapshot.Of(user, roles);
        return await SaveAsync(user, UserActions.PasswordChanged, before, UserSnapshot.Of(user, roles, hasPassword: true), () => users.ChangePasswordAsync(user, currentPassword, newPassword), "newPassword");
    }

    /// <summary>A new password with the token from a reset mail. An unknown address gets the same answer as a bad token.</summary>
    public async Task<Result<RegiekamerUser>> ResetPasswordAsync(string? email, string? token, string? newPassword, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(newPassword))
        {
            return Invalid("Nieuw wachtwoord: verplicht.", "New password: required.", "newPassword");
        }

        if (string.IsNullOrEmpty(token) || await FindByEmailAsync(email) is not { } user)
        {
            return IdentityErrors.InvalidLink;
        }

        var roles = await RolesAsync(user.Id, ct);
        var before = UserSnapshot.Of(user, roles);

        // Following the mailed link proves the address.
        user.EmailConfirmed = true;
        LiftFailedSignInLockout(user);
        return await SaveAsync(user, UserActions.PasswordReset, before, UserSnapshot.Of(user, roles, hasPassword: true), () => users.ResetPasswordAsync(user, token, newPassword), "newPassword");
    }

    /// <summary>A token for the reset mail (the web app's data-protection token provider).</summary>
    public Task<string> PasswordResetTokenAsync(RegiekamerUser user) => users.GeneratePasswordResetTokenAsync(user);

    /// <summary>Ends every session of the user, on every device, within the security-stamp check interval.</summary>
    public async Task<Result<RegiekamerUser>> SignOutEverywhereAsync(RegiekamerUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var roles = await RolesAsync(user.Id, ct);
        var state = UserSnapshot.Of(user, roles);
        return await SaveAsync(user, UserActions.SignedOutEverywhere, state, state, () => users.UpdateSecurityStampAsync(user));
    }

    /// <summary>The user's authenticator key (base32), made now if they have none. Making one changes the security stamp: refresh the sign-in after.</summary>
    public async Task<string> AuthenticatorKeyAsync(RegiekamerUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await users.GetAuthenticatorKeyAsync(user) is { Length: > 0 } key)
        {
            return key;
        }

        await users.ResetAuthenticatorKeyAsync(user);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    /// <summary>Turns on two-factor sign-in once the user proves their app works with a code; returns recovery codes, shown once.</summary>
    public async Task<Result<IReadOnlyList<string>>> EnableTwoFactorAsync(RegiekamerUser user, string? code, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.TwoFactorEnabled)
        {
            return DomainError.Conflict("two-factor-on", "Aanmelden in twee stappen staat al aan.", "Two-factor sign-in is already on.");
        }

        var digits = NormalizeCode(code);
        if (digits.Length != 6 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits))
        {
            return Invalid("Code: niet juist. Geef de 6 cijfers die de app nu toont.", "Code: incorrect. Enter the 6 digits the app shows now.", "code");
        }

        var roles = await RolesAsync(user.Id, ct);
        var before = UserSnapshot.Of(user, roles);
        user.TwoFactorEnabled = true;
        return await SaveWithNewRecoveryCodesAsync(user, UserActions.TwoFactorEnabled, before, UserSnapshot.Of(user, roles));
    }

    /// <summary>Turns two-factor sign-in off; administrators must keep it.</summary>
    public async Task<Result<RegiekamerUser>> DisableTwoFactorAsync(RegiekamerUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var roles = await RolesAsync(user.Id, ct);
        if (roles.Any(r => r.Role == Role.Administrator))
        {
            return DomainError.Conflict("administrator-two-factor", "Een beheerder moet in twee stappen aanmelden.", "An administrator must use two-factor sign-in.");
        }

        if (!user.TwoFactorEnabled)
        {
            return TwoFactorOff;
        }

        var before = UserSnapshot.Of(user, roles);
        user.TwoFactorEnabled = false;
        return await SaveAsync(user, UserActions.TwoFactorDisabled, before, UserSnapshot.Of(user, roles), () => users.SetTwoFactorEnabledAsync(user, false));
    }

    /// <summary>New recovery codes; the old ones stop working.</summary>
    public async Task<Result<IReadOnlyList<string>>> RenewRecoveryCodesAsync(RegiekamerUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.TwoFactorEnabled)
        {
            return TwoFactorOff;
        }

        var state = UserSnapshot.Of(user, await RolesAsync(user.Id, ct));
        return await SaveWithNewRecoveryCodesAsync(user, UserActions.RecoveryCodesRenewed, state, state);
    }

    /// <summary>
    /// Saves the user with new recovery codes (the old ones stop working) and one audit record. Identity answers null
    /// codes when it could not update the user, e.g. someone else changed it meanwhile: that is a failure, not codes.
    /// </summary>
    private async Task<Result<IReadOnlyList<string>>> SaveWithNewRecoveryCodesAsync(RegiekamerUser user, string action, UserSnapshot before, UserSnapshot after)
    {
        IEnumerable<string>? codes = null;
        var saved = await SaveAsync(user, action, before, after, async () =>
        {
            codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
            return codes is null ? IdentityResult.Failed(new IdentityError { Code = "DefaultError", Description = "No recovery codes." }) : IdentityResult.Success;
        });
        return saved.IsSuccess ? Result<IReadOnlyList<string>>.Ok(codes!.ToList()) : Result<IReadOnlyList<string>>.Fail(saved.Errors);
    }

    /// <summary>
    /// Adds the audit record, then lets Identity validate and save the user: one SaveChanges holds both. When Identity
    /// refuses, the record is taken back and the user reloaded, so nothing of the attempt remains.
    /// </summary>
    private async Task<Result<RegiekamerUser>> SaveAsync(RegiekamerUser user, string action, UserSnapshot before, UserSnapshot after, Func<Task<IdentityResult>> save, string passwordField = "password")
    {
        var record = audit.Record(new UserChanged(user.Id, action, before, after));
        var result = await save();
        if (!result.Succeeded)
        {
            audit.Withdraw(record);
            await db.Entry(user).ReloadAsync();
            return Failed<RegiekamerUser>(result, passwordField);
        }

        // A lock, a new password or sign-out everywhere: the user's tokens are checked again at their next request.
        tokens.EvictUser(user.Id);
        return Result<RegiekamerUser>.Ok(user);
    }

    private async Task<List<DomainError>> CheckGrantAsync(RoleGrant grant, CancellationToken ct)
    {
        var errors = new List<DomainError>();
        if (!Enum.IsDefined(grant.Role))
        {
            errors.Add(Invalid($"Rol '{grant.Role}' is onbekend.", $"Role '{grant.Role}' is not known.", "role"));
        }
        else if (grant.Role.IsDepartmentRole() && grant.PartnershipId is not null)
        {
            errors.Add(Invalid($"Rol {RoleNames.Of(grant.Role).Nl}: een afdelingsrol geldt voor de hele afdeling, niet voor één regieverband.", $"Role {RoleNames.Of(grant.Role).En}: a department role holds for the whole department, not for one partnership.", "partnershipId"));
        }
        else if (!grant.Role.IsDepartmentRole() && grant.PartnershipId is null)
        {
            errors.Add(Invalid($"Rol {RoleNames.Of(grant.Role).Nl}: kies het regieverband waarvoor de rol geldt.", $"Role {RoleNames.Of(grant.Role).En}: choose the partnership the role holds for.", "partnershipId"));
        }
        else if (grant.PartnershipId is { } id && !await db.Partnerships.AnyAsync(p => p.Id == id, ct))
        {
            errors.Add(Invalid($"Regieverband {id} bestaat niet.", $"Partnership {id} does not exist.", "partnershipId"));
        }

        return errors;
    }

    private async Task<List<DomainError>> CheckPasswordAsync(RegiekamerUser user, string password, string field)
    {
        var errors = new List<DomainError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors.Select(e => IdentityErrors.ToDomain(e, field)));
        }

        return errors;
    }

    private async Task<bool> AnotherActiveAdministratorAsync(Guid userId, CancellationToken ct)
    {
        var others = await db.RoleAssignments.Where(r => r.Role == Role.Administrator && r.UserId != userId).Select(r => r.UserId).ToListAsync(ct);

        // LockoutEnd compared in memory: SQLite cannot compare DateTimeOffset in SQL.
        var lockouts = await db.Users.AsNoTracking().Where(u => others.Contains(u.Id)).Select(u => u.LockoutEnd).ToListAsync(ct);
        return lockouts.Any(end => end != LockedByAdministrator);
    }

    private static void LiftFailedSignInLockout(RegiekamerUser user)
    {
        user.AccessFailedCount = 0;
        if (user.LockoutEnd != LockedByAdministrator)
        {
            user.LockoutEnd = null;
        }
    }

    private static Bilingual Describe(RoleGrant grant)
    {
        var role = RoleNames.Of(grant.Role);
        return grant.PartnershipId is { } id ? new($"{role.Nl} voor regieverband {id}", $"{role.En} for partnership {id}") : role;
    }

    private static string NormalizeCode(string? code) => new((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());

    private void Detach(object entity) => db.Entry(entity).State = EntityState.Detached;

    private static List<RoleAssignment> Ordered(IEnumerable<RoleAssignment> roles) =>
        roles.OrderBy(r => r.Role).ThenBy(r => r.PartnershipId).ToList();

    private static string Id(RegiekamerUser user) => user.Id.ToString("D");

    private static Result<T> Failed<T>(IdentityResult result, string passwordField = "password") =>
        Result<T>.Fail(result.Errors.Select(e => IdentityErrors.ToDomain(e, passwordField)).Distinct().ToList());

    private static DomainError TwoFactorOff { get; } = DomainError.Conflict("two-factor-off", "Aanmelden in twee stappen staat niet aan.", "Two-factor sign-in is not on.");

    internal static DomainError UserNotFound(Guid id) => DomainError.NotFound($"Gebruiker {id} bestaat niet.", $"User {id} does not exist.");

    private static DomainError LastAdministrator(RegiekamerUser user) => DomainError.Conflict(
        "last-administrator",
        $"{user.Email} is de laatste actieve beheerder; maak eerst iemand anders beheerder.",
        $"{user.Email} is the last active administrator; make someone else an administrator first.");

    private static DomainError Invalid(string nl, string en, string? field) => DomainError.Invalid("validation", nl, en, field);
}
