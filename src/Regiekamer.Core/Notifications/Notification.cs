using Regiekamer.Core.Common;

namespace Regiekamer.Core.Notifications;

/// <summary>What a notification is about.</summary>
public enum NotificationKind
{
    /// <summary>A partnership without a submitted dossier, some days before its last day (R8).</summary>
    DeadlineReminder,

    /// <summary>The receipt of a submission (ontvangstbewijs), to the regisseur, the signatory and the department.</summary>
    Receipt,

    /// <summary>The department sent the dossier back with points to change and a response date.</summary>
    ChangesRequested,

    /// <summary>A dossier sent back for changes, some days before its response date.</summary>
    ResponseReminder,

    Approved,

    Rejected,

    /// <summary>To case handlers: a dossier waits in submitted or under review longer than it should.</summary>
    ReviewWaiting,

    /// <summary>A year's annual report not handed in, some days before its last day (R15); or a clarification's response date near.</summary>
    ReportReminder,

    /// <summary>A year's annual report not handed in after its last day, repeated while it stays overdue.</summary>
    ReportOverdue,

    /// <summary>The receipt of an annual report's submission.</summary>
    ReportReceipt,

    /// <summary>The department's evaluation of an annual report (R16): accepted, clarification asked, or not used for its purpose.</summary>
    ReportEvaluated,

    /// <summary>To a supplier (no account): a link to update its own entry in the social-procurement catalogue.</summary>
    CatalogueInvitation,

    /// <summary>To the regisseur: catalogue entries not confirmed for 12 months (hidden from the public after 18).</summary>
    CatalogueStale,

    /// <summary>To a company (no account): the link to confirm its introduction-voucher application.</summary>
    VoucherConfirmation,

    /// <summary>To a company: its voucher is approved, with the link to its voucher page (a new link; the confirmation link no longer opens it).</summary>
    VoucherApproved,

    /// <summary>To a voucher's provider (no account): the link to confirm that it delivered.</summary>
    VoucherDelivery,

    /// <summary>To a company: its voucher application is refused, with the reason.</summary>
    VoucherRefused,

    /// <summary>To a company: the provider confirmed delivery; the invoice can be uploaded.</summary>
    VoucherDelivered,

    /// <summary>To a company: its voucher is paid out.</summary>
    VoucherPaid,
}

/// <summary>Where a notification's mail is.</summary>
public enum MailState
{
    /// <summary>To be sent by the outbox (or to be retried, once <see cref="Notification.ClaimedUntilUtc"/> has passed).</summary>
    Pending,

    Sent,

    /// <summary>Every attempt failed; <see cref="Notification.MailError"/> says the last reason.</summary>
    Failed,

    /// <summary>No mail for this one (the recipient has no e-mail address).</summary>
    NotMailed,
}

/// <summary>
/// One message to one person: shown in the app to the account it is for (<see cref="UserId"/>), and mailed to
/// <see cref="Email"/> by the outbox. <see cref="Key"/> says what it is about and for whom; the database keeps it unique,
/// so the same reminder is never made twice, whichever instance makes it and however often the job runs.
/// </summary>
public sealed class Notification
{
    public const int KeyLength = 300;
    public const int EmailLength = 256;
    public const int SubjectLength = 300;
    public const int TextLength = 4000;
    public const int LinkLength = 300;
    public const int ErrorLength = 500;

    public int Id { get; private set; }

    /// <summary>
    /// What it is about and for whom, e.g. <c>deadline:3:12:2023-01-15:7:user:…</c>; unique. Built by
    /// <see cref="NotificationKeys"/>.
    /// </summary>
    public string Key { get; private set; } = "";

    public NotificationKind Kind { get; private set; }

    /// <summary>The account it is for, when the person has one: it shows in their list.</summary>
    public Guid? UserId { get; private set; }

    /// <summary>Where its mail goes. Personal data: cleared with the person (<c>PersonalDataService</c>).</summary>
    public string? Email { get; private set; }

    public int? PartnershipId { get; private set; }

    public int? ApplicationId { get; private set; }

    public string SubjectNl { get; private set; } = "";

    public string SubjectEn { get; private set; } = "";

    public string TextNl { get; private set; } = "";

    public string TextEn { get; private set; } = "";

    /// <summary>A path in the app (/Applications/12), never an absolute address: the mail puts <c>Mail:LinkBaseUrl</c> before it.</summary>
    public string? Link { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? ReadAtUtc { get; private set; }

    public MailState MailState { get; private set; }

    /// <summary>How many times the outbox claimed it to send.</summary>
    public int MailAttempts { get; private set; }

    /// <summary>
    /// An outbox run holds it until then (no other run sends it meanwhile); after a failed attempt, the time of the next
    /// one (the back-off).
    /// </summary>
    public DateTime? ClaimedUntilUtc { get; private set; }

    public DateTime? SentAtUtc { get; private set; }

    /// <summary>Why the last attempt failed (the exception's message, not a stack trace).</summary>
    public string? MailError { get; private set; }

    public Bilingual Subject => new(SubjectNl, SubjectEn);

    public Bilingual Text => new(TextNl, TextEn);

    public bool IsRead => ReadAtUtc is not null;

    private Notification()
    {
    }

    /// <summary>A new notification for one recipient; mailed unless the recipient has no address.</summary>
    public static Notification For(NotificationDraft draft, Recipient recipient, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(recipient);
        return new Notification
        {
            Key = NotificationKeys.For(draft.Key, recipient),
            Kind = draft.Kind,
            UserId = recipient.UserId,
            Email = recipient.Email,
            PartnershipId = draft.PartnershipId,
            ApplicationId = draft.ApplicationId,
            SubjectNl = Cut(draft.Subject.Nl, SubjectLength),
            SubjectEn = Cut(draft.Subject.En, SubjectLength),
            TextNl = Cut(draft.Text.Nl, TextLength),
            TextEn = Cut(draft.Text.En, TextLength),
            Link = draft.Link,
            CreatedAtUtc = now,
            MailState = recipient.Email is null ? MailState.NotMailed : MailState.Pending,
        };
    }

    /// <summary>The same notification as a new, untracked row (to add again after a save that failed).</summary>
    internal static Notification Copy(Notification n) => new()
    {
        Key = n.Key,
        Kind = n.Kind,
        UserId = n.UserId,
        Email = n.Email,
        PartnershipId = n.PartnershipId,
        ApplicationId = n.ApplicationId,
        SubjectNl = n.SubjectNl,
        SubjectEn = n.SubjectEn,
        TextNl = n.TextNl,
        TextEn = n.TextEn,
        Link = n.Link,
        CreatedAtUtc = n.CreatedAtUtc,
        MailState = n.MailState,
    };

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}

/// <summary>
/// A notification before it has a recipient: what it is about (<see cref="Key"/> without the recipient), its texts
/// and its link. <see cref="NotificationService"/> makes one <see cref="Notification"/> per recipient of it.
/// </summary>
public sealed record NotificationDraft(
    string Key,
    NotificationKind Kind,
    int? PartnershipId,
    int? ApplicationId,
    Bilingual Subject,
    Bilingual Text,
    string? Link);

/// <summary>Who a notification is for: an account (with its address), or only an e-mail address (a contact without an account).</summary>
public sealed record Recipient(Guid? UserId, string? Email)
{
    /// <summary>The part of the key that names the recipient: the account when there is one, else the address in lower case.</summary>
    public string KeyPart => UserId is { } id ? "user:" + id.ToString("N") : "mail:" + (Email ?? "").Trim().ToLowerInvariant();
}

/// <summary>The keys that make each notification unique: what happened, to which dossier or partnership, and for whom.</summary>
public static class NotificationKeys
{
    public static string For(string what, Recipient recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var key = what + ":" + recipient.KeyPart;
        return key.Length <= Notification.KeyLength ? key : throw new ArgumentException($"Notification key longer than {Notification.KeyLength}: {key}", nameof(what));
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The reminder <paramref name="days"/> days before <paramref name="lastDay"/> for a partnership and a call. The last
    /// day is part of it: an extension, or a new call version with another deadline, starts a new series; a new version
    /// with the same deadline does not repeat one already sent.
    /// </summary>
    public static string Deadline(int callId, int partnershipId, DateOnly lastDay, int days) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"deadline:{callId}:{partnershipId}:{Day(lastDay)}:{days}");

    public static string Receipt(int applicationId, int version) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"receipt:{applicationId}:{version}");

    /// <summary>A decision on a submitted version: a version gets one (the dossier's status guards it).</summary>
    public static string Decision(int applicationId, int version, NotificationKind kind) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"decision:{applicationId}:{version}:{kind}");

    public static string Response(int applicationId, DateOnly responseDue) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"response:{applicationId}:{Day(responseDue)}");

    /// <summary>Waiting since the dossier's last status change: a new status starts a new wait.</summary>
    public static string Waiting(int applicationId, DateTime statusSinceUtc) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"waiting:{applicationId}:{statusSinceUtc:yyyyMMdd'T'HHmmss}");
}
