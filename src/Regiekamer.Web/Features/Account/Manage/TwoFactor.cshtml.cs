using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Common;
using Regiekamer.Web.Features.Account;

namespace Regiekamer.Web.Features.Account.Manage;

/// <summary>
/// Authenticator-app sign-in: the shared key as text and as an otpauth URI (no QR code: no library for it here), a code
/// to prove the app works, then recovery codes shown once. Administrators cannot turn it off.
/// </summary>
public sealed class TwoFactorModel(AccountService accounts, UserManager<RegiekamerUser> users, SignInManager<RegiekamerUser> signIn) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Required { get; set; }

    public RegiekamerUser Account { get; private set; } = null!;

    public bool IsAdministrator { get; private set; }

    public string? SharedKey { get; private set; }

    public string? AuthenticatorUri { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    /// <summary>Shown once, in the answer to the request that made them.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public string? Message { get; private set; }

    public IReadOnlyList<DomainError> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : Challenge();

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Challenge();
        }

        var result = await accounts.EnableTwoFactorAsync(Account, Code, ct);
        if (!result.IsSuccess)
        {
            Errors = result.Errors;
            Code = null;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        // New claims (two-factor on) for this session: an administrator may now go everywhere.
        await signIn.RefreshSignInAsync(Account);
        RecoveryCodes = result.Value!;
        Message = "enabled";
        return await ReloadAsync(ct);
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Challenge();
        }

        var result = await accounts.RenewRecoveryCodesAsync(Account, ct);
        if (!result.IsSuccess)
        {
            Errors = result.Errors;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        RecoveryCodes = result.Value!;
        Message = "renewed";
        return await ReloadAsync(ct);
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Challenge();
        }

        var result = await accounts.DisableTwoFactorAsync(Account, ct);
        if (!result.IsSuccess)
        {
            Errors = result.Errors;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        await signIn.RefreshSignInAsync(Account);
        Message = "disabled";
        return await ReloadAsync(ct);
    }

    private async Task<PageResult> ReloadAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return false;
        }

        Account = user;
        IsAdministrator = (await accounts.RolesAsync(user.Id, ct)).Any(r => r.Role == Role.Administrator);
        if (user.TwoFactorEnabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            SharedKey = AuthenticatorUri = null;
        }
        else
        {
            var hadKey = await users.GetAuthenticatorKeyAsync(user) is { Length: > 0 };
            var key = await accounts.AuthenticatorKeyAsync(user);
            if (!hadKey)
            {
                // Making the key changed the security stamp; keep this session.
                await signIn.RefreshSignInAsync(user);
            }

            SharedKey = Authenticator.FormatKey(key);
            AuthenticatorUri = Authenticator.Uri(user.Email!, key);
        }

        return true;
    }
}
