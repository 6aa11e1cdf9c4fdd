using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Allocation;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Grants;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Grants;

/// <summary>
/// The department's view of a call's grants: per year granted, paid, in payment, outstanding, stopped; the decrees
/// with their status; and, for policy officers, drafting a year's decree from a published allocation over the
/// approved applications.
/// </summary>
public sealed class IndexModel(CallService calls, DecreeService decrees, LedgerService ledgers, AllocationService allocation) : RegiekamerPage
{
    public Call? Call { get; private set; }

    public CallLedger? Ledger { get; private set; }

    public IReadOnlyList<Decree> Decrees { get; private set; } = [];

    /// <summary>The published runs over approved applications a decree can be drafted from.</summary>
    public IReadOnlyList<AllocationRun> Runs { get; private set; } = [];

    [BindProperty]
    public int AllocationRunId { get; set; }

    [BindProperty]
    public int Year { get; set; }

    [BindProperty]
    public string? Number { get; set; }

    [BindProperty]
    public DateOnly? DecreeDate { get; set; }

    [BindProperty]
    public string? LegalBasis { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    [HandlerPolicy(Policies.Decrees)]
    public async Task<IActionResult> OnPostDraftAsync(CancellationToken ct)
    {
        var drafted = await decrees.DraftAsync(new DecreeDraftInput(AllocationRunId, Year, Number, DecreeDate, LegalBasis), ct);
        if (drafted.IsSuccess)
        {
            return Redirect($"/Grants/Decrees/{drafted.Value!.Id}");
        }

        await LoadAsync(ct);
        return Fail(drafted.Errors);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Call = await calls.LatestAsync(ct);
        if (Call is null)
        {
            return;
        }

        var ledger = await ledgers.ForCallAsync(Call.Id, ct);
        Ledger = ledger.Value;
        Decrees = await decrees.ListAsync(Call.Id, ct);
        var versions = Call.Versions.Select(v => v.Id).ToHashSet();
        Runs = (await allocation.ListRunsAsync(ct)).Where(r => r.IsPublished && r.Basis == AllocationBasis.Approved && versions.Contains(r.CallVersionId)).ToList();
        if (Year == 0)
        {
            Year = Enumerable.Range(Call.FirstYear, Call.LastYear - Call.FirstYear + 1).FirstOrDefault(y => !Decrees.Any(d => d.Year == y), Call.FirstYear);
        }

        LegalBasis ??= GrantRules.DefaultLegalBasis;
    }
}
