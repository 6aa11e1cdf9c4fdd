using System.Globalization;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Catalogue;

/// <summary>
/// The public catalogue as a spreadsheet (issue 10, point 5): the download on <c>/Catalogue</c> and the CLI's
/// <c>catalogue export</c> build it here, so their columns cannot drift. Every text cell neutralised against formulas
/// by <see cref="Table"/>.
/// </summary>
public static class CatalogueExport
{
    public static Table Of(IEnumerable<CatalogueEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var table = new Table("Catalogus",
        [
            ("id", false), ("supplier", false), ("supplier_kind", false), ("title", false), ("description", false), ("categories", false), ("cpv_codes", false),
            ("municipalities_nis", false), ("target_groups", false), ("contact_name", false), ("contact_email", false), ("contact_phone", false), ("website", false), ("last_confirmed", false),
        ]);
        foreach (var e in entries)
        {
            table.Add(
                e.Id.ToString(CultureInfo.InvariantCulture), e.Supplier, e.SupplierKind, e.Title, e.Description, string.Join(" ", e.Categories), string.Join(" ", e.CpvCodes), string.Join(" ", e.Municipalities),
                string.Join(" ", e.TargetGroups), e.ContactName, e.ContactEmail, e.ContactPhone, e.SupplierWebsite, CatalogueRules.Day(e.LastConfirmedOn));
        }

        return table;
    }

    /// <summary>Every entry the query finds, page by page of <see cref="CatalogueSearch.MaxPageSize"/> (the query's own page and size are ignored); the search's errors as they are.</summary>
    public static async Task<Result<IReadOnlyList<CatalogueEntry>>> EveryMatchAsync(CatalogueSearch search, CatalogueQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(query);
        var entries = new List<CatalogueEntry>();
        for (var page = 1; ; page++)
        {
            var result = await search.SearchAsync(query with { Page = page, PageSize = CatalogueSearch.MaxPageSize }, ct);
            if (!result.IsSuccess)
            {
                return Result<IReadOnlyList<CatalogueEntry>>.Fail(result.Errors);
            }

            entries.AddRange(result.Value!.Items);
            if (page >= result.Value.Pages)
            {
                return Result<IReadOnlyList<CatalogueEntry>>.Ok(entries);
            }
        }
    }
}
