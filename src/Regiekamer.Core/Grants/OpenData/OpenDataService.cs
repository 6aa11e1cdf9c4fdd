using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Grants.OpenData;

/// <summary>A published decree as the public sees it: with its call, the number of the decree it amends, and the published decree that amends it in turn (then it is no longer in force).</summary>
public sealed record PublishedDecree(Decree Decree, string CallCode, string CallTitle, string? AmendsNumber, string? AmendedByNumber)
{
    /// <summary>The lines by beneficiary, as the decree lists them.</summary>
    public IReadOnlyList<DecreeLine> Lines { get; } = Decree.Lines
        .OrderBy(l => l.BeneficiaryName, StringComparer.Create(Formats.Dutch, CompareOptions.IgnoreCase))
        .ThenBy(l => l.PartnershipName, StringComparer.Ordinal)
        .ThenBy(l => l.Id)
        .ToList();
}

/// <summary>A decree whose lines are current grants: published, and in force (no signed or published decree amends it).</summary>
public sealed record CurrentDecree(int Id, int CallId, int Year, string Number, DateOnly DecreeDate, string? AmendsNumber, MunicipalitySet MunicipalitySet);

/// <summary>
/// The public side of the decrees (issue 9, point 7): the published decrees with their lines for the transparency page
/// and the API, and the grants in force as 360Giving records. Drafts and signed decrees that are not published never
/// leave here; nor does a line of a published decree that a signed or published amendment replaced, in the grants.
/// </summary>
public sealed class OpenDataService(RegiekamerDb db)
{
    /// <summary>The standard needs at least one grant: with nothing published and in force there is no package.</summary>
    public static DomainError NothingPublished { get; } = new(
        "nothing-published",
        new Bilingual(
            "Er is nog geen gepubliceerd ministerieel besluit van kracht: er zijn geen toegekende subsidies om als 360Giving te publiceren (de standaard vraagt minstens één subsidie).",
            "No published ministerial decree is in force yet: there are no granted subsidies to publish as 360Giving (the standard needs at least one grant)."),
        null,
        ErrorKind.NotFound);

    public static DomainError NotPublished(int id) =>
        DomainError.NotFound($"Gepubliceerd besluit {id} bestaat niet.", $"Published decree {id} does not exist.");

    /// <summary>"Lokale regierol sociale economie en werk 2023 – Scheldeland".</summary>
    public static string GrantTitle(int year, string partnershipName) =>
        string.Create(CultureInfo.InvariantCulture, $"Lokale regierol sociale economie en werk {year} – {partnershipName}");

    /// <summary>Every published decree with its lines, by call, year, date and number.</summary>
    public async Task<IReadOnlyList<PublishedDecree>> PublishedAsync(CancellationToken ct = default)
    {
        var decrees = await db.Decrees.AsNoTracking().Where(d => d.Status == DecreeStatus.Published).ToListAsync(ct);
        return await DescribeAsync(decrees, ct);
    }

    /// <summary>One published decree, or null when it does not exist or is not published.</summary>
    public async Task<PublishedDecree?> GetPublishedAsync(int id, CancellationToken ct = default)
    {
        var decree = await db.Decrees.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.Status == DecreeStatus.Published, ct);
        return decree is null ? null : (await DescribeAsync([decree], ct)).Single();
    }

    /// <summary>
    /// The decrees whose lines are the current grants: per call and year the decree in force (<see cref="GrantRules.InForce"/>:
    /// the signed one no signed decree amends), when it is published. A year whose amendment is signed but not yet
    /// published has none: the published decree no longer holds, and its replacement is not public yet.
    /// </summary>
    public async Task<IReadOnlyList<CurrentDecree>> CurrentDecreesAsync(CancellationToken ct = default)
    {
        var headers = await db.Decrees.AsNoTracking()
            .Select(d => new { d.Id, d.CallId, d.Year, d.Status, d.AmendsDecreeId, d.Number, d.DecreeDate })
            .ToListAsync(ct);
        var numbers = headers.ToDictionary(d => d.Id, d => d.Number);
        var sets = await db.Calls.AsNoTracking().Select(c => new { c.Id, c.MunicipalitySet }).ToDictionaryAsync(c => c.Id, c => c.MunicipalitySet, ct);
        return headers.GroupBy(d => d.CallId)
            .OrderBy(g => g.Key)
            .SelectMany(call => GrantRules.InForce(call.ToList(), d => (d.Id, d.Year, d.Status, d.AmendsDecreeId)))
            .Where(d => d.Status == DecreeStatus.Published)
            .Select(d => new CurrentDecree(d.Id, d.CallId, d.Year, d.Number, d.DecreeDate, d.AmendsDecreeId is { } a ? numbers.GetValueOrDefault(a) : null, sets[d.CallId]))
            .ToList();
    }

    /// <summary>
    /// The lines of <paramref name="decrees"/> as 360Giving records, read from the database as they are written (one
    /// decree at a time, in the given order), with the member municipalities' names from each call's municipality set.
    /// </summary>
    public async IAsyncEnumerable<GrantRecord> GrantsAsync(IReadOnlyList<CurrentDecree> decrees, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(decrees);
        var wanted = decrees.Select(d => d.MunicipalitySet).Distinct().ToList();
        var names = (await db.Municipalities.AsNoTracking().Where(m => wanted.Contains(m.Set)).Select(m => new { m.Set, m.NisCode, m.Name }).ToListAsync(ct))
            .ToDictionary(m => (m.Set, m.NisCode.Value), m => m.Name);
        foreach (var decree in decrees)
        {
            var lines = db.DecreeLines.AsNoTracking().Where(l => l.DecreeId == decree.Id).OrderBy(l => l.Id).AsAsyncEnumerable();
            await foreach (var line in lines.WithCancellation(ct))
            {
                yield return Grant(decree, line, nis => names.GetValueOrDefault((decree.MunicipalitySet, nis)));
            }
        }
    }

    /// <summary>One decree line as a 360Giving grant: its key is the decree's number and the line's id, which never change once published.</summary>
    public static GrantRecord Grant(CurrentDecree decree, DecreeLine line, Func<string, string?> municipalityName)
    {
        ArgumentNullException.ThrowIfNull(decree);
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(municipalityName);
        var date = Formats.Date(decree.DecreeDate);
        var kind = GrantRules.Label(line.BeneficiaryKind).Nl;
        var description = string.Create(
            CultureInfo.InvariantCulture,
            $"Subsidie voor de lokale regierol sociale economie en werk in {decree.Year} aan {line.BeneficiaryName} ({kind}) voor het lokale regieverband {line.PartnershipName}, toegekend bij ministerieel besluit {decree.Number} van {date}.")
            + (decree.AmendsNumber is { } amends ? $" Dit besluit wijzigt besluit {amends}." : "");
        var locations = Members(line.Members)
            .Select(nis => new GrantLocation(nis, municipalityName(nis) ?? nis))
            .ToList();
        return new GrantRecord(
            string.Create(CultureInfo.InvariantCulture, $"{decree.Number}-{line.Id}"),
            GrantTitle(decree.Year, line.PartnershipName),
            description,
            line.Amount,
            decree.DecreeDate,
            decree.Year,
            line.BeneficiaryName,
            string.IsNullOrWhiteSpace(line.BeneficiaryKbo) ? null : line.BeneficiaryKbo,
            locations);
    }

    /// <summary>The NIS codes of a line's ';'-separated members, once each, in their order.</summary>
    public static IReadOnlyList<string> Members(string members) =>
        (members ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();

    private async Task<IReadOnlyList<PublishedDecree>> DescribeAsync(List<Decree> decrees, CancellationToken ct)
    {
        if (decrees.Count == 0)
        {
            return [];
        }

        var callIds = decrees.Select(d => d.CallId).Distinct().ToList();
        var calls = await db.Calls.AsNoTracking().Where(c => callIds.Contains(c.Id)).Select(c => new { c.Id, c.Code, c.Title }).ToDictionaryAsync(c => c.Id, ct);
        var amendedIds = decrees.Where(d => d.AmendsDecreeId is not null).Select(d => d.AmendsDecreeId!.Value).Distinct().ToList();
        var amended = await db.Decrees.AsNoTracking().Where(d => amendedIds.Contains(d.Id)).Select(d => new { d.Id, d.Number }).ToDictionaryAsync(d => d.Id, d => d.Number, ct);

        // Only a published amendment is public: a signed one that is not published yet is not named.
        var ids = decrees.Select(d => d.Id).ToList();
        var amendedBy = (await db.Decrees.AsNoTracking()
                .Where(d => d.Status == DecreeStatus.Published && d.AmendsDecreeId != null && ids.Contains(d.AmendsDecreeId.Value))
                .Select(d => new { Amends = d.AmendsDecreeId!.Value, d.Number })
                .ToListAsync(ct))
            .GroupBy(d => d.Amends)
            .ToDictionary(g => g.Key, g => g.First().Number);

        return decrees
            .OrderBy(d => calls[d.CallId].Code, StringComparer.Ordinal)
            .ThenBy(d => d.Year)
            .ThenBy(d => d.DecreeDate)
            .ThenBy(d => d.Id)
            .Select(d => new PublishedDecree(
                d,
                calls[d.CallId].Code,
                calls[d.CallId].Title,
                d.AmendsDecreeId is { } a ? amended.GetValueOrDefault(a) : null,
                amendedBy.GetValueOrDefault(d.Id)))
            .ToList();
    }
}
