using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Eligibility;

/// <summary>R1–R6 for every partnership of a call (the department), and for one partnership (who may read it).</summary>
public sealed class EligibilityFeature : IWebFeature
{
    public static void Pages(PageConventionCollection pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        pages.AuthorizeFolder("/Eligibility", Policies.Department);
    }

    public static void Api(RouteGroupBuilder api) => EligibilityApi.Map(api);
}
