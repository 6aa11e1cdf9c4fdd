using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Common;
using Regiekamer.Web.Accounts;

namespace Regiekamer.Web.Pages.Account;

/// <summary>Asks for a reset mail. The answer is the same whether or not the address has an account, so the page cannot be used to find out who does.</summary>
public sealed class ForgotPasswordModel(AccountService accounts, IMailSender mail, MailSettings settings, ILogger<ForgotPasswordModel> logger) : PageModel
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

        if (await accounts.FindByEmailAsync(Email) is { } user)
        {
            try
            {
                await SendResetMailAsync(accounts, mail, settings, Request, user, ct);
                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("Password reset mail sent to user {UserId}", user.Id);
                }
            }
            catch (Exception e) when (IsMailFailure(e))
            {
                // The same answer as for an unknown address: a failure must not tell that the account exists.
                logger.LogError(e, "Password reset mail to user {UserId} could not be sent", user.Id);
            }
        }

        Sent = true;
        return Page();
    }

    /// <summary>The mail server or pickup folder failed, as opposed to a bug.</summary>
    public static bool IsMailFailure(Exception e) => e is System.Net.Mail.SmtpException or IOException or UnauthorizedAccessException;

    /// <summary>Mails a link with a reset token; also used by administrators for new users and forgotten passwords.</summary>
    public static async Task SendResetMailAsync(AccountService accounts, IMailSender mail, MailSettings settings, HttpRequest request, RegiekamerUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(user);
        var token = await accounts.PasswordResetTokenAsync(user);
        var site = settings.LinkBaseUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}{request.PathBase}";
        var link = new Uri($"{site}/Account/ResetPassword?email={Uri.EscapeDataString(user.Email!)}&token={Uri.EscapeDataString(token)}");
        await mail.SendAsync(AccountMails.PasswordReset(user.Email!, user.DisplayName, link), ct);
    }
}
