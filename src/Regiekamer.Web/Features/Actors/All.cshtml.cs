using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Actors;
using Regiekamer.Core.Common;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Actors;

/// <summary>The department's list of every partnership's actors, with the same filters and a CSV/XLSX download.</summary>
public sealed class AllModel(ActorService actors) : RegiekamerPage
{
    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "municipality")]
    public string? Municipality { get; set; }

    [BindProperty(SupportsGet = true, Name = "archived")]
    public bool Archived { get; set; }

    public IReadOnlyList<ActorListItem> Items { get; private set; } = [];

    public IReadOnlyList<ActorKind> Kinds { get; private set; } = [];

    public IReadOnlyDictionary<NisCode, string> Municipalities { get; private set; } = new Dictionary<NisCode, string>();

    public string CountText { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        CountText = IndexModel.Counts(Items);
    }

    /// <summary>The list as CSV or XLSX, filtered as shown; text cells neutralised against spreadsheet formulas.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        await LoadAsync(ct);
        var table = ActorExport.Of(Items, Kinds, Municipalities);
        return string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase)
            ? File(table.ToXlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "actoren.xlsx")
            : File(table.ToCsv(), "text/csv; charset=utf-8", "actoren.csv");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Kinds = await actors.KindsAsync(ct);
        Municipalities = await actors.Municipalities2025Async(ct);
        Items = await actors.ListAsync(null, new ActorFilter(Kind, Municipality, Archived), ct);
    }
}
