using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Grants;
using Regiekamer.Core.Partnerships;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Grants;

/// <summary>A partnership's own grants: its lines of the decrees in force and its payments (the partnership gate lets in its own roles and the department).</summary>
[PartnershipAccess(PartnershipPermission.Read)]
public sealed class PartnershipModel(PartnershipService partnerships, DecreeService decrees, PaymentService payments, CallService calls) : RegiekamerPage
{
    [FromRoute]
    public int PartnershipId { get; set; }

    public Partnership? Partnership { get; private set; }

    public PartnershipGrantsDto? Grants { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Partnership = await partnerships.GetAsync(PartnershipId, ct);
        Grants = await GrantsApi.PartnershipGrantsAsync(PartnershipId, decrees, payments, calls, ct);
        return Page();
    }
}
