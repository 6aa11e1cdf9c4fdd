using System.Globalization;
using System.Text;

namespace Regiekamer.Core.Mail;

// Shared by the account mails (Web) and the notification outbox (Core/Notifications): the mail server is outside, so
// it is the one interface here, with a pickup folder by default and SMTP when configured (Web's AccountsSetup chooses).

/// <summary>One plain-text mail.</summary>
public sealed record OutgoingMail(string To, string Subject, string Body);

/// <summary>Sends mail. An interface because the mail server is outside: by default a pickup folder, SMTP when configured.</summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken ct = default);
}

/// <summary>Where mail comes from and goes to: <c>Mail:PickupFolder</c>, <c>Mail:From</c>, <c>Mail:Smtp:{Host,Port,User,Password,EnableSsl}</c>.</summary>
public sealed class MailSettings
{
    public const string DefaultFrom = "no-reply@regiekamer.invalid";

    public string PickupFolder { get; set; } = "mail-pickup";

    public string From { get; set; } = DefaultFrom;

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>The start of links in mails (e.g. https://regiekamer.example); empty means the host of the request.</summary>
    public string? LinkBaseUrl { get; set; }
}

public sealed class SmtpSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? User { get; set; }

    public string? Password { get; set; }

    public bool EnableSsl { get; set; } = true;
}

/// <summary>Writes each mail as an .eml file (RFC 5322, UTF-8, 8bit so links stay readable) into a folder, for development and for a mail relay that picks files up.</summary>
public sealed class PickupFolderMailSender(string folder, string from, TimeProvider time) : IMailSender
{
    private string Folder { get; } = folder;

    public async Task SendAsync(OutgoingMail mail, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        Guard(mail.To, nameof(mail.To));
        Guard(mail.Subject, nameof(mail.Subject));
        Directory.CreateDirectory(Folder);
        var now = time.GetUtcNow();
        var id = Guid.NewGuid().ToString("N");
        var text = new StringBuilder()
            .Append("From: Regiekamer <").Append(from).Append(">\r\n")
            .Append("To: ").Append(mail.To).Append("\r\n")
            .Append("Subject: =?utf-8?B?").Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(mail.Subject))).Append("?=\r\n")
            .Append("Date: ").Append(now.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture)).Append("\r\n")
            .Append("Message-ID: <").Append(id).Append("@regiekamer>\r\n")
            .Append("MIME-Version: 1.0\r\n")
            .Append("Content-Type: text/plain; charset=utf-8\r\n")
            .Append("Content-Transfer-Encoding: 8bit\r\n")
            .Append("\r\n")
            .Append(mail.Body.ReplaceLineEndings("\r\n"))
            .Append("\r\n")
            .ToString();
        var name = string.Create(CultureInfo.InvariantCulture, $"{now:yyyyMMdd'T'HHmmssfff}-{id}.eml");
        await File.WriteAllTextAsync(Path.Combine(Folder, name), text, new UTF8Encoding(false), ct);
    }

    private static void Guard(string value, string name)
    {
        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException($"{name} may not contain a line break.", name);
        }
    }
}

/// <summary>Sends through an SMTP server (System.Net.Mail), configured by Mail:Smtp; the password comes from configuration or the environment only.</summary>
public sealed class SmtpMailSender(SmtpSettings settings, string from) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        using var message = new System.Net.Mail.MailMessage(from, mail.To, mail.Subject, mail.Body)
        {
            BodyEncoding = Encoding.UTF8,
            SubjectEncoding = Encoding.UTF8,
        };
        using var client = new System.Net.Mail.SmtpClient(settings.Host, settings.Port) { EnableSsl = settings.EnableSsl };
        if (!string.IsNullOrEmpty(settings.User))
        {
            client.Credentials = new System.Net.NetworkCredential(settings.User, settings.Password);
        }

        await client.SendMailAsync(message, ct);
    }
}
