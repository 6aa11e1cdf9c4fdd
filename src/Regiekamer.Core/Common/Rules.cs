using System.Collections.Frozen;

namespace Regiekamer.Core.Common;

/// <summary>Rule IDs of ../shared/docs/scheme.md, used in findings, errors and ProblemDetails.errorCode.</summary>
public static class Rules
{
    public const string R1 = "R1";
    public const string R2 = "R2";
    public const string R3 = "R3";
    public const string R4 = "R4";
    public const string R5 = "R5";
    public const string R6 = "R6";
    public const string R7 = "R7";
    public const string R8 = "R8";
    public const string R9 = "R9";
    public const string R10 = "R10";
    public const string R11 = "R11";
    public const string R12 = "R12";
    public const string R13 = "R13";
    public const string R14 = "R14";
    public const string R15 = "R15";
    public const string R16 = "R16";
    public const string R17 = "R17";
    public const string R18 = "R18";

    /// <summary>Each rule's title as scheme.md states it, in the words of the call's manual (seed 003) where it has them.</summary>
    private static readonly FrozenDictionary<string, Bilingual> Titles = new Dictionary<string, Bilingual>
    {
        [R1] = new("Wie een subsidie kan aanvragen: centrumstad, welzijnsvereniging of intergemeentelijk samenwerkingsverband", "Who may apply: central city, welfare association or intermunicipal cooperation"),
        [R2] = new("Minimale schaalgrootte van 60.000 inwoners", "Minimum scale of 60,000 inhabitants"),
        [R3] = new("Een gemeente maakt maar van één lokaal regieverband deel uit", "A municipality is part of one partnership only"),
        [R4] = new("Beherende gemeente van een interlokale vereniging", "Managing municipality of an interlocal association"),
        [R5] = new("Inpassing in de referentieregio's", "Fit within the reference regions"),
        [R6] = new("Geen versnippering: opsplitsingen of wijzigingen goed gemotiveerd", "No fragmentation: splits or changes well motivated"),
        [R7] = new("Volledig aanvraagdossier", "Complete dossier"),
        [R8] = new("Uiterste indieningsdatum", "Deadline"),
        [R9] = new("Vlaamse beleidsprioriteiten voor de lokale regierol sociale economie en werk", "Flemish policy priorities for the local director role"),
        [R10] = new("Minimaal één actie per beleidsprioriteit per jaar", "At least one action per priority per year"),
        [R11] = new("Omschrijving, commentaar, code en bedragen van een actie", "An action's descriptions, comment, code and amounts"),
        [R12] = new("De oude rapporteringscode LSEVBP01 vervalt", "The old reporting code LSEVBP01 lapses"),
        [R13] = new("Verdeling van het subsidiebedrag", "Allocation of the budget"),
        [R14] = new("Wijziging halverwege de beleidscyclus", "Mid-cycle revision"),
        [R15] = new("Jaarlijkse rapportering", "Annual report"),
        [R16] = new("Beoordeling van de rapportering", "Evaluation of the report"),
        [R17] = new("Oproep 2020-2025", "Call 2020-2025"),
        [R18] = new("Regels vóór 2020", "Rules before 2020"),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The rule's title ("R10" → "Minimaal één actie per beleidsprioriteit per jaar"), or null for an unknown ID.</summary>
    public static Bilingual? Title(string? id) => id is not null && Titles.TryGetValue(id.Trim(), out var title) ? title : null;
}
