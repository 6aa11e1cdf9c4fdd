using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Allocation;

/// <summary>The allocation of a call's budget (R13): the preview and the recorded runs, for the department.</summary>
public sealed class AllocationFeature : IWebFeature
{
    public static void Pages(PageConventionCollection pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        pages.AuthorizeFolder("/Allocation", Policies.Department);
    }

    public static void Api(RouteGroupBuilder api) => AllocationApi.Map(api);

    public static IEnumerable<AuditLink> AuditLinks =>
    [
        new(Core.Allocation.AllocationService.AuditEntity, (id, _) => $"/Allocation/Run?id={Uri.EscapeDataString(id)}", id => $"/Allocation/Run?id={Uri.EscapeDataString(id)}#history"),
    ];
}
