using Microsoft.AspNetCore.Identity;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Accounts;

/// <summary>Identity's errors (English only) as our errors, in Dutch and English, on the field they concern.</summary>
internal static class IdentityErrors
{
    public static DomainError ToDomain(IdentityError error, string passwordField = "password") => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => Invalid($"Wachtwoord: minstens {IdentitySetup.MinimumPasswordLength} tekens.", $"Password: at least {IdentitySetup.MinimumPasswordLength} characters.", passwordField),
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => Invalid("Wachtwoord: gebruik meer verschillende tekens.", "Password: use more different characters.", passwordField),
        nameof(IdentityErrorDescriber.PasswordRequiresDigit) or nameof(IdentityErrorDescriber.PasswordRequiresLower) or nameof(IdentityErrorDescriber.PasswordRequiresUpper) or nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric)
            => Invalid("Wachtwoord: voldoet niet aan de regels.", "Password: does not meet the rules.", passwordField),
        nameof(IdentityErrorDescriber.PasswordMismatch) => Invalid("Huidig wachtwoord: klopt niet.", "Current password: incorrect.", "currentPassword"),
        nameof(IdentityErrorDescriber.InvalidToken) => InvalidLink,
        nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) => Invalid("E-mail: geen geldig e-mailadres.", "E-mail: not a valid e-mail address.", "email"),
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)
            => new DomainError("duplicate-email", new Bilingual("E-mail: er bestaat al een gebruiker met dit adres.", "E-mail: a user with this address already exists."), "email", ErrorKind.Conflict),
        nameof(IdentityErrorDescriber.ConcurrencyFailure) => DomainError.Conflict("stale", "Iemand anders wijzigde deze gebruiker intussen; laad opnieuw.", "Someone else changed this user in the meantime; reload."),
        _ => Invalid(error.Description, error.Description, null),
    };

    /// <summary>A password-reset link that is wrong, used or expired; it does not say which, nor whether the account exists.</summary>
    public static DomainError InvalidLink { get; } = Invalid("De link is ongeldig of verlopen; vraag een nieuwe aan.", "The link is invalid or has expired; request a new one.", null);

    private static DomainError Invalid(string nl, string en, string? field) => DomainError.Invalid("validation", nl, en, field);
}
