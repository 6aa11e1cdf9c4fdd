using Regiekamer.Core.Accounts;
using Regiekamer.Core.Applications.Plan;
using Regiekamer.Core.Common;
using Regiekamer.Core.Reports;

namespace Regiekamer.Core.Tests.Reports;

/// <summary>Issue 9, point 3 (start): a year's report as pure rules — its lifecycle for every role, and its check (R10 and R11 as for the plan, R15's own).</summary>
public sealed class ReportRulesTests
{
    private static ReportedAction Action(int position, string code, ReportOutcome outcome = ReportOutcome.CarriedOut, long? cost = 1_000_00, string? reason = null) => new()
    {
        Position = position,
        ShortDescription = $"Actie {position}",
        LongDescription = "<p>Wat en waarom, de rol van de regisseur, hoe.</p>",
        Comment = "Bereikt: 12 bedrijven.",
        Code = code,
        PlannedAmount = Money.FromEuros(1_000),
        Cost = cost is { } c ? new Money(c) : null,
        Outcome = outcome,
        NotCarriedOutReason = reason,
    };

    private static List<ReportedAction> Complete() => [Action(1, "WSE-LR1"), Action(2, "WSE-LR2"), Action(3, "WSE-LR3"), Action(4, "WSE-LR4")];

    [Fact]
    public void AReportWithAnActionPerPriority_AndItsCosts_HasNoViolation()
    {
        Assert.DoesNotContain(ReportRules.Check(2023, bbcRoute: false, Complete()), f => f.Severity == FindingSeverity.Violation);
        Assert.Equal(Money.FromEuros(4_000), ReportRules.TotalCost(Complete()));
    }

    [Fact]
    public void AnActionNotCarriedOut_NeedsAReason_AndDoesNotCountForR10()
    {
        var actions = Complete();
        actions[3] = Action(4, "WSE-LR4", ReportOutcome.NotCarriedOut, cost: null);
        var findings = ReportRules.Check(2023, bbcRoute: false, actions);
        Assert.Contains(findings, f => f.Rule == Rules.R15 && f.Field == "reason" && f.Row == 4);
        Assert.Contains(findings, f => f.Rule == Rules.R10 && f.Message.Nl.Contains("WSE-LR4", StringComparison.Ordinal));

        actions[3] = Action(4, "WSE-LR4", ReportOutcome.NotCarriedOut, cost: null, reason: "De partner haakte af.");
        actions.Add(Action(5, "WSE-LR4", ReportOutcome.Unplanned));
        Assert.DoesNotContain(ReportRules.Check(2023, bbcRoute: false, actions), f => f.Severity == FindingSeverity.Violation);
        Assert.Equal(Money.FromEuros(4_000), ReportRules.TotalCost(actions));
    }

    [Fact]
    public void TheFormRoute_AsksACostPerActionCarriedOut_TheBbcRouteDoesNot()
    {
        var actions = Complete();
        actions[0] = Action(1, "WSE-LR1", cost: null);
        Assert.Contains(ReportRules.Check(2023, bbcRoute: false, actions), f => f.Rule == Rules.R15 && f.Field == "cost" && f.Row == 1);
        Assert.DoesNotContain(ReportRules.Check(2023, bbcRoute: true, actions), f => f.Severity == FindingSeverity.Violation);
        actions[0] = Action(1, "WSE-LR1", cost: -1);
        Assert.Contains(ReportRules.Check(2023, bbcRoute: true, actions), f => f.Rule == Rules.R15 && f.Field == "cost");
    }

    [Fact]
    public void R11AndR12_HoldForReportedActions()
    {
        var actions = Complete();
        actions[0].ShortDescription = "";
        actions[1].Code = "LSEVBP01";
        var findings = ReportRules.Check(2023, bbcRoute: true, actions);
        Assert.Contains(findings, f => f.Rule == Rules.R11 && f.Row == 1);
        Assert.Contains(findings, f => f.Rule == Rules.R12 && f.Row == 2);
    }

    private static readonly Dictionary<(ReportStatus, ReportStep), ReportStatus> Allowed = new()
    {
        [(ReportStatus.Draft, ReportStep.Edit)] = ReportStatus.Draft,
        [(ReportStatus.ClarificationRequested, ReportStep.Edit)] = ReportStatus.ClarificationRequested,
        [(ReportStatus.Draft, ReportStep.Submit)] = ReportStatus.Submitted,
        [(ReportStatus.ClarificationRequested, ReportStep.Submit)] = ReportStatus.Submitted,
        [(ReportStatus.Submitted, ReportStep.Accept)] = ReportStatus.Accepted,
        [(ReportStatus.Submitted, ReportStep.RequestClarification)] = ReportStatus.ClarificationRequested,
        [(ReportStatus.Submitted, ReportStep.Refuse)] = ReportStatus.NotUsedForPurpose,
    };

    [Fact]
    public void EveryTransition_ForEveryRole_OwnAndAnotherPartnership()
    {
        const int own = 7;
        foreach (var role in RoleNames.All)
        {
            foreach (var partnership in new[] { own, 8 })
            {
                IReadOnlyCollection<Role> department = role.IsDepartmentRole() ? [role] : [];
                var roles = role.IsDepartmentRole() ? [] : new[] { (role, own) };
                foreach (var status in Enum.GetValues<ReportStatus>())
                {
                    foreach (var step in Enum.GetValues<ReportStep>())
                    {
                        var mayAct = step switch
                        {
                            ReportStep.Edit => role is Role.Regisseur or Role.Signatory && partnership == own,
                            ReportStep.Submit => role == Role.Signatory && partnership == own,
                            _ => role is Role.Administrator or Role.CaseHandler,
                        };
                        var result = ReportRules.Decide(status, step, department, roles, partnership);
                        if (!mayAct)
                        {
                            Assert.Equal(ErrorKind.Forbidden, Assert.Single(result.Errors).Kind);
                        }
                        else if (Allowed.TryGetValue((status, step), out var to))
                        {
                            Assert.Equal(to, result.Value);
                        }
                        else
                        {
                            Assert.Equal(ErrorKind.Conflict, Assert.Single(result.Errors).Kind);
                        }
                    }
                }
            }
        }
    }
}
