using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Calls;

/// <summary>The calls and the versions of their terms (R14): everyone signed in reads them, administrators add versions.</summary>
public sealed class CallsFeature : IWebFeature
{
    public static void Pages(PageConventionCollection pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        pages.AuthorizeFolder("/Calls", Policies.SignedIn);
    }

    public static void Api(RouteGroupBuilder api) => CallsApi.Map(api);

    public static IEnumerable<AuditLink> AuditLinks =>
    [
        new(Core.Calls.CallService.AuditEntity, (_, _) => "/Calls", id => $"/Calls#history-call-{Uri.EscapeDataString(id)}"),
    ];
}
