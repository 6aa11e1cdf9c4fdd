using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Common;
using Regiekamer.Core.Vouchers;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Vouchers;

/// <summary>
/// A scheme's page: its terms, its dashboard to the cent (target, approved, reserved, paid, lapsed, left), its vouchers
/// filterable by status with the controls' flags, the CSV/XLSX export, and opening or closing it.
/// </summary>
[PartnershipAccess(PartnershipPermission.Read)]
public sealed class SchemeModel(CurrentPartnership current, VoucherService vouchers, VoucherDeskService desk, BrusselsClock clock) : RegiekamerPage
{
    public int PartnershipKey => current.Id;

    public string PartnershipName => current.Existing.Name;

    public bool CanEdit => User.May(current.Id, PartnershipPermission.Edit);

    [FromRoute]
    public int SchemeId { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(Name = "version")]
    public int Version { get; set; }

    [FromQuery(Name = "done")]
    public string? Done { get; set; }

    public VoucherSchemeView? View { get; private set; }

    public IReadOnlyList<VoucherItem> Vouchers { get; private set; } = [];

    public DateTime AsOfUtc { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct) ? Page() : Fail([EditModel.NotFound(SchemeId)]);

    /// <summary>The scheme's vouchers as CSV or XLSX (the status filter applies); text cells neutralised against formulas.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (await desk.SchemeAsync(current.Id, SchemeId, ct) is null)
        {
            return Fail([EditModel.NotFound(SchemeId)]);
        }

        var table = VoucherExport.Of(await desk.VouchersAsync(current.Id, SchemeId, VoucherExport.ParseStatus(Status), ct));
        return string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase)
            ? File(table.ToXlsx(), VouchersApi.XlsxType, $"cheques-regeling-{SchemeId}.xlsx")
            : File(table.ToCsv(), "text/csv; charset=utf-8", $"cheques-regeling-{SchemeId}.csv");
    }

    [PartnershipAccess(PartnershipPermission.Edit)]
    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct) =>
        await After(await desk.SchemeAsync(current.Id, SchemeId, ct) is null ? EditModel.NotFound(SchemeId) : await vouchers.OpenSchemeAsync(SchemeId, Version, ct), "opened", ct);

    [PartnershipAccess(PartnershipPermission.Edit)]
    public async Task<IActionResult> OnPostCloseAsync(CancellationToken ct) =>
        await After(await vouchers.CloseSchemeAsync(current.Id, SchemeId, Version, ct), "closed", ct);

    private async Task<IActionResult> After(Result<VoucherScheme> result, string done, CancellationToken ct)
    {
        if (result.IsSuccess)
        {
            return Redirect($"/Partnerships/{current.Id}/Vouchers/{SchemeId}?done={done}");
        }

        await ShowAsync(ct);
        return Fail(result.Errors);
    }

    private async Task<bool> ShowAsync(CancellationToken ct)
    {
        AsOfUtc = clock.UtcNow;
        View = await desk.SchemeAsync(current.Id, SchemeId, ct);
        if (View is null)
        {
            return false;
        }

        Vouchers = await desk.VouchersAsync(current.Id, SchemeId, VoucherExport.ParseStatus(Status), ct);
        return true;
    }
}
