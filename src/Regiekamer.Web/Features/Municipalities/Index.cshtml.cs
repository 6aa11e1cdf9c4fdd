using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Regiekamer.Core.Common;
using Regiekamer.Core.ReferenceData;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Municipalities;

[OutputCache(PolicyName = PageCache.Policy)]
public sealed class IndexModel(ReferenceDataService data) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Set { get; set; } = "2019";

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Province { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Central { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Sort { get; set; } = "name";

    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; }

    public ReferenceSnapshot Snapshot { get; private set; } = null!;

    public const int PageSize = 50;

    /// <summary>"p", not "page": Razor Pages keeps the route value "page" for itself.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Every row on one page (to print or search the whole list).</summary>
    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    /// <summary>The rows of this page.</summary>
    public IReadOnlyList<Municipality> Rows { get; private set; } = [];

    /// <summary>How many municipalities match the filter.</summary>
    public int Total { get; private set; }

    public int Pages => All ? 1 : Math.Max(1, (Total + PageSize - 1) / PageSize);

    public IReadOnlyList<string> Provinces { get; private set; } = [];

    public IReadOnlyList<ReferenceRegion> Regions { get; private set; } = [];

    private ReferenceSnapshot? _other;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var set = Set == "2025" ? MunicipalitySet.Set2025 : MunicipalitySet.Set2019;
        Set = set == MunicipalitySet.Set2025 ? "2025" : "2019";
        Snapshot = await data.SnapshotAsync(set, ct: ct);
        _other = await data.SnapshotAsync(set == MunicipalitySet.Set2019 ? MunicipalitySet.Set2025 : MunicipalitySet.Set2019, ct: ct);
        Regions = await data.RegionsAsync(ct);
        Provinces = Snapshot.Municipalities.Select(m => m.ProvinceName).Distinct().Order(StringComparer.Ordinal).ToList();
        var s = Snapshot;
        IEnumerable<Municipality> rows = s.Municipalities;
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            rows = rows.Where(m => m.NisCode.Value.StartsWith(q, StringComparison.Ordinal) || CultureInfo.InvariantCulture.CompareInfo.IndexOf(m.Name, q, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0);
        }

        if (!string.IsNullOrEmpty(Province))
        {
            rows = rows.Where(m => m.ProvinceName == Province);
        }

        if (!string.IsNullOrEmpty(Region))
        {
            rows = rows.Where(m => s.Region(m.NisCode)?.RegionCode == Region);
        }

        if (Central is "yes" or "no")
        {
            rows = rows.Where(m => m.IsCentralCity == (Central == "yes"));
        }

        rows = Sort switch
        {
            "nis" => rows.OrderBy(m => m.NisCode),
            "province" => rows.OrderBy(m => m.ProvinceName, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal),
            "region" => rows.OrderBy(m => s.Region(m.NisCode)?.RegionCode, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal),
            "inhabitants" => rows.OrderBy(m => s.Inhabitants(m.NisCode)),
            "workingage" => rows.OrderBy(m => s.WorkingAge(m.NisCode)),
            "jobseekers" => rows.OrderBy(m => s.JobSeekers(m.NisCode)),
            _ => rows,
        };
        var matching = Desc ? rows.Reverse().ToList() : rows.ToList();
        Total = matching.Count;
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Rows = All ? matching : matching.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        _predecessors = _other?.Municipalities.Where(m => m.SuccessorNisCode is not null).ToLookup(m => m.SuccessorNisCode!.Value, m => m.Name);
    }

    public string Name2025(NisCode code) => _other?.Find(code)?.Name ?? code.Value;

    private ILookup<NisCode, string>? _predecessors;

    public IEnumerable<string> Predecessors(NisCode code) => _predecessors?[code] ?? [];

    /// <summary>The filter and sort as a query string, for the page links.</summary>
    public string FilterQuery() =>
        $"set={Model(Set)}&q={Uri.EscapeDataString(Q ?? "")}&province={Uri.EscapeDataString(Province ?? "")}&region={Uri.EscapeDataString(Region ?? "")}&central={Model(Central)}&sort={Model(Sort)}&desc={Desc.ToString().ToLowerInvariant()}";

    private static string Model(string? value) => Uri.EscapeDataString(value ?? "");
}
