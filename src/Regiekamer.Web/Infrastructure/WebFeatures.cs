using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regiekamer.Core.Calls;
using Regiekamer.Web.Features;
using Regiekamer.Web.Features.Account;
using Regiekamer.Web.Features.Admin;
using Regiekamer.Web.Features.Allocation;
using Regiekamer.Web.Features.Applications;
using Regiekamer.Web.Features.Audit;
using Regiekamer.Web.Features.Calls;
using Regiekamer.Web.Features.Coverage;
using Regiekamer.Web.Features.Eligibility;
using Regiekamer.Web.Features.Imports;
using Regiekamer.Web.Features.Municipalities;
using Regiekamer.Web.Features.Notifications;
using Regiekamer.Web.Features.OpenData;
using Regiekamer.Web.Features.Partnerships;
using Regiekamer.Web.Features.Published;
using Regiekamer.Web.Features.WhatIf;

namespace Regiekamer.Web.Infrastructure;

/// <summary>
/// One feature of the web app, in its own folder under Features/: who may see its pages (the folder's conventions)
/// and its part of the JSON API under /api/v1 (one XxxApi.cs). A new feature adds its folder and one line to
/// <see cref="WebFeatures"/>.
/// </summary>
public interface IWebFeature
{
    /// <summary>The policies of the feature's pages: every page gets one, or the access test fails.</summary>
    static virtual void Pages(PageConventionCollection pages)
    {
    }

    /// <summary>The feature's endpoints, mapped on the /api/v1 group.</summary>
    static virtual void Api(RouteGroupBuilder api)
    {
    }

    /// <summary>Where the audit trail's list links to the feature's entities and their histories.</summary>
    static virtual IEnumerable<AuditLink> AuditLinks => [];

    /// <summary>What the feature keeps for a partnership and reaches by its own id in a route: the partnership gate guards those routes too.</summary>
    static virtual IEnumerable<OwnedRoute> OwnedRoutes => [];
}

/// <summary>
/// The page of an entity the audit trail names (<paramref name="Page"/>: id and whether the viewer administers, to a
/// URL or null), and where its history is shown (<paramref name="History"/>).
/// </summary>
public sealed record AuditLink(string EntityType, Func<string, bool, string?> Page, Func<string, string?>? History = null);

/// <summary>Every feature, registered once; what holds for all of them (partnership access, the call filter) is set up here.</summary>
public static class WebFeatures
{
    private static readonly Registration[] All =
    [
        Feature<HomeFeature>(),
        Feature<AccountFeature>(),
        Feature<AdminFeature>(),
        Feature<MunicipalitiesFeature>(),
        Feature<ImportsFeature>(),
        Feature<PartnershipsFeature>(),
        Feature<EligibilityFeature>(),
        Feature<CallsFeature>(),
        Feature<AllocationFeature>(),
        Feature<PublishedFeature>(),
        Feature<WhatIfFeature>(),
        Feature<CoverageFeature>(),
        Feature<AuditFeature>(),
        Feature<ApplicationsFeature>(),
        Feature<NotificationsFeature>(),
        Feature<Features.Grants.GrantsFeature>(),
        Feature<OpenDataFeature>(),
        Feature<Features.Reports.ReportsFeature>(),
        Feature<Features.Kbo.KboFeature>(),
        Feature<Features.Actors.ActorsFeature>(),
        Feature<Features.Catalogue.CatalogueFeature>(),
        Feature<Features.VoucherControls.VoucherControlsFeature>(),
        Feature<Features.Vouchers.VouchersFeature>(),
        Feature<Features.VoucherForms.VoucherFormsFeature>(),
    ];

    /// <summary>Every feature's owned routes (<see cref="IWebFeature.OwnedRoutes"/>), which the partnership gate guards.</summary>
    public static IReadOnlyList<OwnedRoute> OwnedRoutes { get; } = All.SelectMany(f => f.OwnedRoutes).ToList();

    public static void ConfigurePages(PageConventionCollection pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        pages.GuardPartnershipPages();
        pages.ConfigureFilter(new HandlerPolicyFilter());
        foreach (var feature in All)
        {
            feature.Pages(pages);
        }
    }

    public static void MapApi(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").DisableAntiforgery();
        api.GuardPartnershipRoutes();
        api.AddEndpointFilterFactory(KnownCall);
        foreach (var feature in All)
        {
            feature.Api(api);
        }
    }

    /// <summary>Every feature's audit links, by entity type.</summary>
    public static IReadOnlyDictionary<string, AuditLink> AuditLinks { get; } = All.SelectMany(f => f.AuditLinks).ToDictionary(l => l.EntityType, StringComparer.Ordinal);

    private static Registration Feature<T>()
        where T : IWebFeature => new(T.Pages, T.Api, T.AuditLinks, T.OwnedRoutes);

    /// <summary>
    /// Every operation with a <c>callId</c> answers 404 for a call that does not exist, before its handler runs (which
    /// would otherwise evaluate against nothing). Each of them declares the 404 (ProducesProblems).
    /// </summary>
    private static EndpointFilterDelegate KnownCall(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        if (!factory.MethodInfo.GetParameters().Any(p => p.Name == "callId"))
        {
            return next;
        }

        return async context =>
        {
            var text = context.HttpContext.Request.Query["callId"].ToString();
            if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var callId)
                && await context.HttpContext.RequestServices.GetRequiredService<CallService>().GetAsync(callId, context.HttpContext.RequestAborted) is null)
            {
                return Problems.From(CallService.CallNotFound(callId));
            }

            return await next(context);
        };
    }

    private sealed record Registration(Action<PageConventionCollection> Pages, Action<RouteGroupBuilder> Api, IEnumerable<AuditLink> AuditLinks, IEnumerable<OwnedRoute> OwnedRoutes);
}
