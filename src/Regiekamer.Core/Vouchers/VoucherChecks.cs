using System.Security.Cryptography;
using System.Text;
using Regiekamer.Core.Common;
using Regiekamer.Core.Kbo;

namespace Regiekamer.Core.Vouchers;

/// <summary>Refused: the voucher cannot be approved. Flagged: the regisseur looks before deciding.</summary>
public enum VoucherCheckOutcome
{
    Refused,
    Flagged,
}

/// <summary>One finding of the controls, with its rule (KC3…KC9), outcome and reason in Dutch and English.</summary>
public sealed record VoucherFinding(string Rule, VoucherCheckOutcome Outcome, Bilingual Reason)
{
    internal static VoucherFinding Refuse(string rule, string nl, string en) => new(rule, VoucherCheckOutcome.Refused, new Bilingual(nl, en));

    internal static VoucherFinding Flag(string rule, string nl, string en) => new(rule, VoucherCheckOutcome.Flagged, new Bilingual(nl, en));
}

/// <summary>A party as far as the data knows it: enterprise number, registered address, e-mail, phone.</summary>
public sealed record VoucherParty(string KboNumber, string? Address, string? Email, string? Phone);

/// <summary>An earlier voucher that matters to a new application: the company, the scheme, its period, partnership, provider, contact, IP and status.</summary>
public sealed record EarlierVoucher(int SchemeId, int PartnershipId, DateOnly From, DateOnly Until, string CompanyKbo, int ProviderActorId, string? Email, string? IpAddress, VoucherStatus Status);

/// <summary>
/// Everything the controls need for one application (KC3–KC5, KC8, KC9): the scheme, the company and the provider as
/// the data knows them, the actors of the inventory, what the company declared, and the vouchers before it.
/// </summary>
public sealed record VoucherApplicationFacts(
    int SchemeId,
    int PartnershipId,
    DateOnly From,
    DateOnly Until,
    IReadOnlySet<int> EligibleProviders,
    IReadOnlySet<int> NeighbourPartnerships,
    DateOnly AppliedOn,
    DateOnly? PurchasedOn,
    VoucherParty Company,
    KboStanding CompanyInKbo,
    int ProviderActorId,
    VoucherParty Provider,
    IReadOnlySet<string> ActorKboNumbers,
    bool DeclaredNotRelated,
    string? IpAddress,
    IReadOnlyList<EarlierVoucher> Earlier);

/// <summary>The controls after the KMO-portefeuille's, as far as the data allows: refusals and risk flags with their reason.</summary>
public static class VoucherChecks
{
    /// <summary>More than this share of a scheme's vouchers to one provider is flagged (and at least this many).</summary>
    public const int ProviderShareFlagPercent = 25;

    public const int ProviderFlagMinimum = 4;

    /// <summary>An invoice within this many percent above the amount that releases the whole voucher is flagged as "just at the threshold".</summary>
    public const int ThresholdMarginPercent = 2;

    public static IReadOnlyList<VoucherFinding> CheckApplication(VoucherApplicationFacts f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var findings = new List<VoucherFinding>();
        var live = f.Earlier.Where(e => e.Status is not (VoucherStatus.Refused or VoucherStatus.Withdrawn or VoucherStatus.Unconfirmed)).ToList();

        if (f.AppliedOn < f.From || f.AppliedOn > f.Until)
        {
            findings.Add(VoucherFinding.Refuse(VoucherRules.OnePerCompany, "De aanvraag valt buiten de periode van de regeling.", "The application falls outside the scheme's period."));
        }

        if (f.PurchasedOn is { } bought && bought < f.AppliedOn)
        {
            findings.Add(VoucherFinding.Refuse(VoucherRules.OnePerCompany, "De cheque wordt aangevraagd vóór de aankoop, niet erna.", "The voucher is applied for before the purchase, not after it."));
        }

        if (live.Any(e => e.SchemeId == f.SchemeId && e.CompanyKbo == f.Company.KboNumber))
        {
            findings.Add(VoucherFinding.Refuse(VoucherRules.OnePerCompany, "Dit bedrijf (ondernemingsnummer) heeft al een cheque in deze regeling.", "This company (enterprise number) already has a voucher in this scheme."));
        }

        if (!f.EligibleProviders.Contains(f.ProviderActorId))
        {
            findings.Add(VoucherFinding.Refuse(VoucherRules.Provider, "De gekozen aanbieder hoort niet bij de aanbieders van de regeling.", "The chosen provider is not one of the scheme's providers."));
        }

        if (f.ActorKboNumbers.Contains(f.Company.KboNumber))
        {
            findings.Add(VoucherFinding.Refuse(VoucherRules.RegularCompany, "Het bedrijf is zelf een sociale-economieactor: de cheque is voor reguliere bedrijven.", "The company is a social-economy actor itself: the voucher is for regular companies."));
        }

        if (f.Company.KboNumber == f.Provider.KboNumber)
        {
            findings.Add(VoucherFinding.Refuse(VoucherRules.RegularCompany, "Het bedrijf is de aanbieder zelf.", "The company is the provider itself."));
        }
        else
        {
            if (Same(f.Company.Address, f.Provider.Address))
            {
                findings.Add(VoucherFinding.Refuse(VoucherRules.RegularCompany, "Het bedrijf en de aanbieder hebben dezelfde maatschappelijke zetel: verbonden.", "The company and the provider share their registered address: related."));
            }

            if (Same(f.Company.Email, f.Provider.Email))
            {
                findings.Add(VoucherFinding.Refuse(VoucherRules.RegularCompany, "Het bedrijf en de aanbieder hebben hetzelfde e-mailadres: verbonden.", "The company and the provider share an e-mail address: related."));
            }

            if (Same(Digits(f.Company.Phone), Digits(f.Provider.Phone)))
            {
                findings.Add(VoucherFinding.Refuse(VoucherRules.RegularCompany, "Het bedrijf en de aanbieder hebben hetzelfde telefoonnummer: verbonden.", "The company and the provider share a phone number: related."));
            }
        }

        if (!f.DeclaredNotRelated)
        {
            findings.Add(VoucherFinding.Refuse(VoucherRules.RegularCompany, "Het bedrijf verklaart niet dat het niet verbonden is met de aanbieder.", "The company does not declare that it is not related to the provider."));
        }

        switch (f.CompanyInKbo)
        {
            case KboStanding.Stopped:
                findings.Add(VoucherFinding.Refuse(VoucherRules.RegularCompany, "Het bedrijf is volgens de KBO niet actief.", "According to KBO the company is not active."));
                break;
            case KboStanding.Unknown:
                findings.Add(VoucherFinding.Refuse(VoucherRules.RegularCompany, "Het ondernemingsnummer staat niet in de KBO.", "The enterprise number is not in KBO."));
                break;
            case KboStanding.NoExtract:
                findings.Add(VoucherFinding.Flag(VoucherRules.RegularCompany, "Geen KBO-gegevens geladen: of het bedrijf actief is, werd niet nagegaan.", "No KBO data loaded: whether the company is active was not checked."));
                break;
        }

        if (live.Any(e => f.NeighbourPartnerships.Contains(e.PartnershipId) && e.CompanyKbo == f.Company.KboNumber && e.From <= f.Until && f.From <= e.Until))
        {
            findings.Add(VoucherFinding.Flag(VoucherRules.Neighbour, "Het bedrijf heeft een cheque in de regeling van een naburig regieverband in dezelfde periode.", "The company holds a voucher in a neighbouring partnership's scheme in the same period."));
        }

        var scheme = live.Where(e => e.SchemeId == f.SchemeId).ToList();
        var toProvider = scheme.Count(e => e.ProviderActorId == f.ProviderActorId) + 1;
        if (toProvider >= ProviderFlagMinimum && toProvider * 100 > ProviderShareFlagPercent * (scheme.Count + 1))
        {
            findings.Add(VoucherFinding.Flag(VoucherRules.Control, $"Veel cheques naar één aanbieder: {toProvider} van {scheme.Count + 1}.", $"Many vouchers to one provider: {toProvider} of {scheme.Count + 1}."));
        }

        var sameEmail = f.Company.Email is { Length: > 0 } mail ? live.Where(e => Same(e.Email, mail) && e.CompanyKbo != f.Company.KboNumber).Select(e => e.CompanyKbo).Distinct().Count() : 0;
        if (sameEmail > 0)
        {
            findings.Add(VoucherFinding.Flag(VoucherRules.Control, $"Hetzelfde e-mailadres staat achter {sameEmail + 1} bedrijven.", $"The same e-mail address is behind {sameEmail + 1} companies."));
        }

        var sameIp = f.IpAddress is { Length: > 0 } ip ? live.Where(e => e.IpAddress == ip && e.CompanyKbo != f.Company.KboNumber).Select(e => e.CompanyKbo).Distinct().Count() : 0;
        if (sameIp > 0)
        {
            findings.Add(VoucherFinding.Flag(VoucherRules.Control, $"Hetzelfde IP-adres staat achter {sameIp + 1} bedrijven.", $"The same IP address is behind {sameIp + 1} companies."));
        }

        return findings;
    }

    /// <summary>
    /// The controls on an invoice (KC6, KC9): dated on or after the application, a number and a file not used before, and
    /// a flag when the amount sits just at the threshold that releases the whole voucher.
    /// </summary>
    public static IReadOnlyList<VoucherFinding> CheckInvoice(VoucherTerms terms, DateOnly appliedOn, DateOnly invoiceDate, Money invoiceTotal, bool numberUsedBefore, bool fileUsedBefore)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var findings = new List<VoucherFinding>();
        if (invoiceDate < appliedOn)
        {
            findings.Add(VoucherFinding.Refuse(VoucherRules.Invoice, "De factuur dateert van vóór de aanvraag: de cheque wordt vóór de aankoop aangevraagd.", "The invoice predates the application: the voucher is applied for before the purchase."));
        }

        if (numberUsedBefore)
        {
            findings.Add(VoucherFinding.Refuse(VoucherRules.Invoice, "Dit factuurnummer van deze aanbieder werd al gebruikt.", "This invoice number of this provider was used before."));
        }

        if (fileUsedBefore)
        {
            findings.Add(VoucherFinding.Refuse(VoucherRules.Invoice, "Dit factuurbestand werd al gebruikt.", "This invoice file was used before."));
        }

        var threshold = terms.FullInvoice;
        if (invoiceTotal >= threshold && (invoiceTotal - threshold).Cents * 100 <= threshold.Cents * ThresholdMarginPercent)
        {
            findings.Add(VoucherFinding.Flag(VoucherRules.Control, $"Het factuurbedrag ligt net op de drempel van {threshold.ToInvariantString()} euro.", $"The invoice amount is just at the threshold of EUR {threshold.ToInvariantString()}."));
        }

        return findings;
    }

    private static bool Same(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && !string.IsNullOrWhiteSpace(b) && string.Equals(Normal(a), Normal(b), StringComparison.Ordinal);

    private static string Normal(string text) => string.Join(' ', text.Trim().ToUpperInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string? Digits(string? phone)
    {
        if (phone is null)
        {
            return null;
        }

        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        // +32 9 … and 09 … are the same number.
        return digits.StartsWith("32", StringComparison.Ordinal) ? "0" + digits[2..] : digits;
    }
}

/// <summary>
/// The control sample of paid vouchers (KC9): reproducible from its seed, which is recorded with the draw. Each voucher
/// is ranked by SHA-256 of "seed:id" and the first <c>size</c> are drawn, so the same seed and the same vouchers give the
/// same sample on any machine and .NET version (System.Random promises no such thing across versions).
/// </summary>
public static class ControlSample
{
    public static IReadOnlyList<int> Draw(IEnumerable<int> paidVoucherIds, int size, string seed)
    {
        ArgumentNullException.ThrowIfNull(paidVoucherIds);
        ArgumentException.ThrowIfNullOrEmpty(seed);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        return paidVoucherIds.Distinct()
            .Select(id => (Id: id, Rank: Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}:{id}")))))
            .OrderBy(x => x.Rank, StringComparer.Ordinal)
            .ThenBy(x => x.Id)
            .Take(size)
            .Select(x => x.Id)
            .Order()
            .ToList();
    }
}
