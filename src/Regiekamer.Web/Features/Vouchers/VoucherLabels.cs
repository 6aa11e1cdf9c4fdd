using System.Globalization;
using Regiekamer.Core.Common;
using Regiekamer.Core.Vouchers;

namespace Regiekamer.Web.Features.Vouchers;

/// <summary>How the desk names statuses, kinds and findings, in Dutch and English, and the codes the API and export use.</summary>
public static class VoucherLabels
{
    public static Bilingual Status(VoucherStatus status) => status switch
    {
        VoucherStatus.Unconfirmed => new("Niet bevestigd", "Unconfirmed"),
        VoucherStatus.Applied => new("Aangevraagd", "Applied"),
        VoucherStatus.Approved => new("Goedgekeurd", "Approved"),
        VoucherStatus.Refused => new("Geweigerd", "Refused"),
        VoucherStatus.Delivered => new("Geleverd", "Delivered"),
        VoucherStatus.Invoiced => new("Gefactureerd", "Invoiced"),
        VoucherStatus.Paid => new("Uitbetaald", "Paid"),
        VoucherStatus.Lapsed => new("Vervallen", "Lapsed"),
        VoucherStatus.Withdrawn => new("Ingetrokken", "Withdrawn"),
        VoucherStatus.Reclaimed => new("Teruggevorderd", "Reclaimed"),
        _ => new(status.ToString(), status.ToString()),
    };

    public static Bilingual SchemeStatus(VoucherSchemeStatus status) => status switch
    {
        VoucherSchemeStatus.Draft => new("In opmaak", "Draft"),
        VoucherSchemeStatus.Open => new("Opengesteld", "Open"),
        VoucherSchemeStatus.Closed => new("Afgesloten", "Closed"),
        _ => new(status.ToString(), status.ToString()),
    };

    public static Bilingual Kind(VoucherKind kind) => kind == VoucherKind.CoFunded
        ? new("Met eigen inbreng", "Co-funded")
        : new("Vaste waarde", "Fixed value");

    public static Bilingual FileKind(VoucherFileKind kind) => kind == VoucherFileKind.Invoice
        ? new("Factuur", "Invoice")
        : new("Bewijs van eigen inbreng", "Proof of own share");

    /// <summary>The API's and the forms' code of a kind: "fixed" or "co-funded" (as <see cref="VoucherSchemeInput"/> reads it).</summary>
    public static string KindCode(VoucherKind kind) => kind == VoucherKind.CoFunded ? "co-funded" : "fixed";


    public static string SchemeStatusCode(VoucherSchemeStatus status) => status.ToString().ToLowerInvariant();


    public static string FileKindCode(VoucherFileKind kind) => kind == VoucherFileKind.Invoice ? "invoice" : "own-share-proof";

    public static VoucherFileKind? ParseFileKind(string? code) => code switch
    {
        "invoice" => VoucherFileKind.Invoice,
        "own-share-proof" => VoucherFileKind.OwnShareProof,
        _ => null,
    };

    /// <summary>The controls' findings, one per line ("KC4 Refused: …"), as stored.</summary>
    public static IReadOnlyList<string> Findings(Voucher voucher)
    {
        ArgumentNullException.ThrowIfNull(voucher);
        return voucher.Findings is null ? [] : voucher.Findings.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>The rule IDs the findings name ("KC4", "KC9"), each once: the flags of the vouchers table.</summary>
    public static IReadOnlyList<string> Flags(Voucher voucher) =>
        Findings(voucher).Select(f => f.Split(' ', 2)[0]).Distinct(StringComparer.Ordinal).ToList();

    public static string Kbo(string number) => KboNumber.TryParse(number, out var k) ? k.ToDisplayString() : number;
}

/// <summary>What the schemes table shows: the schemes with their budgets, and whether with the partnership and totals (the department's overview).</summary>
public sealed record SchemeTableView(IReadOnlyList<VoucherSchemeView> Schemes, string Caption, bool ShowPartnership, bool ShowTotals);
