using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Vouchers;

namespace Regiekamer.Web.Features.VoucherForms;

/// <summary>
/// The company's confirmation link: GET shows what it confirms and a button; only the POST confirms (mail scanners
/// follow links, they do not press buttons). A link that is unknown or already used gets the neutral page.
/// </summary>
public sealed class ConfirmModel(VoucherPublicViews views, VoucherService vouchers) : VoucherLinkPage
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public VoucherLinkView? View { get; private set; }

    public bool Confirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        KeepTokenPrivate();
        View = await views.ToConfirmAsync(Token, ct);
        return View is null ? Closed() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        KeepTokenPrivate();
        var result = await vouchers.ConfirmAsync(Token, ct);
        if (!result.IsSuccess)
        {
            return FailLink(result.Errors);
        }

        Confirmed = true;
        return Page();
    }
}
