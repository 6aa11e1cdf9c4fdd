using Regiekamer.Core.Accounts;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Eligibility;
using Regiekamer.Core.Evaluation;
using Regiekamer.Web.Features.Municipalities;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Eligibility;

public static class EligibilityApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/eligibility", ListAsync).WithTags("Eligibility").RequireAuthorization(Policies.Department)
          .WithSummary("Eligibility (R1-R6) of every partnership of the call (?callId, default the latest) on a date (?on=YYYY-MM-DD, default the call's judgement date): eligible or not, with each finding and its rule ID.")
          .Produces<EligibilityListDto>(StatusCodes.Status200OK)
          .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        api.MapGet("/partnerships/{partnershipId:int}/eligibility", OneAsync).WithTags("Eligibility").RequireAuthorization(Policies.SignedIn)
          .RequirePartnership(PartnershipPermission.Read)
          .WithSummary("Eligibility (R1-R6) of one partnership for the call (?callId) on a date (?on=YYYY-MM-DD), with its findings. 404 when it does not exist or is not in the call's municipality set.")
          .Produces<EligibilityDto>(StatusCodes.Status200OK)
          .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(int? callId, string? on, CallEvaluationService evaluations, CallService calls, CancellationToken ct)
    {
        var evaluation = await CallQuery.EvaluateAsync(on, callId, evaluations, calls, ct);
        return evaluation.IsSuccess ? TypedResults.Ok(ToDto(evaluation.Value!)) : Problems.From(evaluation.Errors);
    }

    private static async Task<IResult> OneAsync(CurrentPartnership current, int? callId, string? on, CallEvaluationService evaluations, CallService calls, CancellationToken ct)
    {
        var evaluation = await CallQuery.EvaluateAsync(on, callId, evaluations, calls, ct);
        if (!evaluation.IsSuccess)
        {
            return Problems.From(evaluation.Errors);
        }

        return evaluation.Value!.Of(current.Id) is { } r
            ? TypedResults.Ok(Eligibility(r))
            : Problems.From(Core.Common.DomainError.NotFound($"Regieverband {current.Id} hoort niet bij oproep {evaluation.Value.Call.Code}.", $"Partnership {current.Id} is not part of call {evaluation.Value.Call.Code}."));
    }

    public static EligibilityListDto ToDto(CallEvaluation e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Version.CallId.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Version.Number, e.On, SourceDto.Of(e.Snapshot.RegionDataset), SourceDto.Of(e.Snapshot.InhabitantsDataset), e.Partnerships.Select(Eligibility).ToList());
    }

    public static EligibilityDto Eligibility(PartnershipEligibility r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Partnership.Id, r.Partnership.Name, r.Result.Eligible, r.Result.Findings.Select(FindingDto.Of).ToList());
    }
}
