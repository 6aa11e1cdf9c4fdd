using Regiekamer.Core.Accounts;
using Regiekamer.Core.Catalogue;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Catalogue;

/// <summary>A partnership's services in the catalogue, stale ones and waiting supplier updates first: the department and the partnership see it.</summary>
[PartnershipAccess(PartnershipPermission.Read)]
public sealed class ManageModel(CurrentPartnership current, OfferingService offerings) : RegiekamerPage
{
    public int PartnershipId => current.Id;

    public string PartnershipName => current.Existing.Name;

    public bool MayEdit => User.May(current.Id, PartnershipPermission.Edit);

    public IReadOnlyList<OfferingRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await offerings.ListAsync(current.Id, ct);
}
