using Regiekamer.Core.Common;
using Regiekamer.Core.Vouchers;

namespace Regiekamer.Web.Features.VoucherForms;

/// <summary>The words the public voucher pages show for a scheme's rule and a voucher's status, Dutch and English.</summary>
public static class VoucherText
{
    /// <summary>The scheme's rule in a sentence: a fixed value, or a value paid only when the company pays at least as much itself.</summary>
    public static Bilingual Rule(VoucherScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        var value = (scheme.Value.ToDisplayString(Formats.Dutch), scheme.Value.ToDisplayString(Formats.English));
        var own = (scheme.OwnShare.ToDisplayString(Formats.Dutch), scheme.OwnShare.ToDisplayString(Formats.English));
        var months = scheme.UseWithinMonths.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return scheme.Kind == VoucherKind.CoFunded
            ? new($"€ {value.Item1} wanneer het bedrijf zelf minstens € {own.Item1} betaalt; te gebruiken binnen {months} maanden na de goedkeuring.", $"€ {value.Item2} when the company pays at least € {own.Item2} itself; to be used within {months} months of approval.")
            : new($"een vaste waarde van € {value.Item1} (hoogstens het factuurbedrag); te gebruiken binnen {months} maanden na de goedkeuring.", $"a fixed value of € {value.Item2} (at most the invoice total); to be used within {months} months of approval.");
    }

    public static Bilingual Status(VoucherStatus status) => status switch
    {
        VoucherStatus.Unconfirmed => new("nog niet bevestigd", "not confirmed yet"),
        VoucherStatus.Applied => new("aangevraagd: de regisseur beslist", "applied: the regisseur decides"),
        VoucherStatus.Approved => new("goedgekeurd: wacht op de bevestiging van de levering door de aanbieder", "approved: waits for the provider to confirm delivery"),
        VoucherStatus.Refused => new("geweigerd", "refused"),
        VoucherStatus.Delivered => new("geleverd: laad de factuur op", "delivered: upload the invoice"),
        VoucherStatus.Invoiced => new("factuur ontvangen: de regisseur kijkt ze na", "invoice received: the regisseur checks it"),
        VoucherStatus.Paid => new("uitbetaald", "paid out"),
        VoucherStatus.Lapsed => new("vervallen: niet op tijd gebruikt", "lapsed: not used in time"),
        VoucherStatus.Withdrawn => new("ingetrokken", "withdrawn"),
        VoucherStatus.Reclaimed => new("teruggevorderd na controle", "reclaimed after a control"),
        _ => new(status.ToString(), status.ToString()),
    };

    /// <summary>The declaration the company signs (KC4), spelled out.</summary>
    public static readonly Bilingual Declaration = new(
        "Ik verklaar dat het bedrijf niet verbonden is met de gekozen aanbieder: geen van beide heeft kapitaal of stemrechten in de andere, ze hebben geen gemeenschappelijke bestuurder, en geen bestuurder of zaakvoerder van het ene is familie tot in de tweede graad van een bestuurder of zaakvoerder van het andere.",
        "I declare that the company is not related to the chosen provider: neither holds capital or voting rights in the other, they have no director in common, and no director or manager of the one is family to the second degree of a director or manager of the other.");
}
