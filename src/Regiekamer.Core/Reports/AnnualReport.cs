using Regiekamer.Core.Common;

namespace Regiekamer.Core.Reports;

/// <summary>
/// Where a year's report is (R15, R16): a draft the partnership writes; submitted by its signatory; evaluated by the
/// department as sufficient (accepted), manifestly unclear (clarification requested: the partnership answers with an
/// adapted report), or not used for its purpose.
/// </summary>
public enum ReportStatus
{
    Draft,
    Submitted,
    ClarificationRequested,
    Accepted,
    NotUsedForPurpose,
}

/// <summary>What became of an action in the year.</summary>
public enum ReportOutcome
{
    /// <summary>Planned and carried out.</summary>
    CarriedOut,

    /// <summary>Planned, not carried out: the report says why.</summary>
    NotCarriedOut,

    /// <summary>Carried out without being in the plan.</summary>
    Unplanned,
}

/// <summary>
/// One coordinated content report of a partnership for one year of a call (R15): every action of its approved plan
/// that runs that year, with its short and long description (what and why, the regisseur's role, how), its comment
/// (the results aimed at or reached) and its code; actions updated, added (unplanned) or marked not carried out with a
/// reason. On the form route it is also the financial report: the cost of each action against the subsidy.
/// </summary>
public sealed class AnnualReport
{
    public int Id { get; private set; }

    public int CallId { get; private set; }

    public int PartnershipId { get; private set; }

    /// <summary>The approved application whose plan the report starts from.</summary>
    public int ApplicationId { get; private set; }

    public int Year { get; private set; }

    /// <summary>BBC users report through their annual accounts (no financial report here); the others add costs per action.</summary>
    public bool BbcRoute { get; private set; }

    public ReportStatus Status { get; private set; }

    public List<ReportedAction> Actions { get; private set; } = [];

    /// <summary>How many times it was submitted (an answer to a request for clarification is the next).</summary>
    public int SubmittedVersions { get; private set; }

    public DateTime? SubmittedAtUtc { get; private set; }

    /// <summary>The case handler's motivation of the last evaluation step (R16).</summary>
    public string? EvaluationMotivation { get; private set; }

    /// <summary>When clarification was asked: the date the adapted report or further motivation is due.</summary>
    public DateOnly? ResponseDue { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public int Version { get; set; }

    public static AnnualReport Start(int callId, int partnershipId, int applicationId, int year, bool bbcRoute, IEnumerable<ReportedAction> actions, DateTime now) => new()
    {
        CallId = callId,
        PartnershipId = partnershipId,
        ApplicationId = applicationId,
        Year = year,
        BbcRoute = bbcRoute,
        Status = ReportStatus.Draft,
        Actions = actions.ToList(),
        CreatedAtUtc = now,
        UpdatedAtUtc = now,
        Version = 1,
    };

    public void Submit(DateTime now)
    {
        Status = ReportStatus.Submitted;
        SubmittedVersions++;
        SubmittedAtUtc = now;
        Touch(now);
    }

    public void Evaluate(ReportStatus to, string motivation, DateOnly? responseDue, DateTime now)
    {
        Status = to;
        EvaluationMotivation = motivation;
        ResponseDue = to == ReportStatus.ClarificationRequested ? responseDue : null;
        Touch(now);
    }

    public void Touch(DateTime now)
    {
        UpdatedAtUtc = now;
    }
}

/// <summary>One action as reported.</summary>
public sealed class ReportedAction
{
    public int Id { get; private set; }

    public int AnnualReportId { get; private set; }

    /// <summary>The planned action it reports on; null for an unplanned one.</summary>
    public int? PlannedActionId { get; init; }

    public int Position { get; set; }

    public string? PolicyGoal { get; set; }

    public string? ActionPlan { get; set; }

    public string ShortDescription { get; set; } = "";

    public string? LongDescription { get; set; }

    /// <summary>The results aimed at or reached.</summary>
    public string? Comment { get; set; }

    public string Code { get; set; } = "";

    /// <summary>What the plan had for the year (null for an unplanned action).</summary>
    public Money? PlannedAmount { get; init; }

    /// <summary>The cost in the year (the financial report of the form route).</summary>
    public Money? Cost { get; set; }

    public ReportOutcome Outcome { get; set; }

    public string? NotCarriedOutReason { get; set; }

    public int Version { get; set; }
}
