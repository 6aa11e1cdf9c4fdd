using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Kbo;

/// <summary>KBO Open Data (issue 10): the lookup for anyone signed in; importing an extract for administrators.</summary>
public sealed class KboFeature : IWebFeature
{
    public static void Pages(PageConventionCollection pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        pages.AuthorizeFolder("/Kbo", Policies.Administrator);
    }

    public static void Api(RouteGroupBuilder api) => KboApi.Map(api);
}
