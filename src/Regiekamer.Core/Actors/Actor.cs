using Regiekamer.Core.Common;

namespace Regiekamer.Core.Actors;

/// <summary>
/// A social-economy actor in a partnership's area (omgevingsanalyse, priority WSE-LR1): kept by the partnership's
/// regisseur, seen by the department. Archived, never deleted: the audit trail and the catalogue keep pointing at it.
/// </summary>
public sealed class Actor
{
    public int Id { get; private set; }

    /// <summary>The partnership whose regisseur keeps this actor.</summary>
    public int PartnershipId { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>Ten digits, checksum checked (<see cref="Common.KboNumber"/>); none for an actor without its own enterprise number.</summary>
    public string? KboNumber { get; private set; }

    /// <summary>An <see cref="ActorKind"/> code.</summary>
    public string KindCode { get; private set; } = "";

    public string? Street { get; private set; }

    public string? HouseNumber { get; private set; }

    public string? Zipcode { get; private set; }

    /// <summary>The municipality of the address (2025 set): where the actor is on a map.</summary>
    public NisCode? MunicipalityNisCode { get; private set; }

    public string? Website { get; private set; }

    public string? Email { get; private set; }

    public string? Phone { get; private set; }

    public bool IsDemo { get; private set; }

    public DateTime? ArchivedAtUtc { get; private set; }

    public bool IsArchived => ArchivedAtUtc is not null;

    public int Version { get; set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public static Actor Create(int partnershipId, string name, KboNumber? kbo, string kindCode, DateTime now, bool isDemo = false) => new()
    {
        PartnershipId = partnershipId,
        Name = name,
        KboNumber = kbo?.Value,
        KindCode = kindCode,
        IsDemo = isDemo,
        CreatedAtUtc = now,
        UpdatedAtUtc = now,
        Version = 1,
    };

    public void Rename(string name, KboNumber? kbo, string kindCode, DateTime now)
    {
        Name = name;
        KboNumber = kbo?.Value;
        KindCode = kindCode;
        UpdatedAtUtc = now;
    }

    public void MoveTo(string? street, string? houseNumber, string? zipcode, NisCode? municipality, DateTime now)
    {
        Street = street;
        HouseNumber = houseNumber;
        Zipcode = zipcode;
        MunicipalityNisCode = municipality;
        UpdatedAtUtc = now;
    }

    public void SetContact(string? website, string? email, string? phone, DateTime now)
    {
        Website = website;
        Email = email;
        Phone = phone;
        UpdatedAtUtc = now;
    }

    public void Archive(DateTime now)
    {
        ArchivedAtUtc ??= now;
        UpdatedAtUtc = now;
    }

    public void Restore(DateTime now)
    {
        ArchivedAtUtc = null;
        UpdatedAtUtc = now;
    }
}

/// <summary>
/// A kind of social-economy actor (maatwerkbedrijf, LDE initiative, …): a list the department can extend. The built-in
/// kinds are inserted by the migration that creates the table.
/// </summary>
public sealed class ActorKind
{
    public string Code { get; private set; } = "";

    public string NameNl { get; private set; } = "";

    public string NameEn { get; private set; } = "";

    public int SortOrder { get; private set; }

    public bool IsBuiltIn { get; private set; }

    public static ActorKind Add(string code, string nameNl, string nameEn, int sortOrder) =>
        new() { Code = code, NameNl = nameNl, NameEn = nameEn, SortOrder = sortOrder };

    /// <summary>The kinds of issue 10 (seed 001's questionnaire), as the migration inserts them.</summary>
    public static readonly IReadOnlyList<(string Code, string Nl, string En)> BuiltIn =
    [
        ("maatwerkbedrijf", "Maatwerkbedrijf", "Custom-work company"),
        ("lde", "Lokale diensteneconomie (LDE-initiatief)", "Local service economy initiative (LDE)"),
        ("sociale-werkplaats", "Sociale werkplaats", "Social workshop"),
        ("beschutte-werkplaats", "Beschutte werkplaats", "Sheltered workshop"),
        ("kringloopcentrum", "Kringloopcentrum", "Reuse centre"),
        ("invoegbedrijf", "Invoegbedrijf", "Integration company"),
        ("wijk-werken", "Organisator wijk-werken", "Neighbourhood-work organiser"),
        ("arbeidszorg", "Arbeidszorg", "Work-care initiative"),
        ("andere", "Andere", "Other"),
    ];
}
