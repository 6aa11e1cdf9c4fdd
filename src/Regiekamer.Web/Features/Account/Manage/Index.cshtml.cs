using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Common;
using Regiekamer.Core.Partnerships;
using Regiekamer.Web.Features.Account;

namespace Regiekamer.Web.Features.Account.Manage;

/// <summary>The signed-in user's account: who they are and what they may do, changing the password, signing out everywhere.</summary>
public sealed class IndexModel(AccountService accounts, PartnershipService partnerships, UserManager<RegiekamerUser> users, SignInManager<RegiekamerUser> signIn) : PageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public RegiekamerUser Account { get; private set; } = null!;

    public IReadOnlyList<RoleAssignment> Roles { get; private set; } = [];

    public IReadOnlyDictionary<int, string> PartnershipNames { get; private set; } = new Dictionary<int, string>();

    public IReadOnlyList<DomainError> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : Challenge();

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Challenge();
        }

        if (NewPassword != ConfirmPassword)
        {
            return Refuse([DomainError.Invalid("validation", "Herhaal wachtwoord: is niet gelijk aan het nieuwe wachtwoord.", "Repeat password: does not match the new password.", "confirmPassword")]);
        }

        var result = await accounts.ChangePasswordAsync(Account, CurrentPassword, NewPassword, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Errors);
        }

        // The new security stamp ends the other sessions; this one gets a cookie with the new stamp.
        await signIn.RefreshSignInAsync(Account);
        return RedirectToPage(new { done = "password" });
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Challenge();
        }

        await accounts.SignOutEverywhereAsync(Account, ct);
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Logout", new { everywhere = 1 });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return false;
        }

        Account = user;
        PartnershipNames = (await partnerships.ListAsync(ct)).ToDictionary(p => p.Id, p => p.Name);
        Roles = await accounts.RolesAsync(user.Id, ct);
        return true;
    }

    private PageResult Refuse(IReadOnlyList<DomainError> errors)
    {
        Errors = errors;
        CurrentPassword = NewPassword = ConfirmPassword = null;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
