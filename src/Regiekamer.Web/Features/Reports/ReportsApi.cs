using Regiekamer.Core.Accounts;
using Regiekamer.Core.Applications.Plan;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Reports;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Reports;

public sealed record StartReportRequest(int PartnershipId, int? CallId, int Year) : IPartnershipRequest;

public sealed record ReportedActionRequest(string? ShortDescription, string? LongDescription, string? Comment, string? Code, string? Outcome, string? Reason, string? Cost, string? PolicyGoal, string? ActionPlan, int Version);

public sealed record ReportedActionDto(int Id, int Position, int? PlannedActionId, string? PolicyGoal, string? ActionPlan, string ShortDescription, string? LongDescription, string? Comment, string Code, string? PlannedAmount, string? Cost, string Outcome, string? Reason, int Version);

public sealed record ReportVersionRequest(int Version);

/// <summary>One priority as judged (R16): its code (WSE-LR1…4), sufficiently pursued or not, with which actions and results.</summary>
public sealed record PriorityEvaluationDto(string Code, bool? Sufficient, string? Remarks);

/// <summary>
/// A case handler's evaluation (R16): decision accept, clarify (with responseDue) or refuse; always a motivation; the
/// judgement of every priority of the call to accept or refuse (refusing: at least one insufficient); reclaimDue for the
/// reclaim a refusal decides (default 60 days on).
/// </summary>
public sealed record ReportEvaluationRequest(string? Decision, string? Motivation, DateOnly? ResponseDue, int Version, IReadOnlyList<PriorityEvaluationDto>? Priorities = null, DateOnly? ReclaimDue = null);

/// <summary>More time for a partnership's report on a year (R15): a date after the call's deadline, with a reason.</summary>
public sealed record ReportExtensionRequest(int PartnershipId, int? CallId, int Year, DateOnly? Until, string? Reason) : IPartnershipRequest;

public sealed record ReportExtensionDto(int Id, int CallId, int PartnershipId, int Year, DateOnly Until, string Reason, int Version);

/// <summary>One report the call expects (R15) against its deadline: due, extension, last day, whether handed in on time, and the report when started.</summary>
public sealed record ReportStandingDto(int CallId, string CallCode, int PartnershipId, string PartnershipName, int Year, DateOnly Due, DateOnly? ExtendedUntil, DateOnly LastDay, string Timing, int? ReportId, string? Status, DateTime? FirstSubmittedAtUtc)
{
    public static ReportStandingDto Of(ReportStanding s) => new(s.CallId, s.CallCode, s.PartnershipId, s.PartnershipName, s.Year, s.Due, s.ExtendedUntil, s.LastDay, Code(s.Timing), s.ReportId, s.Status is { } st ? ReportDto.Code(st) : null, s.FirstSubmittedAtUtc);

    public static string Code(ReportTiming t) => t switch
    {
        ReportTiming.Open => "open",
        ReportTiming.Overdue => "overdue",
        ReportTiming.OnTime => "on-time",
        _ => "late",
    };
}

public sealed record ReportFindingDto(string Rule, string Severity, int? Position, string? Field, string Message, string MessageNl);

public sealed record ReportDto(
    int Id, int CallId, int PartnershipId, int ApplicationId, int Year, bool BbcRoute, string Status, int Version, int SubmittedVersions, DateTime? SubmittedAtUtc, string? SubmittedSha256,
    DateOnly LastDay, string Timing, string? DecisionReference, DateTime? EvaluatedAtUtc, string? EvaluationMotivation, DateOnly? ResponseDue, IReadOnlyList<PriorityEvaluationDto> Priorities,
    string TotalCost, bool Valid, IReadOnlyList<ReportFindingDto> Findings, IReadOnlyList<ReportedActionDto> Actions)
{
    public static ReportDto Of(AnnualReport r, ReportStanding standing)
    {
        ArgumentNullException.ThrowIfNull(standing);
        var findings = ReportRules.Check(r.Year, r.BbcRoute, r.Actions);
        return new(
            r.Id, r.CallId, r.PartnershipId, r.ApplicationId, r.Year, r.BbcRoute, Code(r.Status), r.Version, r.SubmittedVersions, r.SubmittedAtUtc, r.SubmittedSha256,
            standing.LastDay, ReportStandingDto.Code(standing.Timing), r.EvaluatedAtUtc is null ? null : ReportRules.DecisionReference(r), r.EvaluatedAtUtc, r.EvaluationMotivation, r.ResponseDue,
            r.PriorityEvaluations.OrderBy(p => p.Code, StringComparer.Ordinal).Select(p => new PriorityEvaluationDto(p.Code, p.Sufficient, p.Remarks)).ToList(),
            ReportRules.TotalCost(r.Actions).ToInvariantString(),
            !findings.Any(f => f.Severity == FindingSeverity.Violation),
            findings.Select(f => new ReportFindingDto(f.Rule, f.Severity == FindingSeverity.Violation ? "violation" : "warning", f.Row, f.Field, f.Message.En, f.Message.Nl)).ToList(),
            r.Actions.OrderBy(a => a.Position).Select(a => new ReportedActionDto(a.Id, a.Position, a.PlannedActionId, a.PolicyGoal, a.ActionPlan, a.ShortDescription, a.LongDescription, a.Comment, a.Code, a.PlannedAmount?.ToInvariantString(), a.Cost?.ToInvariantString(), Code(a.Outcome), a.NotCarriedOutReason, a.Version)).ToList());
    }

    public static async Task<ReportDto> OfAsync(ReportService reports, AnnualReport r, CancellationToken ct) =>
        Of(r, await reports.StandingOfAsync(r, ct));

    public static string Code(ReportStatus s) => s switch
    {
        ReportStatus.Draft => "draft",
        ReportStatus.Submitted => "submitted",
        ReportStatus.ClarificationRequested => "clarification-requested",
        ReportStatus.Accepted => "accepted",
        _ => "not-used-for-purpose",
    };

    public static string Code(ReportOutcome o) => o switch
    {
        ReportOutcome.CarriedOut => "carried-out",
        ReportOutcome.NotCarriedOut => "not-carried-out",
        _ => "unplanned",
    };
}

/// <summary>
/// The annual reports under /api/v1/reports (R15). Starting one names its partnership in the body, and everything under
/// /reports/{reportId} belongs to the report's partnership: the partnership gate judges the caller for it before a
/// handler runs. The partnership's regisseur and signatory write it; the department reads it.
/// </summary>
public static class ReportsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/reports").WithTags("Reports").RequireAuthorization(Policies.SignedIn);
        group.MapPost("/", async Task<IResult> (StartReportRequest body, ReportService reports, CallService calls, CancellationToken ct) =>
            {
                var call = body.CallId is { } c ? await calls.GetAsync(c, ct) : await calls.LatestAsync(ct);
                if (call is null)
                {
                    return Problems.From(CallService.CallNotFound(body.CallId ?? 0));
                }

                var started = await reports.StartAsync(body.PartnershipId, call.Id, body.Year, ct);
                return started.IsSuccess ? TypedResults.Created($"/api/v1/reports/{started.Value!.Id}", await ReportDto.OfAsync(reports, started.Value, ct)) : Problems.From(started.Errors);
            })
            .RequirePartnership(PartnershipPermission.Apply)
            .WithSummary("The partnership's regisseur or signatory starts its report of a year (R15) from its approved plan: every action that runs that year, with its planned amount. 409 when the year has one; 422 R15 without an approved application.")
            .Produces<ReportDto>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/standing", async Task<IResult> (int? callId, int? year, ReportService reports, CallService calls, CancellationToken ct) =>
            {
                var call = callId is { } c ? await calls.GetAsync(c, ct) : await calls.LatestAsync(ct);
                if (call is null)
                {
                    return Problems.From(CallService.CallNotFound(callId ?? 0));
                }

                var standing = await reports.StandingAsync(call.Id, null, ct);
                return TypedResults.Ok(standing.Where(s => year is null || s.Year == year).Select(ReportStandingDto.Of).ToList());
            })
            .RequireAuthorization(Policies.Department)
            .WithSummary("The department's view of the reports a call (default the latest) expects (R15): one per partnership with an approved application and ended year, with its due date, extension, last day, timing (open, overdue, on-time, late) and status.")
            .Produces<List<ReportStandingDto>>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        group.MapPost("/extensions", async Task<IResult> (ReportExtensionRequest body, ReportService reports, CallService calls, CancellationToken ct) =>
            {
                var call = body.CallId is { } c ? await calls.GetAsync(c, ct) : await calls.LatestAsync(ct);
                if (call is null)
                {
                    return Problems.From(CallService.CallNotFound(body.CallId ?? 0));
                }

                var granted = await reports.GrantExtensionAsync(call.Id, body.PartnershipId, body.Year, body.Until, body.Reason, ct);
                return granted.IsSuccess
                    ? TypedResults.Ok(new ReportExtensionDto(granted.Value!.Id, granted.Value.CallId, granted.Value.PartnershipId, granted.Value.Year, granted.Value.Until, granted.Value.Reason, granted.Value.Version))
                    : Problems.From(granted.Errors);
            })
            .RequirePartnership(PartnershipPermission.Review)
            .WithSummary("A case handler gives a partnership more time for its report on a year (R15): until a date after the call's deadline, with a reason. Granting again moves it.")
            .Produces<ReportExtensionDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);

        var one = group.MapGroup("/{reportId:int}").RequirePartnership(PartnershipPermission.Read);
        one.MapGet("/", async Task<IResult> (int reportId, ReportService reports, CancellationToken ct) =>
                await reports.GetAsync(reportId, ct) is { } r ? TypedResults.Ok(await ReportDto.OfAsync(reports, r, ct)) : Problems.From(ReportService.NotFound(reportId)))
            .WithSummary("One annual report: its actions as reported (outcome, comment, cost), the financial total, and its check (R10 for the year, R11, R12, R15).")
            .Produces<ReportDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        one.MapPut("/actions/{actionId:int}", async Task<IResult> (int reportId, int actionId, ReportedActionRequest body, ReportService reports, CancellationToken ct) =>
                await Answer(reports, reportId, await reports.UpdateActionAsync(reportId, actionId, Input(body), body.Version, ct), ct))
            .RequirePartnership(PartnershipPermission.Apply)
            .WithSummary("Reports on one action (outcome carried-out or not-carried-out with a reason, comment, cost), with the action's version read: 409 when stale or when the report can no longer change.")
            .Produces<ReportDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        one.MapPost("/actions", async Task<IResult> (int reportId, ReportedActionRequest body, ReportService reports, CancellationToken ct) =>
                await Answer(reports, reportId, await reports.AddUnplannedAsync(reportId, Input(body), body.Version, ct), ct, created: true))
            .RequirePartnership(PartnershipPermission.Apply)
            .WithSummary("Adds an action carried out without being in the plan, with the report's version read.")
            .Produces<ReportDto>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        one.MapGet("/receipt.pdf", async Task<IResult> (int reportId, ReportService reports, CancellationToken ct) =>
                await reports.GetAsync(reportId, ct) is { } r && await reports.ReceiptAsync(reportId, ct) is { } receipt
                    ? TypedResults.File(ReportPdf.Receipt(receipt, r), "application/pdf", $"ontvangstbewijs-jaarverslag-{r.Year}-{r.PartnershipId}-v{receipt.Version}.pdf")
                    : Problems.From(DomainError.NotFound("Dit jaarverslag werd nog niet ingediend.", "This annual report was not submitted yet.")))
            .WithSummary("The receipt (PDF, Dutch) of the report's last submission: version, moment in Brussels, on time or late, and the SHA-256 of the content handed in. 404 before the first submission.")
            .Produces<byte[]>(StatusCodes.Status200OK, "application/pdf")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        one.MapGet("/decision.pdf", async Task<IResult> (int reportId, ReportService reports, CancellationToken ct) =>
            {
                if (await reports.GetAsync(reportId, ct) is not { EvaluatedAtUtc: not null } r)
                {
                    return Problems.From(DomainError.NotFound("Dit jaarverslag werd nog niet beoordeeld.", "This annual report was not evaluated yet."));
                }

                var standing = await reports.StandingOfAsync(r, ct);
                return TypedResults.File(ReportPdf.Decision(r, standing.PartnershipName, standing.CallCode), "application/pdf", $"beslissing-{ReportRules.DecisionReference(r)}.pdf");
            })
            .WithSummary("The department's decision (PDF, Dutch) on the report's last evaluation (R16): the judgement per priority, the motivation, and on a refusal its consequences. 404 before an evaluation.")
            .Produces<byte[]>(StatusCodes.Status200OK, "application/pdf")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        one.MapPost("/submit", async Task<IResult> (int reportId, ReportVersionRequest body, ReportService reports, CancellationToken ct) =>
                await Report(reports, await reports.SubmitAsync(reportId, body.Version, ct), ct))
            .RequirePartnership(ReportRules.PermissionFor(ReportStep.Submit))
            .WithSummary("The partnership's signatory submits the report: 422 with errorCode R10, R11, R12 or R15 (and every other violation) when something blocks; 409 when its status does not allow it or the version is stale.")
            .Produces<ReportDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        one.MapPost("/evaluation", async Task<IResult> (int reportId, ReportEvaluationRequest body, ReportService reports, CancellationToken ct) =>
                await Report(reports, await reports.EvaluateAsync(reportId, Evaluation(body), body.Version, ct), ct))
            .RequirePartnership(ReportRules.PermissionFor(ReportStep.Accept))
            .WithSummary("Case handlers evaluate a submitted report (R16), per priority and overall: accept (the year's balance is planned); clarify (manifestly unclear: an adapted report or further motivation by responseDue); refuse (not used for its purpose: every further payment of the call to the partnership is stopped and a reclaim of what was paid is decided, in one transaction). Always with a motivation; the partnership is notified.")
            .Produces<ReportDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        ReportImportApi.Map(one);

        api.MapGet("/partnerships/{partnershipId:int}/reports", async (int partnershipId, int? callId, ReportService reports, CallService calls, CancellationToken ct) =>
            {
                var call = callId is { } c ? await calls.GetAsync(c, ct) : await calls.LatestAsync(ct);
                return TypedResults.Ok(call is null ? [] : (await reports.StandingAsync(call.Id, partnershipId, ct)).Select(ReportStandingDto.Of).ToList());
            })
            .WithTags("Reports")
            .RequireAuthorization(Policies.SignedIn)
            .RequirePartnership(PartnershipPermission.Read)
            .WithSummary("The partnership's own reports of a call (default the latest) against their deadlines (R15): due, extension, last day, timing and status.")
            .Produces<List<ReportStandingDto>>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status403Forbidden);
    }

    private static ReportedActionInput Input(ReportedActionRequest b) => new(b.ShortDescription, b.LongDescription, b.Comment, b.Code, b.Outcome, b.Reason, b.Cost, b.PolicyGoal, b.ActionPlan);

    private static ReportEvaluationInput Evaluation(ReportEvaluationRequest b) =>
        new(b.Decision, b.Motivation, b.ResponseDue, b.Priorities?.Select(p => new PriorityEvaluationInput(p.Code, p.Sufficient, p.Remarks)).ToList(), b.ReclaimDue);

    private static async Task<IResult> Report(ReportService reports, Result<AnnualReport> result, CancellationToken ct) =>
        result.IsSuccess ? TypedResults.Ok(await ReportDto.OfAsync(reports, result.Value!, ct)) : Problems.From(result.Errors);

    private static async Task<IResult> Answer(ReportService reports, int reportId, Result<ReportedAction> result, CancellationToken ct, bool created = false)
    {
        if (!result.IsSuccess)
        {
            return Problems.From(result.Errors);
        }

        var dto = await ReportDto.OfAsync(reports, (await reports.GetAsync(reportId, ct))!, ct);
        return created ? TypedResults.Created($"/api/v1/reports/{reportId}", dto) : TypedResults.Ok(dto);
    }
}
