using Regiekamer.Core.Accounts;
using Regiekamer.Core.Common;
using Regiekamer.Core.Vouchers;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.VoucherControls;

/// <summary>
/// The controls of a scheme (KC9) under /partnerships/{partnershipId}/voucher-schemes/{schemeId}/controls: the
/// partnership gate judges the caller first (everyone of the partnership and the department reads; its regisseur and
/// the department's case work draw and decide), and the service finds the scheme, control or voucher only within that
/// partnership (another's is a 404).
/// </summary>
public static class VoucherControlsApi
{
    private static readonly int[] WriteProblems = [StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity];

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/partnerships/{partnershipId:int}/voucher-schemes/{schemeId:int}/controls").WithTags("Voucher controls")
            .RequireAuthorization(Policies.SignedIn).RequirePartnership(PartnershipPermission.Read);

        group.MapGet("/", async Task<IResult> (int partnershipId, int schemeId, VoucherControlService controls, CancellationToken ct) =>
                await controls.SchemeAsync(partnershipId, schemeId, ct) is null ? Problems.From(NotFound(schemeId)) : TypedResults.Ok(await ListAsync(controls, partnershipId, schemeId, ct)))
            .WithSummary("The scheme's control draws, newest first, each with its seed, the vouchers it drew from and the drawn vouchers' outcomes and reclaims; how many paid vouchers a new draw would draw from; the reclaims to the cent.")
            .Produces<VoucherControlsDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        group.MapPost("/", async Task<IResult> (int partnershipId, int schemeId, VoucherDrawRequest body, VoucherControlService controls, CancellationToken ct) =>
            {
                var drawn = await controls.DrawAsync(partnershipId, schemeId, new VoucherDrawInput(body.Size, body.Percent), ct);
                return drawn.IsSuccess
                    ? TypedResults.Created($"/api/v1/partnerships/{partnershipId}/voucher-schemes/{schemeId}/controls", VoucherControlDrawDto.Of(drawn.Value!, await controls.DrawnVouchersAsync([drawn.Value!], ct)))
                    : Problems.From(drawn.Errors);
            })
            .RequirePartnership(PartnershipPermission.Edit)
            .WithSummary("Draws a control sample (KC9) of the scheme's paid vouchers not drawn before: size (a number) or percent (default 10 %, rounded up). The server generates and records the seed; 422 errorCode KC9 when there is nothing to draw from.")
            .Produces<VoucherControlDrawDto>(StatusCodes.Status201Created)
            .ProducesProblems(WriteProblems);

        group.MapPost("/{controlId:int}/outcome", async Task<IResult> (int partnershipId, int schemeId, int controlId, VoucherControlOutcomeRequest body, VoucherControlService controls, CancellationToken ct) =>
            {
                var decided = await controls.DecideAsync(partnershipId, schemeId, controlId, new VoucherControlInput(body.Passed, body.Reason, body.ReclaimAmount, body.Version), ct);
                return decided.IsSuccess ? TypedResults.Ok(await ControlAsync(controls, partnershipId, schemeId, controlId, ct)) : Problems.From(decided.Errors);
            })
            .RequirePartnership(PartnershipPermission.Edit)
            .WithSummary("Records a drawn voucher's control, once: passed, or failed with a reason, which reclaims reclaimAmount (more than zero, at most the payout; empty: the whole payout; 422 errorCode KC9 otherwise). 409 when decided already or the version is stale.")
            .Produces<VoucherControlDto>(StatusCodes.Status200OK)
            .ProducesProblems(WriteProblems);

        group.MapPost("/vouchers/{voucherId:int}/repayment", async Task<IResult> (int partnershipId, int schemeId, int voucherId, VoucherRepaymentRequest body, VoucherControlService controls, CancellationToken ct) =>
            {
                var repaid = await controls.RecordRepaymentAsync(partnershipId, schemeId, voucherId, new VoucherRepaymentInput(body.RepaidOn, body.Reference, body.Version), ct);
                return repaid.IsSuccess ? TypedResults.Ok(await ControlOfVoucherAsync(controls, partnershipId, schemeId, voucherId, ct)) : Problems.From(repaid.Errors);
            })
            .RequirePartnership(PartnershipPermission.Edit)
            .WithSummary("Books the repayment of a voucher's reclaim: repaidOn (from the reclaim up to today) and reference, with the voucher's version. 409 when there is no open reclaim or the version is stale.")
            .Produces<VoucherControlDto>(StatusCodes.Status200OK)
            .ProducesProblems(WriteProblems);
    }

    private static async Task<VoucherControlsDto> ListAsync(VoucherControlService controls, int partnershipId, int schemeId, CancellationToken ct)
    {
        var draws = await controls.DrawsAsync(partnershipId, schemeId, ct);
        var vouchers = await controls.DrawnVouchersAsync(draws, ct);
        var reclaims = await controls.ReclaimsAsync(schemeId, ct);
        return new VoucherControlsDto(schemeId, await controls.DrawableAsync(schemeId, ct), reclaims.Count, reclaims.Reclaimed.ToInvariantString(), reclaims.Repaid.ToInvariantString(), reclaims.Open.ToInvariantString(),
            draws.Select(d => VoucherControlDrawDto.Of(d, vouchers)).ToList());
    }

    private static async Task<VoucherControlDto> ControlAsync(VoucherControlService controls, int partnershipId, int schemeId, int controlId, CancellationToken ct) =>
        (await ListAsync(controls, partnershipId, schemeId, ct)).Draws.SelectMany(d => d.Controls).First(c => c.Id == controlId);

    private static async Task<VoucherControlDto> ControlOfVoucherAsync(VoucherControlService controls, int partnershipId, int schemeId, int voucherId, CancellationToken ct) =>
        (await ListAsync(controls, partnershipId, schemeId, ct)).Draws.SelectMany(d => d.Controls).First(c => c.VoucherId == voucherId);

    private static DomainError NotFound(int schemeId) =>
        DomainError.NotFound($"Chequeregeling {schemeId} bestaat niet in dit regieverband.", $"Voucher scheme {schemeId} does not exist in this partnership.");
}
