using Regiekamer.Core.Accounts;
using Regiekamer.Core.Applications.Plan;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Reports;

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
