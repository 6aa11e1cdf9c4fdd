using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Common;
using Regiekamer.Core.Vouchers;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Vouchers;

/// <summary>Changing a draft scheme's terms and providers, against the version read.</summary>
[PartnershipAccess(PartnershipPermission.Edit)]
public sealed class EditModel(CurrentPartnership current, VoucherService vouchers, VoucherDeskService desk) : RegiekamerPage
{
    public int PartnershipKey => current.Id;

    [FromRoute]
    public int SchemeId { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public SchemeForm Input { get; set; } = new();

    public IReadOnlyList<VoucherProviderName> Choices { get; private set; } = [];

    /// <summary>No such scheme in this partnership, or not a draft: the page shows only the error.</summary>
    public bool Missing { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var view = await desk.SchemeAsync(current.Id, SchemeId, ct);
        if (view is null)
        {
            Missing = true;
            return Fail([NotFound(SchemeId)]);
        }

        if (view.Scheme.Status != VoucherSchemeStatus.Draft)
        {
            Missing = true;
            return Fail([DomainError.Conflict("scheme-not-draft", "Alleen een regeling in opmaak kan worden gewijzigd; een opengestelde regeling houdt haar voorwaarden.", "Only a draft scheme can be changed; an open scheme keeps its terms.")]);
        }

        Version = view.Scheme.Version;
        Input = SchemeForm.Of(view.Scheme);
        Choices = await desk.ProviderChoicesAsync(current.Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var saved = await vouchers.ChangeSchemeAsync(current.Id, SchemeId, Input.ToInput(), Version, ct);
        if (saved.IsSuccess)
        {
            return Redirect($"/Partnerships/{current.Id}/Vouchers/{SchemeId}?done=saved");
        }

        Missing = saved.Errors.Any(e => e.Kind == ErrorKind.NotFound);
        Choices = await desk.ProviderChoicesAsync(current.Id, ct);
        return Fail(saved.Errors);
    }

    public static DomainError NotFound(int id) => DomainError.NotFound($"Chequeregeling {id} bestaat niet in dit regieverband.", $"Voucher scheme {id} does not exist in this partnership.");
}
