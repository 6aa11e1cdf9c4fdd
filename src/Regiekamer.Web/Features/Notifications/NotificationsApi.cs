using System.Security.Claims;
using Regiekamer.Core.Notifications;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Notifications;

/// <summary>The caller's own notifications under /api/v1/notifications.</summary>
public static class NotificationsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/notifications").WithTags("Notifications").RequireAuthorization(Policies.SignedIn);
        group.MapGet("/", ListAsync)
            .WithSummary("The caller's notifications, newest first: ?page= (from 1) and ?pageSize= (1-100, default 20); with how many are unread.")
            .Produces<NotificationListDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest);

        group.MapPost("/{notificationId:int}/read", MarkReadAsync)
            .WithSummary("Marks one of the caller's notifications read (again is fine): 204. Another person's, or one that does not exist: 404.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblems(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(int? page, int? pageSize, ClaimsPrincipal user, NotificationService notifications, CancellationToken ct)
    {
        if (page is < 1)
        {
            return Problems.Invalid("page", "Pagina: 1 of meer.", "Page: 1 or more.");
        }

        if (pageSize is < 1 or > NotificationService.MaxPageSize)
        {
            return Problems.Invalid("pageSize", $"Paginagrootte: van 1 tot {NotificationService.MaxPageSize}.", $"Page size: from 1 to {NotificationService.MaxPageSize}.");
        }

        if (NotificationsFeature.UserIdOf(user) is not { } userId)
        {
            return TypedResults.Ok(new NotificationListDto([], 1, pageSize ?? NotificationService.DefaultPageSize, 1, 0, 0));
        }

        var list = await notifications.ListAsync(userId, page ?? 1, pageSize ?? NotificationService.DefaultPageSize, ct);
        return TypedResults.Ok(NotificationListDto.Of(list));
    }

    private static async Task<IResult> MarkReadAsync(int notificationId, ClaimsPrincipal user, NotificationService notifications, CancellationToken ct)
    {
        if (NotificationsFeature.UserIdOf(user) is not { } userId)
        {
            return Problems.From(NotificationService.NotFound(notificationId));
        }

        var marked = await notifications.MarkReadAsync(userId, notificationId, ct);
        return marked.IsSuccess ? TypedResults.NoContent() : Problems.From(marked.Errors);
    }
}
