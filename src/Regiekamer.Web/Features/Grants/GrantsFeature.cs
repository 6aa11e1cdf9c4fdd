using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regiekamer.Core.Grants;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Grants;

/// <summary>
/// Grants after approval (issue 9): yearly decrees, payments with four eyes, stops (R16), the ledger and the call's
/// dashboard, for the department under /Grants; a partnership's own grants under /Grants/Partnership/{partnershipId}, which the partnership
/// gate guards.
/// </summary>
public sealed class GrantsFeature : IWebFeature
{
    public static void Pages(PageConventionCollection pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        pages.AuthorizeFolder("/Grants", Policies.SignedIn);
        foreach (var page in new[] { "/Grants/Index", "/Grants/Dashboard", "/Grants/Decree", "/Grants/Payments", "/Grants/Ledger", "/Grants/Reclaims" })
        {
            pages.AuthorizePage(page, Policies.Department);
        }
    }

    public static void Api(RouteGroupBuilder api) => GrantsApi.Map(api);

    public static IEnumerable<AuditLink> AuditLinks =>
    [
        new(DecreeService.AuditEntity, (id, _) => $"/Grants/Decrees/{Uri.EscapeDataString(id)}", id => $"/Audit?entity={DecreeService.AuditEntity}&entityId={Uri.EscapeDataString(id)}"),
        new(PaymentService.AuditEntity, (_, _) => "/Grants/Payments", id => $"/Audit?entity={PaymentService.AuditEntity}&entityId={Uri.EscapeDataString(id)}"),
        new(ReclaimService.AuditEntity, (_, _) => "/Grants/Reclaims", id => $"/Audit?entity={ReclaimService.AuditEntity}&entityId={Uri.EscapeDataString(id)}"),
        new(PaymentService.StopAuditEntity, (_, _) => "/Grants/Ledger", id => $"/Audit?entity={PaymentService.StopAuditEntity}&entityId={Uri.EscapeDataString(id)}"),
    ];
}
