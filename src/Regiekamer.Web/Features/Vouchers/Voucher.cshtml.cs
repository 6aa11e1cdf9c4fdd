using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Common;
using Regiekamer.Core.Vouchers;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Vouchers;

/// <summary>
/// One voucher: all its data, the controls' findings, the regisseur's decision (approve, or refuse with a reason), the
/// company's invoice and proof to download, and the payout with date and reference.
/// </summary>
[PartnershipAccess(PartnershipPermission.Read)]
public sealed class VoucherModel(CurrentPartnership current, VoucherService vouchers, VoucherDeskService desk, BrusselsClock clock) : RegiekamerPage
{
    public int PartnershipKey => current.Id;

    public bool CanEdit => User.May(current.Id, PartnershipPermission.Edit);

    [FromRoute]
    public int SchemeId { get; set; }

    [FromRoute]
    public int VoucherId { get; set; }

    [FromQuery(Name = "done")]
    public string? Done { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public DecisionForm Decision { get; set; } = new();

    [BindProperty]
    public PaymentForm Payment { get; set; } = new();

    public VoucherSchemeView? Scheme { get; private set; }

    public VoucherItem? Item { get; private set; }

    public IReadOnlyList<VoucherFileInfo> Files { get; private set; } = [];

    public DateOnly Today => clock.Today;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct) ? Page() : Fail([NotFound(VoucherId)]);

    /// <summary>The company's invoice or proof of own share, as uploaded (a PDF checked by content).</summary>
    public async Task<IActionResult> OnGetFileAsync(string? kind, CancellationToken ct)
    {
        if (await desk.VoucherAsync(current.Id, SchemeId, VoucherId, ct) is null)
        {
            return Fail([NotFound(VoucherId)]);
        }

        var file = VoucherLabels.ParseFileKind(kind) is { } k ? await desk.FileAsync(VoucherId, k, ct) : null;
        if (file is null)
        {
            await ShowAsync(ct);
            return Fail([FileNotFound(VoucherId, kind)]);
        }

        return File(file.Content, "application/pdf", file.FileName);
    }

    [PartnershipAccess(PartnershipPermission.Edit)]
    public async Task<IActionResult> OnPostDecideAsync(CancellationToken ct)
    {
        if (await desk.VoucherAsync(current.Id, SchemeId, VoucherId, ct) is null)
        {
            return Fail([NotFound(VoucherId)]);
        }

        var decided = await vouchers.DecideAsync(VoucherId, new VoucherDecisionInput(Decision.Approve, Decision.Reason, Version), ct);
        return await After(decided.IsSuccess, decided.Errors, decided.Value?.Voucher.Status == VoucherStatus.Approved ? "approved" : "refused", ct);
    }

    [PartnershipAccess(PartnershipPermission.Edit)]
    public async Task<IActionResult> OnPostPayAsync(CancellationToken ct)
    {
        if (await desk.VoucherAsync(current.Id, SchemeId, VoucherId, ct) is null)
        {
            return Fail([NotFound(VoucherId)]);
        }

        var paid = await vouchers.PayAsync(VoucherId, new VoucherPaymentInput(Payment.PaidOn, Payment.Reference, Version), ct);
        return await After(paid.IsSuccess, paid.Errors, "paid", ct);
    }

    private async Task<IActionResult> After(bool success, IReadOnlyList<DomainError> errors, string done, CancellationToken ct)
    {
        if (success)
        {
            return Redirect($"/Partnerships/{current.Id}/Vouchers/{SchemeId}/{VoucherId}?done={done}");
        }

        await ShowAsync(ct);
        return Fail(errors);
    }

    private async Task<bool> ShowAsync(CancellationToken ct)
    {
        Item = await desk.VoucherAsync(current.Id, SchemeId, VoucherId, ct);
        if (Item is null)
        {
            return false;
        }

        Scheme = await desk.SchemeAsync(current.Id, SchemeId, ct);
        Files = await desk.FilesAsync(VoucherId, ct);
        return true;
    }

    public static DomainError NotFound(int id) => DomainError.NotFound($"Cheque {id} bestaat niet in deze regeling.", $"Voucher {id} does not exist in this scheme.");

    public static DomainError FileNotFound(int id, string? kind) => DomainError.NotFound($"Cheque {id} heeft geen bestand '{kind}' (invoice of own-share-proof).", $"Voucher {id} has no file '{kind}' (invoice or own-share-proof).");
}

/// <summary>The decision form: approve, or refuse with a reason (a reason with an approval is kept too).</summary>
public sealed class DecisionForm
{
    public bool Approve { get; set; } = true;

    public string? Reason { get; set; }
}

/// <summary>The payout as booked.</summary>
public sealed class PaymentForm
{
    public DateOnly? PaidOn { get; set; }

    public string? Reference { get; set; }
}
