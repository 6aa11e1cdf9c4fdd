using System.Globalization;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Catalogue;

/// <summary>
/// The public catalogue as a spreadsheet (issue 10, point 5): the download on <c>/Catalogue</c> and the CLI's
/// <c>catalogue export</c> build it here from <see cref="CatalogueSearch.EveryMatchAsync"/>, so their columns cannot drift. Every text cell neutralised against formulas
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
}
