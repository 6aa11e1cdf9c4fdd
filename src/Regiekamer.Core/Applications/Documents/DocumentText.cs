using System.Globalization;
using Regiekamer.Core.Common;
using Regiekamer.Core.Partnerships;

namespace Regiekamer.Core.Applications.Documents;

/// <summary>How the dossier's documents write what they show: Brussels times, dates, hashes, KBO numbers, IBANs, amounts.</summary>
public static class DocumentText
{
    /// <summary>The department that runs the call (seed 003, §8.2).</summary>
    public const string Department = "Departement Werk en Sociale Economie";

    /// <summary>The scheme's name, as the call's manual writes it.</summary>
    public const string Scheme = "lokale regierol sociale economie en werk";

    /// <summary>What a document shows for a field of the information form that was left empty.</summary>
    public const string NotFilledIn = "niet ingevuld";

    /// <summary>"15/01/2023 om 14:05": a stored UTC instant in Brussels time.</summary>
    public static string Moment(DateTime utc) =>
        BrusselsClock.InBrussels(utc).ToString("dd/MM/yyyy 'om' HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The Brussels date of a stored UTC instant.</summary>
    public static DateOnly BrusselsDate(DateTime utc) => DateOnly.FromDateTime(BrusselsClock.InBrussels(utc).DateTime);

    /// <summary>"2023-01-15" (as the content stores dates) → "15/01/2023"; anything else as it is.</summary>
    public static string Date(string? isoDate) =>
        DateOnly.TryParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? Formats.Date(date) : isoDate ?? "";

    /// <summary>A SHA-256 in hex as eight groups of eight, so it can be read aloud and compared: "3f2a9c0d 5e7b41a8 …".</summary>
    public static string Hash(string sha256)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        return string.Join(' ', sha256.Chunk(8).Select(c => new string(c)));
    }

    /// <summary>"0316.381.039" for a valid KBO number, else what was stored; "niet ingevuld" when empty.</summary>
    public static string Kbo(string? value) =>
        string.IsNullOrWhiteSpace(value) ? NotFilledIn : KboNumber.TryParse(value, out var kbo) ? kbo.ToDisplayString() : value;

    /// <summary>"BE68 5390 0754 7034" for a valid IBAN, else what was stored; "niet ingevuld" when empty.</summary>
    public static string Iban(string? value) =>
        string.IsNullOrWhiteSpace(value) ? NotFilledIn : Common.Iban.TryParse(value, out var iban) ? iban.ToDisplayString() : value;

    public static string YesNo(bool? value) => value switch
    {
        true => "ja",
        false => "nee",
        null => NotFilledIn,
    };

    /// <summary>"35.000,00".</summary>
    public static string Amount(Money amount) => amount.ToDisplayString(Formats.Dutch);

    public static string Count(long value) => Formats.Count(value, Formats.Dutch);

    /// <summary>"Interlokale vereniging" for the stored kind code; the code itself when unknown.</summary>
    public static string Kind(string code) => PartnershipCodes.TryParseKind(code, out var kind) ? kind.Label().Nl : code;

    /// <summary>"Bestaand, gewijzigd" for the stored status code; the code itself when unknown.</summary>
    public static string Status(string code) => PartnershipCodes.TryParseStatus(code, out var status) ? status.Label().Nl : code;

    /// <summary>"Zele (NIS-code 46029)".</summary>
    public static string Member(ContentMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.Name == member.NisCode ? $"NIS-code {member.NisCode}" : $"{member.Name} (NIS-code {member.NisCode})";
    }

    /// <summary>The managing municipality by name when it is a member, else by its NIS code; null when there is none.</summary>
    public static ContentMember? Managing(ContentPartnership partnership)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        if (string.IsNullOrWhiteSpace(partnership.ManagingMunicipality))
        {
            return null;
        }

        return partnership.Members.FirstOrDefault(m => m.NisCode == partnership.ManagingMunicipality)
            ?? new ContentMember(partnership.ManagingMunicipality, partnership.ManagingMunicipality);
    }

    /// <summary>"2023-2025" or "2023" for a period of years.</summary>
    public static string Period(int firstYear, int lastYear) => firstYear == lastYear
        ? firstYear.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{firstYear}-{lastYear}");

    /// <summary>The footer of every page of a version's documents: "RK-2023-0007 · versie 2 · SHA-256 3f2a…".</summary>
    public static string Footer(string dossierNumber, int version, string sha256) =>
        string.Create(CultureInfo.InvariantCulture, $"{dossierNumber} · versie {version} · SHA-256 {sha256}");

    /// <summary>A text someone wrote, as paragraphs: one per non-empty line.</summary>
    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>What the hash of a version covers and what it does not (the receipt and the bundle's LEESMIJ say the same).</summary>
    public static IReadOnlyList<string> HashCovers { get; } =
    [
        "De vingerafdruk (SHA-256) is berekend over de volledige inhoud van deze versie zoals Regiekamer ze bewaart "
            + "(inhoud.json: JSON in UTF-8). Die inhoud bevat het dossiernummer en het versienummer, de oproep en de oproepversie, "
            + "het regieverband met zijn rechtsvorm, status, leden, beherende gemeente en motivering, het inlichtingenformulier "
            + "(BBC, KBO-nummer, rekeningnummer, wijk-werken), de ontvangen verbintenisverklaringen met de datum van het "
            + "gemeenteraadsbesluit, de bestandsnaam en de SHA-256 van elk bestand, het volledige meerjarenplan en de "
            + "referentiegegevens waartegen de aanvraag werd gecontroleerd.",
        "Niet in de vingerafdruk: het tijdstip van indiening en de contactgegevens van de regisseur en de ondertekenaar "
            + "(persoonsgegevens, apart bewaard).",
    ];
}
