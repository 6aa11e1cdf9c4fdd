using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regiekamer.Core.Reports;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Reports;

/// <summary>
/// Annual reports (R15; issue 9, point 3 — the start): under /api/v1/reports/{reportId}, which the partnership gate
/// guards for the report's partnership. Pages, submission, the deadline and the evaluation come next.
/// </summary>
public sealed class ReportsFeature : IWebFeature
{
    public const string RouteParameter = "reportId";

    public static void Pages(PageConventionCollection pages)
    {
    }

    public static void Api(RouteGroupBuilder api) => ReportsApi.Map(api);

    public static IEnumerable<AuditLink> AuditLinks =>
    [
        new(ReportService.AuditEntity, (id, _) => $"/api/v1/reports/{Uri.EscapeDataString(id)}", id => $"/Audit?entity={ReportService.AuditEntity}&entityId={Uri.EscapeDataString(id)}"),
    ];

    public static IEnumerable<OwnedRoute> OwnedRoutes =>
    [
        new(RouteParameter, (services, id, ct) => services.GetRequiredService<ReportService>().PartnershipOfAsync(id, ct)),
    ];
}
