using Regiekamer.Core.Accounts;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Tests.Applications;

/// <summary>
/// Issue 8: the dossier's lifecycle is pure code, tested for every transition × role. The expected table below is
/// written from the issue's words, independently of <see cref="ApplicationLifecycle"/>'s own table.
/// </summary>
public sealed class ApplicationLifecycleTests
{
    private const int Own = 12;
    private const int Other = 34;

    private enum Actor
    {
        Administrator,
        CaseHandler,
        PolicyOfficer,
        Regisseur,
        Signatory,
        MemberViewer,
        OtherRegisseur,
        OtherSignatory,
    }

    private static readonly ApplicationStatus[] Preparing = [ApplicationStatus.Draft, ApplicationStatus.ChangesRequested];
    private static readonly ApplicationStatus[] HandedIn = [ApplicationStatus.Submitted, ApplicationStatus.UnderReview];

    /// <summary>Who may, from where, to where: the issue's text ("Only the partnership's signatory can submit", "a partnership may withdraw before the decision", case handlers review and decide).</summary>
    private static (Actor[] Who, ApplicationStatus[] From, ApplicationStatus? To) Expected(ApplicationAction action) => action switch
    {
        ApplicationAction.Edit => ([Actor.Regisseur, Actor.Signatory], Preparing, null),
        ApplicationAction.Submit => ([Actor.Signatory], Preparing, ApplicationStatus.Submitted),
        ApplicationAction.Withdraw => ([Actor.Signatory], [.. Preparing, .. HandedIn], ApplicationStatus.Withdrawn),
        ApplicationAction.Review => ([Actor.Administrator, Actor.CaseHandler], HandedIn, ApplicationStatus.UnderReview),
        ApplicationAction.RequestChanges => ([Actor.Administrator, Actor.CaseHandler], HandedIn, ApplicationStatus.ChangesRequested),
        ApplicationAction.Approve => ([Actor.Administrator, Actor.CaseHandler], HandedIn, ApplicationStatus.Approved),
        ApplicationAction.Reject => ([Actor.Administrator, Actor.CaseHandler], HandedIn, ApplicationStatus.Rejected),
        ApplicationAction.GrantExtension => ([Actor.Administrator, Actor.CaseHandler], Preparing, null),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    [Fact]
    public void EveryTransition_AsEveryRole_IsAllowedExactlyAsTheIssueSays()
    {
        var wrong = new List<string>();
        var cases = 0;
        foreach (var status in Enum.GetValues<ApplicationStatus>())
        {
            foreach (var action in Enum.GetValues<ApplicationAction>())
            {
                var (who, from, to) = Expected(action);
                foreach (var actor in Enum.GetValues<Actor>())
                {
                    cases++;
                    var (department, partnership) = Roles(actor);
                    var result = ApplicationLifecycle.Decide(status, action, department, partnership, Own);
                    var describe = $"{actor} {action} from {status}";
                    if (!who.Contains(actor))
                    {
                        if (result.IsSuccess || result.Errors[0].Kind != ErrorKind.Forbidden)
                        {
                            wrong.Add($"{describe}: should be forbidden, got {(result.IsSuccess ? result.Value.ToString() : result.Errors[0].Kind.ToString())}");
                        }
                    }
                    else if (!from.Contains(status))
                    {
                        if (result.IsSuccess || result.Errors[0].Kind != ErrorKind.Conflict)
                        {
                            wrong.Add($"{describe}: should be a conflict (409), got {(result.IsSuccess ? result.Value.ToString() : result.Errors[0].Kind.ToString())}");
                        }
                    }
                    else if (!result.IsSuccess || result.Value != (to ?? status))
                    {
                        wrong.Add($"{describe}: should lead to {to ?? status}, got {(result.IsSuccess ? result.Value.ToString() : result.Errors[0].Code)}");
                    }
                }
            }
        }

        Assert.Equal(7 * 8 * 8, cases);
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void ADecidedOrWithdrawnDossier_IsFinal_AndNothingChangesIt()
    {
        foreach (var status in new[] { ApplicationStatus.Approved, ApplicationStatus.Rejected, ApplicationStatus.Withdrawn })
        {
            Assert.True(ApplicationLifecycle.IsFinal(status));
            Assert.All(Enum.GetValues<ApplicationAction>(), action => Assert.False(ApplicationLifecycle.Allows(status, action), $"{action} from {status}"));
        }
    }

    [Fact]
    public void ARefusal_SaysWhoMay_AndAStatusConflict_NamesTheStatus()
    {
        var forbidden = ApplicationLifecycle.Decide(ApplicationStatus.Draft, ApplicationAction.Submit, [], [(Role.Regisseur, Own)], Own);
        Assert.Equal(ErrorKind.Forbidden, forbidden.Errors[0].Kind);
        Assert.Contains("ondertekenaar", forbidden.Errors[0].Message.Nl, StringComparison.Ordinal);

        var conflict = ApplicationLifecycle.Decide(ApplicationStatus.Submitted, ApplicationAction.Edit, [], [(Role.Regisseur, Own)], Own);
        Assert.Equal(ErrorKind.Conflict, conflict.Errors[0].Kind);
        Assert.Contains("ingediend", conflict.Errors[0].Message.Nl, StringComparison.Ordinal);
    }

    [Fact]
    public void StatusCodes_RoundTrip_AsTheApiNamesThem()
    {
        Assert.Equal(
            ["draft", "submitted", "under-review", "changes-requested", "approved", "rejected", "withdrawn"],
            ApplicationStatuses.All.Select(s => s.Code()));
        Assert.All(ApplicationStatuses.All, s => Assert.True(ApplicationStatuses.TryParse(s.Code(), out var back) && back == s));
        Assert.False(ApplicationStatuses.TryParse("ingediend", out _));
    }

    private static (IReadOnlyCollection<Role> Department, IReadOnlyList<(Role, int)> Partnership) Roles(Actor actor) => actor switch
    {
        Actor.Administrator => ([Role.Administrator], []),
        Actor.CaseHandler => ([Role.CaseHandler], []),
        Actor.PolicyOfficer => ([Role.PolicyOfficer], []),
        Actor.Regisseur => ([], [(Role.Regisseur, Own)]),
        Actor.Signatory => ([], [(Role.Signatory, Own)]),
        Actor.MemberViewer => ([], [(Role.MemberViewer, Own)]),
        Actor.OtherRegisseur => ([], [(Role.Regisseur, Other)]),
        Actor.OtherSignatory => ([], [(Role.Signatory, Other)]),
        _ => throw new ArgumentOutOfRangeException(nameof(actor)),
    };
}
