using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Vouchers;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.VoucherControls;

public sealed class DrawForm
{
    public int? Size { get; set; }

    public int? Percent { get; set; }
}

public sealed class OutcomeForm
{
    public int ControlId { get; set; }

    /// <summary>"passed" or "failed".</summary>
    public string? Outcome { get; set; }

    public string? Reason { get; set; }

    public string? ReclaimAmount { get; set; }

    public int Version { get; set; }
}

public sealed class RepaymentForm
{
    public int VoucherKey { get; set; }

    public DateOnly? RepaidOn { get; set; }

    public string? Reference { get; set; }

    public int Version { get; set; }
}

/// <summary>
/// A scheme's controls (KC9): draw a reproducible sample of its paid vouchers (the seed shown, so anyone can redo it),
/// record each drawn voucher's outcome, a failed one's reclaim, and the repayment. Each form works without JavaScript.
/// </summary>
[PartnershipAccess(PartnershipPermission.Read)]
public sealed class IndexModel(CurrentPartnership current, VoucherControlService controls, RegiekamerDb db) : RegiekamerPage
{
    public int PartnershipKey => current.Id;

    public string PartnershipName => current.Existing.Name;

    [FromRoute]
    public int SchemeId { get; set; }

    [BindProperty(SupportsGet = true, Name = "done")]
    public string? Done { get; set; }

    [BindProperty]
    public DrawForm Draw { get; set; } = new();

    [BindProperty]
    public OutcomeForm Outcome { get; set; } = new();

    [BindProperty]
    public RepaymentForm Repayment { get; set; } = new();

    public VoucherScheme? Scheme { get; private set; }

    public IReadOnlyList<VoucherControlDraw> Draws { get; private set; } = [];

    public IReadOnlyDictionary<int, Voucher> Vouchers { get; private set; } = new Dictionary<int, Voucher>();

    public IReadOnlyDictionary<Guid, string> People { get; private set; } = new Dictionary<Guid, string>();

    public int Drawable { get; private set; }

    public VoucherReclaims Reclaims { get; private set; } = new(0, Money.Zero, Money.Zero);

    public bool CanEdit => User.May(current.Id, PartnershipPermission.Edit);

    public string Who(Guid? id) => id is { } g && People.TryGetValue(g, out var name) ? name : "–";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Scheme is null ? Fail([SchemeNotFound()]) : Page();
    }

    [PartnershipAccess(PartnershipPermission.Edit)]
    public async Task<IActionResult> OnPostDrawAsync(CancellationToken ct) =>
        await AnswerAsync(await controls.DrawAsync(current.Id, SchemeId, new VoucherDrawInput(Draw.Size, Draw.Percent), ct), "drawn", ct);

    [PartnershipAccess(PartnershipPermission.Edit)]
    public async Task<IActionResult> OnPostOutcomeAsync(CancellationToken ct)
    {
        if (Outcome.Outcome is not ("passed" or "failed"))
        {
            return await AnswerAsync(Result<VoucherControl>.Fail([DomainError.Invalid("validation", "Uitkomst: geslaagd of niet geslaagd.", "Outcome: passed or failed.", "outcome")]), "controlled", ct);
        }

        return await AnswerAsync(await controls.DecideAsync(current.Id, SchemeId, Outcome.ControlId, new VoucherControlInput(Outcome.Outcome == "passed", Outcome.Reason, Outcome.ReclaimAmount, Outcome.Version), ct), "controlled", ct);
    }

    [PartnershipAccess(PartnershipPermission.Edit)]
    public async Task<IActionResult> OnPostRepaymentAsync(CancellationToken ct) =>
        await AnswerAsync(await controls.RecordRepaymentAsync(current.Id, SchemeId, Repayment.VoucherKey, new VoucherRepaymentInput(Repayment.RepaidOn, Repayment.Reference, Repayment.Version), ct), "repaid", ct);

    private async Task<IActionResult> AnswerAsync<T>(Result<T> result, string done, CancellationToken ct)
    {
        if (result.IsSuccess)
        {
            return Redirect($"/Partnerships/{current.Id}/Vouchers/{SchemeId}/Controls?done={done}");
        }

        await LoadAsync(ct);
        return Scheme is null ? Fail([SchemeNotFound()]) : Fail(result.Errors);
    }

    private DomainError SchemeNotFound() =>
        DomainError.NotFound($"Chequeregeling {SchemeId} bestaat niet in dit regieverband.", $"Voucher scheme {SchemeId} does not exist in this partnership.");

    private async Task LoadAsync(CancellationToken ct)
    {
        Scheme = await controls.SchemeAsync(current.Id, SchemeId, ct);
        if (Scheme is null)
        {
            return;
        }

        Draws = await controls.DrawsAsync(current.Id, SchemeId, ct);
        Vouchers = await controls.DrawnVouchersAsync(Draws, ct);
        Drawable = await controls.DrawableAsync(SchemeId, ct);
        Reclaims = await controls.ReclaimsAsync(SchemeId, ct);
        var ids = Draws.Select(d => d.DrawnByUserId).Concat(Draws.SelectMany(d => d.Controls.Select(c => c.DecidedByUserId))).OfType<Guid>().Distinct().ToList();
        People = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }
}
