using Regiekamer.Core.Common;

namespace Regiekamer.Core.Actors;

/// <summary>A target group the actor works with (<see cref="ActorCodes.TargetGroups"/>).</summary>
public sealed class ActorTargetGroup
{
    public int ActorId { get; set; }

    public string Code { get; set; } = "";
}

/// <summary>A municipality (2025 set) the actor works for.</summary>
public sealed class ActorServedMunicipality
{
    public int ActorId { get; set; }

    public NisCode NisCode { get; set; }
}

/// <summary>A recognition (erkenning) with its dates: what, by whom (e.g. "Departement WSE"), from, until.</summary>
public sealed class ActorRecognition
{
    public int Id { get; set; }

    public int ActorId { get; set; }

    public string What { get; set; } = "";

    public string GrantedBy { get; set; } = "";

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidUntil { get; set; }
}

/// <summary>
/// A contact person at the actor: personal data (ADR 8). Shown publicly only with <see cref="PublicationConsent"/>;
/// removed, the row is gone and the audit trail keeps only erasable references to its values.
/// </summary>
public sealed class ActorContact
{
    public int Id { get; set; }

    public int ActorId { get; set; }

    public string Name { get; set; } = "";

    public string? Role { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    /// <summary>The person agreed that their details may be published (the catalogue shows them only then).</summary>
    public bool PublicationConsent { get; set; }
}

/// <summary>
/// A tie between the actor and one local government of the partnership, as seed 001's questionnaire (1.2.2) asks it:
/// own actor, client relation, cooperation agreement, a board seat held institutionally or in a personal capacity.
/// </summary>
public sealed class ActorTie
{
    public int Id { get; set; }

    public int ActorId { get; set; }

    /// <summary>A member municipality of the actor's partnership.</summary>
    public NisCode MunicipalityNisCode { get; set; }

    /// <summary>A <see cref="ActorCodes.TieKinds"/> code.</summary>
    public string Kind { get; set; } = "";

    public string? Note { get; set; }
}

/// <summary>Cooperation between two actors of one partnership: who works with whom, on what, since when. Shown on both.</summary>
public sealed class ActorLink
{
    public int Id { get; set; }

    public int FromActorId { get; set; }

    public int ToActorId { get; set; }

    public string About { get; set; } = "";

    public DateOnly? Since { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>The short fixed lists of the inventory, with their Dutch and English labels.</summary>
public static class ActorCodes
{
    /// <summary>Target groups, in the words of the seeds (003: "personen met een afstand tot de arbeidsmarkt", "langdurig werkzoekenden"; 001: "jongeren", "50+").</summary>
    public static readonly IReadOnlyList<(string Code, Bilingual Label)> TargetGroups =
    [
        ("afstand-arbeidsmarkt", new("Personen met een afstand tot de arbeidsmarkt", "Persons with a distance to the labour market")),
        ("arbeidsbeperking", new("Personen met een arbeidsbeperking", "Persons with a disability")),
        ("langdurig-werkzoekenden", new("Langdurig werkzoekenden", "Long-term job seekers")),
        ("leefloners", new("Leefloongerechtigden (OCMW-cliënten)", "Persons on social integration income (OCMW clients)")),
        ("nieuwkomers", new("Nieuwkomers", "Newcomers")),
        ("jongeren", new("Jongeren", "Young people")),
        ("vijftigplussers", new("50-plussers", "People over 50")),
        ("andere", new("Andere", "Other")),
    ];

    /// <summary>Ties to a local government (seed 001, questionnaire 1.2.2, and its "eigen actoren").</summary>
    public static readonly IReadOnlyList<(string Code, Bilingual Label)> TieKinds =
    [
        ("eigen-actor", new("Eigen actor (opgericht of aangestuurd door het bestuur)", "Own actor (founded or steered by the local government)")),
        ("klantrelatie", new("Klantrelatie (het bestuur koopt diensten)", "Client relation (the government buys services)")),
        ("samenwerkingsovereenkomst", new("Samenwerkingsovereenkomst", "Cooperation agreement")),
        ("bestuurszetel-institutioneel", new("Afgevaardigde van gemeente/OCMW in de raad van bestuur", "Board seat held for the municipality/OCMW")),
        ("bestuurszetel-persoonlijk", new("Bestuurder ten persoonlijke titel", "Board seat in a personal capacity")),
    ];

    public static Bilingual? TargetGroupLabel(string code) => TargetGroups.FirstOrDefault(t => t.Code == code).Label;

    public static Bilingual? TieKindLabel(string code) => TieKinds.FirstOrDefault(t => t.Code == code).Label;
}
