using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Common;
using Regiekamer.Core.Vouchers;

namespace Regiekamer.Web.Features.VoucherForms;

/// <summary>The invoice as the company enters it next to its PDF (and, co-funded, the proof of its own share).</summary>
public sealed class VoucherInvoiceForm
{
    public string? Number { get; set; }

    public DateOnly? Date { get; set; }

    public string? Total { get; set; }

    public string? PaidByCompany { get; set; }

    public VoucherInvoiceInput ToInput() => new(Number, Date, Total, PaidByCompany);
}

/// <summary>
/// The company's voucher page, opened by the link of the approval mail: where the voucher stands, its last day of use,
/// and once the provider confirmed delivery the invoice upload (PDFs checked by content, KC6). The confirmation link no
/// longer opens it after approval; an unknown link gets the neutral page.
/// </summary>
public sealed class CompanyModel(VoucherPublicViews views, VoucherService vouchers, BrusselsClock clock) : VoucherLinkPage
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public VoucherInvoiceForm Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Invoice { get; set; }

    [BindProperty]
    public IFormFile? OwnShareProof { get; set; }

    public VoucherLinkView? View { get; private set; }

    public bool Uploaded { get; private set; }

    /// <summary>Whether the invoice can be uploaded now: delivered, and not past the last day of use.</summary>
    public bool CanUpload => View is { } v && v.Voucher.Status == VoucherStatus.Delivered && clock.Today <= v.Voucher.LastDayOfUse;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        KeepTokenPrivate();
        View = await views.CompanyAsync(Token, ct);
        return View is null ? Closed() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        KeepTokenPrivate();
        View = await views.CompanyAsync(Token, ct);
        if (View is null)
        {
            return Closed();
        }

        var result = await vouchers.InvoiceAsync(Token, Input.ToInput(), await ReadAsync(Invoice, ct), await ReadAsync(OwnShareProof, ct), ct);
        if (!result.IsSuccess)
        {
            return FailLink(result.Errors);
        }

        Uploaded = true;
        View = await views.CompanyAsync(Token, ct);
        return Page();
    }

    private static async Task<UploadedFile?> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return new UploadedFile(file.FileName, buffer.ToArray());
    }
}
