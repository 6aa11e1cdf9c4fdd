using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Vouchers;

namespace Regiekamer.Web.Features.VoucherForms;

/// <summary>
/// The provider's link: GET shows the voucher and a button; the POST confirms that it delivered. Once confirmed, or past
/// the last day of use, the link gets the neutral page.
/// </summary>
public sealed class ProviderModel(VoucherPublicViews views, VoucherService vouchers) : VoucherLinkPage
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public VoucherLinkView? View { get; private set; }

    public bool Delivered { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        KeepTokenPrivate();
        View = await views.ToDeliverAsync(Token, ct);
        return View is null ? Closed() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        KeepTokenPrivate();
        var result = await vouchers.DeliverAsync(Token, ct);
        if (!result.IsSuccess)
        {
            return FailLink(result.Errors);
        }

        Delivered = true;
        return Page();
    }
}
