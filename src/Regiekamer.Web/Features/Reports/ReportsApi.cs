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

/// <summary>A case handler's evaluation (R16): decision accept, clarify (with responseDue) or refuse; always a motivation.</summary>
public sealed record ReportEvaluationRequest(string? Decision, string? Motivation, DateOnly? ResponseDue, int Version);

public sealed record ReportFindingDto(string Rule, string Severity, int? Position, string? Field, string Message, string MessageNl);

public sealed record ReportDto(int Id, int CallId, int PartnershipId, int ApplicationId, int Year, bool BbcRoute, string Status, int Version, int SubmittedVersions, string? EvaluationMotivation, DateOnly? ResponseDue, string TotalCost, bool Valid, IReadOnlyList<ReportFindingDto> Findings, IReadOnlyList<ReportedActionDto> Actions)
{
    public static ReportDto Of(AnnualReport r)
    {
        var findings = ReportRules.Check(r.Year, r.BbcRoute, r.Actions);
        return new(
            r.Id, r.CallId, r.PartnershipId, r.ApplicationId, r.Year, r.BbcRoute, Code(r.Status), r.Version, r.SubmittedVersions, r.EvaluationMotivation, r.ResponseDue, ReportRules.TotalCost(r.Actions).ToInvariantString(),
            !findings.Any(f => f.Severity == FindingSeverity.Violation),
            findings.Select(f => new ReportFindingDto(f.Rule, f.Severity == FindingSeverity.Violation ? "violation" : "warning", f.Row, f.Field, f.Message.En, f.Message.Nl)).ToList(),
            r.Actions.OrderBy(a => a.Position).Select(a => new ReportedActionDto(a.Id, a.Position, a.PlannedActionId, a.PolicyGoal, a.ActionPlan, a.ShortDescription, a.LongDescription, a.Comment, a.Code, a.PlannedAmount?.ToInvariantString(), a.Cost?.ToInvariantString(), Code(a.Outcome), a.NotCarriedOutReason, a.Version)).ToList());
    }

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
                return started.IsSuccess ? TypedResults.Created($"/api/v1/reports/{started.Value!.Id}", ReportDto.Of(started.Value)) : Problems.From(started.Errors);
            })
            .RequirePartnership(PartnershipPermission.Apply)
            .WithSummary("The partnership's regisseur or signatory starts its report of a year (R15) from its approved plan: every action that runs that year, with its planned amount. 409 when the year has one; 422 R15 without an approved application.")
            .Produces<ReportDto>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        var one = group.MapGroup("/{reportId:int}").RequirePartnership(PartnershipPermission.Read);
        one.MapGet("/", async Task<IResult> (int reportId, ReportService reports, CancellationToken ct) =>
                await reports.GetAsync(reportId, ct) is { } r ? TypedResults.Ok(ReportDto.Of(r)) : Problems.From(ReportService.NotFound(reportId)))
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
        one.MapPost("/submit", async Task<IResult> (int reportId, ReportVersionRequest body, ReportService reports, CancellationToken ct) =>
                Report(await reports.SubmitAsync(reportId, body.Version, ct)))
            .RequirePartnership(ReportRules.PermissionFor(ReportStep.Submit))
            .WithSummary("The partnership's signatory submits the report: 422 with errorCode R10, R11, R12 or R15 (and every other violation) when something blocks; 409 when its status does not allow it or the version is stale.")
            .Produces<ReportDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        one.MapPost("/evaluation", async Task<IResult> (int reportId, ReportEvaluationRequest body, ReportService reports, CancellationToken ct) =>
                Report(await reports.EvaluateAsync(reportId, body.Decision, body.Motivation, body.ResponseDue, body.Version, ct)))
            .RequirePartnership(ReportRules.PermissionFor(ReportStep.Accept))
            .WithSummary("Case handlers evaluate a submitted report (R16): accept; clarify (manifestly unclear: an adapted report or further motivation by responseDue); refuse (not used for its purpose: every further payment of the call to the partnership is stopped). Always with a motivation.")
            .Produces<ReportDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        ReportImportApi.Map(one);
    }

    private static ReportedActionInput Input(ReportedActionRequest b) => new(b.ShortDescription, b.LongDescription, b.Comment, b.Code, b.Outcome, b.Reason, b.Cost, b.PolicyGoal, b.ActionPlan);

    private static IResult Report(Result<AnnualReport> result) =>
        result.IsSuccess ? TypedResults.Ok(ReportDto.Of(result.Value!)) : Problems.From(result.Errors);

    private static async Task<IResult> Answer(ReportService reports, int reportId, Result<ReportedAction> result, CancellationToken ct, bool created = false)
    {
        if (!result.IsSuccess)
        {
            return Problems.From(result.Errors);
        }

        var dto = ReportDto.Of((await reports.GetAsync(reportId, ct))!);
        return created ? TypedResults.Created($"/api/v1/reports/{reportId}", dto) : TypedResults.Ok(dto);
    }
}
