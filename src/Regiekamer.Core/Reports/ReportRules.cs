using System.Globalization;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Applications.Plan;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Reports;

/// <summary>A case handler's judgement of one Flemish priority as entered: its code, sufficiently pursued or not, with which actions and results.</summary>
public sealed record PriorityEvaluationInput(string? Code, bool? Sufficient, string? Remarks);

/// <summary>What someone does to a year's report.</summary>
public enum ReportStep
{
    Edit,
    Submit,
    Accept,
    RequestClarification,
    Refuse,
}

/// <summary>
/// A year's report as pure rules: who may do what from which status (R15, R16), and its check — the plan's R10 for the
/// year and R11 on every reported action (<see cref="PlanRules"/> over one year), a reason for every action not
/// carried out, and on the form route a cost for every action carried out.
/// </summary>
public static class ReportRules
{
    private static readonly Dictionary<ReportStep, (PartnershipPermission Permission, ReportStatus[] From, ReportStatus? To)> Steps = new()
    {
        [ReportStep.Edit] = (PartnershipPermission.Apply, [ReportStatus.Draft, ReportStatus.ClarificationRequested], null),
        [ReportStep.Submit] = (PartnershipPermission.Sign, [ReportStatus.Draft, ReportStatus.ClarificationRequested], ReportStatus.Submitted),
        [ReportStep.Accept] = (PartnershipPermission.Review, [ReportStatus.Submitted], ReportStatus.Accepted),
        [ReportStep.RequestClarification] = (PartnershipPermission.Review, [ReportStatus.Submitted], ReportStatus.ClarificationRequested),
        [ReportStep.Refuse] = (PartnershipPermission.Review, [ReportStatus.Submitted], ReportStatus.NotUsedForPurpose),
    };

    public static PartnershipPermission PermissionFor(ReportStep action) => Steps[action].Permission;

    public static bool Allows(ReportStatus status, ReportStep action) => Steps[action].From.Contains(status);

    /// <summary>403 without the permission for the report's partnership, 409 naming the status, else the status it leads to.</summary>
    public static Result<ReportStatus> Decide(ReportStatus status, ReportStep action, IReadOnlyCollection<Role> departmentRoles, IEnumerable<(Role Role, int PartnershipId)> partnershipRoles, int partnershipId)
    {
        if (!Permissions.Allows(departmentRoles, partnershipRoles, partnershipId, PermissionFor(action)))
        {
            return DomainError.Forbidden($"Je mag dit jaarverslag niet {Label(action).Nl}.", $"You may not have this annual report {Label(action).En}.");
        }

        return Allows(status, action)
            ? Result<ReportStatus>.Ok(Steps[action].To ?? status)
            : DomainError.Conflict("status", $"Een jaarverslag met status '{Label(status).Nl}' kan je niet {Label(action).Nl}.", $"An annual report with status '{Label(status).En}' cannot be {Label(action).En}.");
    }

    /// <summary>The report's problems: R10 and R11 as for the plan, over the actions carried out in the year; R15's own.</summary>
    public static IReadOnlyList<PlanFinding> Check(int year, bool bbcRoute, IReadOnlyList<ReportedAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var carried = actions.Where(a => a.Outcome != ReportOutcome.NotCarriedOut).ToList();
        var asPlan = carried.Select((a, i) => new PlanAction(a.Position, a.PolicyGoal, a.ActionPlan, a.ShortDescription, a.LongDescription, a.Comment, a.Code, new Dictionary<int, Money> { [year] = a.Cost ?? a.PlannedAmount ?? Money.Zero })).ToList();
        var findings = PlanRules.Check(asPlan, new PlanPeriod(year, year)).Findings.ToList();
        foreach (var a in actions)
        {
            if (a.Outcome == ReportOutcome.NotCarriedOut && string.IsNullOrWhiteSpace(a.NotCarriedOutReason))
            {
                findings.Add(new PlanFinding(Rules.R15, FindingSeverity.Violation, a.Position, "reason", new Bilingual(
                    $"R15: actie '{a.ShortDescription}' werd niet uitgevoerd: zeg waarom.",
                    $"R15: action '{a.ShortDescription}' was not carried out: say why.")));
            }

            if (!bbcRoute && a.Outcome != ReportOutcome.NotCarriedOut && a.Cost is null)
            {
                findings.Add(new PlanFinding(Rules.R15, FindingSeverity.Violation, a.Position, "cost", new Bilingual(
                    $"R15: geef de kosten van actie '{a.ShortDescription}' in {year} (het financieel verslag van wie niet met BBC werkt).",
                    $"R15: give the cost of action '{a.ShortDescription}' in {year} (the financial report of those who do not work with BBC).")));
            }

            if (a.Cost is { Cents: < 0 })
            {
                findings.Add(new PlanFinding(Rules.R15, FindingSeverity.Violation, a.Position, "cost", new Bilingual(
                    $"R15: de kosten van actie '{a.ShortDescription}' zijn negatief.",
                    $"R15: the cost of action '{a.ShortDescription}' is negative.")));
            }
        }

        return findings;
    }

    /// <summary>
    /// The evaluation per priority (R16), checked against the call's priorities: each code known and once; accepting and
    /// refusing judge every priority of the call; refusing (not used for its purpose) rests on at least one priority
    /// pursued insufficiently. A clarification may judge some or none.
    /// </summary>
    public static Result<IReadOnlyList<PriorityEvaluation>> CheckEvaluation(ReportStep step, IReadOnlyList<string> callPriorities, IReadOnlyList<PriorityEvaluationInput>? given)
    {
        ArgumentNullException.ThrowIfNull(callPriorities);
        var errors = new List<DomainError>();
        var judged = new List<PriorityEvaluation>();
        var rows = given ?? [];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var code = row.Code?.Trim().ToUpperInvariant() ?? "";
            var field = string.Create(CultureInfo.InvariantCulture, $"priorities[{i}]");
            if (!callPriorities.Contains(code, StringComparer.Ordinal))
            {
                errors.Add(DomainError.Rule(Rules.R16, $"R16: prioriteit '{row.Code}' hoort niet bij de oproep ({string.Join(", ", callPriorities)}).", $"R16: priority '{row.Code}' is not one of the call's ({string.Join(", ", callPriorities)}).", field + ".code"));
                continue;
            }

            if (judged.Any(j => j.Code == code))
            {
                errors.Add(DomainError.Rule(Rules.R16, $"R16: prioriteit {code} staat er twee keer.", $"R16: priority {code} is there twice.", field + ".code"));
                continue;
            }

            var remarks = InputText.Clean(row.Remarks, int.MaxValue);
            if (remarks?.Length > PlanRules.LongTextMaxLength)
            {
                errors.Add(DomainError.Rule(Rules.R16, $"R16: toelichting bij {code}: hoogstens 4.000 tekens.", $"R16: remarks on {code}: at most 4,000 characters.", field + ".remarks"));
            }

            if (row.Sufficient is { } sufficient)
            {
                judged.Add(new PriorityEvaluation { Code = code, Sufficient = sufficient, Remarks = remarks });
            }
            else if (step != ReportStep.RequestClarification)
            {
                errors.Add(DomainError.Rule(Rules.R16, $"R16: zeg of prioriteit {code} voldoende werd nagestreefd.", $"R16: say whether priority {code} was pursued sufficiently.", field + ".sufficient"));
            }
        }

        if (step is ReportStep.Accept or ReportStep.Refuse)
        {
            foreach (var missing in callPriorities.Where(p => !rows.Any(r => string.Equals(r.Code?.Trim(), p, StringComparison.OrdinalIgnoreCase))))
            {
                errors.Add(DomainError.Rule(Rules.R16, $"R16: beoordeel ook prioriteit {missing}.", $"R16: evaluate priority {missing} too.", "priorities"));
            }
        }

        if (step == ReportStep.Refuse && errors.Count == 0 && judged.All(j => j.Sufficient))
        {
            errors.Add(DomainError.Rule(Rules.R16, "R16: 'niet aangewend voor het doel' betekent dat minstens één Vlaamse beleidsprioriteit onvoldoende werd nagestreefd; duid aan welke.", "R16: 'not used for its purpose' means at least one Flemish policy priority was pursued insufficiently; mark which.", "priorities"));
        }

        return errors.Count > 0 ? Result<IReadOnlyList<PriorityEvaluation>>.Fail(errors) : Result<IReadOnlyList<PriorityEvaluation>>.Ok(judged.OrderBy(j => j.Code, StringComparer.Ordinal).ToList());
    }

    /// <summary>The reference of an evaluation decision: "RK-JV-2023-0007-2" (year, partnership, the version evaluated).</summary>
    public static string DecisionReference(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return string.Create(CultureInfo.InvariantCulture, $"RK-JV-{report.Year}-{report.PartnershipId:D4}-{report.SubmittedVersions}");
    }

    /// <summary>The financial report's total: the costs of the actions carried out.</summary>
    public static Money TotalCost(IEnumerable<ReportedAction> actions) =>
        actions.Where(a => a.Outcome != ReportOutcome.NotCarriedOut).Aggregate(Money.Zero, (s, a) => s + (a.Cost ?? Money.Zero));

    public static Bilingual Label(ReportStatus status) => status switch
    {
        ReportStatus.Draft => new("ontwerp", "draft"),
        ReportStatus.Submitted => new("ingediend", "submitted"),
        ReportStatus.ClarificationRequested => new("verduidelijking gevraagd", "clarification requested"),
        ReportStatus.Accepted => new("aanvaard", "accepted"),
        _ => new("niet aangewend voor het doel", "not used for its purpose"),
    };

    public static Bilingual Label(ReportStep action) => action switch
    {
        ReportStep.Edit => new("wijzigen", "changed"),
        ReportStep.Submit => new("indienen", "submitted"),
        ReportStep.Accept => new("aanvaarden", "accepted"),
        ReportStep.RequestClarification => new("terugsturen voor verduidelijking", "sent back for clarification"),
        _ => new("afwijzen als niet aangewend voor het doel", "found not used for its purpose"),
    };
}
