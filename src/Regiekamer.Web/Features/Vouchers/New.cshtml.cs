using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Vouchers;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Vouchers;

/// <summary>A new voucher scheme of the partnership, as a draft (KC1, KC5).</summary>
[PartnershipAccess(PartnershipPermission.Edit)]
public sealed class NewModel(CurrentPartnership current, VoucherService vouchers, VoucherDeskService desk) : RegiekamerPage
{
    public int PartnershipKey => current.Id;

    public string PartnershipName => current.Existing.Name;

    [BindProperty]
    public SchemeForm Input { get; set; } = new();

    public IReadOnlyList<VoucherProviderName> Choices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Choices = await desk.ProviderChoicesAsync(current.Id, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var created = await vouchers.CreateSchemeAsync(current.Id, Input.ToInput(), ct);
        if (created.IsSuccess)
        {
            return Redirect($"/Partnerships/{current.Id}/Vouchers/{created.Value!.Id}?done=created");
        }

        Choices = await desk.ProviderChoicesAsync(current.Id, ct);
        return Fail(created.Errors);
    }
}
