using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Actors;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Notifications;

namespace Regiekamer.Core.Vouchers;

/// <summary>
/// Every mail of the introduction vouchers (issue 10, point 6), staged through <see cref="NotificationService"/> in the
/// caller's unit of work: <see cref="VoucherService"/> saves them with the change that causes them, so a change that
/// fails mails nothing. The company and the provider have no account: each mail goes to an address only, and its link
/// carries a token of which only the SHA-256 is stored. Links are paths; the outbox puts <c>Mail:LinkBaseUrl</c> before them.
/// </summary>
public sealed class VoucherMails(RegiekamerDb db, NotificationService notifications)
{
    /// <summary>The company confirms its application here (GET shows it, only the POST confirms).</summary>
    public static string ConfirmLink(string token) => "/Vouchers/Confirm/" + token;

    /// <summary>The company's voucher page: its status, last day of use, and the invoice upload.</summary>
    public static string CompanyLink(string token) => "/Vouchers/Company/" + token;

    /// <summary>The provider confirms delivery here.</summary>
    public static string ProviderLink(string token) => "/Vouchers/Provider/" + token;

    /// <summary>On application: the confirmation link to the contact's e-mail.</summary>
    public Task StageApplicationAsync(Voucher voucher, VoucherScheme scheme, string token, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(voucher);
        ArgumentNullException.ThrowIfNull(scheme);
        return ToCompanyAsync(
            voucher,
            "voucher-confirm",
            NotificationKind.VoucherConfirmation,
            new($"Bevestig uw aanvraag voor de {scheme.Name}", $"Confirm your application for the {scheme.Name}"),
            new(
                $"U vroeg voor {voucher.CompanyName} een kennismakingscheque aan bij \"{scheme.Name}\" voor: {voucher.Service}. Open de link hieronder en bevestig de aanvraag (geen account nodig); pas dan bekijkt de regisseur ze. Koop nog niets vóór de regisseur de cheque goedkeurt. Vroeg u niets aan, dan kunt u deze mail negeren.",
                $"You applied for an introduction voucher for {voucher.CompanyName} in \"{scheme.Name}\" for: {voucher.Service}. Open the link below and confirm the application (no account needed); only then does the regisseur look at it. Buy nothing before the regisseur approves the voucher. If you did not apply, you can ignore this mail."),
            ConfirmLink(token),
            ct);
    }

    /// <summary>On approval: the company's new link to its voucher page (the confirmation link no longer opens it).</summary>
    public Task StageApprovalAsync(Voucher voucher, VoucherScheme scheme, string companyToken, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(voucher);
        ArgumentNullException.ThrowIfNull(scheme);
        var last = Formats.Date(voucher.LastDayOfUse!.Value);
        var (ownNl, ownEn) = scheme.Kind == VoucherKind.CoFunded
            ? ($" U betaalt zelf minstens € {scheme.OwnShare.ToDisplayString(Formats.Dutch)} en laadt het bewijs daarvan mee op.", $" You pay at least € {scheme.OwnShare.ToDisplayString(Formats.English)} yourself and upload the proof of it too.")
            : ("", "");
        return ToCompanyAsync(
            voucher,
            "voucher-approved",
            NotificationKind.VoucherApproved,
            new($"Uw kennismakingscheque is goedgekeurd ({scheme.Name})", $"Your introduction voucher is approved ({scheme.Name})"),
            new(
                $"De regisseur keurde de kennismakingscheque van {voucher.CompanyName} goed: € {voucher.Amount.ToDisplayString(Formats.Dutch)} voor \"{voucher.Service}\". U kunt de dienst nu afnemen; gebruik de cheque uiterlijk op {last}.{ownNl} Nadat de aanbieder de levering bevestigt, laadt u via de link hieronder de factuur op (PDF). Bewaar deze mail: de link in de bevestigingsmail werkt niet meer.",
                $"The regisseur approved the introduction voucher of {voucher.CompanyName}: € {voucher.Amount.ToDisplayString(Formats.English)} for \"{voucher.Service}\". You can now buy the service; use the voucher by {last} at the latest.{ownEn} Once the provider confirms delivery, upload the invoice (PDF) through the link below. Keep this mail: the link in the confirmation mail no longer works."),
            CompanyLink(companyToken),
            ct);
    }

    /// <summary>
    /// On approval: the provider's link to confirm delivery, to the actor's e-mail. False when the actor has no e-mail:
    /// the regisseur passes the link on (<see cref="VoucherDecision.ProviderLink"/>).
    /// </summary>
    public async Task<bool> StageDeliveryRequestAsync(Voucher voucher, VoucherScheme scheme, string providerToken, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(voucher);
        ArgumentNullException.ThrowIfNull(scheme);
        var provider = await db.Actors.AsNoTracking().Where(a => a.Id == voucher.ProviderActorId).Select(a => new { a.Name, a.Email }).FirstAsync(ct);
        var email = provider.Email?.Trim();
        if (email is null || !email.Contains('@', StringComparison.Ordinal))
        {
            return false;
        }

        var last = Formats.Date(voucher.LastDayOfUse!.Value);
        await notifications.StageAsync(
            new NotificationDraft(
                Key("voucher-delivery", voucher),
                NotificationKind.VoucherDelivery,
                scheme.PartnershipId,
                null,
                new($"Kennismakingscheque voor {voucher.CompanyName}: bevestig de levering", $"Introduction voucher for {voucher.CompanyName}: confirm delivery"),
                new(
                    $"{voucher.CompanyName} (ondernemingsnummer {KboNumber.Parse(voucher.CompanyKbo).ToDisplayString()}) kreeg een kennismakingscheque van \"{scheme.Name}\" voor een dienst van {provider.Name}: \"{voucher.Service}\". Wanneer u de dienst geleverd hebt, bevestigt u dat via de link hieronder (geen account nodig), uiterlijk op {last}. Daarna laadt het bedrijf uw factuur op.",
                    $"{voucher.CompanyName} (enterprise number {KboNumber.Parse(voucher.CompanyKbo).ToDisplayString()}) received an introduction voucher of \"{scheme.Name}\" for a service of {provider.Name}: \"{voucher.Service}\". Once you delivered the service, confirm it through the link below (no account needed), by {last} at the latest. The company then uploads your invoice."),
                ProviderLink(providerToken)),
            [new Recipient(null, email)],
            ct);
        return true;
    }

    /// <summary>On refusal: the reason, to the company.</summary>
    public Task StageRefusalAsync(Voucher voucher, VoucherScheme scheme, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(voucher);
        ArgumentNullException.ThrowIfNull(scheme);
        return ToCompanyAsync(
            voucher,
            "voucher-refused",
            NotificationKind.VoucherRefused,
            new($"Uw aanvraag voor een kennismakingscheque is geweigerd ({scheme.Name})", $"Your application for an introduction voucher is refused ({scheme.Name})"),
            new(
                $"De regisseur weigerde de aanvraag van {voucher.CompanyName} voor \"{voucher.Service}\". Reden: {voucher.DecisionReason}",
                $"The regisseur refused the application of {voucher.CompanyName} for \"{voucher.Service}\". Reason: {voucher.DecisionReason}"),
            null,
            ct);
    }

    /// <summary>On the provider's confirmation: the company can upload its invoice (through the link of the approval mail).</summary>
    public Task StageDeliveredAsync(Voucher voucher, VoucherScheme scheme, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(voucher);
        ArgumentNullException.ThrowIfNull(scheme);
        var last = Formats.Date(voucher.LastDayOfUse!.Value);
        return ToCompanyAsync(
            voucher,
            "voucher-delivered",
            NotificationKind.VoucherDelivered,
            new($"De aanbieder bevestigde de levering ({scheme.Name})", $"The provider confirmed delivery ({scheme.Name})"),
            new(
                $"De aanbieder bevestigde dat hij \"{voucher.Service}\" leverde aan {voucher.CompanyName}. Laad de factuur op via de link in de mail over de goedkeuring, uiterlijk op {last}.",
                $"The provider confirmed it delivered \"{voucher.Service}\" to {voucher.CompanyName}. Upload the invoice through the link in the approval mail, by {last} at the latest."),
            null,
            ct);
    }

    /// <summary>On payment: a notice to the company, with date and reference.</summary>
    public Task StagePaymentAsync(Voucher voucher, VoucherScheme scheme, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(voucher);
        ArgumentNullException.ThrowIfNull(scheme);
        var on = Formats.Date(voucher.PaidOn!.Value);
        return ToCompanyAsync(
            voucher,
            "voucher-paid",
            NotificationKind.VoucherPaid,
            new($"Uw kennismakingscheque is uitbetaald ({scheme.Name})", $"Your introduction voucher is paid out ({scheme.Name})"),
            new(
                $"De kennismakingscheque van {voucher.CompanyName} is op {on} uitbetaald: € {voucher.Amount.ToDisplayString(Formats.Dutch)}, referentie {voucher.PaymentReference}.",
                $"The introduction voucher of {voucher.CompanyName} was paid out on {on}: € {voucher.Amount.ToDisplayString(Formats.English)}, reference {voucher.PaymentReference}."),
            null,
            ct);
    }

    private async Task ToCompanyAsync(Voucher voucher, string what, NotificationKind kind, Bilingual subject, Bilingual text, string? link, CancellationToken ct)
    {
        // A contact erased after the scheme closed (docs/privacy.md) has no address left: nothing to mail.
        if (voucher.ContactEmail is not { Length: > 0 } email)
        {
            return;
        }

        await notifications.StageAsync(new NotificationDraft(Key(what, voucher), kind, voucher.PartnershipId, null, subject, text, link), [new Recipient(null, email)], ct);
    }

    private static string Key(string what, Voucher voucher) => string.Create(CultureInfo.InvariantCulture, $"{what}:{voucher.Id}");
}
