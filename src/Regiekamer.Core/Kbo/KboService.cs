using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;

namespace Regiekamer.Core.Kbo;

public sealed record KboLabelled(string Code, string? Label);

public sealed record KboNace(int Version, string Code, string? Label);

public sealed record KboOffice(string? Street, string? HouseNumber, string? Box, string? Zipcode, string? Municipality, string? Country);

/// <summary>What the extract in force says of one enterprise, with that extract's snapshot date.</summary>
public sealed record KboEnterpriseInfo(
    KboNumber Number,
    bool Active,
    bool NaturalPerson,
    string? Name,
    KboLabelled? JuridicalForm,
    KboOffice? RegisteredOffice,
    IReadOnlyList<KboNace> Nace,
    DateOnly SnapshotDate);

/// <summary>How an actor's enterprise number stands in KBO, for flagging it.</summary>
public enum KboStanding
{
    /// <summary>No extract is loaded: nothing can be said.</summary>
    NoExtract,

    /// <summary>Not in the extract in force.</summary>
    Unknown,

    /// <summary>In the extract, but not active (status other than AC).</summary>
    Stopped,

    /// <summary>Active, but a natural person (sole trader), not a legal person.</summary>
    NaturalPerson,

    Active,
}

/// <summary>A number's standing with its text in Dutch and English and the snapshot date it is based on.</summary>
public sealed record KboStatus(KboStanding Standing, Bilingual Text, DateOnly? SnapshotDate)
{
    /// <summary>Whether an actor with this number should be flagged to the regisseur.</summary>
    public bool Flagged => Standing is KboStanding.Unknown or KboStanding.Stopped or KboStanding.NaturalPerson;

    public static KboStatus Of(KboStanding standing, DateOnly? snapshotDate)
    {
        var date = snapshotDate is { } d ? Formats.Date(d) : "";
        return new(standing, standing switch
        {
            KboStanding.NoExtract => new("Geen KBO-gegevens geladen.", "No KBO data loaded."),
            KboStanding.Unknown => new($"Onbekend in KBO (uittreksel van {date}).", $"Unknown in KBO (extract of {date})."),
            KboStanding.Stopped => new($"Stopgezet volgens KBO (uittreksel van {date}).", $"Stopped according to KBO (extract of {date})."),
            KboStanding.NaturalPerson => new($"Natuurlijk persoon volgens KBO (uittreksel van {date}).", $"Natural person according to KBO (extract of {date})."),
            _ => new($"Actief in KBO (uittreksel van {date}).", $"Active in KBO (extract of {date})."),
        }, snapshotDate);
    }
}

/// <summary>Looks enterprises up in the KBO extract in force (read only; the import is <see cref="KboImportService"/>).</summary>
public sealed class KboService(RegiekamerDb db)
{
    public static DomainError NotFound(KboNumber number) => DomainError.NotFound(
        $"Ondernemingsnummer {number.ToDisplayString()} staat niet in het KBO-uittreksel dat van kracht is.",
        $"Enterprise number {number.ToDisplayString()} is not in the KBO extract in force.");

    public static DomainError NoExtract => DomainError.NotFound(
        "Er is nog geen KBO-uittreksel geladen.",
        "No KBO extract has been loaded yet.");

    /// <summary>A text that is not an enterprise number, refused naming the checksum rule.</summary>
    public static DomainError Invalid(string text) => DomainError.Invalid(
        "kbo-number",
        $"'{KboCsvFile.Truncate(text)}' is geen geldig ondernemingsnummer: tien cijfers (0 of 1 eerst), de laatste twee = 97 − (de eerste acht mod 97).",
        $"'{KboCsvFile.Truncate(text)}' is not a valid enterprise number: ten digits (0 or 1 first), the last two = 97 − (the first eight mod 97).",
        "number");

    /// <summary>The extract in force, or null.</summary>
    public Task<KboSnapshot?> InForceAsync(CancellationToken ct = default) =>
        db.KboSnapshots.AsNoTracking().Where(s => s.Status == KboSnapshotStatus.InForce).OrderByDescending(s => s.Id).FirstOrDefaultAsync(ct);

    /// <summary>The latest imports, newest first (the admin page).</summary>
    public async Task<IReadOnlyList<KboSnapshot>> HistoryAsync(int take = 10, CancellationToken ct = default) =>
        await db.KboSnapshots.AsNoTracking().OrderByDescending(s => s.Id).Take(take).ToListAsync(ct);

    public async Task<Result<KboEnterpriseInfo>> FindAsync(KboNumber number, CancellationToken ct = default)
    {
        var snapshot = await InForceAsync(ct);
        if (snapshot is null)
        {
            return Result<KboEnterpriseInfo>.Fail(NoExtract);
        }

        var id = snapshot.Id;
        var digits = number.Value;
        var enterprise = await db.KboEnterprises.AsNoTracking().SingleOrDefaultAsync(e => e.SnapshotId == id && e.Number == digits, ct);
        if (enterprise is null)
        {
            return Result<KboEnterpriseInfo>.Fail(NotFound(number));
        }

        var names = await db.KboDenominations.AsNoTracking().Where(d => d.SnapshotId == id && d.Number == digits).ToListAsync(ct);
        var name = names.OrderBy(n => n.Language == "2" ? 0 : 1).ThenBy(n => n.Language, StringComparer.Ordinal).Select(n => n.Name).FirstOrDefault();
        var office = await db.KboAddresses.AsNoTracking().Where(a => a.SnapshotId == id && a.Number == digits).FirstOrDefaultAsync(ct);
        var activities = await db.KboActivities.AsNoTracking().Where(a => a.SnapshotId == id && a.Number == digits).ToListAsync(ct);
        var codes = activities.Select(a => a.NaceCode).Append(enterprise.JuridicalFormCode ?? "").Distinct().ToList();
        var labels = await db.KboCodes.AsNoTracking().Where(c => c.SnapshotId == id && codes.Contains(c.Code)).ToListAsync(ct);
        string? Label(string category, string code) => labels.FirstOrDefault(l => l.Category == category && l.Code == code)?.Description;

        return Result<KboEnterpriseInfo>.Ok(new KboEnterpriseInfo(
            number,
            enterprise.Active,
            enterprise.NaturalPerson,
            name,
            enterprise.JuridicalFormCode is { } form ? new KboLabelled(form, Label("JuridicalForm", form)) : null,
            office is null ? null : new KboOffice(office.Street, office.HouseNumber, office.Box, office.Zipcode, office.Municipality, office.Country),
            activities.OrderByDescending(a => a.NaceVersion).ThenBy(a => a.NaceCode, StringComparer.Ordinal)
                .Select(a => new KboNace(a.NaceVersion, a.NaceCode, Label($"Nace{a.NaceVersion}", a.NaceCode))).ToList(),
            snapshot.SnapshotDate ?? default));
    }

    /// <summary>How a number stands (for the actor inventory's flags): no extract, unknown, stopped, natural person or active.</summary>
    public async Task<KboStatus> StatusAsync(KboNumber number, CancellationToken ct = default)
    {
        var snapshot = await InForceAsync(ct);
        if (snapshot is null)
        {
            return KboStatus.Of(KboStanding.NoExtract, null);
        }

        var id = snapshot.Id;
        var digits = number.Value;
        var enterprise = await db.KboEnterprises.AsNoTracking().Where(e => e.SnapshotId == id && e.Number == digits).Select(e => new { e.Active, e.NaturalPerson }).SingleOrDefaultAsync(ct);
        var standing = enterprise is null ? KboStanding.Unknown
            : !enterprise.Active ? KboStanding.Stopped
            : enterprise.NaturalPerson ? KboStanding.NaturalPerson
            : KboStanding.Active;
        return KboStatus.Of(standing, snapshot.SnapshotDate);
    }
}
