using Regiekamer.Core.Common;

namespace Regiekamer.Core.Actors;

/// <summary>
/// A social-economy actor in a partnership's area (omgevingsanalyse, priority WSE-LR1): kept by the partnership's
/// regisseur, seen by the department. Archived, never deleted: the audit trail and the catalogue keep pointing at it.
/// Its parts (recognitions, contacts, ties to local governments, target groups, municipalities served) change only
/// through its own methods, each of which moves <see cref="UpdatedAtUtc"/> so that the save bumps <see cref="Version"/>.
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

    /// <summary>What it does: its activities and services in its own words (the catalogue's structured services are kept apart).</summary>
    public string? Activities { get; private set; }

    /// <summary>Why it does it: its vision and aims (seed 001, questionnaire 1.3.1).</summary>
    public string? Vision { get; private set; }

    public bool IsDemo { get; private set; }

    public DateTime? ArchivedAtUtc { get; private set; }

    public bool IsArchived => ArchivedAtUtc is not null;

    public int Version { get; set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public List<ActorTargetGroup> TargetGroups { get; private set; } = [];

    /// <summary>The municipalities (2025 set) it works for.</summary>
    public List<ActorServedMunicipality> ServedMunicipalities { get; private set; } = [];

    public List<ActorRecognition> Recognitions { get; private set; } = [];

    public List<ActorContact> Contacts { get; private set; } = [];

    public List<ActorTie> Ties { get; private set; } = [];

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

    /// <summary>Creates an actor with everything a form or the API gives (already validated by <see cref="ActorRules.Validate"/>).</summary>
    public static Actor Create(int partnershipId, ValidActor valid, DateTime now, bool isDemo = false)
    {
        ArgumentNullException.ThrowIfNull(valid);
        var actor = Create(partnershipId, valid.Name, valid.Kbo, valid.KindCode, now, isDemo);
        actor.Apply(valid, now);
        return actor;
    }

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

    /// <summary>Everything of the main form at once: identity, address, contact details, activities, vision, target groups, municipalities served.</summary>
    public void Apply(ValidActor valid, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(valid);
        Rename(valid.Name, valid.Kbo, valid.KindCode, now);
        MoveTo(valid.Street, valid.HouseNumber, valid.Zipcode, valid.Municipality, now);
        SetContact(valid.Website, valid.Email, valid.Phone, now);
        Activities = valid.Activities;
        Vision = valid.Vision;
        TargetGroups.RemoveAll(t => !valid.TargetGroups.Contains(t.Code));
        foreach (var code in valid.TargetGroups.Where(c => TargetGroups.All(t => t.Code != c)))
        {
            TargetGroups.Add(new ActorTargetGroup { Code = code });
        }

        ServedMunicipalities.RemoveAll(m => !valid.ServedMunicipalities.Contains(m.NisCode));
        foreach (var nis in valid.ServedMunicipalities.Where(n => ServedMunicipalities.All(m => m.NisCode != n)))
        {
            ServedMunicipalities.Add(new ActorServedMunicipality { NisCode = nis });
        }
    }

    public ActorRecognition AddRecognition(ValidRecognition valid, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(valid);
        var recognition = new ActorRecognition { What = valid.What, GrantedBy = valid.GrantedBy, ValidFrom = valid.ValidFrom, ValidUntil = valid.ValidUntil };
        Recognitions.Add(recognition);
        UpdatedAtUtc = now;
        return recognition;
    }

    public ActorContact AddContact(ValidContact valid, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(valid);
        var contact = new ActorContact { Name = valid.Name, Role = valid.Role, Email = valid.Email, Phone = valid.Phone, PublicationConsent = valid.PublicationConsent };
        Contacts.Add(contact);
        UpdatedAtUtc = now;
        return contact;
    }

    public ActorTie AddTie(ValidTie valid, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(valid);
        var tie = new ActorTie { MunicipalityNisCode = valid.Municipality, Kind = valid.Kind, Note = valid.Note };
        Ties.Add(tie);
        UpdatedAtUtc = now;
        return tie;
    }

    /// <summary>Removes a recognition, contact or tie by its id; false when it is not this actor's.</summary>
    public bool RemoveRecognition(int id, DateTime now) => Remove(Recognitions, r => r.Id == id, now);

    public bool RemoveContact(int id, DateTime now) => Remove(Contacts, c => c.Id == id, now);

    public bool RemoveTie(int id, DateTime now) => Remove(Ties, t => t.Id == id, now);

    /// <summary>Marks a change that lives in another table (a link): the save still bumps the version.</summary>
    public void Touch(DateTime now) => UpdatedAtUtc = now;

    private bool Remove<T>(List<T> list, Predicate<T> match, DateTime now)
    {
        if (list.RemoveAll(match) == 0)
        {
            return false;
        }

        UpdatedAtUtc = now;
        return true;
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
