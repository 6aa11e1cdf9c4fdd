using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Grants;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Grants;

/// <summary>
/// The department's dashboard of a call (issue 9, point 9; default the latest): per year granted, paid, outstanding and
/// reclaimed from the ledger, and the reports expected, received, late, not started, under evaluation, accepted and
/// refused from their standing (R15, R16); every figure links to the list it counts, with its source and moment.
/// </summary>
[OutputCache(PolicyName = PageCache.Policy)]
public sealed class DashboardModel(CallService calls, DashboardService dashboards) : RegiekamerPage
{
    [BindProperty(SupportsGet = true)]
    public int? CallId { get; set; }

    public IReadOnlyList<Call> Calls { get; private set; } = [];

    public CallDashboard? Dashboard { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Calls = await calls.ListAsync(ct);
        var dashboard = await dashboards.ForCallAsync(CallId, ct);
        if (!dashboard.IsSuccess)
        {
            return CallId is null && Calls.Count == 0 ? Page() : Fail(dashboard.Errors);
        }

        Dashboard = dashboard.Value;
        return Page();
    }

    /// <summary>The ledger's list: one year's table (or every year's).</summary>
    public string LedgerLink(int? year) => Link("/Grants/Ledger", year);

    public string PaidLink(int? year) => Link("/Grants/Payments", year, "status=paid");

    public string ReclaimsLink(int? year) => Link("/Grants/Reclaims", year);

    /// <summary>The expected reports of the call (and year), filtered by status or timing codes (several mean any of them).</summary>
    public string ReportsLink(int? year, string? key = null, params string[] codes)
    {
        var query = string.Concat(codes.Select(c => $"&{key}={Uri.EscapeDataString(c)}"));
        return string.Create(CultureInfo.InvariantCulture, $"/Reports?call={Dashboard!.Call.Id}{(year is { } y ? $"&year={y}" : "")}{query}#standing");
    }

    private string Link(string path, int? year, string? extra = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{path}?callId={Dashboard!.Call.Id}{(year is { } y ? $"&year={y}" : "")}{(extra is null ? "" : "&" + extra)}");
}
