using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Regiekamer.Core.Grants;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Grants;

/// <summary>The ledger of a call (default the latest) per year and beneficiary (or one year's), with its reconciliation (or the lines that do not reconcile) and its export.</summary>
[OutputCache(PolicyName = PageCache.Policy)]
public sealed class LedgerModel(LedgerService ledgers) : RegiekamerPage
{
    public CallLedger? Ledger { get; private set; }

    [BindProperty(SupportsGet = true)]
    public int? CallId { get; set; }

    /// <summary>Only this year's table, when given.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var ledger = await ledgers.ForCallAsync(CallId, ct);
        if (!ledger.IsSuccess)
        {
            return Fail(ledger.Errors);
        }

        Ledger = ledger.Value;
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var ledger = await ledgers.ForCallAsync(CallId, ct);
        if (!ledger.IsSuccess)
        {
            return Fail(ledger.Errors);
        }

        var table = LedgerService.LedgerTable(ledger.Value!);
        return format == "xlsx"
            ? File(table.ToXlsx(), GrantsApi.XlsxType, $"grootboek-{ledger.Value!.Call.Code}.xlsx")
            : File(table.ToCsv(), "text/csv; charset=utf-8", $"grootboek-{ledger.Value!.Call.Code}.csv");
    }
}
