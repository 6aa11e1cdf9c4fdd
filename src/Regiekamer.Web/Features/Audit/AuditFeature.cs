using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Audit;

/// <summary>The audit trail for the department: the filtered list, its CSV export, the chain check.</summary>
public sealed class AuditFeature : IWebFeature
{
    public static void Pages(PageConventionCollection pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        pages.AuthorizeFolder("/Audit", Policies.Department);
    }

    public static void Api(RouteGroupBuilder api) => AuditApi.Map(api);
}
