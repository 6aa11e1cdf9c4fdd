using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Common;

namespace Regiekamer.Web.Features.Account;

/// <summary>The second step of signing in: a code from the authenticator app, or one of the recovery codes.</summary>
public sealed class LoginWith2faModel(SignInManager<RegiekamerUser> signIn) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? RecoveryCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IReadOnlyList<DomainError> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Expired() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return Expired();
        }

        var code = new string((Code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (code.Length != 6)
        {
            return Refuse(DomainError.Invalid("validation", "Code: de 6 cijfers uit de authenticator-app.", "Code: the 6 digits from the authenticator app.", "code"));
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        return Outcome(result, "code");
    }

    public async Task<IActionResult> OnPostRecoveryAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return Expired();
        }

        var code = (RecoveryCode ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();
        if (code.Length == 0)
        {
            return Refuse(DomainError.Invalid("validation", "Herstelcode: verplicht.", "Recovery code: required.", "recoveryCode"));
        }

        return Outcome(await signIn.TwoFactorRecoveryCodeSignInAsync(code), "recoveryCode");
    }

    private IActionResult Outcome(Microsoft.AspNetCore.Identity.SignInResult result, string field)
    {
        if (result.Succeeded)
        {
            return LocalRedirect(LoginModel.SafeReturnUrl(Url, ReturnUrl));
        }

        return result.IsLockedOut
            ? Refuse(DomainError.Invalid(
                "locked-out",
                $"Dit account is geblokkeerd na {IdentitySetup.MaxFailedAccessAttempts} mislukte pogingen; probeer het over {IdentitySetup.LockoutDuration.TotalMinutes:0} minuten opnieuw.",
                $"This account is locked after {IdentitySetup.MaxFailedAccessAttempts} failed attempts; try again in {IdentitySetup.LockoutDuration.TotalMinutes:0} minutes."))
            : Refuse(field == "code"
                ? DomainError.Invalid("validation", "Code: niet juist. Geef de code die de app nu toont.", "Code: incorrect. Enter the code the app shows now.", "code")
                : DomainError.Invalid("validation", "Herstelcode: niet juist of al gebruikt.", "Recovery code: incorrect or already used.", "recoveryCode"));
    }

    private PageResult Refuse(DomainError error)
    {
        Errors = [error];
        Code = null;
        RecoveryCode = null;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>The first step lasts 5 minutes; after that, start again.</summary>
    private RedirectToPageResult Expired() => RedirectToPage("/Account/Login", new { returnUrl = ReturnUrl });
}
