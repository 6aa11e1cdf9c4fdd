using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Grants;
using Regiekamer.Core.Partnerships;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Grants;

/// <summary>Reclaims (R16): decided, claimed, paid back in parts or written off; never more than was paid.</summary>
public sealed class ReclaimsModel(CallService calls, ReclaimService reclaims, PartnershipService partnerships) : RegiekamerPage
{
    public Call? Call { get; private set; }

    public IReadOnlyList<Reclaim> List { get; private set; } = [];

    public IReadOnlyDictionary<int, string> Names { get; private set; } = new Dictionary<int, string>();

    [BindProperty]
    public int ReclaimId { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Step { get; set; }

    [BindProperty]
    public int ForPartnership { get; set; }

    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public DateOnly? Date { get; set; }

    [BindProperty]
    public DateOnly? DueDate { get; set; }

    [BindProperty]
    public string? Amount { get; set; }

    [BindProperty]
    public string? Reference { get; set; }

    [BindProperty]
    public string? Motivation { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    /// <summary>The call (default the latest).</summary>
    [BindProperty(SupportsGet = true)]
    public int? CallId { get; set; }

    /// <summary>Only the reclaims of a year's grant, when given.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>What the listed reclaims take back of <see cref="Year"/>'s grants (the ledger's reclaimed for that year).</summary>
    public Money ReclaimedOfYear => Year is { } y ? List.SelectMany(r => r.Years).Where(x => x.Year == y).Aggregate(Money.Zero, (s, x) => s + x.Amount) : Money.Zero;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    [HandlerPolicy(Policies.Payments)]
    public async Task<IActionResult> OnPostDecideAsync(CancellationToken ct)
    {
        var call = await calls.LatestAsync(ct);
        var r = call is null ? Result<Reclaim>.Fail(CallService.CallNotFound(0)) : await reclaims.DecideAsync(call.Id, new ReclaimInput(ForPartnership, Decision, Date, DueDate, Motivation, Amount), ct);
        return r.IsSuccess ? Redirect($"/Grants/Reclaims?done=decided#reclaim-{r.Value!.Id}") : await RefusedAsync(r.Errors, ct);
    }

    [HandlerPolicy(Policies.Payments)]
    public async Task<IActionResult> OnPostStepAsync(CancellationToken ct)
    {
        var r = Step switch
        {
            "claim" => await reclaims.ClaimAsync(ReclaimId, Date, Version, ct),
            "repay" => await reclaims.RepayAsync(ReclaimId, Date, Amount, Reference, Version, ct),
            "write-off" => await reclaims.WriteOffAsync(ReclaimId, Motivation, Version, ct),
            _ => Result<Reclaim>.Fail(DomainError.Invalid("validation", "Stap: claim, repay of write-off.", "Action: claim, repay or write-off.", "action")),
        };
        return r.IsSuccess ? Redirect($"/Grants/Reclaims?done={Step}#reclaim-{ReclaimId}") : await RefusedAsync(r.Errors, ct);
    }

    private async Task<IActionResult> RefusedAsync(IReadOnlyList<DomainError> errors, CancellationToken ct)
    {
        await LoadAsync(ct);
        return Fail(errors);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Call = CallId is { } id ? await calls.GetAsync(id, ct) : await calls.LatestAsync(ct);
        Names = (await partnerships.ListAsync(ct)).ToDictionary(p => p.Id, p => p.Name);
        if (Call is not null)
        {
            List = (await reclaims.ListAsync(Call.Id, ct: ct)).Where(r => Year is null || r.Years.Any(y => y.Year == Year && y.Amount != Money.Zero)).ToList();
        }
    }
}
