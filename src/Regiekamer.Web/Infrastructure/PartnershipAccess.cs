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
/// <c>{partnershipId}</c> passes the gate before any handler runs: the caller's roles for <i>that</i> partnership
/// (<see cref="Permissions"/>) decide 403, then the partnership is loaded once (404 when it does not exist) and handed
/// to the handler as <see cref="CurrentPartnership"/>. Pages get it from a filter on every page, the API from a
/// convention on the /api/v1 group, so no endpoint can leave it out. What permission an endpoint needs is declared
/// with <see cref="PartnershipAccessAttribute"/> on the page model, the page handler or the API endpoint
/// (<see cref="RequirePartnership"/>); without it the strictest, <see cref="PartnershipPermission.Manage"/>, holds.
/// </summary>
public static class PartnershipAccess
{
    /// <summary>The route parameter that says which partnership a request is about.</summary>
    public const string RouteParameter = "partnershipId";

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
            if (builder is RouteEndpointBuilder route && route.RoutePattern.GetParameter(RouteParameter) is not null)
            {
                builder.Metadata.Add(PartnershipGuarded.Instance);
            }
        });

        // The gate itself, on every endpoint of the group (a filter added in Finally would come too late for the
        // request delegate); it acts where the matched route carries the partnership.
        api.AddEndpointFilter(async (invocation, next) =>
        {
            var http = invocation.HttpContext;
            if (http.GetEndpoint() is not RouteEndpoint endpoint || endpoint.RoutePattern.GetParameter(RouteParameter) is null)
            {
                return await next(invocation);
            }

            var access = endpoint.Metadata.GetMetadata<PartnershipAccessAttribute>() ?? Default;
            return await http.RequestServices.GetRequiredService<PartnershipGate>().CheckAsync(http, access) switch
            {
                GateOutcome.Forbidden => Problems.From(PartnershipGate.Forbidden),
                GateOutcome.NotFound => Problems.From(PartnershipGate.NotFound(http)),
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
                if (selector.AttributeRouteModel?.Template is { } template && RoutePatternFactory.Parse(template).GetParameter(RouteParameter) is not null)
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
            if (!context.RouteData.Values.ContainsKey(RouteParameter))
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

    public static Core.Common.DomainError NotFound(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var id = http.GetRouteValue(PartnershipAccess.RouteParameter);
        return Core.Common.DomainError.NotFound($"Regieverband {id} bestaat niet.", $"Partnership {id} does not exist.");
    }

    public async Task<GateOutcome> CheckAsync(HttpContext http, PartnershipAccessAttribute access)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(access);
        if (!int.TryParse(Convert.ToString(http.GetRouteValue(PartnershipAccess.RouteParameter), CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return GateOutcome.NotFound;
        }

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
