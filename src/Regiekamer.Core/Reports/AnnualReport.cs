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

    /// <summary>The SHA-256 of the content last submitted (<see cref="ReportContent.Sha256"/>), as its receipt states it.</summary>
    public string? SubmittedSha256 { get; private set; }

    /// <summary>The first submission: the one the deadline judges.</summary>
    public DateTime? FirstSubmittedAtUtc { get; private set; }

    /// <summary>The case handler's motivation of the last evaluation step (R16).</summary>
    public string? EvaluationMotivation { get; private set; }

    /// <summary>When clarification was asked: the date the adapted report or further motivation is due.</summary>
    public DateOnly? ResponseDue { get; private set; }

    /// <summary>When the last evaluation step was taken.</summary>
    public DateTime? EvaluatedAtUtc { get; private set; }

    /// <summary>The last evaluation per Flemish priority (R16): pursued sufficiently or not, with which actions and results.</summary>
    public List<PriorityEvaluation> PriorityEvaluations { get; private set; } = [];

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
        SubmittedSha256 = ReportContent.Sha256(this);
        SubmittedAtUtc = now;
        FirstSubmittedAtUtc ??= now;
        Touch(now);
    }

    public void Evaluate(ReportStatus to, string motivation, DateOnly? responseDue, IEnumerable<PriorityEvaluation> priorities, DateTime now)
    {
        Status = to;
        EvaluationMotivation = motivation;
        ResponseDue = to == ReportStatus.ClarificationRequested ? responseDue : null;
        PriorityEvaluations.Clear();
        PriorityEvaluations.AddRange(priorities);
        EvaluatedAtUtc = now;
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

/// <summary>How one Flemish priority (WSE-LR1…4) was pursued in the year, as the case handler judged it (R16).</summary>
public sealed class PriorityEvaluation
{
    public int Id { get; private set; }

    public int AnnualReportId { get; private set; }

    public string Code { get; init; } = "";

    /// <summary>Pursued sufficiently (true) or insufficiently (false).</summary>
    public bool Sufficient { get; init; }

    /// <summary>With which actions and results.</summary>
    public string? Remarks { get; init; }
}
