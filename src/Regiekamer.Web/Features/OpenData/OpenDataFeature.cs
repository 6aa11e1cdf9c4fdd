using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.OpenData;

/// <summary>
/// The public side of the decrees (issue 9, point 7): the transparency page of the published ministerial decrees with
/// their PDFs and CSV, the published decrees in the API and the 360Giving package of the grants in force. Public, no
/// sign-in, like the published allocations; drafts and decrees that are signed but not published never show.
/// </summary>
public sealed class OpenDataFeature : IWebFeature
{
    public static void Pages(PageConventionCollection pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        pages.AllowAnonymousToFolder("/OpenData");
    }

    public static void Api(RouteGroupBuilder api) => OpenDataApi.Map(api);
}
