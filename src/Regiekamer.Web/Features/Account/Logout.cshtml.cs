using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regiekamer.Core.Accounts;

namespace Regiekamer.Web.Features.Account;

/// <summary>Signing out is a POST (the layout's button); a GET shows that button, so a link cannot sign anyone out.</summary>
public sealed class LogoutModel(SignInManager<RegiekamerUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();

        // A fresh request, so the page and layout no longer see the user.
        return RedirectToPage("/Account/Logout", new { done = 1 });
    }
}
