using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.WhatIf;

/// <summary>What a change to the partnerships would do to eligibility and amounts: everyone signed in; the join table for the department.</summary>
public sealed class WhatIfFeature : IWebFeature
{
    public static void Pages(PageConventionCollection pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        pages.AuthorizeFolder("/WhatIf", Policies.SignedIn);
    }

    public static void Api(RouteGroupBuilder api) => WhatIfApi.Map(api);
}
