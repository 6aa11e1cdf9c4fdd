using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Regiekamer.Core.Common;
using Regiekamer.Core.Grants;
using Regiekamer.Core.Grants.OpenData;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.OpenData;

/// <summary>
/// The transparency page: every published ministerial decree by call and year, with the amount per beneficiary, its
/// PDF, a CSV of all their lines and the 360Giving package. Public; drafts and unpublished decrees stay with the department.
/// </summary>
[OutputCache(PolicyName = PageCache.Policy)]
public sealed class DecreesModel(OpenDataService openData, BrusselsClock clock) : PageModel
{
    public const string CsvFileName = "ministeriele-besluiten-gepubliceerd.csv";

    public IReadOnlyList<PublishedDecree> Decrees { get; private set; } = [];

    /// <summary>When the page read the decrees (shown as "stand op", Brussels time).</summary>
    public DateTime ShownAtUtc { get; private set; }

    /// <summary>The decrees by call, then by year (in the order <see cref="OpenDataService.PublishedAsync"/> gives them).</summary>
    public IReadOnlyList<CallDecrees> ByCall { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ShownAtUtc = clock.UtcNow;
        Decrees = await openData.PublishedAsync(ct);
        ByCall = Decrees.GroupBy(d => (d.Decree.CallId, d.CallCode, d.CallTitle))
            .Select(call => new CallDecrees(call.Key.CallId, call.Key.CallCode, call.Key.CallTitle, call.GroupBy(d => d.Decree.Year).Select(y => new YearDecrees(y.Key, y.ToList())).ToList()))
            .ToList();
    }

    /// <summary>Every line of every published decree as CSV (UTF-8 with BOM, amounts "35000.00"; text cells neutralised against formulas).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var table = new Table("Besluiten",
        [
            ("call", false), ("year", false), ("decree_number", false), ("decree_date", false), ("amends_decree", false), ("amended_by_decree", false),
            ("beneficiary", false), ("beneficiary_kind", false), ("beneficiary_kbo", false), ("partnership_id", false), ("partnership", false), ("amount", true),
        ]);
        foreach (var published in await openData.PublishedAsync(ct))
        {
            var d = published.Decree;
            foreach (var line in published.Lines)
            {
                table.Add(
                    published.CallCode,
                    d.Year,
                    d.Number,
                    d.DecreeDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    published.AmendsNumber,
                    published.AmendedByNumber,
                    line.BeneficiaryName,
                    line.BeneficiaryKind.Code(),
                    line.BeneficiaryKbo,
                    line.PartnershipId,
                    line.PartnershipName,
                    line.Amount);
            }
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        return File(table.ToCsv(), "text/csv; charset=utf-8", CsvFileName);
    }
}

public sealed record CallDecrees(int CallId, string Code, string Title, IReadOnlyList<YearDecrees> Years);

public sealed record YearDecrees(int Year, IReadOnlyList<PublishedDecree> Decrees);
