using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Municipalities;

/// <summary>The reference data: municipalities, reference regions, mergers, datasets (pages and /api/v1/reference).</summary>
public sealed class MunicipalitiesFeature : IWebFeature
{
    public static void Pages(PageConventionCollection pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        pages.AuthorizeFolder("/Municipalities", Policies.SignedIn);
    }

    public static void Api(RouteGroupBuilder api) => ReferenceDataApi.Map(api);

    public static IEnumerable<AuditLink> AuditLinks =>
    [
        new(Core.Imports.ImportService.AuditEntity, (_, _) => "/Municipalities/Datasets"),
    ];
}
