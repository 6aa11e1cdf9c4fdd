using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Imports;

/// <summary>Importing figures (population, job seekers) as new reference datasets: administrators only.</summary>
public sealed class ImportsFeature : IWebFeature
{
    public static void Pages(PageConventionCollection pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        pages.AuthorizeFolder("/Imports", Policies.Administrator);
    }

    public static void Api(RouteGroupBuilder api) => ImportsApi.Map(api);
}
