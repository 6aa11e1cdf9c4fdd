using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regiekamer.Core.Reports;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Reports;

/// <summary>
/// Annual reports (R15, R16): the list for everyone signed in (each sees the reports they may read) and each report's
/// page under /Reports/{reportId}, and /api/v1/reports/{reportId}; the partnership gate guards both for the report's
/// partnership. The deadline and its reminders come next.
/// </summary>
public sealed class ReportsFeature : IWebFeature
{
    public const string RouteParameter = "reportId";

    public static void Pages(PageConventionCollection pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        pages.AuthorizeFolder("/Reports", Policies.SignedIn);
    }

    public static void Api(RouteGroupBuilder api) => ReportsApi.Map(api);

    public static IEnumerable<AuditLink> AuditLinks =>
    [
        new(ReportService.AuditEntity, (id, _) => $"/Reports/{Uri.EscapeDataString(id)}", id => $"/Audit?entity={ReportService.AuditEntity}&entityId={Uri.EscapeDataString(id)}"),
    ];

    public static IEnumerable<OwnedRoute> OwnedRoutes =>
    [
        new(RouteParameter, (services, id, ct) => services.GetRequiredService<ReportService>().PartnershipOfAsync(id, ct)),
    ];
}
