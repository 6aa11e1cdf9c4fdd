using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Notifications;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Notifications;

/// <summary>
/// My notifications, newest first, 20 a page; unread ones marked. Each has a button to mark it read, and one marks them
/// all: plain forms (post, then back to the list), so it works without JavaScript.
/// </summary>
public sealed class IndexModel(NotificationService notifications) : RegiekamerPage
{
    /// <summary>"p", not "page": Razor Pages keeps the route value "page" for itself.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public NotificationPage List { get; private set; } = new([], 1, NotificationService.DefaultPageSize, 0, 0);

    /// <summary>What the post before the redirect did ("read", "all"), to say so.</summary>
    [BindProperty(SupportsGet = true, Name = "done")]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReadAsync(int id, CancellationToken ct)
    {
        if (NotificationsFeature.UserIdOf(User) is not { } userId)
        {
            return Challenge();
        }

        var marked = await notifications.MarkReadAsync(userId, id, ct);
        if (!marked.IsSuccess)
        {
            await LoadAsync(ct);
            return Fail(marked.Errors);
        }

        return RedirectToPage(new { p = PageNumber, done = "read" });
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        if (NotificationsFeature.UserIdOf(User) is not { } userId)
        {
            return Challenge();
        }

        await notifications.MarkAllReadAsync(userId, ct);
        return RedirectToPage(new { p = PageNumber, done = "all" });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (NotificationsFeature.UserIdOf(User) is { } userId)
        {
            List = await notifications.ListAsync(userId, PageNumber, NotificationService.DefaultPageSize, ct);
        }
    }
}
