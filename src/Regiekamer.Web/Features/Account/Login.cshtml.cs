using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Common;

namespace Regiekamer.Web.Features.Account;

public sealed class LoginForm
{
    public string? Email { get; set; }

    public string? Password { get; set; }
}

public sealed class LoginModel(SignInManager<RegiekamerUser> signIn, IWebHostEnvironment environment, IConfiguration config, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public LoginForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IReadOnlyList<DomainError> Errors { get; private set; } = [];

    public bool LockedOut { get; private set; }

    /// <summary>Development with demo data only: never in production.</summary>
    public bool ShowDemoAccounts => AccountsSetup.ShowsDemoAccounts(environment, config);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(Input.Email))
        {
            errors.Add(DomainError.Invalid("validation", "E-mail: verplicht.", "E-mail: required.", "email"));
        }

        if (string.IsNullOrEmpty(Input.Password))
        {
            errors.Add(DomainError.Invalid("validation", "Wachtwoord: verplicht.", "Password: required.", "password"));
        }

        if (errors.Count == 0)
        {
            var result = await signIn.PasswordSignInAsync(Input.Email!.Trim(), Input.Password!, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                return LocalRedirect(SafeReturnUrl(Url, ReturnUrl));
            }

            if (result.RequiresTwoFactor)
            {
                return RedirectToPage("/Account/LoginWith2fa", new { returnUrl = SafeReturnUrl(Url, ReturnUrl) });
            }

            if (result.IsLockedOut)
            {
                LockedOut = true;
                logger.LogWarning("Sign-in refused: account locked out");
                errors.Add(DomainError.Invalid(
                    "locked-out",
                    $"Dit account is geblokkeerd: na {IdentitySetup.MaxFailedAccessAttempts} mislukte pogingen voor {IdentitySetup.LockoutDuration.TotalMinutes:0} minuten, of door een beheerder. Probeer het later opnieuw of vraag een beheerder.",
                    $"This account is locked: for {IdentitySetup.LockoutDuration.TotalMinutes:0} minutes after {IdentitySetup.MaxFailedAccessAttempts} failed attempts, or by an administrator. Try again later or ask an administrator."));
            }
            else
            {
                errors.Add(DomainError.Invalid(
                    "sign-in-failed",
                    $"E-mail of wachtwoord klopt niet. Na {IdentitySetup.MaxFailedAccessAttempts} mislukte pogingen wordt het account {IdentitySetup.LockoutDuration.TotalMinutes:0} minuten geblokkeerd.",
                    $"E-mail or password is incorrect. After {IdentitySetup.MaxFailedAccessAttempts} failed attempts the account is locked for {IdentitySetup.LockoutDuration.TotalMinutes:0} minutes.",
                    "email"));
            }
        }

        Errors = errors;
        Input.Password = null;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>Only a path on this site: never send a user elsewhere after signing in.</summary>
    public static string SafeReturnUrl(IUrlHelper url, string? returnUrl)
    {
        ArgumentNullException.ThrowIfNull(url);
        return returnUrl is { Length: > 0 } && url.IsLocalUrl(returnUrl) ? returnUrl : "/";
    }
}
