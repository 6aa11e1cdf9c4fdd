using System.Globalization;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Vouchers;

/// <summary>
/// A scheme's vouchers as a spreadsheet (issue 10, point 6): the desk's page, the API and the CLI's
/// <c>vouchers export</c> build it here, so their columns cannot drift. No contact person (personal data stays in the
/// application); every text cell neutralised against formulas by <see cref="Table"/>; amounts in euros; dates ISO.
/// </summary>
public static class VoucherExport
{
    public static Table Of(IEnumerable<VoucherItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var table = new Table("Cheques", [("id", false), ("ondernemingsnummer", false), ("bedrijf", false), ("aanbieder", false), ("dienst", false), ("status", false), ("bedrag", true), ("aangevraagd_op", false), ("beslist_op", false), ("te_gebruiken_tot", false), ("factuurnummer", false), ("factuurdatum", false), ("factuurbedrag", true), ("betaald_op", false), ("betaalreferentie", false), ("bevindingen", false)]);
        foreach (var (v, provider) in items)
        {
            table.Add(
                v.Id.ToString(CultureInfo.InvariantCulture), v.CompanyKbo, v.CompanyName, provider, v.Service, StatusCode(v.Status), v.Amount, Iso(v.AppliedOn), Iso(v.DecidedOn), Iso(v.LastDayOfUse),
                v.InvoiceNumber, Iso(v.InvoiceDate), v.InvoiceTotal, Iso(v.PaidOn), v.PaymentReference, v.Findings?.Replace('\n', ';'));
        }

        return table;
    }

    /// <summary>The code of a status in the API and the export: lower-case ("applied", "paid", …).</summary>
    public static string StatusCode(VoucherStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>A status from its code, case-insensitively; null for none or an unknown one.</summary>
    public static VoucherStatus? ParseStatus(string? code) =>
        Enum.TryParse<VoucherStatus>(code, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(code, out _) ? s : null;

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
