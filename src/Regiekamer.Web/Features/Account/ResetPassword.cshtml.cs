using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Common;

namespace Regiekamer.Web.Features.Account;

/// <summary>A new password with the token from the mailed link.</summary>
public sealed class ResetPasswordModel(AccountService accounts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public bool Done { get; private set; }

    public IReadOnlyList<DomainError> Errors { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (string.IsNullOrEmpty(Email) || string.IsNullOrEmpty(Token))
        {
            Errors = [LinkBroken];
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (NewPassword != ConfirmPassword)
        {
            return Refuse([DomainError.Invalid("validation", "Herhaal wachtwoord: is niet gelijk aan het nieuwe wachtwoord.", "Repeat password: does not match the new password.", "confirmPassword")]);
        }

        var result = await accounts.ResetPasswordAsync(Email, Token, NewPassword, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Errors);
        }

        Done = true;
        return Page();
    }

    private static DomainError LinkBroken => DomainError.Invalid("validation", "De link is onvolledig; gebruik de volledige link uit de mail of vraag een nieuwe aan.", "The link is incomplete; use the whole link from the mail or request a new one.");

    private PageResult Refuse(IReadOnlyList<DomainError> errors)
    {
        Errors = errors;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
