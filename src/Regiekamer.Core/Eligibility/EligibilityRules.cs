using Regiekamer.Core.Common;
using Regiekamer.Core.Partnerships;

namespace Regiekamer.Core.Eligibility;

public enum Severity
{
    Violation,
    Warning,
}

/// <summary>One thing the rules say about a partnership: which rule, how bad, and why in plain words with the figures.</summary>
public sealed record Finding(string Rule, Severity Severity, Bilingual Message);

public sealed record EligibilityResult(string Partnership, IReadOnlyList<Finding> Findings)
{
    public bool Eligible => Findings.All(f => f.Severity != Severity.Violation);
}

/// <summary>What the rules need to know of a municipality.</summary>
public sealed record MunicipalityFacts(NisCode NisCode, string Name, bool IsCentralCity, string? RegionCode, string? RegionName, long? Inhabitants);

/// <summary>What the rules need to know of a partnership.</summary>
public sealed record PartnershipFacts(
    string Name,
    PartnershipKind Kind,
    PartnershipStatus Status,
    IReadOnlyList<NisCode> Members,
    NisCode? ManagingMunicipality,
    string? ChangeMotivation);

/// <param name="On">The date the partnership is judged on (R5's deadlines depend on it).</param>
/// <param name="Municipalities">Facts per NIS code, on the set the partnerships are defined on.</param>
/// <param name="InhabitantsCitation">Where the inhabitant figures come from, e.g. "Statbel, 1/1/2020".</param>
public sealed record EligibilityContext(DateOnly On, IReadOnlyDictionary<NisCode, MunicipalityFacts> Municipalities, Bilingual InhabitantsCitation);

/// <summary>
/// R1–R6 as pure functions. No database and no clock: the caller passes the date and the facts.
/// </summary>
public static class EligibilityRules
{
    public const long MinimumInhabitants = 60_000;

    /// <summary>R5: new and changed partnerships must fit a reference region from this date.</summary>
    public static readonly DateOnly NewMustFitFrom = new(2023, 1, 1);

    /// <summary>R5: existing unchanged partnerships have until this date.</summary>
    public static readonly DateOnly ExistingMustFitFrom = new(2026, 1, 1);

    /// <summary>Judges every partnership of a call together, because R3 looks across them.</summary>
    public static IReadOnlyList<EligibilityResult> Evaluate(IReadOnlyList<PartnershipFacts> partnerships, EligibilityContext context)
    {
        ArgumentNullException.ThrowIfNull(partnerships);
        ArgumentNullException.ThrowIfNull(context);
        var owners = new Dictionary<NisCode, List<string>>();
        foreach (var p in partnerships)
        {
            foreach (var nis in p.Members.Distinct())
            {
                if (!owners.TryGetValue(nis, out var list))
                {
                    owners[nis] = list = [];
                }

                list.Add(p.Name);
            }
        }

        return partnerships.Select(p => new EligibilityResult(p.Name, FindingsFor(p, context, owners))).ToList();
    }

    public static EligibilityResult EvaluateOne(PartnershipFacts partnership, EligibilityContext context) => Evaluate([partnership], context)[0];

    private static List<Finding> FindingsFor(PartnershipFacts p, EligibilityContext context, Dictionary<NisCode, List<string>> owners)
    {
        var findings = new List<Finding>();
        var members = new List<MunicipalityFacts>();
        foreach (var nis in p.Members.Distinct())
        {
            if (context.Municipalities.TryGetValue(nis, out var m))
            {
                members.Add(m);
            }
            else
            {
                findings.Add(Violation(Rules.R1, $"R1: {nis} is geen gemeente van de gebruikte gemeentelijst.", $"R1: {nis} is not a municipality of the municipality set in use."));
            }
        }

        CheckApplicant(p, members, findings);
        CheckMinimumScale(p, members, context, findings);
        CheckOnePartnershipPerMunicipality(p, members, owners, findings);
        CheckManagingMunicipality(p, members, context, findings);
        CheckReferenceRegion(p, members, context, findings);
        CheckMotivation(p, findings);
        return findings;
    }

    // R1: a central city alone, a welfare association, or an intermunicipal cooperation (two or more municipalities).
    private static void CheckApplicant(PartnershipFacts p, List<MunicipalityFacts> members, List<Finding> findings)
    {
        if (p.Members.Count == 0)
        {
            findings.Add(Violation(Rules.R1, "R1: het regieverband heeft geen leden.", "R1: the partnership has no members."));
            return;
        }

        if (p.Kind == PartnershipKind.CentralCity)
        {
            if (members.Count != 1 || !members[0].IsCentralCity)
            {
                var names = Names(members);
                findings.Add(Violation(
                    Rules.R1,
                    $"R1: rechtsvorm 'centrumstad' vraagt precies één centrumstad als lid, niet {names}. Een samenwerking met een centrumstad kiest een verenigingsvorm.",
                    $"R1: kind 'central city' needs exactly one central city as its member, not {names}. A cooperation that includes a central city takes an association form."));
            }
        }
        else if (p.Kind != PartnershipKind.WelfareAssociation && members.Count < 2)
        {
            findings.Add(Violation(
                Rules.R1,
                $"R1: een intergemeentelijke samenwerking ({p.Kind.Label().Nl.ToLowerInvariant()}) vraagt minstens twee gemeenten; er is er {members.Count}.",
                $"R1: an intermunicipal cooperation ({p.Kind.Label().En.ToLowerInvariant()}) needs at least two municipalities; it has {members.Count}."));
        }
    }

    // R2: cooperations and welfare associations need at least 60,000 inhabitants; a central city alone has no minimum.
    private static void CheckMinimumScale(PartnershipFacts p, List<MunicipalityFacts> members, EligibilityContext context, List<Finding> findings)
    {
        if (p.Kind == PartnershipKind.CentralCity)
        {
            return;
        }

        var missing = members.Where(m => m.Inhabitants is null).ToList();
        if (missing.Count > 0)
        {
            findings.Add(Violation(
                Rules.R2,
                $"R2: geen inwonersaantal ({context.InhabitantsCitation.Nl}) voor {Names(missing)}.",
                $"R2: no number of inhabitants ({context.InhabitantsCitation.En}) for {Names(missing)}."));
            return;
        }

        long total = members.Sum(m => m.Inhabitants!.Value);
        if (total < MinimumInhabitants)
        {
            findings.Add(Violation(
                Rules.R2,
                $"R2: {Formats.Count(total, Formats.Dutch)} inwoners ({context.InhabitantsCitation.Nl}) is minder dan {Formats.Count(MinimumInhabitants, Formats.Dutch)}",
                $"R2: {Formats.Count(total, Formats.English)} inhabitants ({context.InhabitantsCitation.En}) is less than {Formats.Count(MinimumInhabitants, Formats.English)}"));
        }
    }

    // R3: a municipality belongs to one partnership only; both sides are told which.
    private static void CheckOnePartnershipPerMunicipality(PartnershipFacts p, List<MunicipalityFacts> members, Dictionary<NisCode, List<string>> owners, List<Finding> findings)
    {
        foreach (var m in members)
        {
            if (!owners.TryGetValue(m.NisCode, out var names))
            {
                continue;
            }

            var others = names.Where(n => !string.Equals(n, p.Name, StringComparison.Ordinal)).Distinct().ToList();
            if (others.Count > 0)
            {
                var list = string.Join(", ", others);
                findings.Add(Violation(
                    Rules.R3,
                    $"R3: {m.Name} ({m.NisCode}) zit ook in {list}; een gemeente kan maar deel uitmaken van één regieverband.",
                    $"R3: {m.Name} ({m.NisCode}) is also in {list}; a municipality can be part of one partnership only."));
            }
        }
    }

    // R4: an interlocal association has no legal personality, so one member manages it.
    private static void CheckManagingMunicipality(PartnershipFacts p, List<MunicipalityFacts> members, EligibilityContext context, List<Finding> findings)
    {
        if (p.ManagingMunicipality is { } managing && !p.Members.Contains(managing))
        {
            var name = context.Municipalities.TryGetValue(managing, out var m) ? $"{m.Name} ({managing})" : managing.ToString();
            findings.Add(Violation(
                Rules.R4,
                $"R4: de beherende gemeente {name} is geen lid van het regieverband.",
                $"R4: the managing municipality {name} is not a member of the partnership."));
        }
        else if (p.Kind == PartnershipKind.InterlocalAssociation && p.ManagingMunicipality is null && members.Count > 0)
        {
            findings.Add(Violation(
                Rules.R4,
                "R4: een interlokale vereniging moet een beherende gemeente aanduiden die indient, rapporteert en de subsidie ontvangt.",
                "R4: an interlocal association must designate a managing municipality that applies, reports and receives the subsidy."));
        }
    }

    // R5: at most as large as one reference region; deadlines depend on the status.
    private static void CheckReferenceRegion(PartnershipFacts p, List<MunicipalityFacts> members, EligibilityContext context, List<Finding> findings)
    {
        var unknown = members.Where(m => m.RegionCode is null).ToList();
        if (unknown.Count > 0)
        {
            findings.Add(Violation(
                Rules.R5,
                $"R5: geen referentieregio gekend voor {Names(unknown)}.",
                $"R5: no reference region known for {Names(unknown)}."));
            return;
        }

        var regions = members.GroupBy(m => m.RegionCode!).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (regions.Count <= 1)
        {
            return;
        }

        var split = string.Join("; ", regions.Select(g => $"{g.First().RegionName}: {Names(g)}"));
        if (p.Status == PartnershipStatus.Existing && context.On < ExistingMustFitFrom)
        {
            findings.Add(Warning(
                Rules.R5,
                $"R5: het regieverband overschrijdt de grens van een referentieregio ({split}). Als bestaand, ongewijzigd regieverband heeft het tot 1/1/2026 om zich in te passen.",
                $"R5: the partnership crosses a reference-region boundary ({split}). As an existing, unchanged partnership it has until 1/1/2026 to fit."));
        }
        else if (p.Status == PartnershipStatus.Existing)
        {
            findings.Add(Violation(
                Rules.R5,
                $"R5: het regieverband overschrijdt de grens van een referentieregio ({split}). Bestaande regieverbanden moesten zich tegen 1/1/2026 inpassen.",
                $"R5: the partnership crosses a reference-region boundary ({split}). Existing partnerships had to fit by 1/1/2026."));
        }
        else
        {
            var what = p.Status == PartnershipStatus.New ? ("nieuw", "new") : ("gewijzigd (telt als nieuw)", "changed (counts as new)");
            findings.Add(Violation(
                Rules.R5,
                $"R5: het regieverband overschrijdt de grens van een referentieregio ({split}). Een {what.Item1} regieverband moet vanaf 1/1/2023 binnen één referentieregio vallen.",
                $"R5: the partnership crosses a reference-region boundary ({split}). A {what.Item2} partnership must lie within one reference region from 1/1/2023."));
        }
    }

    // R6: changes and splits of existing partnerships must be motivated; a person judges the motivation.
    private static void CheckMotivation(PartnershipFacts p, List<Finding> findings)
    {
        if (p.Status != PartnershipStatus.Changed)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(p.ChangeMotivation))
        {
            findings.Add(Violation(
                Rules.R6,
                "R6: een gewijzigd regieverband moet de wijziging motiveren; splitsingen om louter financiële redenen worden niet aanvaard.",
                "R6: a changed partnership must motivate the change; splits for purely financial reasons are not accepted."));
        }
        else
        {
            findings.Add(Warning(
                Rules.R6,
                "R6: de motivering van de wijziging moet nog beoordeeld worden door een dossierbehandelaar.",
                "R6: the motivation for the change still has to be judged by a case handler."));
        }
    }

    private static string Names(IEnumerable<MunicipalityFacts> members) => string.Join(", ", members.Select(m => m.Name));

    private static Finding Violation(string rule, string nl, string en) => new(rule, Severity.Violation, new Bilingual(nl, en));

    private static Finding Warning(string rule, string nl, string en) => new(rule, Severity.Warning, new Bilingual(nl, en));
}
