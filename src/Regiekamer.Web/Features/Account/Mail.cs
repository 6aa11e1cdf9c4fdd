using System.Globalization;
using Regiekamer.Core.Mail;

namespace Regiekamer.Web.Features.Account;

/// <summary>The texts of the mails accounts send, Dutch first, then English.</summary>
public static class AccountMails
{
    public static readonly TimeSpan ResetLinkLifetime = TimeSpan.FromHours(2);

    public static OutgoingMail PasswordReset(string to, string displayName, Uri link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var hours = ResetLinkLifetime.TotalHours.ToString(CultureInfo.InvariantCulture);
        return new OutgoingMail(
            to,
            "Regiekamer: wachtwoord instellen / set your password",
            $"""
            Dag {displayName},

            Met deze link stel je een (nieuw) wachtwoord in voor Regiekamer. De link is {hours} uur geldig en werkt één keer.
            {link}

            Heb je dit niet gevraagd? Dan hoef je niets te doen: je wachtwoord blijft zoals het was.

            --
            Hello {displayName},

            Use this link to set a (new) password for Regiekamer. The link is valid for {hours} hours and works once.
            {link}

            Did you not ask for this? Then there is nothing to do: your password stays as it was.
            """);
    }
}

/// <summary>The mail with a link to set a password: for a forgotten one, for a new user, and when an administrator sends one.</summary>
public sealed class ResetMail(Core.Accounts.AccountService accounts, IMailSender mail, MailSettings settings, ILogger<ResetMail> logger)
{
    /// <summary>Sends it; false, and logged, when the mail server or pickup folder fails (as opposed to a bug, which throws).</summary>
    public async Task<bool> TrySendAsync(Core.Accounts.RegiekamerUser user, HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var token = await accounts.PasswordResetTokenAsync(user);
            var site = settings.LinkBaseUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}{request.PathBase}";
            var link = new Uri($"{site}/Account/ResetPassword?email={Uri.EscapeDataString(user.Email!)}&token={Uri.EscapeDataString(token)}");
            await mail.SendAsync(AccountMails.PasswordReset(user.Email!, user.DisplayName, link), ct);
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Password reset mail sent to user {UserId}", user.Id);
            }

            return true;
        }
        catch (Exception e) when (e is System.Net.Mail.SmtpException or IOException or UnauthorizedAccessException)
        {
            logger.LogError(e, "Password reset mail to user {UserId} could not be sent", user.Id);
            return false;
        }
    }
}
