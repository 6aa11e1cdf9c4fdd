using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Grants;
using Regiekamer.Core.Partnerships;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Grants;

/// <summary>
/// The payments of a call's grants, by status and year, each with the steps its status allows (four eyes: the
/// approval is never by whoever proposed it); the payment orders as CSV or XLSX; and R16 stops.
/// </summary>
public sealed class PaymentsModel(CallService calls, PaymentService payments, LedgerService ledgers, PartnershipService partnerships) : RegiekamerPage
{
    public Call? Call { get; private set; }

    public IReadOnlyList<PaymentView> List { get; private set; } = [];

    public IReadOnlyList<PaymentStop> Stops { get; private set; } = [];

    public IReadOnlyList<Partnership> Partnerships { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>The call (default the latest).</summary>
    [BindProperty(SupportsGet = true)]
    public int? CallId { get; set; }

    [BindProperty]
    public int PaymentId { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Step { get; set; }

    [BindProperty]
    public DateOnly? Date { get; set; }

    [BindProperty]
    public string? Amount { get; set; }

    [BindProperty]
    public string? BankReference { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public int StopPartnershipId { get; set; }

    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public Guid? Me => Notifications.NotificationsFeature.UserIdOf(User);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Status is not null && !PaymentLifecycle.TryParse(Status, out _)
            ? Fail([DomainError.Invalid("validation", "Status: planned, proposed, approved, ordered, paid of failed.", "Status: planned, proposed, approved, ordered, paid or failed.", "status")])
            : Page();
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var status = PaymentLifecycle.TryParse(Status, out var s) ? s : PaymentStatus.Ordered;
        var call = await calls.LatestAsync(ct);
        var table = await ledgers.PaymentOrdersAsync(call?.Id, status, ct);
        return format == "xlsx"
            ? File(table.ToXlsx(), GrantsApi.XlsxType, $"betalingsopdrachten-{status.Code()}.xlsx")
            : File(table.ToCsv(), "text/csv; charset=utf-8", $"betalingsopdrachten-{status.Code()}.csv");
    }

    [HandlerPolicy(Policies.Payments)]
    public async Task<IActionResult> OnPostStepAsync(CancellationToken ct)
    {
        var result = await payments.ActAsync(PaymentId, new PaymentStep(Step, Version, Date, BankReference, Reason), ct);
        return result.IsSuccess ? Redirect($"/Grants/Payments?done={Uri.EscapeDataString(Step ?? "")}#payment-{PaymentId}") : await RefusedAsync(result.Errors, ct);
    }

    [HandlerPolicy(Policies.Payments)]
    public async Task<IActionResult> OnPostRescheduleAsync(CancellationToken ct)
    {
        var result = await payments.RescheduleAsync(PaymentId, Date, Amount, Version, ct);
        return result.IsSuccess ? Redirect($"/Grants/Payments?done=rescheduled#payment-{PaymentId}") : await RefusedAsync(result.Errors, ct);
    }

    [HandlerPolicy(Policies.Payments)]
    public async Task<IActionResult> OnPostStopAsync(CancellationToken ct)
    {
        var call = await calls.LatestAsync(ct);
        if (call is null)
        {
            return await RefusedAsync([CallService.CallNotFound(0)], ct);
        }

        var result = await payments.StopAsync(call.Id, StopPartnershipId, Date, Decision, Reason, ct);
        return result.IsSuccess ? Redirect("/Grants/Payments?done=stopped#stops") : await RefusedAsync(result.Errors, ct);
    }

    private async Task<IActionResult> RefusedAsync(IReadOnlyList<DomainError> errors, CancellationToken ct)
    {
        await LoadAsync(ct);
        return Fail(errors);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Call = CallId is { } id ? await calls.GetAsync(id, ct) : await calls.LatestAsync(ct);
        if (Call is null)
        {
            return;
        }

        PaymentStatus? status = PaymentLifecycle.TryParse(Status, out var s) ? s : null;
        List = await payments.ListAsync(Call.Id, null, status, Year, ct);
        Stops = await payments.StopsAsync(Call.Id, ct);
        Partnerships = await partnerships.ListAsync(ct);
    }
}
