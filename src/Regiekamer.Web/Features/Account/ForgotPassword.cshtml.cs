using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Common;

namespace Regiekamer.Web.Features.Account;

/// <summary>Asks for a reset mail. The answer is the same whether or not the address has an account, so the page cannot be used to find out who does.</summary>
public sealed class ForgotPasswordModel(AccountService accounts, ResetMail resetMail) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public IReadOnlyList<DomainError> Errors { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            Errors = [DomainError.Invalid("validation", "E-mail: verplicht.", "E-mail: required.", "email")];
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        // A mail failure gets the same answer as an unknown address: the page must not tell that the account exists.
        if (await accounts.FindByEmailAsync(Email) is { } user)
        {
            await resetMail.TrySendAsync(user, Request, ct);
        }

        Sent = true;
        return Page();
    }
}
