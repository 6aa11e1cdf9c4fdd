using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Vouchers;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.VoucherForms;

/// <summary>The application form's fields.</summary>
public sealed class VoucherApplicationForm
{
    public string? CompanyKbo { get; set; }

    public string? CompanyName { get; set; }

    public string? CompanyAddress { get; set; }

    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    public int? ProviderActorId { get; set; }

    public string? Service { get; set; }

    public bool DeclaredNotRelated { get; set; }

    public VoucherApplicationInput ToInput() => new(CompanyKbo, CompanyName, CompanyAddress, ContactName, ContactEmail, ContactPhone, ProviderActorId, Service, DeclaredNotRelated);
}

/// <summary>
/// A company applies for a scheme's voucher before it buys (KC3, KC4, KC5). The answer to an application that is
/// well-formed is one page with one wording, whatever is known of the company or address: the controls run when the
/// company confirms by the mailed link, and their findings go to the regisseur. Only the input's own errors are shown.
/// </summary>
public sealed class ApplyModel(VoucherPublicViews views, VoucherService vouchers) : RegiekamerPage
{
    [BindProperty(SupportsGet = true)]
    public int SchemeId { get; set; }

    [BindProperty]
    public VoucherApplicationForm Input { get; set; } = new();

    public OpenVoucherScheme? Open { get; private set; }

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Open = await views.OpenSchemeAsync(SchemeId, ct);
        return Open is null ? NotOpen() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Open = await views.OpenSchemeAsync(SchemeId, ct);
        if (Open is null)
        {
            return NotOpen();
        }

        var result = await vouchers.ApplyAsync(SchemeId, Input.ToInput(), HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        if (!result.IsSuccess)
        {
            return Fail(result.Errors);
        }

        Sent = true;
        return Page();
    }

    private Microsoft.AspNetCore.Mvc.RazorPages.PageResult NotOpen() => Fail([Core.Common.DomainError.NotFound("Deze regeling bestaat niet of neemt vandaag geen aanvragen aan.", "This scheme does not exist or takes no applications today.")]);
}
