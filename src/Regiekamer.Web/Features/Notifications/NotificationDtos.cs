using Regiekamer.Core.Common;
using Regiekamer.Core.Notifications;

namespace Regiekamer.Web.Features.Notifications;

/// <summary>One notification as the API shows it: its texts in Dutch and English, a link into the app, when it was made and read, and where its mail is.</summary>
public sealed record NotificationDto(
    int Id,
    string Kind,
    string Subject,
    string SubjectEn,
    string Text,
    string TextEn,
    string? Link,
    int? PartnershipId,
    int? ApplicationId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReadAt,
    string Mail)
{
    public static NotificationDto Of(Notification n)
    {
        ArgumentNullException.ThrowIfNull(n);
        return new(
            n.Id, KindCode(n.Kind), n.SubjectNl, n.SubjectEn, n.TextNl, n.TextEn, n.Link, n.PartnershipId, n.ApplicationId,
            BrusselsClock.InBrussels(n.CreatedAtUtc), n.ReadAtUtc is { } r ? BrusselsClock.InBrussels(r) : null, MailCode(n.MailState));
    }

    /// <summary>"deadline-reminder", "receipt", "changes-requested", "response-reminder", "approved", "rejected", "review-waiting", and for annual reports "report-reminder", "report-overdue", "report-receipt", "report-evaluated", and for the catalogue "catalogue-invitation", "catalogue-stale", and for the vouchers "voucher-confirmation", "voucher-approved", "voucher-delivery", "voucher-refused", "voucher-delivered", "voucher-paid".</summary>
    public static string KindCode(NotificationKind kind) => kind switch
    {
        NotificationKind.DeadlineReminder => "deadline-reminder",
        NotificationKind.Receipt => "receipt",
        NotificationKind.ChangesRequested => "changes-requested",
        NotificationKind.ResponseReminder => "response-reminder",
        NotificationKind.Approved => "approved",
        NotificationKind.Rejected => "rejected",
        NotificationKind.ReviewWaiting => "review-waiting",
        NotificationKind.ReportReminder => "report-reminder",
        NotificationKind.ReportOverdue => "report-overdue",
        NotificationKind.ReportReceipt => "report-receipt",
        NotificationKind.ReportEvaluated => "report-evaluated",
        NotificationKind.CatalogueInvitation => "catalogue-invitation",
        NotificationKind.CatalogueStale => "catalogue-stale",
        NotificationKind.VoucherConfirmation => "voucher-confirmation",
        NotificationKind.VoucherApproved => "voucher-approved",
        NotificationKind.VoucherDelivery => "voucher-delivery",
        NotificationKind.VoucherRefused => "voucher-refused",
        NotificationKind.VoucherDelivered => "voucher-delivered",
        NotificationKind.VoucherPaid => "voucher-paid",
        _ => kind.ToString(),
    };

    /// <summary>"pending", "sent", "failed", "not-mailed".</summary>
    public static string MailCode(MailState state) => state switch
    {
        MailState.Pending => "pending",
        MailState.Sent => "sent",
        MailState.Failed => "failed",
        MailState.NotMailed => "not-mailed",
        _ => state.ToString(),
    };
}

/// <summary>One page of the caller's notifications, newest first, and how many they have not read.</summary>
public sealed record NotificationListDto(IReadOnlyList<NotificationDto> Items, int Page, int PageSize, int Pages, int Total, int Unread)
{
    public static NotificationListDto Of(NotificationPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new(page.Items.Select(NotificationDto.Of).ToList(), page.Page, page.PageSize, page.Pages, page.Total, page.Unread);
    }
}
