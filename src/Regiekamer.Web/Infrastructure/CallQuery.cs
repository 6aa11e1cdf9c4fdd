using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Evaluation;

namespace Regiekamer.Web.Infrastructure;

/// <summary>The call and date an API request asks about: ?callId (default the latest) and ?on (default the call's judgement date).</summary>
public static class CallQuery
{
    /// <summary>?on parsed, or the call's judgement date (<see cref="CallService.JudgementDateAsync"/>) when it is empty.</summary>
    public static async Task<Result<DateOnly>> DateAsync(string? on, int? callId, CallService calls, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var given = Dates.Parse(on);
        return given.IsSuccess ? Result<DateOnly>.Ok(await calls.JudgementDateAsync(callId, given.Value, ct)) : Result<DateOnly>.Fail(given.Errors);
    }

    /// <summary>The call evaluated on that date (cached per version of its inputs).</summary>
    public static async Task<Result<CallEvaluation>> EvaluateAsync(string? on, int? callId, CallEvaluationService evaluations, CallService calls, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(evaluations);
        var date = await DateAsync(on, callId, calls, ct);
        return date.IsSuccess ? await evaluations.EvaluateAsync(callId, date.Value, ct) : Result<CallEvaluation>.Fail(date.Errors);
    }
}
