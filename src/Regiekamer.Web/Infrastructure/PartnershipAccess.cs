using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Data;
using Regiekamer.Core.Partnerships;

namespace Regiekamer.Web.Infrastructure;

/// <summary>
/// The one access rule for what belongs to a partnership. Every page and API endpoint whose route carries
/// <c>{partnershipId}</c>, or the id of something a partnership owns (<see cref="OwnedRoute"/>: <c>{applicationId}</c>,
/// …), or whose API body names a partnership (<see cref="IPartnershipRequest"/>), passes the gate before any handler
/// runs: the owner is found, the caller's roles for <i>that</i> partnership (<see cref="Permissions"/>) decide 403,
/// then the partnership is loaded once (404 when it does not exist) and handed to the handler as
/// <see cref="CurrentPartnership"/>. Pages get it from a filter on every page, the API from a convention on the
/// /api/v1 group, so no endpoint can leave it out. What permission an endpoint needs is declared with
/// <see cref="PartnershipAccessAttribute"/> on the page model, the page handler or the API endpoint
/// (<see cref="RequirePartnership"/>); without it the strictest, <see cref="PartnershipPermission.Manage"/>, holds.
/// </summary>
public static class PartnershipAccess
{
    /// <summary>The route parameter that says which partnership a request is about.</summary>
    public const string RouteParameter = "partnershipId";

    /// <summary>The route parameters of what partnerships own, as the features declare them (<see cref="IWebFeature.OwnedRoutes"/>).</summary>
    public static IReadOnlyList<OwnedRoute> OwnedRoutes => WebFeatures.OwnedRoutes;

    /// <summary>Every route parameter that puts an endpoint behind the gate: the partnership's and those of what it owns.</summary>
    public static IEnumerable<string> RouteParameters => OwnedRoutes.Select(o => o.RouteParameter).Prepend(RouteParameter);

    /// <summary>The gated route parameter of a route pattern, if it has one (the partnership's first).</summary>
    public static string? GatedParameter(RoutePattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return RouteParameters.FirstOrDefault(p => pattern.GetParameter(p) is not null);
    }

    /// <summary>Whether an API handler takes a body that names the partnership it is for.</summary>
    public static bool NamesPartnershipInBody(MethodInfo? handler) =>
        handler is not null && handler.GetParameters().Any(p => typeof(IPartnershipRequest).IsAssignableFrom(p.ParameterType));

    /// <summary>What an endpoint needs when it declares nothing: fail closed.</summary>
    public static PartnershipAccessAttribute Default { get; } = new(PartnershipPermission.Manage);

    /// <summary>Declares the permission an API endpoint (or group) needs for its partnership.</summary>
    public static TBuilder RequirePartnership<TBuilder>(this TBuilder builder, PartnershipPermission permission, bool includeDeleted = false)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(new PartnershipAccessAttribute(permission) { IncludeDeleted = includeDeleted });
    }

    /// <summary>Puts the gate on every endpoint of <paramref name="api"/> whose route carries the partnership.</summary>
    public static void GuardPartnershipRoutes(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);

        // The marker, for the access test; metadata set in a Finally convention still reaches the endpoint.
        ((IEndpointConventionBuilder)api).Finally(builder =>
        {
            if (builder is RouteEndpointBuilder route
                && (GatedParameter(route.RoutePattern) is not null || NamesPartnershipInBody(builder.Metadata.OfType<MethodInfo>().FirstOrDefault())))
            {
                builder.Metadata.Add(PartnershipGuarded.Instance);
            }
        });

        // The gate itself, on every endpoint of the group (a filter added in Finally would come too late for the
        // request delegate); it acts where the matched route carries the partnership or what it owns, or the body names it.
        api.AddEndpointFilter(async (invocation, next) =>
        {
            var http = invocation.HttpContext;
            if (http.GetEndpoint() is not RouteEndpoint endpoint)
            {
                return await next(invocation);
            }

            var access = endpoint.Metadata.GetMetadata<PartnershipAccessAttribute>() ?? Default;
            var gate = http.RequestServices.GetRequiredService<PartnershipGate>();
            GateOutcome outcome;
            if (GatedParameter(endpoint.RoutePattern) is not null)
            {
                outcome = await gate.CheckAsync(http, access);
            }
            else if (invocation.Arguments.OfType<IPartnershipRequest>().FirstOrDefault() is { } body)
            {
                outcome = await gate.CheckAsync(http, body.PartnershipId, access);
            }
            else
            {
                return await next(invocation);
            }

            return outcome switch
            {
                GateOutcome.Forbidden => Problems.From(PartnershipGate.Forbidden),
                GateOutcome.NotFound => Problems.From(PartnershipGate.NotFound(http, invocation.Arguments.OfType<IPartnershipRequest>().FirstOrDefault()?.PartnershipId)),
                _ => await next(invocation),
            };
        });
    }

    /// <summary>The page side: the marker on every partnership page's endpoint and the gate as a filter on every page.</summary>
    public static void GuardPartnershipPages(this PageConventionCollection pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        pages.Add(new MarkPartnershipPages());
        pages.ConfigureFilter(new PartnershipPageFilter());
    }

    private sealed class MarkPartnershipPages : IPageRouteModelConvention
    {
        public void Apply(PageRouteModel model)
        {
            foreach (var selector in model.Selectors)
            {
                if (selector.AttributeRouteModel?.Template is { } template && GatedParameter(RoutePatternFactory.Parse(template)) is not null)
                {
                    selector.EndpointMetadata.Add(PartnershipGuarded.Instance);
                }
            }
        }
    }

    private sealed class PartnershipPageFilter : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            if (!RouteParameters.Any(context.RouteData.Values.ContainsKey))
            {
                await next();
                return;
            }

            var access = context.HandlerMethod?.MethodInfo.GetCustomAttribute<PartnershipAccessAttribute>()
                ?? context.HandlerInstance.GetType().GetCustomAttribute<PartnershipAccessAttribute>()
                ?? Default;
            var outcome = await context.HttpContext.RequestServices.GetRequiredService<PartnershipGate>().CheckAsync(context.HttpContext, access);
            switch (outcome)
            {
                case GateOutcome.Forbidden:
                    context.Result = new ForbidResult();
                    return;
                case GateOutcome.NotFound:
                    context.Result = new NotFoundResult();
                    return;
                default:
                    await next();
                    return;
            }
        }
    }
}

/// <summary>The permission a page, page handler or API endpoint needs for the partnership in its route.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class PartnershipAccessAttribute(PartnershipPermission permission) : Attribute
{
    public PartnershipPermission Permission { get; } = permission;

    /// <summary>Also a partnership that was deleted, as long as the audit trail remembers it (its history).</summary>
    public bool IncludeDeleted { get; init; }
}

/// <summary>
/// Something a partnership owns, reached by its own id in the route (<see cref="RouteParameter"/>, e.g.
/// "applicationId"): <see cref="PartnershipOf"/> says whose it is (null when it does not exist), so the gate can judge
/// the caller's roles for that partnership.
/// </summary>
public sealed record OwnedRoute(string RouteParameter, Func<IServiceProvider, int, CancellationToken, Task<int?>> PartnershipOf);

/// <summary>An API request body that names the partnership it is for (creating something for it): the gate judges that partnership.</summary>
public interface IPartnershipRequest
{
    int PartnershipId { get; }
}

/// <summary>Endpoint metadata: the partnership gate runs for this endpoint (the access test checks every partnership route has it).</summary>
public sealed class PartnershipGuarded
{
    public static PartnershipGuarded Instance { get; } = new();

    private PartnershipGuarded()
    {
    }
}

/// <summary>The partnership of this request, loaded once by the gate. <see cref="Partnership"/> is null only for a deleted one (history).</summary>
public sealed class CurrentPartnership
{
    private int? _id;

    public int Id => _id ?? throw new InvalidOperationException("No partnership in this request: its route carries no {partnershipId}, or the gate did not run.");

    public Partnership? Partnership { get; private set; }

    /// <summary>The loaded partnership; for handlers that do not accept a deleted one.</summary>
    public Partnership Existing => Partnership ?? throw new InvalidOperationException($"Partnership {Id} was deleted.");

    internal void Set(int id, Partnership? partnership)
    {
        _id = id;
        Partnership = partnership;
    }
}

public enum GateOutcome
{
    Allowed,
    Forbidden,
    NotFound,
}

/// <summary>Reads the partnership from the route, decides 403 on the caller's roles for it, then loads it (404 when it does not exist).</summary>
public sealed class PartnershipGate(RegiekamerDb db, PartnershipService partnerships, CurrentPartnership current)
{
    /// <summary>The same answer whether or not the partnership exists: a caller without a role for it learns nothing.</summary>
    public static Core.Common.DomainError Forbidden { get; } = Core.Common.DomainError.Forbidden("Je hebt geen toegang tot dit regieverband.", "You have no access to this partnership.");

    /// <param name="named">The partnership a request body named, when the route names none.</param>
    public static Core.Common.DomainError NotFound(HttpContext http, int? named = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (named is { } bodyId)
        {
            return Core.Common.DomainError.NotFound($"Regieverband {bodyId} bestaat niet.", $"Partnership {bodyId} does not exist.");
        }

        foreach (var owned in PartnershipAccess.OwnedRoutes)
        {
            if (http.GetRouteValue(owned.RouteParameter) is { } ownedId && http.GetRouteValue(PartnershipAccess.RouteParameter) is null)
            {
                return Core.Common.DomainError.NotFound($"{ownedId} bestaat niet.", $"{ownedId} does not exist.");
            }
        }

        var id = http.GetRouteValue(PartnershipAccess.RouteParameter);
        return Core.Common.DomainError.NotFound($"Regieverband {id} bestaat niet.", $"Partnership {id} does not exist.");
    }

    /// <summary>The gate for the partnership, or for what it owns, in the route.</summary>
    public async Task<GateOutcome> CheckAsync(HttpContext http, PartnershipAccessAttribute access)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(access);
        if (http.GetRouteValue(PartnershipAccess.RouteParameter) is not null)
        {
            return Parse(http.GetRouteValue(PartnershipAccess.RouteParameter)) is { } id ? await CheckAsync(http, id, access) : GateOutcome.NotFound;
        }

        foreach (var owned in PartnershipAccess.OwnedRoutes)
        {
            if (http.GetRouteValue(owned.RouteParameter) is not { } value)
            {
                continue;
            }

            // Whether it exists is told only to those who may see every partnership: anyone else gets 403 either way.
            var owner = Parse(value) is { } ownedId ? await owned.PartnershipOf(http.RequestServices, ownedId, http.RequestAborted) : null;
            if (owner is null)
            {
                return http.User.IsDepartment() ? GateOutcome.NotFound : GateOutcome.Forbidden;
            }

            return await CheckAsync(http, owner.Value, access);
        }

        return GateOutcome.NotFound;
    }

    private static int? Parse(object? value) =>
        int.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The gate for one partnership: 403 on the caller's roles for it, then 404 when it does not exist.</summary>
    public async Task<GateOutcome> CheckAsync(HttpContext http, int id, PartnershipAccessAttribute access)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(access);
        if (!http.User.May(id, access.Permission))
        {
            return GateOutcome.Forbidden;
        }

        var partnership = await partnerships.GetAsync(id, http.RequestAborted);
        if (partnership is null)
        {
            var entityId = id.ToString(CultureInfo.InvariantCulture);
            if (!access.IncludeDeleted || !await db.AuditRecords.AnyAsync(a => a.EntityType == PartnershipService.AuditEntity && a.EntityId == entityId, http.RequestAborted))
            {
                return GateOutcome.NotFound;
            }
        }

        current.Set(id, partnership);
        return GateOutcome.Allowed;
    }
}
